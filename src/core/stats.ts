// Figures about a document for a writer's dashboard (the web page shows them beside the editor):
// words, sentences, a reading grade and the share of words in bold. Rules judge; this only counts.
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {syllable} from 'syllable'
import {parseDocument} from './processor.ts'
import type {InputFormat} from './types.ts'

/** What textStats() returns. */
export interface TextStats {
  words: number
  sentences: number
  /** Flesch-Kincaid grade level of the prose (US school grade); null when there is no sentence. */
  grade: number | null
  /** Words inside bold (mdast `strong`: `**x**`, `\textbf{x}`, Word's bold) over all words; 0 with no words. */
  boldShare: number
}

/**
 * Count a document's words, sentences, reading grade and bold words, on the same tree the rules
 * read. LaTeX loads its parser on first use; a Word document passes the tree its reader built.
 */
export async function textStats(text: string, options: {format?: InputFormat; mdast?: MdastRoot} = {}): Promise<TextStats> {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  const format = options.format ?? 'md'
  let tree = options.mdast
  if (!tree && format === 'tex') tree = (await import('./formats/latex.ts')).latexTree(text)
  const doc = parseDocument(text, format, tree)
  const words = doc.words
  let syllables = 0
  for (const word of words) syllables += syllable(word.text)
  const sentences = doc.sentences.filter((s) => s.words.length > 0).length
  // Flesch-Kincaid (Kincaid et al., 1975): the grade most word processors show.
  const grade = sentences > 0 && words.length > 0 ? 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59 : null
  const bold = strongRanges(doc.mdast)
  let inBold = 0
  let r = 0
  for (const word of words) {
    while (r < bold.length && bold[r][1] <= word.start) r++
    if (r < bold.length && bold[r][0] <= word.start && word.end <= bold[r][1]) inBold++
  }
  return {words: words.length, sentences, grade: grade === null ? null : Math.round(grade * 10) / 10, boldShare: words.length > 0 ? inBold / words.length : 0}
}

// The outermost bold spans, in document order, as [start, end] offsets.
function strongRanges(tree: MdastNodes): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const walk = (node: MdastNodes): void => {
    if (node.type === 'strong' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push([node.position.start.offset, node.position.end.offset])
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes)
  }
  walk(tree)
  return ranges.sort((a, b) => a[0] - b[0])
}
