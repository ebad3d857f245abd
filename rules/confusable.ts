// Real words written for other real words ("I am hopping to join", "study aboard", "a prove of",
// "I cant tell"): a dictionary passes each of them, so only the words around them tell. Each entry
// of rules/data/confusable.yml is the wrong word, the right one and the small contexts, by
// neighbouring words and classes of words, in which the wrong word cannot be meant; the contexts
// are phrase patterns, matched with every other list in the one phrase pass.
import data from './data/confusable.yml'
import type {PhraseEntry, PhraseMatch} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {expandFamily} from './inflect.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

/** An entry as written in the data file. */
interface ConfusableData {
  word: string
  right: string
  context: string
  next?: string[]
  notNext?: string[]
  notAfter?: string[]
  unlessEarlier?: string[]
  reason: string
  note?: string
  auto?: boolean
  examples: string[]
  allows?: string[]
}

/** A confusable entry as a phrase entry, with the fields this rule reads. */
export interface ConfusableEntry extends PhraseEntry {
  word: string
  right: string
  next?: string[]
  notNext?: string[]
  /** Not when one of these words comes earlier in the sentence ("if the loss is lower then we stop"). */
  unlessEarlier?: string[]
}

const file = data as {classes: Record<string, string[]>; entries: ConfusableData[]}

// `{class}` in a pattern or a word list stands for the words of that class.
function expandClasses(pattern: string): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const words = file.classes[name]
    if (!words) throw new Error(`rules/data/confusable.yml: no class {${name}}`)
    return words.join('|')
  })
}
const wordList = (list: string[] | undefined): string[] | undefined => list?.flatMap((w) => (/^\{\w+\}$/.test(w) ? file.classes[w.slice(1, -1)] : [w]))

/** The entries with their contexts expanded into the standard pattern syntax. */
export const confusableEntries: ConfusableEntry[] = file.entries.map((e) => ({
  phrase: expandFamily(expandClasses(e.context)),
  word: e.word,
  right: e.right,
  next: wordList(e.next),
  notNext: wordList(e.notNext),
  notAfter: e.notAfter,
  unlessEarlier: e.unlessEarlier,
  reason: e.reason,
  note: e.note,
  auto: e.auto,
  examples: e.examples,
  allows: e.allows
}))

/** Real words used for others that sound or look alike, found by the words around them. */
export default defineRule({
  meta: {
    id: 'confusable',
    phrases: confusableEntries,
    description: 'Real words used for others that look or sound alike ("I am hopping to", "study aboard", "was lead by", "a prove of", "I cant")',
    rationale:
      'A spell checker passes "hopping", "aboard" and "lead" because each is a word, yet a reader sees the word that is written: "I am hopping to join your lab" pictures the writer on one foot, and the slip says the statement was not read before it was sent. Each word is flagged only where it cannot be meant ("hopping" after "am" and before "to" and a verb, not before "the next stone"; "aboard" after "study", not before "the ship"). The pairs come from lists of commonly confused words and of learner errors; they and their contexts are data in rules/data/confusable.yml.',
    defaultLevel: 'warn',
    fix: 'auto',
    type: 'problem',
    example: {before: 'I am hopping to study aboard, as my advisor has lead me to do.', after: 'I am hoping to study abroad, as my advisor has led me to do.'}
  },
  check({doc, report, phrases}) {
    const done = new Set<number>()
    for (const match of phrases) {
      const entry = match.entry as ConfusableEntry
      const target = match.tokens.find((t) => t.kind === 'word' && t.norm === entry.word)
      if (!target || done.has(target.start)) continue
      // An acronym is another word ("switched to LED lighting").
      if (target.text.length > 1 && target.text === target.text.toUpperCase()) continue
      if (!nextHolds(match, entry)) continue
      if (entry.unlessEarlier && target.sentence.words.some((w) => w.start < target.start && entry.unlessEarlier!.includes(w.norm))) continue
      done.add(target.start)
      const right = /^\p{Lu}/u.test(target.text) ? entry.right[0].toUpperCase() + entry.right.slice(1) : entry.right
      report({
        start: target.start,
        end: target.end,
        message: `${quote(target.text)} ${entry.reason}; write ${quote(right)}`,
        expected: [right],
        note: entry.note,
        fixable: entry.auto === true
      })
    }
  }
})

// The word after the match: `<punct>` is a punctuation mark or the end of the sentence, `<cap>` a
// capitalised word that does not open it, `<number>` a number.
function nextHolds(match: PhraseMatch, entry: ConfusableEntry): boolean {
  if (!entry.next && !entry.notNext) return true
  const last = match.tokens[match.tokens.length - 1]
  const tokens = last.sentence.tokens
  const after: Token | undefined = tokens[indexOfToken(tokens, last) + 1]
  const is = (w: string): boolean => {
    if (w === '<punct>') return !after || after.kind === 'punct'
    if (w === '<number>') return after !== undefined && /^\d/.test(after.text)
    if (!after || after.kind !== 'word') return false
    if (w === '<cap>') return /^\p{Lu}/u.test(after.text)
    return after.norm === w
  }
  if (entry.next && !entry.next.some(is)) return false
  return !entry.notNext?.some(is)
}
