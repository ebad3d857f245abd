// High-precision spelling: only words on a list of known misspellings are flagged, never words
// that are merely unknown, so names, jargon and code identifiers cannot trip it. The list is
// generated from @cspell/dict-en-common-misspellings by scripts/gen-misspellings.js (filtered
// against English word lists); rules/data/spelling.yml adds words run together ("infact").
import data from './data/spelling.yml'
import terminology from './data/terminology.yml'
import splitData from './data/split-words.yml'
import {type PhraseEntry} from '../src/core/phrases.ts'
import {defineData} from '../src/core/data.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Doc, Token} from '../src/core/types.ts'
import type {Report} from '../src/core/rule.ts'
import {quote, reportPhrases} from './util.ts'
import {dictionaryData, getSpeller, type Speller} from './speller.ts'
import {keyedLine} from './lines.ts'
import {indexOfToken} from './tokens.ts'

/** The list of common misspellings: 2 MB, so it is loaded through the data loader, not imported. */
const misspellingsData = defineData<string>('misspellings', () => import('./data/misspellings.ts').then((m) => m.default as string))

/** The corrections of a misspelling, found by binary search in the sorted data string itself. */
function corrections(key: string): readonly string[] | undefined {
  const misspellings = misspellingsData.get()
  // The data opens with a newline.
  const start = keyedLine(misspellings, key)
  if (start < 0) return undefined
  const tab = misspellings.indexOf('\t', start)
  return misspellings.slice(tab + 1, misspellings.indexOf('\n', tab)).split(',')
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
    description: 'Misspellings: words in no English dictionary ("recieve", "tecnology", "mycode"), and one word written as two ("master piece")',
    rationale:
      'Admissions readers treat a misspelling as a sign of carelessness, and a statement is short enough that they notice each one. Lower-case words are checked against American and British English dictionaries with software and mathematics terms (CSpell\'s word lists), and words on a list of common misspellings (from CSpell, drawing on Wikipedia\'s lists) are flagged with their correction; so are contractions without their apostrophe ("dont"), names written in lower case ("brazilian") and one word written as two where the split is never standard ("master piece", "non linear"). A capitalised word is flagged only when it is long, occurs once and is one letter away from a dictionary word, or names a method ("Nural Networks"), so names are left alone; a word in capitals is checked against the names of tools and venues ("USNEIX"); code, URLs and identifiers are never checked. Add your own words to `.soplintaccept`.',
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
      // "im" and "ive" look at the next word: judged where they stand.
      const plain = !/[A-Z]/.test(word.text) && !(word.text.length <= 3 && bareContractions.has(word.text))
      let found = plain ? judged.get(word.text) : undefined
      if (!found) {
        found = judge(map, speller, word, occurrences)
        if (plain) judged.set(word.text, found)
      }
      for (const f of found) report({...f, start: word.start + f.start, end: word.start + f.end, expected: f.expected && [...f.expected]})
    }
    splitWords(doc, speller, report)
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
    const contracted = contraction(speller, part, word)
    if (contracted) {
      found.push({start, end: start + part.length, message: `${quote(part)} lacks its apostrophe; write ${quote(contracted)}`, expected: [contracted], fixable: true})
      continue
    }
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

interface SplitData {
  prefixes: {joined: string[]; hyphen: string[]}
  kin: {prefixes: string[]; words: string[]}
  closed: string[]
  standard: string[]
}
const split = splitData as SplitData
const joinedPrefixes = new Set(split.prefixes.joined)
const hyphenPrefixes = new Set(split.prefixes.hyphen)
const kinPrefixes = new Set(split.kin.prefixes)
const kinWords = new Set(split.kin.words)
const closed = new Set(split.closed)
const standardPairs = new Set(split.standard)

// Words that join clauses and phrases rather than name things.
const functionWords = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'that', 'than', 'then', 'so', 'if', 'is', 'was', 'are', 'were', 'be', 'been', 'when', 'while', 'because', 'through', 'into', 'about', 'again', 'too', 'also', 'not', 'very', 'more', 'most', 'all', 'every', 'each'])

/** The families of rules/data/split-words.yml, as exported for the tests. */
export const splitWordFamilies = split

// One word written as two ("master piece", "grand parents", "non linear"): the replacement, or
// undefined. Only the families of rules/data/split-words.yml count, since two words a dictionary
// also joins are often both right ("file system", "time zone").
export function joinedForm(speller: Speller, first: string, second: string): string | undefined {
  if (!/^[a-z]{2,}$/.test(first) || !/^[a-z]{2,}$/.test(second) || standardPairs.has(`${first} ${second}`)) return undefined
  const joined = first + second
  const english = speller.english(joined) && !speller.proper(joined)
  if (joinedPrefixes.has(first) || hyphenPrefixes.has(first)) {
    // "pre and post": a prefix hanging before a conjunction is written `pre-`, a matter of hyphens.
    if (second.length < 3 || functionWords.has(second) || !speller.known(second)) return undefined
    if (english) return joined
    return hyphenPrefixes.has(first) ? `${first}-${second}` : undefined
  }
  if (kinPrefixes.has(first) && kinWords.has(second)) return speller.known(joined) ? joined : undefined
  if (first.length < 2 || second.length < 3) return undefined
  const singular = /s$/.test(joined) ? joined.slice(0, /(ches|shes|xes)$/.test(joined) ? -2 : -1) : joined
  return closed.has(joined) || (closed.has(singular) && english) ? joined : undefined
}

// Each pair of words with only space between them, in lower case (the first may open the sentence
// with a capital), neither glued to a path or an identifier.
function splitWords(doc: Doc, speller: Speller, report: (finding: Report) => void): void {
  for (const sentence of doc.sentences) {
    const t = sentence.tokens
    for (let i = 0; i + 1 < t.length; i++) {
      const a = t[i]
      const b = t[i + 1]
      if (a.kind !== 'word' || b.kind !== 'word' || !/^\s+$/.test(doc.text.slice(a.end, b.start))) continue
      const opens = sentence.words[0] === a
      if (!(a.text === a.norm || (opens && a.text === a.norm[0].toUpperCase() + a.norm.slice(1))) || b.text !== b.norm) continue
      if (identifierLike(doc.text, a) || identifierLike(doc.text, b)) continue
      const joined = joinedForm(speller, a.norm, b.norm)
      if (!joined) continue
      // "pre and post processing" is "pre- and post-processing", a matter of hyphens.
      if (/^(and|or)$/.test(t[i - 1]?.norm ?? '') && (joinedPrefixes.has(t[i - 2]?.norm ?? '') || hyphenPrefixes.has(t[i - 2]?.norm ?? ''))) continue
      // "my self study" is "my self-study": after a possessive, `self` may open a compound.
      const after = t[i + 2]
      if (/^(my|your|her|our|their)$/.test(a.norm) && after?.kind === 'word' && !functionWords.has(after.norm)) continue
      const written = doc.text.slice(a.start, b.end)
      const right = a.text === a.norm ? joined : joined[0].toUpperCase() + joined.slice(1)
      report({
        start: a.start,
        end: b.end,
        message: right.includes('-')
          ? `${quote(written)} is one word with a hyphen: ${quote(a.text)} is a prefix, not a word; write ${quote(right)}`
          : `${quote(written)} is one word; write ${quote(right)}`,
        expected: [right],
        fixable: false
      })
      i++
    }
  }
}

function misspeltTerm(text: string, term: string): Pick<Report, 'message' | 'expected' | 'fixable'> {
  return {message: `${quote(text)} looks like a misspelling of ${quote(term)}; write ${quote(term)}, or add it to \`.soplintaccept\` if it is right`, expected: [term], fixable: false}
}

// Words that are contractions without their apostrophe, though a dictionary lists them (as
// fragments or names): "thats", "Ive". "Im" and "Ive" are the pronoun and take its capital.
const bareContractions = new Map([
  ['thats', "that's"],
  ['whats', "what's"],
  ['theres', "there's"],
  ['im', "I'm"],
  ['ive', "I've"]
])
// Who or what a contraction's `'s`, `'d`, `'ll`, `'re`, `'ve` and `'m` attach to; `n't` attaches to
// any verb. A name or noun with `'s` is a possessive, whose missing apostrophe is another matter.
const contractionHeads = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'what', 'there', 'here', 'who', 'where', 'how', 'let', 'would', 'could', 'should', 'might', 'must'])

// "dont" -> "don't", "couldnt" -> "couldn't", "youre" -> "you're": a word in no dictionary that is
// a contraction once its apostrophe goes back. Its nearest dictionary words ("dot", "couldst") are
// no help. Bare forms that are words of their own ("cant", "wont", "ill", "were") are the
// confusable rule's, by context.
function contraction(speller: Speller, text: string, word: Token): string | undefined {
  if (!/^[A-Za-z]+$/.test(text) || (text !== text.toLowerCase() && !/^[A-Z][a-z]+$/.test(text))) return undefined
  const lower = text.toLowerCase()
  let found = bareContractions.get(lower)
  if (found) {
    // "Im" and "Ive" only before a word: alone they may be a name or a label.
    if (lower.length <= 3) {
      const next = word.sentence.words[indexOfToken(word.sentence.words, word) + 1]
      if (!next || !/^[a-z]/.test(next.text)) return undefined
    }
  } else {
    if (lower.length < 4 || speller.known(lower)) return undefined
    const candidates = [lower.endsWith('nt') ? `${lower.slice(0, -1)}'t` : undefined]
    for (const tail of ['re', 've', 'll', 'd', 'm', 's']) {
      const head = lower.slice(0, -tail.length)
      if (lower.endsWith(tail) && contractionHeads.has(head)) candidates.push(`${head}'${tail}`)
    }
    found = candidates.find((c) => c !== undefined && speller.known(c))
    if (!found) return undefined
  }
  if (found.startsWith('I')) return found
  return /^[A-Z]/.test(text) ? found[0].toUpperCase() + found.slice(1) : found
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

/** The names of the terminology list written as one word ("Bayesian", "USENIX", "PyTorch"), whose misspellings are near them. */
const terms = [...new Set((terminology as Array<{unless: string}>).map((e) => e.unless).filter((t) => /^[A-Za-z]{5,}$/.test(t)))]

/** Nouns that a method or a field is named with: a capitalised word before one is a term, not a name ("Nural Networks"). */
const methodHeads = new Set(['networks', 'network', 'nets', 'methods', 'method', 'learning', 'inference', 'models', 'model', 'analysis', 'optimization', 'optimisation', 'processes', 'process', 'statistics', 'regression', 'classification', 'algorithms', 'algorithm', 'estimation', 'sampling', 'filtering', 'programming', 'computing', 'vision', 'graphics', 'dynamics', 'mechanics', 'theory', 'equations', 'transforms', 'forests', 'chains', 'machines', 'distributions'])

// The number of edits (a letter dropped, added or changed, or two neighbours swapped) from a to b,
// or max + 1 when it is more than max.
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = [Array.from({length: b.length + 1}, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1)
    }
    rows.push(row)
  }
  return Math.min(rows[a.length][b.length], max + 1)
}

// A term of the terminology list the word is a slip of: one edit away, or two when the word is
// long ("Baysean": two letters swapped and one dropped from "Bayesian"), with the same first letter.
function nearTerm(text: string, most = 2): string | undefined {
  const lower = text.toLowerCase()
  for (const term of terms) {
    const t = term.toLowerCase()
    if (t === lower || t[0] !== lower[0]) continue
    const d = editDistance(lower, t, most)
    if (d === 1 || (d === 2 && most >= 2 && lower.length >= 7)) return term
  }
  return undefined
}

// A Latin ending on an English word is how journals and products are named ("Algorithmica",
// "Econometrica", "Automatica"), not how a word is misspelt: such a name is one letter from the
// word it was made of, and would otherwise be flagged as a slip of it.
function latinName(speller: Speller, lower: string): boolean {
  const m = /^(.{5,}?)(a|ae|um|us)$/.exec(lower)
  return m !== null && speller.known(m[1])
}

// The capitalised word right after this one names a method or field ("Nural Networks").
function beforeMethodHead(word: Token): boolean {
  const tokens = word.sentence.tokens
  const next = tokens[indexOfToken(tokens, word) + 1]
  return next !== undefined && next.kind === 'word' && /^\p{Lu}/u.test(next.text) && methodHeads.has(next.norm)
}

// A word in no dictionary: lower-case words always; a capitalised one (a name, or a word opening a
// sentence) only when it is long, occurs once and is one edit from a dictionary word, since names
// and product names are rarely in a dictionary but a misspelt name or word is near one. Before a
// method's head noun ("Nural Networks", "Baysean Methods") a capitalised word is a term, not a
// name, and is checked whatever its length. A word in capitals or mixed case is checked only
// against the names of the terminology list ("USNEIX" for "USENIX").
function unknownWord(speller: Speller, text: string, word: Token, occurrences: (text: string) => number): Pick<Report, 'message' | 'expected' | 'fixable'> | undefined {
  if (text.length < 4) return undefined
  const capital = capitalWord.test(text)
  const lower = text.toLowerCase()
  // Past the longest English word (45 letters) no dictionary word is near, and searching the
  // neighbours or the splits costs the square of the length (a word of 100,000 letters took
  // 19 s): a lower-case one is said to be in no dictionary, with nothing offered.
  if (text.length > 45) {
    if (capital || !lowerWord.test(text) || speller.known(lower) || speller.derived(lower)) return undefined
    return {message: `${quote(text)} is in no English dictionary; check its spelling, or add it to \`.soplintaccept\` if it is right`, expected: []}
  }
  if (!capital && !lowerWord.test(text)) {
    // An identifier in camelCase ("openApp") is not a name misspelt; a name in capitals is one
    // slip from its term at most ("USNEIX", "PyTroch").
    if (!/^[A-Z][A-Za-z]{4,}$/.test(text) || speller.known(lower)) return undefined
    const term = nearTerm(text, 1)
    return term ? misspeltTerm(text, term) : undefined
  }
  if (speller.known(lower)) {
    // "brazilian", "european": a word every dictionary writes with a capital.
    if (capital || !speller.proper(lower)) return undefined
    const right = text[0].toUpperCase() + text.slice(1)
    return {message: `${quote(text)} is a name, or made from one, and takes a capital; write ${quote(right)}`, expected: [right], fixable: true}
  }
  const split = capital ? undefined : speller.split(lower)
  if (!split && speller.derived(lower)) return undefined
  let near: string[]
  if (capital) {
    if (latinName(speller, lower)) return undefined
    near = speller.suggest(lower).filter((c) => c[0] === lower[0])
    if (beforeMethodHead(word)) {
      // A method is named for a person ("Hopfield Networks"): only a common word or a term is a
      // likely intent there, not another name ("Horfield").
      near = near.filter((c) => !speller.proper(c))
      const term = near.length === 0 ? nearTerm(text) : undefined
      if (term) return misspeltTerm(text, term)
    } else {
      // A capital opening a sentence of a few words may be any word; elsewhere it is a name unless long.
      const opens = word.sentence.words[0] === word && word.sentence.words.length >= 3
      if (text.length < (opens ? 7 : 9) || occurrences(text) > 1) return undefined
    }
  } else {
    // A proper noun one edit away is offered with its capital, after the common words.
    const found = speller.suggest(lower)
    near = [...found.filter((c) => !speller.proper(c)), ...found.filter((c) => speller.proper(c)).map((c) => c[0].toUpperCase() + c.slice(1))]
  }
  // A capitalised word is flagged only near a dictionary word with its own first letter: names
  // differ from words at the start ("Rocklin", "Mandala") more often than typos do.
  if (capital && near.length === 0) return undefined
  // "unlegal": the stem is right and the negative prefix is not; that word comes first.
  const negation = capital ? undefined : speller.negation(lower)
  const first = split ?? negation
  const options = (first ? [first, ...near.filter((o) => o !== first)] : near).slice(0, 3).map((o) => (capital ? o[0].toUpperCase() + o.slice(1) : o))
  const accept = 'or add it to `.soplintaccept` if it is right'
  if (options.length === 0) return {message: `${quote(text)} is in no English dictionary; check its spelling, ${accept}`, expected: []}
  const run = split && options[0] === split
  return {
    message: run
      ? `${quote(text)} runs two words together; write ${quote(options[0])}`
      : negation && options[0] === negation
        ? `${quote(text)} takes another negative prefix; write ${options.map((o) => quote(o)).join(' or ')}, ${accept}`
        : `${quote(text)} is in no English dictionary; write ${options.map((o) => quote(o)).join(' or ')}, ${accept}`,
    expected: options,
    // Replaced by --fix only when one word is close, the word is long enough for that to mean
    // something, and it is not capitalised: a name one letter from another ("Indranil") is still a name.
    fixable: options.length === 1 && text.length >= 6 && !capital
  }
}
