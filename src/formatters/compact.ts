import {reportPath} from './paths.ts'
import type {Formatter} from './types.ts'

/**
 * One line per finding, `file:line:col: level message [rule]`: the shape compilers print, which
 * editors' error parsers (Vim's errorformat, Emacs' compile mode) and reviewdog read.
 */
export const compact: Formatter = (results, {cwd}) => {
  const lines: string[] = []
  for (const result of results) {
    const file = reportPath(cwd, result.filePath)
    for (const m of result.messages) lines.push(`${file}:${m.line}:${m.column}: ${m.level} ${m.message.replace(/\s+/g, ' ').trim()} [${m.ruleId}]`)
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
