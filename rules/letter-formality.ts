import data from './data/letter-formality.yml'
import {type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Doc, Token} from '../src/core/types.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

// Classes a cover letter expects: its salutation, its sign-off and its thanks.
const expectedInLetter = new Set(['salutation', 'signoff', 'thanks'])
// Most words a salutation runs to before its comma or colon ("Dear Members of the Committee,").
const salutationWords = 7
// Most words that may follow a sign-off in its paragraph: a name, a title, an affiliation.
const signoffTail = 8

const letterNote =
  'If this document is a cover letter or a motivation letter, set `kind: cover-letter` in its front matter or configuration: a letter is expected to have a salutation, thanks and a sign-off.'

/** Salutations, sign-offs and pleas that belong to letters, not statements. */
export default defineRule({
  meta: {
    id: 'letter-formality',
    phrases: data as PhraseEntry[],
    description: 'Letter conventions out of place in a statement ("Dear Sir", "Thanking You", "Yours sincerely")',
    rationale:
      'A statement of purpose, personal statement or research statement is an essay read inside an application file, not a letter: admissions offices ask for it as a document, and a salutation, a sign-off or a plea for a favourable reply reads as a template and spends words that should carry evidence. In a cover letter the salutation and sign-off are expected and are not flagged, but an unnamed salutation ("To whom it may concern") and dated formulas ("Respected Sir", "Thanking you") still are: address a named person or team. Phrase list: rules/data/letter-formality.yml.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'suggestion',
    example: {
      before: 'Kindly consider my application.\n\nYours faithfully,\nAsha Verma',
      after: 'In your group I want to test whether these methods hold up on clinical data from rural hospitals.'
    }
  },
  check({doc, settings, report, phrases}) {
    const letter = settings.kind === 'cover-letter'
    const matches = phrases
    let lastEnd = -1
    for (let i = 0; i < matches.length; i++) {
      const match = best(matches, i)
      if (match.start < lastEnd) continue
      const cls = match.entry.class ?? ''
      if (letter && expectedInLetter.has(cls)) continue
      let end = match.end
      // Salutations ("Dear ...", "Respected ...", "To whom it may concern") open a line.
      if (match.entry.sentenceStart) {
        const close = salutationEnd(doc, match)
        if (close === undefined) continue
        end = close
      }
      if (cls === 'signoff' && !isSignoff(doc, match)) continue
      lastEnd = end
      const actual = doc.text.slice(match.start, end)
      const note = expectedInLetter.has(cls) ? letterNote : undefined
      report({start: match.start, end, message: message(match.entry, cls, actual, letter), expected: [], note})
    }
  }
})

// Of the matches starting where matches[i] starts, the longest; on a tie the more specific
// class (an unnamed "Dear Sir" over a plain "Dear _").
function best(matches: PhraseMatch[], i: number): PhraseMatch {
  let pick = matches[i]
  for (let j = i + 1; j < matches.length && matches[j].start === pick.start; j++) {
    const m = matches[j]
    if (m.end > pick.end || (m.end === pick.end && generic(pick.entry) && !generic(m.entry))) pick = m
  }
  return pick
}

// An entry with a wildcard ("dear _", "respected _") is the fallback for the named ones.
function generic(entry: PhraseEntry): boolean {
  return /(^|\s)_(\s|$)/.test(entry.phrase)
}

function message(entry: PhraseEntry, cls: string, actual: string, letter: boolean): string {
  if (letter && cls === 'unnamed') return `${quote(actual)} addresses no one by name; write to a named person or team, such as \`Dear Dr. Rivera\` or \`Dear Hiring Team\``
  if (letter && cls === 'dated' && /^respected\b/i.test(actual)) return `${quote(actual)} is a dated salutation; write \`Dear\` and the person's name`
  if (letter && cls === 'dated') return `${quote(actual)} is a dated letter formula; close with \`Thank you for your consideration.\` and a sign-off`
  return `${quote(actual)} ${entry.reason}; ${entry.direction}`
}

// A salutation opens its paragraph (or its line) and ends at a comma, colon or the end of its
// line within a few words; returns that end offset, or undefined when the match is not one.
function salutationEnd(doc: Doc, match: PhraseMatch): number | undefined {
  const first = match.tokens[0]
  const block = first.sentence.block
  const index = indexOfToken(block.tokens, first)
  if (index !== 0 && !startsLine(doc, first)) return undefined
  // "Dear Professor Okafor", "Respected Sir": a title or a name follows the opening word.
  if (generic(match.entry) && !/^\p{Lu}/u.test(match.tokens[1]?.text ?? '')) return undefined
  let end = match.end
  let words = 0
  for (let k = index; k < block.tokens.length; k++) {
    const token = block.tokens[k]
    if (k > index && lineBreakBetween(doc, block.tokens[k - 1], token)) return end
    if (token.kind === 'punct' && /^[,:;!]$/.test(token.norm)) return Math.max(token.end, match.end)
    if (token.kind === 'word' && ++words > salutationWords) return undefined
    end = Math.max(end, token.end)
  }
  return end
}

// A sign-off starts its line and only a name (and perhaps a title) follows it in the paragraph.
function isSignoff(doc: Doc, match: PhraseMatch): boolean {
  const first = match.tokens[0]
  const block = first.sentence.block
  const index = indexOfToken(block.tokens, first)
  if (index !== 0 && !startsLine(doc, first)) return false
  const last = match.tokens[match.tokens.length - 1]
  const rest = block.tokens.slice(indexOfToken(block.tokens, last) + 1)
  // "Sincerely, I believe ..." is a sentence, not a sign-off.
  const next = rest[0]
  if (next && next.kind === 'word' && !lineBreakBetween(doc, last, next) && !/^\p{Lu}/u.test(next.text)) return false
  return rest.filter((t) => t.kind === 'word').length <= signoffTail
}

// Only whitespace and Markdown markers stand between the start of the line and the token.
function startsLine(doc: Doc, token: Token): boolean {
  const lineStart = doc.text.lastIndexOf('\n', token.start - 1) + 1
  return /^[\s>*_#-]*$/.test(doc.text.slice(lineStart, token.start))
}

function lineBreakBetween(doc: Doc, a: Token, b: Token): boolean {
  return doc.text.slice(a.end, b.start).includes('\n')
}
