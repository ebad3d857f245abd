// Two drafts of one statement side by side: which findings the new draft fixed, which remain and
// which it added. Findings are matched by rule and flagged text, not by line: a paragraph added
// above a stock phrase moves it, it does not fix it.
import type {Deduction, DocumentStats, LintMessage} from './types.ts'

/** One draft as compare reads it: lint()'s result with `stats: true`. */
export interface Draft {
  filePath?: string
  messages: LintMessage[]
  stats: Partial<DocumentStats>
  score?: number
  deductions?: Deduction[]
}

/** What compareResults() returns; `--format json` prints it as it is. */
export interface Comparison {
  old: {filePath?: string; score: number; stats: Partial<DocumentStats>; deductions: Deduction[]; findings: number}
  new: {filePath?: string; score: number; stats: Partial<DocumentStats>; deductions: Deduction[]; findings: number}
  /** Findings of the old draft that the new one no longer has (as they were in the old draft). */
  fixed: LintMessage[]
  /** Findings in both drafts (as they are in the new draft). */
  remaining: LintMessage[]
  /** Findings only the new draft has. */
  added: LintMessage[]
  /** By score: the new draft is better, worse, or the same. */
  verdict: 'better' | 'worse' | 'same'
}

// Rules whose one finding is about the whole document: its text is wherever the limit falls,
// so it is matched by rule alone.
const wholeDocument = new Set(['length'])

/** The key two findings must share to be the same finding in two drafts. */
export function findingKey(m: LintMessage): string {
  if (wholeDocument.has(m.ruleId)) return m.ruleId
  return m.ruleId + '\u0000' + m.actual.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim()
}

/** Compare two drafts linted with `stats: true`. */
export function compareResults(oldDraft: Draft, newDraft: Draft): Comparison {
  const pending = new Map<string, LintMessage[]>()
  for (const m of oldDraft.messages) {
    const key = findingKey(m)
    pending.set(key, [...(pending.get(key) ?? []), m])
  }
  const remaining: LintMessage[] = []
  const added: LintMessage[] = []
  for (const m of newDraft.messages) {
    const same = pending.get(findingKey(m))
    if (same && same.length > 0) {
      same.shift()
      remaining.push(m)
    } else added.push(m)
  }
  const fixed = oldDraft.messages.filter((m) => pending.get(findingKey(m))?.includes(m))
  const side = (d: Draft) => ({filePath: d.filePath, score: d.score ?? 0, stats: d.stats, deductions: d.deductions ?? [], findings: d.messages.length})
  const before = side(oldDraft)
  const after = side(newDraft)
  return {old: before, new: after, fixed, remaining, added, verdict: after.score > before.score ? 'better' : after.score < before.score ? 'worse' : 'same'}
}
