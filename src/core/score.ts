// The score: 100 less a list of deductions, each resting on a rule's findings or on one
// statistic, so a writer sees what each point costs and what to fix first. The formula is
// documented in docs/report.md; change both together.
import {thousands} from './numbers.ts'
import type {Deduction, DocumentStats, LintMessage} from './types.ts'

/** Points one finding costs, by level, and the most one rule's findings may cost. */
export const findingPoints = {error: 6, warning: 3, info: 1} as const
export const ruleCap = {error: 18, warning: 15, info: 5} as const

// These rules restate a statistic the score already weighs (the word count, the share of
// bold and italics); counting their findings too would charge the same flaw twice.
const byStatistic = new Set(['length', 'bold-overuse'])

// How a deduction names a rule's findings: "4 stock phrases".
const nouns: Record<string, [string, string]> = {
  consistency: ['term spelled two ways', 'terms spelled two ways'],
  'custom-phrase': ['phrase from your list', 'phrases from your list'],
  'grammar-slip': ['grammar slip', 'grammar slips'],
  hedge: ['hedge', 'hedges'],
  'indefinite-article': ['wrong a/an', 'wrong a/an'],
  'letter-formality': ['letter formality', 'letter formalities'],
  'missing-specifics': ['claim without specifics', 'claims without specifics'],
  'passive-voice': ['passive verb', 'passive verbs'],
  placeholder: ['template leftover', 'template leftovers'],
  readability: ['hard sentence', 'hard sentences'],
  'redundant-acronym': ['redundant acronym', 'redundant acronyms'],
  'repeated-word': ['repeated word', 'repeated words'],
  'repetitive-start': ['repetitive opening', 'repetitive openings'],
  'sentence-length': ['long sentence', 'long sentences'],
  spelling: ['misspelling', 'misspellings'],
  'stock-phrase': ['stock phrase', 'stock phrases'],
  'target-mismatch': ["other school's name", "other schools' names"],
  'target-missing': ['missing target', 'missing targets'],
  terminology: ['misspelled name', 'misspelled names'],
  'unpunctuated-end': ['unpunctuated paragraph end', 'unpunctuated paragraph ends']
}

/**
 * The score from 0 to 100 and its deductions, the largest (what gains most to fix) first.
 * `off` lists rules the user turned off: the statistics those rules restate are not charged.
 */
export function scoreOf(stats: DocumentStats, messages: LintMessage[], {off = []}: {off?: readonly string[]} = {}): {score: number; deductions: Deduction[]} {
  const deductions: Deduction[] = [...findingDeductions(messages), ...statDeductions(stats, new Set(off))].filter((d) => d.points > 0)
  deductions.sort((a, b) => b.points - a.points || a.reason.localeCompare(b.reason))
  const lost = deductions.reduce((sum, d) => sum + d.points, 0)
  return {score: Math.max(0, Math.round(100 - lost)), deductions}
}

// Each rule's findings: points by level, capped per rule, so one habit cannot sink the score.
function findingDeductions(messages: LintMessage[]): Deduction[] {
  const byRule = new Map<string, LintMessage[]>()
  for (const m of messages) if (!byStatistic.has(m.ruleId)) byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), m])
  return [...byRule].map(([ruleId, list]) => {
    // A rule's cap is that of its most severe finding.
    const worst = list.some((m) => m.level === 'error') ? 'error' : list.some((m) => m.level === 'warning') ? 'warning' : 'info'
    const points = Math.min(ruleCap[worst], list.reduce((sum, m) => sum + findingPoints[m.level], 0))
    const [one, many] = nouns[ruleId] ?? [`${ruleId} finding`, `${ruleId} findings`]
    return {points, reason: `${list.length} ${list.length === 1 ? one : many}`, ruleId, count: list.length}
  })
}

// Statistics past a threshold, each with its own rate and cap (docs/report.md has the table).
function statDeductions(s: DocumentStats, off: Set<string>): Deduction[] {
  const out: Deduction[] = []
  const add = (points: number, cap: number, stat: keyof DocumentStats, reason: string) => {
    const p = Math.min(cap, Math.round(points))
    if (p > 0) out.push({points: p, reason, stat})
  }
  if (off.has('length')) {
    // The writer has said the length does not matter here.
  } else if (s.words > s.wordLimit) add(((s.words - s.wordLimit) / s.wordLimit) * 25, 20, 'words', `${thousands(s.words)} words, ${thousands(s.words - s.wordLimit)} over the limit of ${thousands(s.wordLimit)}`)
  else if (s.words < s.wordMinimum) add(((s.wordMinimum - s.words) / s.wordMinimum) * 30, 15, 'words', `${thousands(s.words)} words, ${thousands(s.wordMinimum - s.words)} under the minimum of ${thousands(s.wordMinimum)}`)
  if (!off.has('bold-overuse') && s.boldShare > 0.08) add((s.boldShare - 0.08) * 50, 15, 'boldShare', `${pct(s.boldShare)} of the words are bold`)
  if (!off.has('bold-overuse') && s.italicShare > 0.15) add((s.italicShare - 0.15) * 30, 8, 'italicShare', `${pct(s.italicShare)} of the words are in italics`)
  if (s.meanSentenceWords > 25) add(s.meanSentenceWords - 25, 10, 'meanSentenceWords', `sentences average ${s.meanSentenceWords} words`)
  if (s.words >= 100 && s.readingEase < 25) add((25 - s.readingEase) / 3, 8, 'readingEase', `reading ease ${s.readingEase} (hard to read)`)
  if (s.iStartShare > 0.5) add((s.iStartShare - 0.5) * 20, 5, 'iStartShare', `${pct(s.iStartShare)} of the sentences start with "I"`)
  if (s.words >= 100 && s.specificsPer100 < 2) add((2 - s.specificsPer100) * 4, 8, 'specificsPer100', `${s.specificsPer100} names and numbers per 100 words`)
  return out
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`
}
