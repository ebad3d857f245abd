// Helpers rules share: wrapping retext plugins on the prose blocks, reporting phrase matches.
import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import {phraseMatches, replacements, type PhraseEntry, type PhraseMatch} from '../src/phrases.ts'
import type {ProseBlock} from '../src/processor.ts'
import type {RuleContext} from '../src/rule.ts'
import type {Doc} from '../src/types.ts'

/** A retext transformer: what `retextPlugin(options)` returns. */
export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

/** Run a retext transformer over every prose block; yields each message with source offsets. */
export function runRetext(
  doc: Doc,
  transformer: RetextTransformer,
  each: (message: {reason: string; actual?: string | null; expected?: string[] | null}, start: number, end: number) => void
): void {
  for (const block of doc.blocks as ProseBlock[]) {
    const file = new VFile()
    transformer(block.nlcst, file)
    for (const message of file.messages) {
      const from = message.place && 'start' in message.place ? message.place.start.offset : undefined
      const to = message.place && 'end' in message.place ? message.place.end.offset : undefined
      if (from === undefined || to === undefined || to <= from) continue
      const start = block.src[from]
      const end = block.src[to - 1] + 1
      // Code, math and citations stand in the prose as placeholder words; they are not prose.
      if (block.tokens.some((t) => t.kind === 'code' && t.start < end && t.end > start)) continue
      each(message, start, end)
    }
  }
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
