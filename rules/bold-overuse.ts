// Counts words, not spans: a statement that bolds a thesis phrase or two is normal; one that bolds
// a fifth of its words has stopped emphasising anything. Any mdast `strong`/`emphasis` counts,
// whatever front end built the tree (Markdown `**x**`, LaTeX `\textbf{x}`).
import type {Nodes as MdastNodes} from 'mdast'
import data from './data/bold-overuse.yml'
import {defineRule} from '../src/core/rule.ts'
import type {Block, Doc, Token} from '../src/core/types.ts'
import {firstTokenFrom} from './tokens.ts'
import {quote, SKIP, walkTree} from './util.ts'

interface Options {
  maxShare: number
  minSpans: number
  maxParagraphShare: number
  maxRun: number
  maxParagraphs: number
  italicMaxShare: number
}

interface Span {
  kind: 'strong' | 'emphasis'
  start: number
  end: number
  block: Block
  words: Token[]
}

const generic = new Set<string>(data.generic)
const stop = new Set<string>(data.stop)
const acronyms = new Set<string>((data.acronyms as string[]).map((a) => a.toUpperCase()))
// What may stand between two bold spans of one run: commas, slashes, "and", "or", "&".
const joiner = /^[\s,;/&]*(?:(?:and|or|as well as|&)[\s,;/]*)?$/i

/** Too much bold, italics or ALL CAPS. */
export default defineRule<Options>({
  meta: {
    id: 'bold-overuse',
    description: 'Too much bold, italics or ALL CAPS',
    rationale:
      'Emphasis works by contrast: when a fifth of a statement is bold, nothing stands out and the page reads as a list of keywords shouting at the reviewer. Keep bold for at most one key phrase per page, or none; reviewers read the whole statement anyway. Style guides agree: Butterick\'s Practical Typography ("Bold or italic") advises using both as little as possible, and the Chicago Manual of Style (7.50) notes that emphasis loses its force when overused. ALL CAPS reads as shouting. Paper and book titles in italics are normal, so italics have a higher limit.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'layout',
    options: {
      maxShare: {type: 'number', default: 0.08, description: 'Largest share of the words that may be bold in the whole document'},
      minSpans: {type: 'number', default: 5, description: 'Fewest bold (or italic) phrases before the document share is judged'},
      maxParagraphShare: {type: 'number', default: 0.25, description: 'Largest share of a paragraph\'s words that may be bold (judged with 3 or more bold phrases)'},
      maxRun: {type: 'number', default: 3, description: 'Bold phrases in a row, separated only by commas or "and", that count as a run to report'},
      maxParagraphs: {type: 'number', default: 3, description: 'Most paragraphs to report, the worst first'},
      italicMaxShare: {type: 'number', default: 0.15, description: 'Largest share of the words that may be italic (titles of papers and books are italic, hence higher)'}
    },
    example: {
      before: 'I worked on **deep learning**, **computer vision**, **NLP** and **GANs** with a focus on **collaboration**.',
      after: 'I built a segmentation model for dental X-rays that cut the error of our baseline by a third.'
    }
  },
  check({doc, options, report}) {
    const spans = collectSpans(doc)
    const body = doc.words.filter((w) => w.sentence.block.kind === 'paragraph')
    const total = body.length
    if (total === 0) return
    const strong = spans.filter((s) => s.kind === 'strong')

    // Document level: one finding that gives the share.
    const boldWords = countWords(strong)
    const share = boldWords / total
    const generics = strong.filter(isGeneric).sort((a, b) => a.words.length - b.words.length)
    const genericNote = generics.length > 0 ? `, among them generic words such as ${generics.slice(0, 2).map((s) => quote(spanText(doc, s))).join(' and ')}` : ''
    const heavy = (strong.length >= options.minSpans && share > options.maxShare) || (generics.length >= 2 && strong.length >= 3)
    if (heavy) {
      report({
        start: strong[0].start,
        end: strong[0].end,
        message: `${percent(share)} of the words (${boldWords} of ${total}) are bold${genericNote}; keep bold for at most one key phrase per page, or none`
      })
    }

    // Paragraph level: beside the document finding, the worst few paragraphs over the threshold or
    // with a run of bold phrases. Without it, only a long run (five or more bold phrases in a row)
    // is reported: three bold names in an otherwise plain statement are a matter of taste, a bold
    // keyword list is not.
    const minRun = heavy ? options.maxRun : options.maxRun + 2
    const byBlock = new Map<Block, Span[]>()
    for (const span of strong) {
      const list = byBlock.get(span.block)
      if (list) list.push(span)
      else byBlock.set(span.block, [span])
    }
    const flagged: Array<{block: Block; weight: number; start: number; end: number; message: string}> = []
    for (const [block, list] of byBlock) {
      const words = block.tokens.filter((t) => t.kind === 'word').length
      const bold = countWords(list)
      const run = longestRun(doc, list)
      const over = heavy && list.length >= 3 && bold / words > options.maxParagraphShare
      if (run.length >= minRun) {
        const names = run.slice(0, 3).map((s) => quote(spanText(doc, s)))
        const shown = run.length > 3 ? `${names.join(', ')} and ${run.length - 3} more` : names.join(', ')
        flagged.push({
          block,
          weight: bold,
          start: run[0].start,
          end: run[run.length - 1].end,
          message: `${count(run.length)} bold phrases in a row (${shown}) read as a keyword list; set the list in plain text and bold at most the one result that matters`
        })
      } else if (over) {
        flagged.push({
          block,
          weight: bold,
          start: list[0].start,
          end: list[0].end,
          message: `${percent(bold / words)} of this paragraph (${bold} of ${words} words, in ${list.length} phrases) is bold; unbold it and let the sentences carry the emphasis`
        })
      }
    }
    flagged.sort((a, b) => b.weight - a.weight)
    for (const f of flagged.slice(0, options.maxParagraphs).sort((a, b) => a.start - b.start)) {
      report({start: f.start, end: f.end, message: f.message})
    }

    // Italics: a document-level share with its own, higher limit.
    const italic = spans.filter((s) => s.kind === 'emphasis')
    const italicWords = countWords(italic)
    if (italic.length >= options.minSpans && italicWords / total > options.italicMaxShare) {
      report({
        start: italic[0].start,
        end: italic[0].end,
        message: `${percent(italicWords / total)} of the words (${italicWords} of ${total}) are in italics; keep italics for titles and the odd word that needs stress`
      })
    }

    // ALL CAPS: runs of two or more capitalised words that are not acronyms.
    // Capitals in a link's text are the name of the thing linked ("OPEN JAM SESSIONS"), not shouting.
    const links: Array<[number, number]> = []
    walkTree(doc.mdast, (node) => {
      if (node.type === 'link' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) links.push([node.position.start.offset, node.position.end.offset])
      return undefined
    })
    let caps = 0
    for (const block of doc.blocks) {
      if (block.kind !== 'paragraph' || caps >= options.maxParagraphs) continue
      for (const run of capsRuns(block)) {
        if (inLink(links, run[0].start)) continue
        // "INSERT PROGRAM NAME" is a template leftover, which the placeholder rule reports.
        if (run.some((w) => /^(?:INSERT|ENTER|NAME|TODO|TBD|FIXME|PLACEHOLDER)$/.test(w.text))) continue
        if (caps++ >= options.maxParagraphs) break
        const actual = doc.text.slice(run[0].start, run[run.length - 1].end)
        report({
          start: run[0].start,
          end: run[run.length - 1].end,
          message: `${quote(actual)} is in capitals, which reads as shouting; write it in lower case and let the sentence carry the weight`
        })
      }
    }
  }
})

// Outermost strong and emphasis nodes outside headings, minus run-in heads ("**Goal 1:** ...")
// and paragraphs set wholly in one style (a bold pseudo-heading, an italic quotation).
// Every look-up here is a binary search or a count made once per block: a paragraph of 20,000
// bold words must cost in proportion to its length, not to its spans times its words.
function collectSpans(doc: Doc): Span[] {
  const spans: Span[] = []
  const blocks = doc.blocks.filter((b) => b.kind === 'paragraph')
  const wordsOf = blockWords()
  walkTree(doc.mdast, (node: MdastNodes) => {
    if (node.type === 'heading' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP
    if (node.type !== 'strong' && node.type !== 'emphasis') return undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return SKIP
    const block = blockAround(blocks, start, end)
    if (!block) return SKIP
    const words = wordsIn(wordsOf(block), start, end)
    if (words.length > 0) spans.push({kind: node.type, start, end, block, words})
    // A nested node of the other kind (***both***) is counted on its own.
    walkTree(node, (inner: MdastNodes) => {
      if (inner === node || inner.type === node.type || (inner.type !== 'strong' && inner.type !== 'emphasis')) return undefined
      const s = inner.position?.start.offset
      const e = inner.position?.end.offset
      if (s === undefined || e === undefined) return SKIP
      const w = wordsIn(wordsOf(block), s, e)
      if (w.length > 0) spans.push({kind: inner.type, start: s, end: e, block, words: w})
      return SKIP
    })
    return SKIP
  })
  // Styled words per block and kind, counted once for every span's whole-block test.
  const styled = new Map<Block, Record<Span['kind'], Span[]>>()
  for (const span of spans) {
    const entry = styled.get(span.block) ?? {strong: [], emphasis: []}
    entry[span.kind].push(span)
    styled.set(span.block, entry)
  }
  const whole = new Map<Block, Record<Span['kind'], boolean>>()
  for (const [block, entry] of styled) {
    const words = wordsOf(block).length
    whole.set(block, {strong: countWords(entry.strong) >= 0.9 * words, emphasis: countWords(entry.emphasis) >= 0.9 * words})
  }
  return spans.filter((span) => !isRunInHead(doc, span, wordsOf(span.block)) && !whole.get(span.block)![span.kind] && !isNote(doc, span))
}

/** The word tokens of a block, computed once per block. */
function blockWords(): (block: Block) => Token[] {
  const cache = new Map<Block, Token[]>()
  return (block) => {
    let words = cache.get(block)
    if (!words) cache.set(block, (words = block.tokens.filter((t) => t.kind === 'word')))
    return words
  }
}

/** The block (sorted by start, not overlapping) that holds start..end, by binary search. */
function blockAround(blocks: Block[], start: number, end: number): Block | undefined {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = blocks[mid]
    if (b.end < start) lo = mid + 1
    else if (b.start > start) hi = mid - 1
    else return b.start <= start && end <= b.end ? b : undefined
  }
  return undefined
}


/** The tokens wholly inside start..end. */
function wordsIn(tokens: Token[], start: number, end: number): Token[] {
  const out: Token[] = []
  for (let i = firstTokenFrom(tokens, start); i < tokens.length && tokens[i].start < end; i++) if (tokens[i].end <= end) out.push(tokens[i])
  return out
}

function isRunInHead(doc: Doc, span: Span, words: Token[]): boolean {
  if (words[0] !== span.words[0] || words.length === span.words.length) return false
  const inner = doc.text.slice(span.start, span.end).replace(/[*_}]+$/, '').trimEnd()
  const after = doc.text.slice(span.end, span.end + 3)
  return /[:.\u2014\u2013]$/.test(inner) || /^\s*[:.\u2014\u2013]/.test(after) || /^\s+-\s/.test(after)
}

// `/**note to self**/` is a leftover note (the placeholder rule reports it), not emphasis.
function isNote(doc: Doc, span: Span): boolean {
  return doc.text[span.start - 1] === '/' && doc.text[span.end] === '/'
}

function countWords(spans: Span[]): number {
  const seen = new Set<Token>()
  for (const span of spans) for (const word of span.words) seen.add(word)
  return seen.size
}

function longestRun(doc: Doc, spans: Span[]): Span[] {
  // The run is kept as indices, so that a long run is not copied at every span it grows by.
  let bestStart = 0
  let bestLength = 0
  let current: Span[] = []
  let currentStart = 0
  for (const [i, span] of spans.entries()) {
    const prev = current[current.length - 1]
    // Markup between the spans (`}, \textbf{` when a front end positions only the inner text) is
    // not text. (Only the text between two spans: for the first, slicing from the start of the
    // document cost time in proportion to its length for every paragraph.)
    const between = prev ? doc.text.slice(prev.end, span.start).replace(/\\[A-Za-z]+|[{}*_]/g, '') : undefined
    if (between !== undefined && joiner.test(between)) current.push(span)
    else {
      current = [span]
      currentStart = i
    }
    if (current.length > bestLength) {
      bestStart = currentStart
      bestLength = current.length
    }
  }
  return spans.slice(bestStart, bestStart + bestLength)
}

function isGeneric(span: Span): boolean {
  const content = span.words.filter((w) => !stop.has(w.norm))
  return content.length > 0 && content.every((w) => generic.has(w.norm))
}

// The span's text without its markers: from its first to its last prose token ("C++", not "C").
function spanText(doc: Doc, span: Span): string {
  const tokens = wordsIn(span.block.tokens, span.words[0].start, span.end).filter((t) => t.kind !== 'code')
  const last = [...tokens].reverse().find((t) => !/^[*_]+$/.test(t.text)) ?? span.words[span.words.length - 1]
  return doc.text.slice(span.words[0].start, last.end)
}

function count(n: number): string {
  const names = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten']
  return names[n] ?? String(n)
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** Whether the offset lies inside one of the links (in document order, not nested), by binary search. */
function inLink(links: Array<[number, number]>, offset: number): boolean {
  let lo = 0
  let hi = links.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (links[mid][1] <= offset) lo = mid + 1
    else if (links[mid][0] > offset) hi = mid - 1
    else return true
  }
  return false
}

// Title lines and signatures set in capitals ("STATEMENT OF PURPOSE", "JANE DOE") are whole blocks
// and are left alone; so are acronyms, words with digits and words without a vowel.
function capsRuns(block: Block): Token[][] {
  const caps = (w: Token) => upperFirst(w) && /^[A-Z][A-Z'\u2019-]*$/.test(w.text)
  const shouting = (w: Token) => /^[A-Z][A-Z'\u2019-]{3,}$/.test(w.text) && /[AEIOUY]/.test(w.text) && !acronyms.has(w.text.replace(/['\u2019]S$/, ''))
  // Most blocks have fewer than two words that shout ("I" and "A" do not): no run can be among them.
  let words = 0
  let capsWords = 0
  let loud = 0
  for (const s of block.sentences) {
    words += s.words.length
    for (const w of s.words) {
      if (!upperFirst(w) || !/^[A-Z][A-Z0-9'\u2019.-]*$/.test(w.text)) continue
      capsWords++
      if (w.text.length >= 4 && shouting(w)) loud++
    }
  }
  if (capsWords >= 0.6 * words || loud < 2) return []
  // A stretch of capitalised words ("THIS IS WHY I STUDY HYDROLOGY") with two or more that shout.
  const runs: Token[][] = []
  let current: Token[] = []
  // Built only for a block with two capitalised words in a row to compare.
  let index: Map<Token, number> | undefined
  const close = () => {
    const loud = current.filter(shouting)
    if (loud.length >= 2) {
      // Keep short words that belong to the shout ("HOW MUCH"), not acronyms at its edges.
      const named = (w: Token) => acronyms.has(w.text) || !/[AEIOUY]/.test(w.text) || w.text === 'I'
      let a = 0
      let b = current.length - 1
      while (named(current[a])) a++
      while (named(current[b])) b--
      runs.push(current.slice(a, b + 1))
    }
    current = []
  }
  for (const s of block.sentences) {
    for (const w of s.words) {
      const prev = current[current.length - 1]
      if (caps(w) && (!prev || adjacentWords((index ??= new Map(block.tokens.map((t, i) => [t, i]))), prev, w))) current.push(w)
      else {
        close()
        if (caps(w)) current.push(w)
      }
    }
  }
  close()
  return runs
}

// A word starting with a capital A to Z: the cheap test before the regular expressions.
function upperFirst(w: Token): boolean {
  const c = w.text.charCodeAt(0)
  return c >= 65 && c <= 90
}

// Two words are adjacent when only spaces (or a hyphen) separate them in the token stream.
function adjacentWords(index: Map<Token, number>, a: Token, b: Token): boolean {
  return index.get(b) === index.get(a)! + 1 && a.sentence === b.sentence
}
