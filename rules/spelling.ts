// High-precision spelling: only words on a list of known misspellings are flagged, never words
// that are merely unknown, so names, jargon and code identifiers cannot trip it. The list is
// generated from @cspell/dict-en-common-misspellings by scripts/gen-misspellings.js (filtered
// against English word lists); rules/data/spelling.yml adds words run together ("infact").
import data from './data/spelling.yml'
import {type PhraseEntry} from '../src/core/phrases.ts'
import {defineData} from '../src/core/data.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import type {Report} from '../src/core/rule.ts'
import {quote, reportPhrases} from './util.ts'
import {dictionaryData, getSpeller, type Speller} from './speller.ts'

/** The list of common misspellings: 2 MB, so it is loaded through the data loader, not imported. */
const misspellingsData = defineData<string>('misspellings', () => import('./data/misspellings.ts').then((m) => m.default as string))

/**
 * The corrections of a misspelling, found by binary search in the sorted data string itself:
 * building a table of 90,000 entries cost more than linting a whole statement.
 */
function corrections(key: string): readonly string[] | undefined {
  const misspellings = misspellingsData.get()
  // The data opens with a newline; every line starts after one. Searching back from mid - 1
  // keeps start <= mid, so each step shrinks the range.
  let lo = 1
  let hi = misspellings.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = misspellings.lastIndexOf('\n', mid - 1) + 1
    const tab = misspellings.indexOf('\t', start)
    const end = misspellings.indexOf('\n', tab)
    if (tab < 0 || end < 0) return undefined
    const candidate = misspellings.slice(start, tab)
    if (candidate === key) return misspellings.slice(tab + 1, end).split(',')
    if (candidate < key) lo = end + 1
    else hi = start
  }
  return undefined
}

const cache = new Map<string, readonly string[] | null>()
const map = {
  get(key: string): readonly string[] | undefined {
    let hit = cache.get(key)
    if (hit === undefined) {
      hit = corrections(key) ?? null
      if (cache.size < 20000) cache.set(key, hit)
    }
    return hit ?? undefined
  }
}

/** Words on a list of common misspellings. */
export default defineRule({
  meta: {
    id: 'spelling',
    phrases: data as PhraseEntry[],
    data: [misspellingsData, dictionaryData],
    description: 'Misspellings: words in no English dictionary ("recieve", "tecnology", "mycode")',
    rationale:
      'Admissions readers treat a misspelling as a sign of carelessness, and a statement is short enough that they notice each one. Lower-case words are checked against American and British English dictionaries with software and mathematics terms (CSpell\'s word lists), and words on a list of common misspellings (from CSpell, drawing on Wikipedia\'s lists) are flagged with their correction. A capitalised word is flagged only when it is long, occurs once and is one letter away from a dictionary word, so names are left alone; code, URLs, acronyms and identifiers are never checked. Add your own words to `.soplintaccept`.',
    defaultLevel: 'warn',
    fix: 'auto',
    type: 'problem',
    example: {before: 'I spent a year on reinforcment learning for warehouse roboitcs.', after: 'I spent a year on reinforcement learning for warehouse robotics.'}
  },
  check(context) {
    const {doc, report} = context
    const speller = getSpeller()
    let counts: Map<string, number> | undefined
    const occurrences = (text: string) => {
      counts ??= countWords(doc.words)
      return counts.get(text) ?? 0
    }
    // What a word without a capital gets depends on its text alone (only capitalised words look at
    // their sentence and their count): judged once per distinct word, as offsets into it.
    const judged = new Map<string, Report[]>()
    for (const word of doc.words) {
      if (/\d/.test(word.text) || identifierLike(doc.text, word)) continue
      const plain = !/[A-Z]/.test(word.text)
      let found = plain ? judged.get(word.text) : undefined
      if (!found) {
        found = judge(map, speller, word, occurrences)
        if (plain) judged.set(word.text, found)
      }
      for (const f of found) report({...f, start: word.start + f.start, end: word.start + f.end, expected: f.expected && [...f.expected]})
    }
    // The list's entries stay suggestions, as before the rule could fix.
    reportPhrases({...context, report: (finding) => context.report({...finding, fixable: false})})
  }
})

// The findings in one word, with offsets from its start.
function judge(map: {get(key: string): readonly string[] | undefined}, speller: Speller, word: Token, occurrences: (text: string) => number): Report[] {
  const found: Report[] = []
  let offset = 0
  for (const part of word.text.split(/([-\u2010\u2011])/)) {
    const start = offset
    offset += part.length
    if (part.length < 3 || /^[-\u2010\u2011]$/.test(part)) continue
    const bare = part.replace(/['\u2019]s?$/, '')
    const corrections = lookup(map, bare, word, start === 0)
    if (!corrections) {
      const unknown = unknownWord(speller, bare, word, occurrences)
      if (unknown) found.push({start, end: start + bare.length, ...unknown})
      continue
    }
    const upper = /^\p{Lu}/u.test(bare)
    const expected = corrections.map((c) => (upper ? c[0].toUpperCase() + c.slice(1) : c))
    found.push({
      start,
      end: start + bare.length,
      message: `${quote(bare)} is misspelled; write ${expected.map((e) => quote(e)).join(' or ')}`,
      expected,
      fixable: false
    })
  }
  return found
}

// Lower-case words are looked up as they are. A capitalised word is looked up as a name
// (`Febuary`) or, when it opens a sentence, as an ordinary word; elsewhere a capital means a
// proper noun, and all capitals an acronym, and both are left alone.
function lookup(map: {get(key: string): readonly string[] | undefined}, text: string, word: Token, first: boolean): readonly string[] | undefined {
  const plain = text.replace(/\u2019/g, "'")
  if (/^[a-z][a-z']*$/.test(plain)) return map.get(plain)
  if (!/^[A-Z][a-z']+$/.test(plain)) return undefined
  const name = map.get(plain)
  if (name) return name
  const opens = first && word.sentence.words[0] === word
  return opens ? map.get(plain.toLowerCase()) : undefined
}

// A word glued to `/`, `@`, `_`, `.`+letter or `:` is part of a URL, address, path or identifier.
// Character codes rather than regular expressions: this runs for every word.
function identifierLike(text: string, word: Token): boolean {
  const before = text.charCodeAt(word.start - 1)
  const after = text.charCodeAt(word.end)
  // / @ _ \ : # . before; / @ _ \ after; . or : after with a word character (\w) next.
  if (before === 47 || before === 64 || before === 95 || before === 92 || before === 58 || before === 35 || before === 46) return true
  if (after === 47 || after === 64 || after === 95 || after === 92) return true
  if (after !== 46 && after !== 58) return false
  const next = text.charCodeAt(word.end + 1)
  return (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95
}

// How often each capitalised word occurs: only those are ever asked about.
function countWords(words: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words) {
    const c = w.text.charCodeAt(0)
    if (c >= 65 && c <= 90) counts.set(w.text, (counts.get(w.text) ?? 0) + 1)
  }
  return counts
}

/** Lower-case words (and Latin-1 letters) are checked; capitalised ones under stricter conditions. */
const lowerWord = /^[a-z\u00df-\u00f6\u00f8-\u00ff]+$/
const capitalWord = /^[A-Z][a-z]+$/

// A word in no dictionary: lower-case words always; a capitalised one (a name, or a word opening a
// sentence) only when it is long, occurs once and is one edit from a dictionary word, since names
// and product names are rarely in a dictionary but a misspelt name or word is near one.
function unknownWord(speller: Speller, text: string, word: Token, occurrences: (text: string) => number): Pick<Report, 'message' | 'expected' | 'fixable'> | undefined {
  if (text.length < 4) return undefined
  const capital = capitalWord.test(text)
  if (!capital && !lowerWord.test(text)) return undefined
  const lower = text.toLowerCase()
  if (speller.known(lower)) return undefined
  const split = capital ? undefined : speller.split(lower)
  if (!split && speller.derived(lower)) return undefined
  if (capital) {
    // A capital opening a sentence of a few words may be any word; elsewhere it is a name unless long.
    const opens = word.sentence.words[0] === word && word.sentence.words.length >= 3
    if (text.length < (opens ? 7 : 9) || occurrences(text) > 1) return undefined
  }
  // A capitalised word is flagged only near a dictionary word with its own first letter: names
  // differ from words at the start ("Rocklin", "Mandala") more often than typos do.
  const near = capital ? speller.suggest(lower).filter((c) => c[0] === lower[0]) : speller.suggest(lower)
  if (capital && near.length === 0) return undefined
  const options = (split ? [split, ...near] : near).slice(0, 3).map((o) => (capital ? o[0].toUpperCase() + o.slice(1) : o))
  const accept = 'or add it to `.soplintaccept` if it is right'
  if (options.length === 0) return {message: `${quote(text)} is in no English dictionary; check its spelling, ${accept}`, expected: []}
  const run = split && options[0] === split
  return {
    message: run
      ? `${quote(text)} runs two words together; write ${quote(options[0])}`
      : `${quote(text)} is in no English dictionary; write ${options.map((o) => quote(o)).join(' or ')}, ${accept}`,
    expected: options,
    // Replaced by --fix only when one word is close, the word is long enough for that to mean
    // something, and it is not capitalised: a name one letter from another ("Indranil") is still a name.
    fixable: options.length === 1 && text.length >= 6 && !capital
  }
}
