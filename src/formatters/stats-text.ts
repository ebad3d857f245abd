// The statistics and the score as a few lines of text: after the findings in stylish output,
// alone in `soplint stats` (`-f stats`), and for each draft in `soplint compare`.
import {thousands} from '../core/numbers.ts'
import type {Deduction, DocumentStats} from '../core/types.ts'
import {reportPath} from './paths.ts'
import type {FileResult, Formatter} from './types.ts'

type Paint = (style: 'dim' | 'bold', text: string) => string
const plain: Paint = (_style, text) => text

/** Whether a result carries the full statistics (lint ran with `stats: true`). */
export function hasFullStats(stats: FileResult['stats']): stats is DocumentStats {
  return stats !== undefined && 'wordLimit' in stats
}

/** The statistics block, indented two spaces, one line per group. */
export function statsLines(s: DocumentStats, paint: Paint = plain): string[] {
  const pct = (share: number) => `${Math.round(share * 100)}%`
  const rates = Object.entries(s.findingsPer1000).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const label = (text: string) => paint('dim', text.padEnd(13))
  const range = s.words > s.wordLimit ? ` (${thousands(s.words - s.wordLimit)} over)` : s.words < s.wordMinimum ? ` (under the minimum of ${thousands(s.wordMinimum)})` : ''
  return [
    `  ${label('length')}${thousands(s.words)} / ${thousands(s.wordLimit)} words${range}, ${count(s.paragraphs, 'paragraph')}, ${count(s.sentences, 'sentence')}`,
    `  ${label('sentences')}mean ${s.meanSentenceWords} words, longest ${s.longestSentenceWords} (line ${s.longestSentenceLine})`,
    `  ${label('readability')}Flesch reading ease ${s.readingEase}, grade level ${s.gradeLevel}`,
    `  ${label('emphasis')}${pct(s.boldShare)} of the words bold, ${pct(s.italicShare)} italic; ${pct(s.iStartShare)} of the sentences start with "I"`,
    `  ${label('specifics')}${s.specificsPer100} per 100 words (${count(s.numbers, 'number')}, ${count(s.names, 'name')})`,
    `  ${label('findings')}${rates.length ? rates.map(([id, n]) => `${id} ${n}`).join(', ') + ' per 1,000 words' : 'none'}`
  ]
}

/** The score and its deductions, largest first. */
export function scoreLines(score: number, deductions: Deduction[], paint: Paint = plain): string[] {
  const lines = [`  ${paint('dim', 'score'.padEnd(13))}${paint('bold', `${score} / 100`)}`]
  for (const d of deductions) lines.push(`  ${' '.repeat(13)}${`-${d.points}`.padStart(4)}  ${d.reason}`)
  return lines
}

/** Both blocks for one result, or nothing when it has no full statistics. */
export function resultBlock(result: Pick<FileResult, 'stats' | 'score' | 'deductions'>, paint: Paint = plain): string[] {
  if (!hasFullStats(result.stats)) return []
  return [...statsLines(result.stats, paint), ...(result.score !== undefined ? scoreLines(result.score, result.deductions ?? [], paint) : [])]
}

/** `-f stats` (what `soplint stats` prints): each file's name, statistics and score, no findings. */
export const statsOnly: Formatter = (results, {cwd}) => {
  const blocks = results.filter((r) => hasFullStats(r.stats)).map((r) => [reportPath(cwd, r.filePath), ...resultBlock(r)].join('\n'))
  return blocks.length ? blocks.join('\n\n') + '\n' : ''
}

function count(n: number, one: string): string {
  return `${thousands(n)} ${one}${n === 1 ? '' : 's'}`
}
