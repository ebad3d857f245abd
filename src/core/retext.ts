// The one pass that runs the retext plugins rules wrap (`meta.retext`) on the prose trees the
// processor builds anyway: each block's parse tree is used while the processor holds it, so no
// block is parsed twice, the trees never all stand in memory at once, and no plugin walks the
// document on its own.
import type {Root as NlcstRoot, Sentence as NlcstSentence} from 'nlcst'
import {VFile} from 'vfile'
import type {OnBlockTree, ProseBlock} from './processor.ts'
import type {Block, Sentence} from './types.ts'

/** A retext transformer: what `retextPlugin(options)` returns. */
export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

/** A retext plugin as a rule declares it in `meta.retext`. */
export interface RetextPlugin {
  transformer: RetextTransformer
  /**
   * A cheap test on a sentence's tokens that is true wherever the plugin could report: the plugin
   * walks a tree of only the sentences where it is true, so it must judge each sentence on its own
   * (the three wrapped plugins do). Omitted means every sentence of the block (a long block's
   * sentences come in several trees, as they are parsed).
   */
  mayFire?: (sentence: Sentence) => boolean
  /**
   * The stretches of a sentence (ranges of its nodes, end excluded) that hold all the plugin
   * reads: it walks each as a sentence of its own rather than the whole. Only for a plugin whose
   * every report and every look around stays within such stretches.
   */
  narrow?: (sentence: NlcstSentence) => Array<[number, number]>
}

/** A message of a wrapped retext plugin, with offsets into the source. */
export interface RetextFinding {
  message: {reason: string; actual?: string | null; expected?: string[] | null}
  start: number
  end: number
}

/** The findings of each rule's plugin, by rule id. */
export type RetextFindings = Map<string, RetextFinding[]>

/** A pass for these plugins (rule id to plugin): hand `onTree` to parseDocument(), then read `findings`. */
export function retextPass(plugins: ReadonlyMap<string, RetextPlugin>): {onTree: OnBlockTree; findings: RetextFindings} {
  const findings: RetextFindings = new Map([...plugins.keys()].map((id) => [id, []]))
  const file = new VFile()
  return {onTree: (block, tree, nodes, sentences) => runPlugins(plugins, block, tree, nodes, sentences, file, findings), findings}
}

// `nodes[i]` is the parse tree's node of `sentences[i]`. Most sentences have nothing for a plugin
// (no `a` or `an`, no word twice in a row): walking only those that may was a third of the
// plugins' time.
function runPlugins(plugins: ReadonlyMap<string, RetextPlugin>, block: ProseBlock, tree: NlcstRoot, nodes: NlcstSentence[], sentences: Sentence[], file: VFile, findings: RetextFindings): void {
  for (const [id, {transformer, mayFire, narrow}] of plugins) {
    let walked = tree
    if (mayFire) {
      let chosen = nodes.filter((_, i) => mayFire(sentences[i]))
      if (narrow) chosen = chosen.flatMap((sentence) => narrow(sentence).map(([from, to]): NlcstSentence => ({type: 'SentenceNode', children: sentence.children.slice(from, to)})))
      if (chosen.length === 0) continue
      if (chosen.length < nodes.length || narrow) walked = {type: 'RootNode', children: [{type: 'ParagraphNode', children: chosen}]}
    }
    // A plugin's message is an Error (VFileMessage), and an engine records the stack of each:
    // on a text where every word is repeated that was a third of the lint. Nobody reads them.
    const errors = Error as {stackTraceLimit?: number}
    const limit = errors.stackTraceLimit
    errors.stackTraceLimit = 0
    try {
      transformer(walked, file)
    } finally {
      errors.stackTraceLimit = limit
    }
    for (const message of file.messages) {
      const place = toSource(block, message.place)
      // Only the words of a message are kept. The message itself names the nodes it was found in
      // (its ancestors, the sentence among them), and their positions, and strings made for each:
      // kept, every finding held its sentence's whole tree through the rules (1.7 GB for a 3 MB
      // run-on sentence of repeated words, with 475,000 messages).
      if (place) findings.get(id)!.push({message: {reason: message.reason, actual: message.actual, expected: message.expected}, ...place})
    }
    file.messages.length = 0
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

const codeTokens = new WeakMap<Block, {seen: number; code: Block['tokens']}>()

// By binary search over the block's code tokens (in order, not overlapping), gathered once per
// block (and brought up to date as a long block's sentences come in): a paragraph with thousands
// of findings and code spans must not compare every pair.
function overlapsCode(block: Block, start: number, end: number): boolean {
  let known = codeTokens.get(block)
  if (!known) codeTokens.set(block, (known = {seen: 0, code: []}))
  for (; known.seen < block.tokens.length; known.seen++) if (block.tokens[known.seen].kind === 'code') known.code.push(block.tokens[known.seen])
  const code = known.code
  let lo = 0
  let hi = code.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (code[mid].end <= start) lo = mid + 1
    else hi = mid
  }
  return lo < code.length && code[lo].start < end
}
