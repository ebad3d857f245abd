// One document, one spelling: a term written two ways ("PhD" and "Ph.D.", "email" and
// "e-mail"), or American and British spelling mixed. The spelling a document uses more often
// wins (for American and British, the one more different words are written in; ties go to the
// one used first), and every occurrence of the other is reported with the winner as its
// replacement. Word lists: rules/data/consistency.yml.
import data from './data/consistency.yml'
import {defineRule} from '../src/core/rule.ts'
import type {Doc, Token} from '../src/core/types.ts'
import {quote} from './util.ts'

interface Variant {
  forms: string[]
  also?: string[]
}

interface ConsistencyData {
  terms: Variant[][]
  usuk: Array<[string, string, string[]]>
  ize: string[]
}

/** A spelling found in the document: which group and variant it belongs to, and where. */
interface Hit {
  group: number
  variant: number
  /** Index of the form within its variant, or -1 for an `also` spelling (counted, not reported). */
  form: number
  start: number
  end: number
  written: string
  /** The token the hit starts on. */
  first: Token
}

interface Form {
  words: string[]
  group: number
  variant: number
  form: number
}

const spec = data as ConsistencyData

// Term forms by their first word, longest first so "Ph.D." wins over "Ph.D".
const termForms = new Map<string, Form[]>()
spec.terms.forEach((variants, group) => {
  variants.forEach((variant, v) => {
    const add = (spelling: string, form: number) => {
      const words = spelling.toLowerCase().split(' ')
      const key = words[0].replace(/\.$/, '')
      const list = termForms.get(key) ?? []
      list.push({words, group, variant: v, form})
      list.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)
      termForms.set(key, list)
    }
    variant.forms.forEach((f, i) => add(f, i))
    for (const f of variant.also ?? []) add(f, -1)
  })
})

// American <-> British, and -ize <-> -ise, word by word.
const american = new Map<string, string>()
const british = new Map<string, string>()
for (const [us, uk, suffixes] of spec.usuk) {
  for (const suffix of suffixes) {
    american.set(us + suffix, uk + suffix)
    british.set(uk + suffix, us + suffix)
  }
}
const izeForms = new Map<string, string>()
const iseForms = new Map<string, string>()
for (const stem of new Set(spec.ize)) {
  const ise = stem.slice(0, -1) + 's'
  for (const suffix of ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'er', 'ers']) {
    izeForms.set(stem + suffix, ise + suffix)
    iseForms.set(ise + suffix, stem + suffix)
  }
}

/** A term spelled two ways, or American and British spelling mixed, in one document. */
export default defineRule({
  meta: {
    id: 'consistency',
    description: 'One term spelled two ways in one document ("PhD" and "Ph.D.", "color" and "colour")',
    rationale:
      'Mixed spellings ("PhD" then "Ph.D.", "modeling" then "modelling", "organize" then "organise") look like a statement stitched together from drafts. Either spelling is fine; pick the one the document already uses most and keep to it (for American and British spelling, the one more of its words are written in, so one word used often does not outvote several) (Chicago Manual of Style 2.51 and most style guides ask for one consistent spelling; Oxford spelling pairs -ize with British -our, so -ize alone is not treated as American). Word lists: rules/data/consistency.yml.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'suggestion',
    example: {
      before: 'I hope to start a PhD in the fall. A Ph.D. would let me study behavior and modelling.',
      after: 'I hope to start a PhD in the fall. A PhD would let me study behavior and modeling.'
    }
  },
  check({doc, report}) {
    checkTerms(doc, report)
    checkVariety(doc, report)
  }
})

type Reporter = (finding: {start: number; end: number; message: string; expected: string[]}) => void

function checkTerms(doc: Doc, report: Reporter): void {
  const hits: Hit[] = []
  for (const block of doc.blocks) {
    const tokens = block.tokens
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]
      if (token.kind !== 'word') continue
      const candidates = termForms.get(token.norm.endsWith('.') ? token.norm.slice(0, -1) : token.norm)
      if (!candidates) continue
      for (const form of candidates) {
        const end = matchForm(doc.text, tokens, i, form.words)
        if (end === undefined || glued(doc.text, token.start, end)) continue
        hits.push({group: form.group, variant: form.variant, form: form.form, start: token.start, end, written: doc.text.slice(token.start, end), first: token})
        break
      }
    }
  }
  const groups = new Map<number, Hit[]>()
  for (const hit of hits) groups.set(hit.group, [...(groups.get(hit.group) ?? []), hit])
  for (const [group, list] of groups) {
    const winner = majority(list.map((h) => h.variant))
    if (winner === undefined) continue
    const forms = spec.terms[group][winner].forms
    const seen = [...new Set(list.filter((h) => h.variant === winner).map((h) => h.written))].slice(0, 2)
    for (const hit of list) {
      if (hit.variant === winner || hit.form < 0) continue
      const own = spec.terms[group][hit.variant].forms[hit.form]
      if (!writtenAs(hit.written, own, hit.first)) continue
      const replacement = caseLike(hit.written, forms[hit.form] ?? forms[0])
      report({
        start: hit.start,
        end: hit.end,
        message: `${quote(hit.written)} is spelled differently elsewhere in this document (${seen.map((s) => quote(s)).join(', ')}); write ${quote(replacement)}`,
        expected: [replacement]
      })
    }
  }
}

// Match a form's words at tokens[i]; a final "." in the form may be the sentence's own full stop.
function matchForm(text: string, tokens: Token[], i: number, words: string[]): number | undefined {
  let end = tokens[i].start
  for (let k = 0; k < words.length; k++) {
    const token = tokens[i + k]
    if (!token || token.kind !== 'word') return undefined
    if (k > 0 && !/^\s+$/.test(text.slice(tokens[i + k - 1].end, token.start))) return undefined
    if (token.norm === words[k]) end = token.end
    else if (k === words.length - 1 && words[k] === token.norm + '.' && text[token.end] === '.') end = token.end + 1
    else return undefined
  }
  return end
}

type Kind = 'us' | 'uk' | 'ize' | 'ise'

interface Marked {
  token: Token
  kind: Kind
  counterpart: string
}

function checkVariety(doc: Doc, report: Reporter): void {
  const marks: Marked[] = []
  for (const token of doc.words) {
    const w = token.norm
    const us = american.get(w)
    const uk = british.get(w)
    const ize = izeForms.get(w)
    const ise = iseForms.get(w)
    // Most words are in none of the lists: the look-ups come before the tests of the word's place.
    if ((!us && !uk && !ize && !ise) || !plainWord(token) || glued(doc.text, token.start, token.end)) continue
    if (us) marks.push({token, kind: 'us', counterpart: us})
    else if (uk) marks.push({token, kind: 'uk', counterpart: uk})
    else if (ize) marks.push({token, kind: 'ize', counterpart: ize})
    else if (ise) marks.push({token, kind: 'ise', counterpart: ise})
  }
  const us = marks.filter((m) => m.kind === 'us')
  const uk = marks.filter((m) => m.kind === 'uk' || m.kind === 'ise')
  const flag = (list: Marked[], why: (m: Marked) => string) => {
    for (const m of list) {
      const fix = caseLike(m.token.text, m.counterpart)
      report({start: m.token.start, end: m.token.end, message: `${quote(m.token.text)} ${why(m)}; write ${quote(fix)}`, expected: [fix]})
    }
  }
  const example = (list: Marked[]) => quote(list[0].token.text)
  if (us.length > 0 && uk.length > 0) {
    const british = prevails(uk, us)
    if (!british) {
      flag(uk, (m) => (m.kind === 'ise' ? `is spelled with -ise in a document that otherwise uses American spelling, as in ${example(us)}` : `is British spelling in a document that otherwise uses American spelling, as in ${example(us)}`))
      return
    }
    flag(us, () => `is American spelling in a document that otherwise uses British spelling, as in ${example(uk)}`)
  }
  const ize = marks.filter((m) => m.kind === 'ize')
  const ise = marks.filter((m) => m.kind === 'ise')
  if (ize.length === 0 || ise.length === 0) return
  const isePrevails = prevails(ise, ize)
  if (isePrevails) flag(ize, () => `is spelled with -ize in a document that otherwise uses -ise, as in ${example(ise)}`)
  else flag(ise, () => `is spelled with -ise in a document that otherwise uses -ize, as in ${example(ize)}`)
}

// Does spelling `a` prevail over `b`? Judged by how many different words each is used in, so
// that one word written often ("modelling" five times) does not outvote several others
// ("behavior", "modeling"); then by occurrences; then by which comes first.
function prevails(a: Marked[], b: Marked[]): boolean {
  const words = (list: Marked[]) => new Set(list.map((m) => m.token.norm)).size
  if (words(a) !== words(b)) return words(a) > words(b)
  if (a.length !== b.length) return a.length > b.length
  return a[0].token.start < b[0].token.start
}

// The variant used most; a tie goes to the variant used first.
function majority(variants: number[]): number | undefined {
  const counts = new Map<number, number>()
  for (const v of variants) counts.set(v, (counts.get(v) ?? 0) + 1)
  if (counts.size < 2) return undefined
  let best: number | undefined
  for (const v of variants) if (best === undefined || counts.get(v)! > counts.get(best)!) best = v
  return best
}

// A lower-case word, or one capitalised because it opens a sentence. A capital elsewhere marks a
// name ("Center for Robotics", "Labour Party"), which keeps its own spelling.
function plainWord(token: Token): boolean {
  if (/^[a-z]+$/.test(token.text)) return true
  if (!/^[A-Z][a-z]+$/.test(token.text) || token.sentence.block.kind === 'heading') return false
  return token.sentence.words[0] === token
}

function writtenAs(written: string, form: string, first: Token): boolean {
  if (written === form) return true
  const opens = first.sentence.words[0] === first
  return opens && form === form.toLowerCase() && written === form[0].toUpperCase() + form.slice(1)
}

function caseLike(model: string, word: string): string {
  if (word !== word.toLowerCase()) return word
  return /^\p{Lu}/u.test(model) ? word[0].toUpperCase() + word.slice(1) : word
}

// Glued to `/`, `@`, `_` or a dotted suffix: part of a URL, address or identifier.
function glued(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' '
  const after = text[end] ?? ' '
  const after2 = text[end + 1] ?? ' '
  return /[/@_\\.]/.test(before) || /[/@_\\]/.test(after) || (/[.:]/.test(after) && /\w/.test(after2))
}
