// Names of tools, companies and degrees written the way their owners write them. Entries live
// in rules/data/terminology.yml. Matching is case-insensitive, and `unless` holds the canonical
// spelling, so only the other spellings are flagged. Beyond the shared phrase fields an entry
// may say which of its words to report (`target`), and may require a context: the next word
// (`next`) or a word nearby (`near`), for terms that are also ordinary words (latex, python).
import data from './data/terminology.yml'
import {tokenize, type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

/** A terminology entry: a phrase entry with the context fields this rule reads. */
export interface TermEntry extends PhraseEntry {
  unless: string
  /** The words of the phrase to report and replace (the whole match by default). */
  target?: string
  /** Only when the word after the match is one of these. */
  next?: string[]
  /** Only when one of these words is within three words of the target, in the same sentence, */
  near?: string[]
  /** or (when both are given, either will do) the word right before it is one of these. */
  prev?: string[]
  /** Other exact spellings that are also right (`IOS` is Cisco's). */
  also?: string[]
}

const entries = data as TermEntry[]

/** Names and terms spelled the way their owners spell them. */
export default defineRule({
  meta: {
    id: 'terminology',
    phrases: entries,
    description: 'Names of tools, companies and degrees spelled the wrong way ("Youtube", "Pytorch", "Phd")',
    rationale:
      'Writing a tool or company name the way its owner does ("GitHub", "PyTorch", "LaTeX") shows the care that a reader of a technical statement looks for; "Github" or "Pytorch" reads as unfamiliarity with the tool you claim. Compound adjectives such as "state-of-the-art" are hyphenated before a noun (Chicago Manual of Style, 7.81). Phrase list: rules/data/terminology.yml.',
    defaultLevel: 'warn',
    fix: 'auto',
    type: 'problem',
    example: {before: 'I learned Pytorch from Youtube tutorials and built state of the art models.', after: 'I learned PyTorch from YouTube tutorials and built state-of-the-art models.'}
  },
  check({doc, report, phrases}) {
    const seen = new Set<number>()
    for (const match of phrases) {
      const entry = match.entry as TermEntry
      const span = targetTokens(match, entry)
      if (!span || seen.has(span[0].start)) continue
      const first = span[0]
      const last = span[span.length - 1]
      const written = doc.text.slice(first.start, last.end)
      if (accepted(written, entry, first)) continue
      if (!contextHolds(match, entry, span)) continue
      if (glued(doc.text, first.start, last.end)) continue
      seen.add(first.start)
      report({
        start: first.start,
        end: last.end,
        message: `${quote(written)} ${entry.reason}; write ${quote(entry.unless)}`,
        expected: [entry.unless],
        note: entry.note
      })
    }
  }
})

function targetTokens(match: PhraseMatch, entry: TermEntry): Token[] | undefined {
  if (!entry.target) return match.tokens
  const want = tokenize(entry.target)
  for (let i = 0; i + want.length <= match.tokens.length; i++) {
    if (want.every((w, k) => match.tokens[i + k].norm === w)) return match.tokens.slice(i, i + want.length)
  }
  return undefined
}

// The canonical spelling and its listed variants are right; a lower-case canonical ("e-mail",
// "scikit-learn") may also open a sentence with a capital, or be title-cased in a heading.
function accepted(written: string, entry: TermEntry, first: Token): boolean {
  const canonical = entry.unless
  if (written === canonical || entry.also?.includes(written)) return true
  if (canonical !== canonical.toLowerCase()) return false
  const capital = canonical[0].toUpperCase() + canonical.slice(1)
  const opens = first.sentence.tokens.find((t) => t.kind === 'word') === first
  if (opens && written === capital) return true
  if (first.sentence.block.kind === 'heading') {
    const title = canonical.replace(/(^|[-\s])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    return written === capital || written === title
  }
  return false
}

function contextHolds(match: PhraseMatch, entry: TermEntry, span: Token[]): boolean {
  const tokens = span[0].sentence.tokens
  if (entry.next) {
    const after = tokens[indexOfToken(tokens, match.tokens[match.tokens.length - 1]) + 1]
    if (!after || after.kind !== 'word' || !entry.next.includes(after.norm)) return false
  }
  if (!entry.near && !entry.prev) return true
  const words = span[0].sentence.words
  const from = indexOfToken(words, span[0])
  const to = indexOfToken(words, span[span.length - 1])
  const before = tokens[indexOfToken(tokens, span[0]) - 1]
  if (entry.prev && before?.kind === 'word' && entry.prev.includes(before.norm)) return true
  const around = [...words.slice(Math.max(0, from - 3), from), ...words.slice(to + 1, to + 4)]
  return entry.near !== undefined && around.some((w) => entry.near!.includes(w.norm))
}

// Glued to `/`, `@`, `_`, `\` or a dotted suffix: part of a URL, handle, path or identifier.
function glued(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' '
  const after = text[end] ?? ' '
  const after2 = text[end + 1] ?? ' '
  return /[/@_\\.]/.test(before) || /[/@_\\]/.test(after) || (/[.:]/.test(after) && /\w/.test(after2))
}
