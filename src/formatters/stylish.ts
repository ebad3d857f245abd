import path from 'node:path'
import {thousands} from '../core/numbers.ts'
import {resultBlock} from './stats-text.ts'
import type {Formatter} from './types.ts'

const codes = {red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24]} as const

/** Human output grouped by file, after ESLint's stylish. */
export const stylish: Formatter = (results, {cwd, color}) => {
  const paint = (style: keyof typeof codes, text: string) => (color ? `\u001B[${codes[style][0]}m${text}\u001B[${codes[style][1]}m` : text)
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  let infos = 0
  let fixable = 0
  for (const result of results) {
    errors += result.errorCount
    warnings += result.warningCount
    infos += result.infoCount
    fixable += result.fixableErrorCount + result.fixableWarningCount
    // With --stats every file gets its block, findings or not.
    const block = resultBlock(result, (style, text) => paint(style, text))
    if (result.messages.length === 0 && block.length === 0) continue
    const name = relative(cwd, result.filePath)
    const words = result.stats && result.settings ? paint('dim', `  ${thousands(result.stats.words)} words; ${result.settings.kind}${result.settings.kindInferred ? ` (inferred: ${result.settings.kindInferred})` : ''}: ${thousands(result.settings.minWords)} to ${thousands(result.settings.maxWords)}`) : ''
    lines.push('', paint('underline', name) + words)
    const rows = result.messages.map((m) => [
      // A Word document has paragraphs, not lines.
      m.paragraph ? `paragraph ${m.paragraph}` : `${m.line}:${m.column}`,
      m.level === 'error' ? paint('red', 'error') : m.level === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info'),
      m.message,
      paint('dim', m.ruleId)
    ])
    const width = rows.reduce((most, r) => Math.max(most, r[0].length), 0)
    const levelWidth = color ? 'warning'.length + 10 : 'warning'.length
    for (const [place, level, message, rule] of rows) lines.push(`  ${place.padEnd(width)}  ${level.padEnd(levelWidth)}  ${message}  ${rule}`)
    if (block.length) lines.push(...(rows.length ? [''] : []), ...block)
  }
  const total = errors + warnings + infos
  if (total === 0) return lines.length ? lines.join('\n') + '\n' : ''
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
  const summary = `${errors > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`
  lines.push('', paint('bold', errors > 0 ? paint('red', summary) : paint('yellow', summary)))
  if (fixable > 0) lines.push(paint('dim', `  ${plural(fixable, 'problem')} can be fixed with the \`--fix\` option.`))
  return lines.join('\n') + '\n'
}

function relative(cwd: string, file: string): string {
  if (file === '<text>' || !path.isAbsolute(file)) return file
  const rel = path.relative(cwd, file)
  return rel.startsWith('..') ? file : rel
}
