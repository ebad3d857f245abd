// Helpers rules share: quoting, reporting phrase matches, walking the Markdown tree.
import type {Nodes as MdastNodes} from 'mdast'
import {replacements, type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import type {RetextTransformer} from '../src/core/retext.ts'
import type {Report, RuleContext} from '../src/core/rule.ts'

/** Quote flagged text for a message: backticks, whitespace folded. */
export function quote(text: string): string {
  return '`' + text.replace(/\s+/g, ' ').trim() + '`'
}

/** Report every match of the rule's phrase list with the standard message shape. */
export function reportPhrases(
  context: RuleContext<any>,
  options: {filter?: (match: PhraseMatch) => boolean; level?: (match: PhraseMatch) => 'error' | 'warn' | 'info' | undefined} = {}
): void {
  let lastEnd = -1
  for (const match of context.phrases) {
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

/** A retext plugin's transformer with its default options, typed for `meta.retext`. */
export function transformerOf(plugin: unknown): RetextTransformer {
  return (plugin as () => RetextTransformer)()
}

/** Report findings one per place: the earliest and widest first, skipping any that overlap one reported. */
export function reportFirstOfOverlaps(found: Report[], report: (finding: Report) => void): void {
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  let last = -1
  for (const f of found) {
    if (f.start < last) continue
    last = f.end
    report(f)
  }
}
