// Helpers rules share: wrapping retext plugins on the prose blocks, reporting phrase matches.
import type {Nodes as MdastNodes} from 'mdast'
import type {Root as NlcstRoot} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {phraseMatches, replacements, type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import type {ProseBlock} from '../src/core/processor.ts'
import type {RuleContext} from '../src/core/rule.ts'
import type {Block, Doc} from '../src/core/types.ts'

/** A retext transformer: what `retextPlugin(options)` returns. */
export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

/** A message of a wrapped retext plugin, with offsets into the source. */
export interface RetextFinding {
  message: {reason: string; actual?: string | null; expected?: string[] | null}
  start: number
  end: number
}

const transformers = new Map<string, {transformer: RetextTransformer; mayFire: (block: Block) => boolean}>()
const findings = new WeakMap<Doc, Map<string, RetextFinding[]>>()
const parser = new ParseEnglish()

/**
 * Register a retext transformer under a name; all registered ones run in one pass per document.
 * `mayFire` is a cheap test on a block's tokens that is true wherever the plugin could report:
 * blocks where no registered plugin could are neither parsed nor walked.
 */
export function registerRetext(name: string, transformer: RetextTransformer, mayFire: (block: Block) => boolean = () => true): void {
  transformers.set(name, {transformer, mayFire})
}

/**
 * Run every registered transformer on the blocks as the document is parsed: pass `onTree` to
 * parseDocument() and then `finish` the document. Each block's parse tree is used while the
 * processor holds it, so no block is parsed twice, the trees never all stand in memory at once,
 * and no plugin walks the document on its own.
 */
export function retextPass(): {onTree: (block: ProseBlock, tree: NlcstRoot) => void; finish: (doc: Doc) => void} {
  const all = new Map<string, RetextFinding[]>([...transformers.keys()].map((key) => [key, []]))
  const file = new VFile()
  return {
    onTree: (block, tree) => runTransformers(block, tree, file, all),
    finish: (doc) => void findings.set(doc, all)
  }
}

/**
 * The messages of one registered retext transformer on a document: from the pass made while it
 * was parsed, or, for a document parsed without one, from parsing its blocks again now.
 */
export function retextFindings(doc: Doc, name: string): RetextFinding[] {
  let all = findings.get(doc)
  if (!all) {
    const pass = retextPass()
    for (const block of doc.blocks as ProseBlock[]) {
      if ([...transformers.values()].some((t) => t.mayFire(block))) pass.onTree(block, parser.parse(block.string) as NlcstRoot)
    }
    pass.finish(doc)
    all = findings.get(doc)!
  }
  return all.get(name) ?? []
}

function runTransformers(block: ProseBlock, tree: NlcstRoot, file: VFile, all: Map<string, RetextFinding[]>): void {
  for (const [key, {transformer, mayFire}] of transformers) {
    if (!mayFire(block)) continue
    const from = file.messages.length
    transformer(tree, file)
    for (const message of file.messages.slice(from)) {
      const place = toSource(block, message.place)
      if (place) all.get(key)!.push({message, ...place})
    }
  }
}

function toSource(block: ProseBlock, place: VFile['messages'][number]['place']): {start: number; end: number} | undefined {
  const from = place && 'start' in place ? place.start.offset : undefined
  const to = place && 'end' in place ? place.end.offset : undefined
  if (from === undefined || to === undefined || to <= from) return undefined
  const start = block.src[from]
  const end = block.ends[to - 1]
  // Code, math and citations stand in the prose as placeholder words; they are not prose.
  if (overlapsCode(block, start, end)) return undefined
  return {start, end}
}

const codeTokens = new WeakMap<Block, Block['tokens']>()

// By binary search over the block's code tokens (in order, not overlapping), found once per block:
// a paragraph with thousands of findings and code spans must not compare every pair.
function overlapsCode(block: Block, start: number, end: number): boolean {
  let code = codeTokens.get(block)
  if (!code) codeTokens.set(block, (code = block.tokens.filter((t) => t.kind === 'code')))
  let lo = 0
  let hi = code.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (code[mid].end <= start) lo = mid + 1
    else hi = mid
  }
  return lo < code.length && code[lo].start < end
}

/** Quote flagged text for a message: backticks, whitespace folded. */
export function quote(text: string): string {
  return '`' + text.replace(/\s+/g, ' ').trim() + '`'
}

/** Report every match of a registered phrase list with the standard message shape. */
export function reportPhrases(
  context: RuleContext<any>,
  list: string,
  options: {filter?: (match: PhraseMatch) => boolean; level?: (match: PhraseMatch) => 'error' | 'warn' | 'info' | undefined} = {}
): void {
  let lastEnd = -1
  for (const match of phraseMatches(context.doc, list)) {
    if (match.start < lastEnd) continue
    if (options.filter && !options.filter(match)) continue
    lastEnd = match.end
    const actual = context.doc.text.slice(match.start, match.end)
    const expected = replacements(match.entry, actual)
    context.report({
      start: match.start,
      end: match.end,
      message: phraseMessage(match.entry, actual, expected),
      expected,
      note: match.entry.note,
      level: options.level?.(match)
    })
  }
}

/** "`actual` reason; write `x`" or "`actual` reason; direction". */
export function phraseMessage(entry: PhraseEntry, actual: string, expected: string[]): string {
  const head = `${quote(actual)} ${entry.reason}`
  if (expected.length === 1 && expected[0] === '') return `${head}; delete it`
  if (expected.length > 0) return `${head}; write ${expected.map((e) => quote(e)).join(' or ')}`
  return entry.direction ? `${head}; ${entry.direction}` : head
}

/** What a walkTree() visitor returns to leave the children of a node unvisited. */
export const SKIP = 'skip'

/**
 * Visit a Markdown tree depth-first in document order, as unist-util-visit does, but without its
 * per-node closures: that library names a new function for every node it visits (for stack
 * traces), which made it the largest allocator of a cold run. `enter` returns SKIP to leave a
 * node's children unvisited.
 */
export function walkTree(node: MdastNodes, enter: (node: MdastNodes) => typeof SKIP | undefined): void {
  if (enter(node) === SKIP) return
  if ('children' in node) for (const child of node.children) walkTree(child, enter)
}
