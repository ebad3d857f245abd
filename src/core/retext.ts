// The one pass that runs the retext plugins rules wrap (`meta.retext`) on the prose trees the
// processor builds anyway: each block's parse tree is used while the processor holds it, so no
// block is parsed twice, the trees never all stand in memory at once, and no plugin walks the
// document on its own.
import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import type {ProseBlock} from './processor.ts'
import type {Block} from './types.ts'

/** A retext transformer: what `retextPlugin(options)` returns. */
export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

/** A retext plugin as a rule declares it in `meta.retext`. */
export interface RetextPlugin {
  transformer: RetextTransformer
  /**
   * A cheap test on a block's tokens that is true wherever the plugin could report: blocks where
   * no rule's plugin could are neither parsed nor walked. Omitted means every block.
   */
  mayFire?: (block: Block) => boolean
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
export function retextPass(plugins: ReadonlyMap<string, RetextPlugin>): {onTree: (block: ProseBlock, tree: NlcstRoot) => void; findings: RetextFindings} {
  const findings: RetextFindings = new Map([...plugins.keys()].map((id) => [id, []]))
  const file = new VFile()
  return {onTree: (block, tree) => runPlugins(plugins, block, tree, file, findings), findings}
}

function runPlugins(plugins: ReadonlyMap<string, RetextPlugin>, block: ProseBlock, tree: NlcstRoot, file: VFile, findings: RetextFindings): void {
  for (const [id, {transformer, mayFire}] of plugins) {
    if (mayFire && !mayFire(block)) continue
    const from = file.messages.length
    transformer(tree, file)
    for (const message of file.messages.slice(from)) {
      const place = toSource(block, message.place)
      if (place) findings.get(id)!.push({message, ...place})
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
