// Phrase lists are data; this matches all of them in one pass over the prose tokens.
//
// Pattern syntax, one entry's `phrase`: words separated by spaces, matched case-insensitively
// on the prose tokens (so Markdown emphasis, line wraps and curly quotes do not matter);
// `a|b` inside a word gives alternatives for that word; ` | ` with spaces separates whole
// alternative phrases; `_` stands for any one word.
import {ParseEnglish} from 'parse-english'
import {toString as nlcstToString} from 'nlcst-to-string'
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

interface TrieNode {
  /** Absent on the leaves, which are most of the nodes. */
  next: Map<string, TrieNode> | undefined
  any?: TrieNode
  done: Array<{list: string; entry: PhraseEntry}>
}

const parser = new ParseEnglish()
const lists = new Map<string, PhraseEntry[]>()
let trie: TrieNode | undefined
const cache = new WeakMap<Doc, PhraseMatch[]>()

/** Register a named phrase list; all registered lists are matched together in one pass. */
export function registerPhrases(list: string, entries: PhraseEntry[]): void {
  lists.set(list, entries)
  trie = undefined
}

/** The registered lists by name (a list's name is the id of the rule that reports it). */
export function registeredLists(): ReadonlyMap<string, PhraseEntry[]> {
  return lists
}

/** Every match of every registered list in the document (computed once per document). */
export function phraseMatches(doc: Doc, list: string): PhraseMatch[] {
  let all = cache.get(doc)
  if (!all) {
    trie ??= buildTrie([...lists].flatMap(([name, entries]) => entries.map((entry) => ({list: name, entry}))))
    all = matchTrie(doc, trie)
    cache.set(doc, all)
  }
  return all.filter((m) => m.list === list)
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

function buildTrie(items: Array<{list: string; entry: PhraseEntry}>): TrieNode {
  const root: TrieNode = {next: undefined, done: []}
  for (const item of items) {
    for (const sequence of expandPattern(item.entry.phrase)) {
      let node = root
      for (const token of sequence) {
        if (token === '_') node = node.any ??= {next: undefined, done: []}
        else {
          let child = node.next?.get(token)
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
      if (!root.next?.has(tokens[i].norm) && !root.any) continue
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
  const child = node.next?.get(token.norm)
  if (child) walk(child, tokens, from, at + 1, found)
  if (node.any && token.kind === 'word') walk(node.any, tokens, from, at + 1, found)
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
