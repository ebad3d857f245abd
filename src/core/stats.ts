// Statistics of a parsed document, for `--stats`, `soplint stats`, the HTML report and compare.
// Everything is counted on the tokens and tree lint() already built, so the statistics cost a
// walk over the words, not a second parse. Only paragraphs count: headings are not prose a
// reader has to get through, and their words would skew the sentence lengths.
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {flesch} from 'flesch'
import {syllable} from 'syllable'
import {SKIP, walkTree} from '../../rules/util.ts'
import {scoreOf} from './score.ts'
import {parseDocument} from './processor.ts'
import type {Config, Doc, DocumentStats, InputFormat, LintMessage, LintResult, Token} from './types.ts'

// Syllable counts by word, shared across documents (a language server lints the same words
// again and again); bounded so a long session cannot grow it without limit.
const syllableCache = new Map<string, number>()
const firstPerson = new Set(['i', "i'm", "i've", "i'd", "i'll"])

/** The result with full statistics, the score and its deductions added; `config` says which rules are off. */
export function withStats(result: LintResult, doc: Doc, config: Config = {}): LintResult {
  const stats = documentStats(doc, result.settings, result.messages)
  const off = Object.entries(config.rules ?? {}).filter(([, setting]) => (Array.isArray(setting) ? setting[0] : setting) === 'off').map(([id]) => id)
  const {score, deductions} = scoreOf(stats, result.messages, {off})
  return {...result, stats, score, deductions}
}

/** Every statistic of a document; `messages` gives the findings per 1,000 words. */
export function documentStats(doc: Doc, limits: {minWords: number; maxWords: number}, messages: LintMessage[]): DocumentStats {
  const sentences = doc.sentences.filter((s) => s.block.kind === 'paragraph' && s.words.length > 0)
  const body = doc.words.filter((w) => w.sentence.block.kind === 'paragraph')
  const words = body.length

  let longest = sentences[0]
  for (const s of sentences) if (s.words.length > longest.words.length) longest = s

  let syllables = 0
  let letters = 0
  for (const word of body) {
    let count = syllableCache.get(word.norm)
    if (count === undefined) {
      count = syllable(word.norm)
      if (syllableCache.size < 50000) syllableCache.set(word.norm, count)
    }
    syllables += count
    letters += word.text.length
  }
  const counts = {sentence: sentences.length, word: words, syllable: syllables, letter: letters, character: letters}
  const emphasis = emphasisShares(doc, body)
  const {numbers, names} = specifics(sentences.map((s) => s.words))
  const per1000: Record<string, number> = {}
  for (const m of messages) per1000[m.ruleId] = (per1000[m.ruleId] ?? 0) + 1
  for (const id of Object.keys(per1000)) per1000[id] = words ? round((per1000[id] * 1000) / words, 1) : 0

  return {
    words: doc.words.length,
    sentences: doc.sentences.length,
    paragraphs: doc.blocks.filter((b) => b.kind === 'paragraph').length,
    wordLimit: limits.maxWords,
    wordMinimum: limits.minWords,
    meanSentenceWords: sentences.length ? round(words / sentences.length, 1) : 0,
    longestSentenceWords: longest ? longest.words.length : 0,
    longestSentenceLine: longest ? doc.point(longest.start).line : 0,
    readingEase: words ? round(flesch(counts), 1) : 0,
    gradeLevel: words ? round((colemanLiau(counts) + automatedReadability(counts)) / 2, 1) : 0,
    boldShare: emphasis.strong,
    italicShare: emphasis.emphasis,
    iStartShare: sentences.length ? round(sentences.filter((s) => firstPerson.has(s.words[0].norm)).length / sentences.length, 3) : 0,
    numbers,
    names,
    specificsPer100: words ? round(((numbers + names) * 100) / words, 1) : 0,
    findingsPer1000: per1000
  }
}

// The share of body words inside `strong` and inside `emphasis` nodes, whatever front end built
// the tree (Markdown `**x**`, LaTeX `\textbf{x}`). Headings, code and HTML are not prose.
function emphasisShares(doc: Doc, body: Token[]): {strong: number; emphasis: number} {
  const ranges: Record<'strong' | 'emphasis', Array<[number, number]>> = {strong: [], emphasis: []}
  walkTree(doc.mdast, (node: MdastNodes) => {
    if (node.type === 'heading' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP
    if ((node.type === 'strong' || node.type === 'emphasis') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges[node.type].push([node.position.start.offset, node.position.end.offset])
    }
    return undefined
  })
  // Ranges merged and sorted, words in order: one pass over both.
  const share = (list: Array<[number, number]>) => {
    if (body.length === 0 || list.length === 0) return 0
    list.sort((a, b) => a[0] - b[0])
    const merged: Array<[number, number]> = []
    for (const [s, e] of list) {
      const last = merged[merged.length - 1]
      if (last && s <= last[1]) last[1] = Math.max(last[1], e)
      else merged.push([s, e])
    }
    let inside = 0
    let j = 0
    for (const word of body) {
      while (j < merged.length && merged[j][1] < word.end) j++
      if (j < merged.length && merged[j][0] <= word.start) inside++
    }
    return round(inside / body.length, 3)
  }
  return {strong: share(ranges.strong), emphasis: share(ranges.emphasis)}
}

// Numbers are tokens with a digit ("2019", "9.1", "3x"). A name is a run of capitalised words
// inside a sentence ("Carnegie Mellon University", "BERT", "NeurIPS"): the first word of a
// sentence and "I" are capitalised by grammar, not because they name something.
function specifics(sentences: Token[][]): {numbers: number; names: number} {
  let numbers = 0
  let names = 0
  for (const words of sentences) {
    let previous = -1
    for (let i = 0; i < words.length; i++) {
      const word = words[i]
      if (/\d/.test(word.text)) {
        numbers++
        continue
      }
      if (i === 0 || word.norm === 'i' || !/\p{Lu}/u.test(word.text)) continue
      // Consecutive capitalised words make one name.
      if (previous !== i - 1) names++
      previous = i
    }
  }
  return {numbers, names}
}

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** The figures the web page shows beside its editor (see textStats()). */
export interface TextStats {
  words: number
  sentences: number
  /** The grade level of documentStats(); null when there is no sentence. */
  grade: number | null
  /** Share from 0 to 1 of the paragraphs' words inside bold. */
  boldShare: number
}

/**
 * The dashboard figures of a text without linting it, counted as documentStats() counts them so
 * the page and `soplint --stats` agree. LaTeX loads its parser on first use; a Word document
 * passes the tree its reader built.
 */
export async function textStats(text: string, options: {format?: InputFormat; mdast?: MdastRoot} = {}): Promise<TextStats> {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  const format = options.format ?? 'md'
  let tree = options.mdast
  if (!tree && format === 'tex') tree = (await import('./formats/latex.ts')).latexTree(text)
  const stats = documentStats(parseDocument(text, format, tree), {minWords: 0, maxWords: 0}, [])
  return {words: stats.words, sentences: stats.sentences, grade: stats.sentences > 0 && stats.words > 0 ? stats.gradeLevel : null, boldShare: stats.boldShare}
}
