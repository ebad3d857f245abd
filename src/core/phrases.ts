// Phrase lists are data; this matches all of them in one pass over the prose tokens.
//
// Pattern syntax, one entry's `phrase`: words separated by spaces, matched case-insensitively
// on the prose tokens (so Markdown emphasis, line wraps and curly quotes do not matter);
// `a|b` inside a word gives alternatives for that word; ` | ` with spaces separates whole
// alternative phrases; `_` stands for any one word.
import {ParseEnglish} from 'parse-english'
import {toString as nlcstToString} from 'nlcst-to-string'
import {prebuiltTrie} from './phrase-trie.ts'
import {normalize} from './processor.ts'
import type {Doc, Token} from './types.ts'

/** One entry of a phrase list, as written in rules/data/*.yml. */
export interface PhraseEntry {
  phrase: string
  /** Replacement alternatives, in order of preference; `''` deletes. */
  replace?: string[] | string
  /** Why it is flagged: the first half of the message. */
  reason: string
  /** What to write instead, when there is no mechanical replacement. */
  direction?: string
  /** A longer explanation for the note field and hover. */
  note?: string
  /** Sentences that must trigger the entry. */
  examples: string[]
  /** Near misses that must not trigger the entry. */
  allows?: string[]
  /** Only match when the phrase starts a sentence. */
  sentenceStart?: boolean
  /** Do not match when the next word is one of these. */
  notBefore?: string[]
  /** Do not match when the previous word is one of these. */
  notAfter?: string[]
  /** Match only when the written text differs from this exact spelling (terminology). */
  unless?: string
  /** Free-form class for rules that group entries (e.g. `opener`, `closer`). */
  class?: string
  /** `replace` is safe for --fix. */
  auto?: boolean
}

/** A phrase found in a document. */
export interface PhraseMatch {
  list: string
  entry: PhraseEntry
  tokens: Token[]
  start: number
  end: number
}

interface Item {
  list: string
  entry: PhraseEntry
}

interface TrieNode {
  /** Absent on the leaves, which are most of the nodes. A number is a child not read yet (see readTrie). */
  next: Map<string, TrieNode | number> | undefined
  any?: TrieNode | number
  done: Item[]
  /** In a prebuilt trie, reads the child that starts at this place of its data. */
  read?: (at: number) => TrieNode
}

/**
 * The trie of every registered list in a form JSON can hold. `lists` gives each list's phrases in
 * the order the nodes number the entries, and `tokens` every token of the trie. `nodes` is the
 * trie in preorder as a string of numbers (see writeNumber), each node written as its count of
 * entries and their numbers, its count of children and for each child the number of its token,
 * the length of the child's part of `nodes` and the child, then 1 and the wildcard child, or 0.
 * As one string rather than an array, JSON.parse reads it at once, and a node is decoded only
 * when a match reaches it.
 */
export interface PhraseTrieData {
  lists: Array<[string, string[]]>
  tokens: string[]
  nodes: string
}

// A number of `nodes` is written in printable ASCII that no quoting escapes, most significant
// digit first: the last digit in base 52, from '(' to '[', the others in base 30, from 'a' to '~'.
// Most numbers take one character, and a reader tells where each ends without a separator.
const lastDigit = 0x28
const lastBase = 52
const moreDigit = 0x61
const moreBase = 30

function writeNumber(n: number): string {
  let out = String.fromCharCode(lastDigit + (n % lastBase))
  for (n = Math.floor(n / lastBase); n > 0; n = Math.floor(n / moreBase)) out = String.fromCharCode(moreDigit + (n % moreBase)) + out
  return out
}

const parser = new ParseEnglish()

/** The phrase lists a set of rules declare (`meta.phrases`), each named by its rule's id. */
export function phraseListsOf(rules: ReadonlyArray<{meta: {id: string; phrases?: PhraseEntry[]}}>): Map<string, PhraseEntry[]> {
  return new Map(rules.filter((rule) => rule.meta.phrases).map((rule) => [rule.meta.id, rule.meta.phrases!]))
}

/** Every match of a document, grouped by list, each list's in document order. */
export type PhraseMatches = ReadonlyMap<string, PhraseMatch[]>

/**
 * Match these lists together, in one pass over a document's tokens. The trie is built on first
 * use; the bundle carries the trie of the built-in lists (tokenizing their words and expanding ten
 * thousand patterns cost a cold run tens of milliseconds), used when it was built from these lists.
 */
export function phraseIndex(lists: ReadonlyMap<string, PhraseEntry[]>): (doc: Doc) => PhraseMatches {
  let trie: TrieNode | undefined
  return (doc) => {
    trie ??= (prebuiltTrie !== undefined && readTrie(JSON.parse(prebuiltTrie) as PhraseTrieData, lists)) || buildTrie(itemsOf(lists))
    const grouped = new Map<string, PhraseMatch[]>([...lists.keys()].map((list) => [list, []]))
    for (const match of matchTrie(doc, trie)) grouped.get(match.list)!.push(match)
    return grouped
  }
}

/** The trie of these lists in a form JSON can hold: what the bundle has in place of src/core/phrase-trie.ts. */
export function phraseTrieData(lists: ReadonlyMap<string, PhraseEntry[]>): PhraseTrieData {
  const items = itemsOf(lists)
  const numbers = new Map(items.map((item, index) => [item, index]))
  const tokens = new Map<string, number>()
  const write = (node: TrieNode): string => {
    let out = writeNumber(node.done.length) + node.done.map((item) => writeNumber(numbers.get(item)!)).join('') + writeNumber(node.next?.size ?? 0)
    for (const token of node.next?.keys() ?? []) {
      if (!tokens.has(token)) tokens.set(token, tokens.size)
      const child = write(childOf(node, token)!)
      out += writeNumber(tokens.get(token)!) + writeNumber(child.length) + child
    }
    const any = anyOf(node)
    return out + (any ? writeNumber(1) + write(any) : writeNumber(0))
  }
  const nodes = write(buildTrie(items))
  return {lists: [...lists].map(([name, entries]) => [name, entries.map((entry) => entry.phrase)]), tokens: [...tokens.keys()], nodes}
}

function itemsOf(lists: ReadonlyMap<string, PhraseEntry[]>): Item[] {
  return [...lists].flatMap(([list, entries]) => entries.map((entry) => ({list, entry})))
}

// The prebuilt trie, if it was built from the phrases now registered. Matches are kept per list
// in the order of its entries whatever the order of the lists, so only the phrases must agree.
// A node is read when a match first reaches it: reading all 22,000 at the first lint cost a
// cold run about as much as the lint's own phrase matching, and a statement reaches few of them.
function readTrie(data: PhraseTrieData, lists: ReadonlyMap<string, PhraseEntry[]>): TrieNode | undefined {
  if (data.lists.length !== lists.size) return undefined
  const items: Item[] = []
  for (const [list, phrases] of data.lists) {
    const entries = lists.get(list)
    if (!entries || entries.length !== phrases.length || entries.some((entry, i) => entry.phrase !== phrases[i])) return undefined
    for (const entry of entries) items.push({list, entry})
  }
  const {nodes, tokens} = data
  let at = 0
  const number = (): number => {
    let n = 0
    for (;;) {
      const c = nodes.charCodeAt(at++)
      if (c < moreDigit) return n * lastBase + c - lastDigit
      n = n * moreBase + c - moreDigit
    }
  }
  const read = (from: number): TrieNode => {
    at = from
    const node: TrieNode = {next: undefined, done: [], read}
    for (let n = number(); n > 0; n--) node.done.push(items[number()])
    const children = number()
    if (children > 0) {
      node.next = new Map()
      for (let n = children; n > 0; n--) {
        const token = tokens[number()]
        const length = number()
        node.next.set(token, at)
        at += length
      }
    }
    if (number() === 1) node.any = at
    return node
  }
  return read(0)
}

/** The child of a node for a token, read first if it is not yet. */
function childOf(node: TrieNode, token: string): TrieNode | undefined {
  const child = node.next?.get(token)
  if (typeof child !== 'number') return child
  const read = node.read!(child)
  node.next!.set(token, read)
  return read
}

/** The wildcard child of a node, read first if it is not yet. */
function anyOf(node: TrieNode): TrieNode | undefined {
  if (typeof node.any === 'number') node.any = node.read!(node.any)
  return node.any
}

/** Match a one-off list (user phrases from a config) against a document. */
export function matchList(doc: Doc, list: string, entries: PhraseEntry[]): PhraseMatch[] {
  return matchTrie(doc, buildTrie(entries.map((entry) => ({list, entry}))))
}

/** Split a pattern into the normalized token sequences it stands for. */
export function expandPattern(pattern: string): string[][] {
  return pattern.split(/\s+\|\s+/).flatMap((alternative) => {
    let variants: string[][] = [[]]
    for (const chunk of alternative.trim().split(/\s+/)) {
      const options = chunk.split('|').map(tokenizeWord)
      variants = variants.flatMap((v) => options.map((o) => [...v, ...o]))
    }
    return variants
  })
}

// Words repeat across thousands of expanded patterns; parsing each once (with a word after it,
// so that "Ph." or "Dr." reads as it does inside a sentence, not as the end of one) made
// compiling the phrase lists several times cheaper than parsing every expansion.
const wordTokens = new Map<string, string[]>()
function tokenizeWord(word: string): string[] {
  let tokens = wordTokens.get(word)
  if (!tokens) {
    tokens = tokenize(word + ' zqzq')
    if (tokens[tokens.length - 1] === 'zqzq') tokens.pop()
    wordTokens.set(word, tokens)
  }
  return tokens
}

/** The normalized tokens of a piece of text, as the document parser sees them. */
export function tokenize(value: string): string[] {
  const out: string[] = []
  const tree = parser.parse(value)
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const node of sentence.children) if (node.type !== 'WhiteSpaceNode') out.push(normalize(nlcstToString(node)))
    }
  }
  return out
}

function buildTrie(items: Item[]): TrieNode {
  const root: TrieNode = {next: undefined, done: []}
  for (const item of items) {
    for (const sequence of expandPattern(item.entry.phrase)) {
      let node = root
      for (const token of sequence) {
        if (token === '_') node = anyOf(node) ?? (node.any = {next: undefined, done: []})
        else {
          let child = childOf(node, token)
          if (!child) (node.next ??= new Map()).set(token, (child = {next: undefined, done: []}))
          node = child
        }
      }
      node.done.push(item)
    }
  }
  return root
}

function matchTrie(doc: Doc, root: TrieNode): PhraseMatch[] {
  const found: PhraseMatch[] = []
  for (const block of doc.blocks) {
    const tokens = block.tokens
    for (let i = 0; i < tokens.length; i++) {
      if (!root.next?.has(tokens[i].norm) && root.any === undefined) continue
      walk(root, tokens, i, i, found)
    }
  }
  // Where entries overlap, keep the longest match starting earliest.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  return found
}

function walk(node: TrieNode, tokens: Token[], from: number, at: number, found: PhraseMatch[]): void {
  for (const item of node.done) {
    if (at > from && accepts(item.entry, tokens, from, at)) {
      found.push({list: item.list, entry: item.entry, tokens: tokens.slice(from, at), start: tokens[from].start, end: tokens[at - 1].end})
    }
  }
  if (at >= tokens.length) return
  const token = tokens[at]
  if (token.kind === 'code') return
  const child = childOf(node, token.norm)
  if (child) walk(child, tokens, from, at + 1, found)
  const any = token.kind === 'word' ? anyOf(node) : undefined
  if (any) walk(any, tokens, from, at + 1, found)
}

function accepts(entry: PhraseEntry, tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from]
  if (entry.sentenceStart && first.sentence.tokens.find((t) => t.kind === 'word') !== first) return false
  if (entry.notBefore) {
    const next = tokens[to]
    if (next && next.kind === 'word' && entry.notBefore.includes(next.norm)) return false
  }
  if (entry.notAfter) {
    const previous = tokens[from - 1]
    if (previous && previous.kind === 'word' && entry.notAfter.includes(previous.norm)) return false
  }
  if (entry.unless !== undefined) {
    const written = tokens.slice(from, to).map((t) => t.text).join(' ')
    if (written === entry.unless) return false
  }
  return true
}

/** The replacement list of an entry, with the case of the flagged text's first letter kept. */
export function replacements(entry: PhraseEntry, actual: string): string[] {
  const list = entry.replace === undefined ? [] : Array.isArray(entry.replace) ? entry.replace : [entry.replace]
  if (entry.unless !== undefined) return list
  const upper = /^\p{Lu}/u.test(actual) && !/^\p{Lu}{2}/u.test(actual)
  return list.map((r) => (upper && r ? r[0].toUpperCase() + r.slice(1) : r))
}
