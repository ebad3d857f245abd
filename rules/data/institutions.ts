// The institution lookup target-missing and target-mismatch share: the university names of
// universities.ts, the short forms of institution-aliases.yml and the companies and labs of
// organizations.yml, indexed by first word and matched over a sentence's tokens. The index is
// built on first use (only a document with a target needs it) and never changes afterwards.
import aliasData from './institution-aliases.yml'
import orgData from './organizations.yml'
import universities from './universities.ts'
import type {Doc, Sentence, Token} from '../../src/core/types.ts'
import {keyedLine} from '../lines.ts'

/** Whether an institution is a place of study or an employer. */
export type InstitutionKind = 'university' | 'company'

/** One institution: a university from the data, or a company or lab from the curated list. */
export interface Institution {
  name: string
  kind: InstitutionKind
  words: string[]
  forms: Form[]
}

/** A written form of one or more institutions, as a word sequence. */
export interface Form {
  words: string[]
  /** `breaks[k]`: a comma or dash may stand before word k ("University of California, Berkeley"). */
  breaks: boolean[]
  institutions: Institution[]
  /** Also an ordinary word or place ("Cambridge", "Apple"): another institution only in a clear slot. */
  place: boolean
}

/** A target as the rules use it: the institutions it names and every form that names it. */
export interface Target {
  text: string
  kind: InstitutionKind
  institutions: Institution[]
  forms: Form[]
}

/** A prose word or punctuation mark of a sentence, with hyphenated words split. */
export interface Unit {
  word: boolean
  /** The word with diacritics folded, dots and a possessive `'s` removed; case kept. */
  key: string
  lower: string
  /** Punctuation text when not a word. */
  punct: string
  start: number
  end: number
  possessive: boolean
  /** Glued to the previous unit by a hyphen or slash inside one token ("UC-Berkeley"). */
  joined: boolean
  token: Token
}

/** An institution named in a sentence. */
export interface Mention {
  form: Form
  /** Units [first, last) of the sentence. */
  first: number
  last: number
  start: number
  end: number
  units: Unit[]
  sentence: Sentence
}

interface Entry {
  name: string
  aliases?: string[]
  places?: string[]
}

// Forms by their lowercased words, one trie level per word, so a sentence is matched in one walk
// per word however many names begin with "University of". The list is grouped by first word
// when first used, and a group becomes a trie only when a document contains that word: most
// documents touch a few dozen of the list's ~3,000 first words.
interface TrieNode {
  next: Map<string, TrieNode>
  forms: Form[]
}

interface Index {
  /** Tries by first word, built on demand. */
  roots: Map<string, TrieNode | null>
  /** List names by lowercased first word, not yet in a trie. */
  names: (word: string) => readonly string[]
  /** Curated forms by lowercased first word. */
  curated: Map<string, Form[]>
  institution(name: string, kind: InstitutionKind): Institution
}

let cached: Index | undefined

/** Fold a word for matching: diacritics and dots removed, possessive dropped, case kept. */
export function foldWord(word: string): string {
  if (/^[A-Za-z0-9&]*$/.test(word)) return word
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s$/i, '')
    .replace(/['’]$/, '')
    .replace(/\./g, '')
}

/** Split a written name into words and the places where a comma or dash may stand. */
export function nameWords(name: string): {words: string[]; breaks: boolean[]} {
  // Most names are plain ASCII words; skip the punctuation handling for them.
  if (/^[A-Za-z0-9& ]+$/.test(name)) {
    const words = name.split(' ').filter((w) => w !== '')
    return {words, breaks: words.map(() => false)}
  }
  const words: string[] = []
  const breaks: boolean[] = []
  let pending = false
  for (const raw of name.trim().split(/\s+/)) {
    if (/^[-–—,]+$/.test(raw)) {
      pending = true
      continue
    }
    const comma = raw.endsWith(',')
    for (const part of raw.replace(/,$/, '').split(/[-‐‑–/]/)) {
      const word = foldWord(part.replace(/^[("']+|[)"']+$/g, ''))
      if (!word) continue
      words.push(word)
      breaks.push(pending)
      pending = false
    }
    if (comma) pending = true
  }
  return {words, breaks}
}

const formKey = (words: string[]) => words.join(' ').toLowerCase()
const firstWord = (name: string) => (/^[A-Za-z0-9&]+(?:[ ,\-/]|$)/.test(name) ? name.slice(0, name.search(/[ ,\-/]|$/)) : (nameWords(name).words[0] ?? '')).toLowerCase()

function buildIndex(): Index {
  const institutions = new Map<string, Institution>()
  const forms = new Map<string, Form>()
  const addForm = (written: {words: string[]; breaks: boolean[]}, key: string, owner: Institution, place: boolean): Form | undefined => {
    if (written.words.length === 0) return undefined
    let form = forms.get(key)
    if (!form) {
      form = {words: written.words, breaks: written.breaks, institutions: [], place}
      forms.set(key, form)
    }
    // A form that is a place for any of its institutions stays a place: precision first.
    if (place) form.place = true
    if (!form.institutions.includes(owner)) form.institutions.push(owner)
    if (!owner.forms.includes(form)) owner.forms.push(form)
    return form
  }
  const institution = (name: string, kind: InstitutionKind, place = false): Institution => {
    const written = nameWords(name)
    const key = formKey(written.words)
    let found = institutions.get(key)
    if (!found) {
      found = {name, kind, words: written.words, forms: []}
      institutions.set(key, found)
    }
    addForm(written, key, found, place)
    return found
  }

  const curated = new Map<string, Form[]>()
  const remember = (form: Form | undefined) => {
    if (!form) return
    const first = form.words[0].toLowerCase()
    const list = curated.get(first)
    if (!list) curated.set(first, [form])
    else if (!list.includes(form)) list.push(form)
  }
  const addEntries = (entries: Entry[], kind: InstitutionKind) => {
    for (const entry of entries) {
      const places = new Set(entry.places ?? [])
      const owner = institution(entry.name, kind, places.has(entry.name))
      for (const form of owner.forms) remember(form)
      for (const text of entry.aliases ?? []) {
        const written = nameWords(text)
        remember(addForm(written, formKey(written.words), owner, false))
      }
      for (const text of places) {
        const written = nameWords(text)
        remember(addForm(written, formKey(written.words), owner, true))
      }
    }
  }
  addEntries(aliasData as Entry[], 'university')
  addEntries(orgData as Entry[], 'company')

  return {roots: new Map(), names: namesLookup(universities), curated, institution: (name, kind) => institution(name, kind)}
}

/**
 * The names of a list (one per line) by the lower-cased first word of each, in the list's order.
 * The list is grouped by that word here; the bundle carries it grouped already (namesByFirstWord,
 * run by scripts/prebuilt-phrases.js), and is searched by word: grouping its 10,000 names cost
 * every document with no target set about 5% of a cold run.
 */
export function namesLookup(list: string): (word: string) => readonly string[] {
  if (list.startsWith('\t')) return (word) => groupedNames(list, word)
  const names = new Map<string, string[]>()
  for (const name of list.split('\n')) {
    const first = firstWord(name)
    const found = names.get(first)
    if (found) found.push(name)
    else names.set(first, [name])
  }
  return (word) => names.get(word) ?? []
}

/**
 * A list grouped for namesLookup: a tab, then for each name a newline, its first word, a tab and
 * the name, sorted by first word and in the list's order within a word, then a newline.
 */
export function namesByFirstWord(list: string): string {
  const lines = list.split('\n').map((name, i) => ({key: firstWord(name), name, i}))
  if (lines.some((l) => /[\t\n]/.test(l.key) || l.name.includes('\t'))) throw new Error('namesByFirstWord: a name or its first word has a tab')
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
  return `\t${lines.map((l) => `\n${l.key}\t${l.name}`).join('')}\n`
}

// The names whose first word is `word` in a grouped list (its lines after the first): a binary
// search for one of its lines, then its neighbours with the same word.
function groupedNames(list: string, word: string): string[] {
  const start = keyedLine(list, word, list.indexOf('\n') + 1)
  if (start < 0) return []
  let first = start
  while (first > 1 && keyBefore(list, first) === word) first = list.lastIndexOf('\n', first - 2) + 1
  const names: string[] = []
  for (let at = first; at < list.length - 1; ) {
    const t = list.indexOf('\t', at)
    if (list.slice(at, t) !== word) break
    const e = list.indexOf('\n', t)
    names.push(list.slice(t + 1, e))
    at = e + 1
  }
  return names
}

// The first word of the line before the one starting at `start`, or undefined before the first.
function keyBefore(list: string, start: number): string | undefined {
  const previous = list.lastIndexOf('\n', start - 2) + 1
  if (previous === 0) return undefined
  return list.slice(previous, list.indexOf('\t', previous))
}

/** The trie of every form that begins with a word, built the first time the word is seen. */
function rootFor(index: Index, word: string): TrieNode | null {
  let root = index.roots.get(word)
  if (root !== undefined) return root
  const forms = [...(index.curated.get(word) ?? [])]
  for (const name of index.names(word)) {
    for (const form of index.institution(name, 'university').forms) {
      if (form.words[0].toLowerCase() === word && !forms.includes(form)) forms.push(form)
    }
  }
  root = null
  if (forms.length > 0) {
    root = {next: new Map(), forms: []}
    for (const form of forms) {
      let node = root
      for (const w of form.words.slice(1)) {
        const key = w.toLowerCase()
        let child = node.next.get(key)
        if (!child) {
          child = {next: new Map(), forms: []}
          node.next.set(key, child)
        }
        node = child
      }
      node.forms.push(form)
    }
  }
  index.roots.set(word, root)
  return root
}

/** The lookup, built on first use. */
function index(): Index {
  return (cached ??= buildIndex())
}

/** Whether a written word matches a word of a name: exact, ALL CAPS, or any case for lowercase name words. */
export function wordMatches(text: string, name: string, loose = false): boolean {
  if (text === name) return true
  if (loose) return text.toLowerCase() === name.toLowerCase()
  if (name === name.toLowerCase()) return text.toLowerCase() === name
  return text.length > 1 && text === text.toUpperCase() && text === name.toUpperCase()
}

/** A sentence as units: words (hyphenated ones split) and punctuation, with source offsets. */
export function sentenceUnits(sentence: Sentence): Unit[] {
  const units: Unit[] = []
  for (const token of sentence.tokens) {
    if (token.kind === 'punct') {
      units.push({word: false, key: '', lower: '', punct: token.text, start: token.start, end: token.end, possessive: false, joined: false, token})
      continue
    }
    if (token.kind === 'code') continue
    let offset = 0
    const parts = token.text.split(/([-‐‑–/])/)
    let joined = false
    for (const part of parts) {
      const at = offset
      offset += part.length
      if (/^[-‐‑–/]$/.test(part)) {
        joined = true
        continue
      }
      if (!part) continue
      const possessive = /['’]s?$/i.test(part) && part.length > 2 && !/^(?:it|let|that|what|there|here|he|she|who)['’]s$/i.test(part)
      let body = possessive ? part.replace(/['’]s?$/i, '') : part
      // "T." at a sentence end: the dot is punctuation, not part of the name.
      if (body.endsWith('.') && !body.slice(0, -1).includes('.')) body = body.slice(0, -1)
      const key = foldWord(body)
      if (!key) continue
      units.push({
        word: true,
        key,
        lower: key.toLowerCase(),
        punct: '',
        start: token.start + at,
        end: token.start + at + body.length,
        possessive,
        joined: joined && units.length > 0,
        token
      })
      joined = false
    }
  }
  return units
}

const breakPunct = new Set([',', '-', '–', '—'])

function matchAt(units: Unit[], i: number, form: Form, loose: boolean): number {
  let j = i
  for (let k = 0; k < form.words.length; k++) {
    if (k > 0 && form.breaks[k] && units[j] && !units[j].word && breakPunct.has(units[j].punct)) j++
    const unit = units[j]
    if (!unit || !unit.word || !wordMatches(unit.key, form.words[k], loose)) return -1
    // A possessive ends a name: "Stanford's University" is not "Stanford University".
    if (k < form.words.length - 1 && unit.possessive && !/^(king|queen|saint|st|mary|john|women|men)$/i.test(unit.key)) return -1
    j++
  }
  return j
}

/** Every institution named in a sentence, longest form first, left to right. */
export function mentionsIn(sentence: Sentence, units: Unit[], extra: Form[] = [], loose = false): Mention[] {
  const lookup = index()
  const found: Mention[] = []
  for (let i = 0; i < units.length; i++) {
    if (!units[i].word) continue
    const candidates = extra.filter((f) => f.words[0].toLowerCase() === units[i].lower)
    // Walk the trie as far as the words go; every form ending on the way is a candidate.
    let node: TrieNode | null | undefined = rootFor(lookup, units[i].lower)
    if (node) candidates.push(...node.forms)
    for (let j = i + 1; j < units.length && node; j++) {
      const unit = units[j]
      if (!unit.word) {
        if (breakPunct.has(unit.punct)) continue
        break
      }
      node = node.next.get(unit.lower)
      if (node) candidates.push(...node.forms)
    }
    if (candidates.length === 0) continue
    let best: {form: Form; end: number} | undefined
    for (const form of candidates) {
      const end = matchAt(units, i, form, loose)
      if (end > 0 && (!best || end > best.end)) best = {form, end}
    }
    if (!best) continue
    found.push({form: best.form, first: i, last: best.end, start: units[i].start, end: units[best.end - 1].end, units, sentence})
    i = best.end - 1
  }
  return found
}

const universityWord = /\b(universit|college|institut|school|polytechn|academ|hochschule|[eé]cole|escuela|seminar|faculty|department|graduate|phd|program)/i
const stripWords = new Set(['university', 'college', 'the'])
const companySuffix =
  /^(inc|incorporated|ltd|limited|llc|gmbh|corp|corporation|co|company|plc|ag|sa|se|bv|nv|pte|pty|oy|ab|as|group|holdings|technologies|technology|labs|analytics|software|systems|solutions|robotics|ai|health|energy|capital|partners|ventures|bank|networks|media|games|studios|security|data|cloud|consulting|therapeutics|biosciences|motors|financial|payments|insurance)$/i
const acronymSkip = new Set(['of', 'the', 'and', 'at', 'in', 'for', 'de', 'du', 'des', 'la', 'le', '&'])

/** Short forms a writer uses for a full name: "Princeton University" -> "Princeton", "Stripe, Inc." -> "Stripe", initials. */
export function shortForms(name: string): string[][] {
  const {words} = nameWords(name.replace(/^the\s+/i, ''))
  const out: string[][] = []
  if (words.length < 2) return out
  const lower = words.map((w) => w.toLowerCase())
  // "X University", "X College": X. "University of X" with one or two more words: X.
  if (stripWords.has(lower[lower.length - 1]) && !name.includes(',')) out.push(words.slice(0, -1))
  if (lower[0] === 'university' && lower[1] === 'of' && words.length <= 4 && !name.includes(',')) out.push(words.slice(2))
  // "Stripe, Inc.", "Ascend Analytics": the name without its corporate suffix.
  let end = words.length
  while (end > 1 && !universityWord.test(name) && companySuffix.test(words[end - 1])) end--
  if (end < words.length) out.push(words.slice(0, end))
  const initials = words.filter((w) => !acronymSkip.has(w.toLowerCase()) && /^[A-Z]/.test(w)).map((w) => w[0])
  if (initials.length >= 3 && initials.length === words.filter((w) => !acronymSkip.has(w.toLowerCase())).length) out.push([initials.join('')])
  return out.filter((w) => w.length > 0 && !(w.length === 1 && /^(university|college|institute|school|the|of)$/i.test(w[0])))
}

/** Resolve a target as written in settings ("Princeton University", "CMU", "Stripe"). */
export function resolveTarget(text: string): Target {
  const {words, breaks} = nameWords(text)
  const own: Form = {words, breaks: breaks.map(() => true), institutions: [], place: false}
  const units: Unit[] = words.map((w, n) => ({word: true, key: w, lower: w.toLowerCase(), punct: '', start: n, end: n + 1, possessive: false, joined: false, token: null as unknown as Token}))
  const institutions: Institution[] = []
  for (const mention of mentionsIn(null as unknown as Sentence, units)) {
    for (const inst of mention.form.institutions) if (!institutions.includes(inst)) institutions.push(inst)
  }
  const forms: Form[] = words.length > 0 ? [own] : []
  const add = (f: Form) => {
    if (!forms.some((g) => formKey(g.words) === formKey(f.words))) forms.push(f)
  }
  for (const inst of institutions) for (const f of inst.forms) add(f)
  for (const name of [text, ...institutions.map((i) => i.name)]) {
    for (const short of shortForms(name)) add({words: short, breaks: short.map(() => false), institutions: [], place: true})
  }
  const kind: InstitutionKind = institutions.length > 0 ? institutions[0].kind : universityWord.test(text) ? 'university' : 'company'
  return {text: text.trim(), kind, institutions, forms}
}

const prefixOf = (a: string[], b: string[]) => a.length <= b.length && a.every((w, n) => w.toLowerCase() === b[n].toLowerCase())
const related = (a: string[], b: string[]) => prefixOf(a, b) || prefixOf(b, a)

/** Whether a mention may name the target: same institution, one name a prefix of the other, or a target form. */
export function namesTarget(mention: Mention, target: Target): boolean {
  const surface = mention.units.slice(mention.first, mention.last).filter((u) => u.word).map((u) => u.key)
  if (target.forms.some((f) => related(surface, f.words))) return true
  for (const inst of mention.form.institutions) {
    if (target.institutions.includes(inst)) return true
    if (target.institutions.some((t) => related(inst.words, t.words))) return true
    if (target.forms.some((f) => related(inst.words, f.words))) return true
  }
  return false
}

/** The kinds a mention may be: a target's own forms carry the target's kind. */
export function mentionKinds(mention: Mention, fallback: InstitutionKind): InstitutionKind[] {
  return mention.form.institutions.length > 0 ? mention.form.institutions.map((i) => i.kind) : [fallback]
}

/** Whether the document names the target anywhere in its prose (any case: a miss is cheaper than a false alarm). */
export function documentNames(doc: Doc, target: Target): boolean {
  if (target.forms.length === 0) return true
  for (const sentence of doc.sentences) {
    const units = sentenceUnits(sentence)
    for (let i = 0; i < units.length; i++) {
      if (units[i].word && target.forms.some((f) => matchAt(units, i, f, true) > 0)) return true
    }
  }
  return false
}

/** Whether raw source names the target (LaTeX keeps names in macros the prose never shows: `\newcommand{\school}{Yale}`). */
export function sourceNames(source: string, target: Target): boolean {
  const text = source.normalize('NFD').replace(/\p{M}/gu, '')
  return target.forms.some((form) => {
    const body = form.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s,\\-–~]+')
    return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu').test(text)
  })
}
