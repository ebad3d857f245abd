// Learner collocations and idioms: the wrong preposition after a noun or verb ("capable to",
// "comprise of"), a fixed expression with a wrong word ("according to me"), a possessive without
// its apostrophe ("my fathers advice"), informal register ("gonna", "Hey there"). The phrases are
// data (rules/data/collocation.yml), written as families: `comprise~` covers every form of the
// verb and "I am" covers "I'm".
import data from './data/collocation.yml'
import {replacements, type PhraseEntry} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {expandEntries} from './inflect.ts'
import {phraseMessage} from './util.ts'

/** A collocation entry: a phrase entry with the fields this rule reads (see the data file). */
export interface CollocationEntry extends PhraseEntry {
  /** Words of the match to rewrite for the fix (`''` deletes), the rest kept as written. */
  swap?: Record<string, string>
}

const entries = expandEntries((data as {phrases: CollocationEntry[]}).phrases)

// Plurals whose possessive is `s'`: "my parents' support"; the rest are one person: "my father's".
const pluralOwners = new Set(['parents', 'grandparents', 'mentees', 'friends', 'teams', 'professors', 'teachers'])

/** Wrong prepositions, wrong words in fixed expressions, missing apostrophes, informal words. */
export default defineRule({
  meta: {
    id: 'collocation',
    phrases: entries,
    description: 'Wrong words in fixed expressions, missing possessive apostrophes and informal words ("capable to", "according to me", "my fathers advice", "gonna")',
    rationale:
      'Fixed expressions are learned whole, so a wrong preposition ("capable to", "married with") or word ("according to me", "I am agree") stands out to a native reader as clearly as a misspelling, and a missing apostrophe ("my fathers advice") or a casual word ("gonna", "Hey there") reads as a message typed in haste. Each has one standard form to write instead.',
    defaultLevel: 'warn',
    fix: 'auto',
    type: 'problem',
    example: {
      before: 'The project comprised of three parts, and we participated on two contests.',
      after: 'The project comprised three parts, and we participated in two contests.'
    }
  },
  check({doc, report, phrases}) {
    let lastEnd = -1
    for (const match of phrases) {
      if (match.start < lastEnd) continue
      lastEnd = match.end
      const entry = match.entry as CollocationEntry
      const actual = doc.text.slice(match.start, match.end)
      const expected = entry.class === 'possessive' ? possessive(doc.text, match.tokens) : entry.swap ? [swapped(doc.text, match.tokens, entry.swap)] : replacements(entry, actual)
      report({
        start: match.start,
        end: match.end,
        message: phraseMessage(entry, actual, expected),
        expected,
        note: entry.note,
        // Only entries marked `auto: true` are safe for --fix; the others are suggestions.
        fixable: entry.auto === true
      })
    }
  }
})

// The match with some words rewritten, the others as written (case, inflection, spacing).
function swapped(text: string, tokens: Token[], swap: Record<string, string>): string {
  let out = ''
  let at = tokens[0].start
  for (const t of tokens) {
    const gap = text.slice(at, t.start)
    const value = Object.hasOwn(swap, t.norm) ? swap[t.norm] : t.text
    if (value === '') {
      at = t.end
      continue
    }
    out += (out === '' ? '' : gap || ' ') + value
    at = t.end
  }
  return out
}

// "my fathers advice" -> "my father's advice"; "my parents support" -> "my parents' support";
// "Masters Degree" -> "Master's degree".
function possessive(text: string, tokens: Token[]): string[] {
  const owner = tokens[tokens.length - 2]
  const head = text.slice(tokens[0].start, owner.start)
  const noun = tokens[tokens.length - 1].text
  const base = owner.text.replace(/s$/, '')
  if (/^(?:masters|bachelors)$/.test(owner.norm)) return [`${head}${base}'s ${noun.toLowerCase()}`]
  if (/ys$/.test(owner.norm)) return [`${head}${owner.text.replace(/s$/, '')}'s ${noun}`]
  if (pluralOwners.has(owner.norm)) return [`${head}${owner.text}' ${noun}`]
  return [`${head}${base}'s ${noun}`]
}


