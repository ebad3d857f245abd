import {isStdin, reportPath} from './paths.ts'
import type {Formatter} from './types.ts'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request,
 * `::warning file=a.md,line=3,col=7,endLine=3,endColumn=14,title=repeated-word::message`.
 */
export const github: Formatter = (results, {cwd}) => {
  const lines: string[] = []
  for (const result of results) {
    const file = isStdin(result.filePath) ? undefined : reportPath(cwd, result.filePath)
    for (const m of result.messages) {
      const properties: Array<[string, string | number]> = [
        ...(file === undefined ? [] : [['file', file] as [string, string]]),
        ['line', m.line],
        ['col', m.column],
        ['endLine', m.endLine],
        ['endColumn', m.endColumn],
        ['title', m.ruleId]
      ]
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      lines.push(`::${commands[m.level]} ${list}::${escapeData(m.message)}`)
    }
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}

/** Escape a command's message as the runner expects: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command property: the message's escapes, plus `:` and `,`, which end a property. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
