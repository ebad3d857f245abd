// High-precision spelling: only words on a list of known misspellings are flagged, never words
// that are merely unknown, so names, jargon and code identifiers cannot trip it. The list is
// generated from @cspell/dict-en-common-misspellings by scripts/gen-misspellings.js (filtered
// against English word lists); rules/data/spelling.yml adds words run together ("infact").
import data from './data/spelling.yml'
import {type PhraseEntry} from '../src/core/phrases.ts'
import {defineData} from '../src/core/data.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {quote, reportPhrases} from './util.ts'

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
    data: [misspellingsData],
    description: 'Common misspellings ("recieve", "acheive", "enviroment")',
    rationale:
      'Admissions readers treat a misspelling as a sign of carelessness, and a statement is short enough that they notice each one. Only words on a list of known misspellings are flagged (from the CSpell common-misspellings dictionary, which draws on Wikipedia\'s lists of common misspellings), so names, jargon and code are left alone; run a full spell checker as well.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'problem',
    example: {before: 'I hope to acheive this in an enviroment of peers.', after: 'I hope to achieve this in an environment of peers.'}
  },
  check(context) {
    const {doc, report} = context
    for (const word of doc.words) {
      if (/\d/.test(word.text) || identifierLike(doc.text, word)) continue
      let offset = 0
      for (const part of word.text.split(/([-\u2010\u2011])/)) {
        const start = word.start + offset
        offset += part.length
        if (part.length < 3 || /^[-\u2010\u2011]$/.test(part)) continue
        const bare = part.replace(/['\u2019]s?$/, '')
        const corrections = lookup(map, bare, word, start === word.start)
        if (!corrections) continue
        const upper = /^\p{Lu}/u.test(bare)
        const expected = corrections.map((c) => (upper ? c[0].toUpperCase() + c.slice(1) : c))
        report({
          start,
          end: start + bare.length,
          message: `${quote(bare)} is misspelled; write ${expected.map((e) => quote(e)).join(' or ')}`,
          expected
        })
      }
    }
    reportPhrases(context)
  }
})

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
function identifierLike(text: string, word: Token): boolean {
  const before = text[word.start - 1] ?? ' '
  const after = text[word.end] ?? ' '
  const after2 = text[word.end + 1] ?? ' '
  return /[/@_\\:#.]/.test(before) || /[/@_\\]/.test(after) || (/[.:]/.test(after) && /\w/.test(after2))
}
