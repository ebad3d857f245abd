// `soplint compare OLD NEW`: two drafts' scores and statistics, and which findings the new one
// fixed, kept and added (matched by rule and text, src/core/compare.ts). Exit 1 when the new
// draft scores lower, so a revision script can stop on a step back.
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {findConfig, readConfigFile} from '../node/config.ts'
import {maxDocxBytes, readBytes, readStatement, readWordDocument} from '../node/files.ts'
import {InputError, isInputError} from '../core/errors.ts'
import {thousands} from '../core/numbers.ts'
import {compareResults, didYouMean, formatOf, inputFormats, kinds, lint, type Comparison, type Config, type InputFormat, type LintMessage, type LintResult} from '../index.ts'
import {reportPath} from '../formatters/paths.ts'
import {hasFullStats} from '../formatters/stats-text.ts'

import type {ReportOptions} from './options.ts'

type IO = {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}

/** Options `soplint compare` takes. */
export type CompareOptions = ReportOptions

/** Compare two drafts; 1 when the new one scores lower, 0 otherwise, 2 on bad input. */
export async function runCompare(oldPath: string, newPath: string, options: CompareOptions, io: IO): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') throw new InputError(`--format: soplint compare prints text or json (got "${options.format}")`)
  if (options.preset && !kinds.includes(options.preset as never)) throw new InputError(`--preset: unknown kind "${options.preset}"${didYouMean(options.preset, kinds)} (kinds: ${kinds.join(', ')})`)
  if (options.formatIn && !inputFormats.includes(options.formatIn as InputFormat)) throw new InputError(`--format-in: unknown input format "${options.formatIn}" (formats: ${inputFormats.join(', ')})`)
  const cwd = process.cwd()
  const [before, after] = await Promise.all([readDraft(oldPath, options), readDraft(newPath, options)])
  const comparison = compareResults(before, after)
  const output = options.format === 'json' ? JSON.stringify(comparison) + '\n' : compareText(comparison, cwd)
  if (options.outputFile) {
    await writeFile(options.outputFile, output).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`--output-file ${options.outputFile}: cannot write the report (${error.code ?? error.message})`)
    })
  } else io.stdout.write(output)
  return comparison.verdict === 'worse' ? 1 : 0
}

async function readDraft(file: string, options: CompareOptions): Promise<LintResult> {
  const absolute = path.resolve(file)
  const format = (options.formatIn as InputFormat | undefined) ?? formatOf(absolute)
  let text: string
  let mdast
  if (format === 'docx') {
    const word = await readWordDocument(await readBytes(absolute, file, maxDocxBytes), file)
    text = word.text
    mdast = word.mdast
  } else text = await readStatement(absolute, file)
  const found = options.config ? await readConfigFile(options.config) : options.configLookup ? await findConfig(absolute) : {config: {} as Config, filepath: undefined}
  // Flags beat the front matter, as in a lint run.
  const overrides: Config = {}
  if (options.preset) overrides.preset = options.preset as Config['preset']
  if (options.target) overrides.target = options.target
  try {
    return await lint(text, {filePath: absolute, format, config: found.config, configSource: found.filepath ?? 'configuration', overrides, mdast, stats: true})
  } catch (error) {
    if (isInputError(error) && !error.message.startsWith(file)) throw new InputError(`${file}: ${error.message}`)
    throw error
  }
}

/** The comparison as text: both drafts, the verdict, then the findings fixed, remaining and added. */
export function compareText(c: Comparison, cwd: string): string {
  const name = (file?: string) => (file ? reportPath(cwd, file) : '<text>')
  const change = c.new.score - c.old.score
  const lines = [
    `old  ${name(c.old.filePath)}  score ${c.old.score} / 100, ${plural(c.old.findings, 'finding')}${words(c.old.stats)}`,
    `new  ${name(c.new.filePath)}  score ${c.new.score} / 100, ${plural(c.new.findings, 'finding')}${words(c.new.stats)}`,
    `verdict: ${c.verdict}${change ? ` (${change > 0 ? '+' : ''}${change})` : ''}; ${c.fixed.length} fixed, ${c.remaining.length} remaining, ${c.added.length} added`
  ]
  const o = c.old.stats
  const n = c.new.stats
  if (hasFullStats(o as never) && hasFullStats(n as never)) {
    const pct = (v?: number) => `${Math.round((v ?? 0) * 100)}%`
    const rows: Array<[string, string, string]> = [
      ['words', thousands(o.words ?? 0), thousands(n.words ?? 0)],
      ['mean sentence', `${o.meanSentenceWords}`, `${n.meanSentenceWords}`],
      ['reading ease', `${o.readingEase}`, `${n.readingEase}`],
      ['bold', pct(o.boldShare), pct(n.boldShare)],
      ['"I" openings', pct(o.iStartShare), pct(n.iStartShare)],
      ['specifics/100', `${o.specificsPer100}`, `${n.specificsPer100}`]
    ]
    lines.push('', ...rows.map(([k, a, b]) => `  ${k.padEnd(15)}${a.padStart(7)}  ->  ${b}`))
  }
  const list = (title: string, messages: LintMessage[]) => {
    if (messages.length === 0) return
    lines.push('', `${title} (${messages.length})`)
    for (const m of messages) lines.push(`  ${(m.paragraph ? `paragraph ${m.paragraph}` : `${m.line}:${m.column}`).padEnd(8)}  ${m.message}  ${m.ruleId}`)
  }
  list('fixed (lines of the old draft)', c.fixed)
  list('remaining', c.remaining)
  list('added', c.added)
  if (c.new.deductions.length) lines.push('', `what the new draft would gain most from:`, ...c.new.deductions.slice(0, 5).map((d) => `  ${`+${d.points}`.padStart(4)}  ${d.reason}`))
  return lines.join('\n') + '\n'
}

function words(stats: Comparison['old']['stats']): string {
  return stats.words !== undefined && stats.wordLimit !== undefined ? `, ${thousands(stats.words)} / ${thousands(stats.wordLimit)} words` : ''
}

function plural(n: number, one: string): string {
  return `${thousands(n)} ${one}${n === 1 ? '' : 's'}`
}
