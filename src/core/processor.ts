// The one place that assembles unified: Markdown (or plain text) -> mdast -> prose tokens.
//
// The bridge to prose is ours rather than remark-retext's: mdast-util-to-nlcst splits a
// paragraph at every single line break, so a hard-wrapped sentence became two paragraphs and
// phrases across a wrap went unseen. Here each prose block (paragraph, heading, list-item
// paragraph) is flattened to one string with a per-character map back to the source, parsed
// with retext-english's parser, and every token carries exact source offsets.
import type {Nodes as MdastNodes, Parent as MdastParent, Root as MdastRoot, PhrasingContent} from 'mdast'
import type {Paragraph as NlcstParagraph, Root as NlcstRoot, Sentence as NlcstSentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {toString as nlcstToString} from 'nlcst-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {location} from 'vfile-location'
import {parse as parseYaml} from 'yaml'
import {InputError} from './errors.ts'
import type {Block, Directive, Doc, InputFormat, Sentence, Token} from './types.ts'
import {mathRanges} from './math.ts'

/** A prose block with its flattened string, for wrapped retext plugins. */
export interface ProseBlock extends Block {
  /**
   * The block's prose as one string (Markdown marks removed, line breaks as spaces). The parser
   * tree is not kept: on a 100,000-word document the trees were a quarter of peak memory.
   */
  string: string
  /** Maps an offset in the block's flattened string to the source. */
  src: Int32Array
  /** Where each character of the flattened string ends in the source (exclusive). */
  ends: Int32Array
}

/**
 * What a front end (LaTeX) may put in a text node's `data` when its value differs from its
 * source (`\'e` is `é`, `---` is `—`): the source range of every character of the value.
 */
export interface SourceMap {
  starts: number[]
  ends: number[]
}

let markdown: ReturnType<typeof makeMarkdown> | undefined
let markdownWithoutTables: ReturnType<typeof makeMarkdown> | undefined
function makeMarkdown(tables = true) {
  const processor = unified().use(remarkParse).use(remarkGfm)
  return (tables ? processor : processor.use(withoutTables)).use(remarkFrontmatter, ['yaml', 'toml'])
}

/** The Markdown parser for a text: GFM's table syntax only where a table can be. */
function markdownFor(text: string) {
  return mayHaveTable(text) ? (markdown ??= makeMarkdown()) : (markdownWithoutTables ??= makeMarkdown(false))
}

/**
 * Parse Markdown into the tree remark gives. micromark spends a microsecond or more on every
 * character and tens of microseconds on every paragraph, and on ordinary prose its parse was a
 * third of the lint; so in a long text the plain paragraphs (see plainParagraph) are built here,
 * and micromark reads the text without them. A plain paragraph followed by a line that starts
 * with a letter at the margin (or by nothing) is simply left out: that line ends every block the
 * paragraph would have ended. Any other is replaced by the one-letter paragraph `x`, which ends
 * and starts the same blocks around it. The nodes micromark gives are moved back to their places
 * and the plain paragraphs put among them. A text shorter than `least` (every statement) is
 * parsed whole, and so is one with something that reaches across blank lines (see blockwise).
 * The rest micromark reads in pieces of at least `piece` characters (see parseInChunks).
 */
export function parseMarkdown(text: string, least = 64 * 1024, piece = 4 * 1024): MdastRoot {
  const processor = markdownFor(text)
  if (text.length < least || !blockwise(text)) return processor.parse(text) as MdastRoot
  const plain = plainBlocks(text)
  if (plain.length === 0) return parseInChunks(processor, text, piece)
  // The text micromark reads, and where each plain paragraph was in it.
  const parts: string[] = []
  const places: number[] = []
  let from = 0
  let length = 0
  for (const block of plain) {
    parts.push(text.slice(from, block.start))
    length += block.start - from
    places.push(length)
    if (block.stand) {
      parts.push('x')
      length++
    }
    from = block.end
  }
  parts.push(text.slice(from))
  const tree = parseInChunks(processor, parts.join(''), piece)
  // A point after the place of plain[k - 1] (and not after that of plain[k]) moves by what the
  // plain paragraphs up to plain[k - 1] took up beyond their stand-ins.
  const shift = (point: {line: number; column: number; offset?: number}) => {
    const offset = point.offset ?? 0
    let lo = 0
    let hi = places.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (places[mid] < offset) lo = mid + 1
      else hi = mid
    }
    const before = lo > 0 ? plain[lo - 1] : undefined
    return before ? {line: point.line + before.addedLines, column: point.column, offset: offset + before.addedChars} : point
  }
  const children: MdastRoot['children'] = []
  let next = 0
  for (const child of tree.children) {
    const at = child.position?.start.offset ?? 0
    while (next < plain.length && !plain[next].stand && places[next] <= at) children.push(plain[next++].node)
    if (next < plain.length && plain[next].stand && at === places[next]) {
      // The stand-in `x` must have stayed a paragraph of its own, or the text is read whole.
      if (child.type !== 'paragraph' || child.position?.end.offset !== at + 1) return processor.parse(text) as MdastRoot
      children.push(plain[next++].node)
      continue
    }
    children.push(movedBy(child, shift))
  }
  while (next < plain.length && !plain[next].stand) children.push(plain[next++].node)
  if (next !== plain.length) return processor.parse(text) as MdastRoot
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: endPoint(text)}}
}

type MarkdownProcessor = ReturnType<typeof markdownFor>

// Parse a text that may be read block by block (see blockwise) in pieces of at least `size`
// characters, each cut before a line that starts with a letter at the margin after a blank line:
// such a line ends every block above it, so each piece parses to the same nodes as in the whole.
// micromark keeps one list of events for the whole text, and some of its steps (a setext
// heading's underline, for one) go over that list again: on a text of many of them the parse
// took time growing with the square of its size. In pieces, it grows with the size.
function parseInChunks(processor: MarkdownProcessor, text: string, size: number): MdastRoot {
  if (text.length < size * 2) return processor.parse(text) as MdastRoot
  // Front matter is read only at the very start, and blank lines may stand inside it: the first
  // cut comes after its closing fence. A text opening with a fence that never closes is read whole
  // (micromark then reads the rest of it differently).
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text)
  let from = 0
  if (fence) {
    const close = new RegExp(`\\n${fence[1] === '---' ? '---' : '\\+\\+\\+'}(?:\\r?\\n|$)`).exec(text.slice(0, 1 << 20))
    if (!close) return processor.parse(text) as MdastRoot
    from = close.index + close[0].length
  }
  const children: MdastRoot['children'] = []
  let start = 0
  let startLine = 1
  let line = 1
  let blank = false
  for (let at = 0; at < text.length; ) {
    const end = endOfLine(text, at)
    if (blank && at >= from && at - start >= size && /\p{L}/u.test(text[at] ?? '')) {
      children.push(...piece(processor, text.slice(start, at), start, startLine))
      start = at
      startLine = line
    }
    blank = isBlank(text, at, end)
    at = end + 1
    line++
  }
  children.push(...piece(processor, text.slice(start), start, startLine))
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: endPoint(text)}}
}

// The nodes of one piece of a text, moved to where the piece starts.
function piece(processor: MarkdownProcessor, text: string, offset: number, line: number): MdastRoot['children'] {
  const tree = processor.parse(text) as MdastRoot
  if (offset === 0) return tree.children
  return tree.children.map((child) => movedBy(child, (point) => ({line: point.line + line - 1, column: point.column, offset: (point.offset ?? 0) + offset})))
}

interface PlainBlock {
  start: number
  end: number
  node: MdastRoot['children'][number]
  /** Whether micromark reads the stand-in `x` in its place (or nothing). */
  stand: boolean
  /** Lines and characters this and every plain paragraph before it take beyond their stand-ins. */
  addedLines: number
  addedChars: number
}

// The plain paragraphs of a text, each a block of its own (between blank lines), with the
// paragraph node micromark would build for it.
function plainBlocks(text: string): PlainBlock[] {
  const found: PlainBlock[] = []
  let addedLines = 0
  let addedChars = 0
  let line = 1
  let at = 0
  // Front matter runs on across blank lines to its closing fence: nothing in it is a paragraph.
  if (/^(?:---|\+\+\+)/.test(text)) {
    const fence = text.slice(0, 3)
    for (at = endOfLine(text, 0) + 1, line = 2; at < text.length; at = endOfLine(text, at) + 1, line++) {
      if (text.slice(at, endOfLine(text, at)) === fence) break
    }
    if (at >= text.length) return []
    at = endOfLine(text, at) + 1
    line++
  }
  let previous: PlainBlock | undefined
  while (at < text.length) {
    const lineEnd = endOfLine(text, at)
    if (isBlank(text, at, lineEnd)) {
      // White space on a blank line after a plain paragraph could join indented code or a list
      // above it once the paragraph is gone: then it keeps its stand-in.
      if (previous && /[ \t]/.test(text.slice(at, lineEnd))) previous.stand = true
      at = lineEnd + 1
      line++
      continue
    }
    // The block before, if plain, needs its stand-in unless this block starts with a letter at the
    // margin or is plain itself (built here, and left out or stood in for in turn): either ends
    // every block the one before would have ended.
    const before = previous
    previous = undefined
    // A block: this line and those after it up to a blank line or the end.
    const first = line
    const start = at
    let end = lineEnd
    let lastStart = at
    for (;;) {
      line++
      at = end + 1
      if (at >= text.length) break
      const next = endOfLine(text, at)
      if (isBlank(text, at, next)) break
      lastStart = at
      end = next
    }
    const node = plainParagraph(text, start, end, first, line - 1, lastStart)
    if (before && !node && !/^\p{L}/u.test(text.slice(start, start + 2))) before.stand = true
    if (node) {
      previous = {start, end, node, stand: false, addedLines: 0, addedChars: 0}
      found.push(previous)
    }
  }
  for (const block of found) {
    addedLines += block.node.position!.end.line - block.node.position!.start.line
    addedChars += block.end - block.start - (block.stand ? 1 : 0)
    block.addedLines = addedLines
    block.addedChars = addedChars
  }
  return found
}

function endOfLine(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end < 0 ? text.length : end
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13) return false
  }
  return true
}

// Whether a text may be read block by block: only what ends at a blank line may be cut there.
// Fenced code and HTML comments, processing instructions, declarations, CDATA and <script>,
// <pre>, <style> and <textarea> blocks go on across blank lines, and a link or footnote
// definition anywhere gives meaning to brackets everywhere; a text with any of them is parsed
// whole, and so is one with a carriage return alone as a line ending (lines are counted at \n).
// Everything else a blank line and a line starting with a letter at the margin end.
function blockwise(text: string): boolean {
  return !/```|~~~|<(?:!|\?|script|pre|style|textarea)|\r(?!\n)/i.test(text) && !/^[ \t>]*\[[^\]\n]*\]:/m.test(text)
}

// Characters micromark reads as markup or changes (escapes, emphasis, code, links, HTML and
// autolinks, character references, headings, strikethrough, tables, email autolinks, tabs,
// carriage returns and NUL), and the starts of URL autolinks; and the same without `*`, which a
// paragraph may hold in simple strong spans (see strongSpans).
const markup = /[\\*_`[\]<>&#~|@\t\r\0]|www\.|:\/\//i
const markupButStars = /[\\_`[\]<>&#~|@\t\r\0]|www\.|:\/\//i
const letterStart = /^(?:\p{L}|\*\*[A-Za-z0-9])/u

// A paragraph micromark would read as text and simple strong spans only, as the node it would
// build (positions and all), or undefined: every line starts with a letter (or a strong span) at
// the margin (no list, quote, heading, table, code or continuation of anything before the blank
// line above it) and ends without white space (no hard break), and no character in it is markup
// but the `**` of simple strong spans.
function plainParagraph(text: string, start: number, end: number, first: number, last: number, lastStart: number): MdastRoot['children'][number] | undefined {
  const block = text.slice(start, end)
  if (block.charCodeAt(0) === 35) return first === last ? plainHeading(block, start, first) : undefined
  let spans: Array<[number, number]> | undefined = []
  if (markup.test(block)) {
    if (markupButStars.test(block)) return undefined
    spans = strongSpans(block)
    if (!spans) return undefined
  }
  for (let at = 0; at < block.length; ) {
    const lineEnd = endOfLine(block, at)
    if (!letterStart.test(block.slice(at, at + 3))) return undefined
    const tail = block.charCodeAt(lineEnd - 1)
    if (tail === 32 || tail === 9) return undefined
    at = lineEnd + 1
  }
  return paragraphOf(text, start, end, first, last, lastStart, spans)
}

// A heading of one line, `#` to `######` at the margin, spaces, then plain text (no markup, no
// closing #s) ending without white space: the node micromark would build, or undefined.
function plainHeading(line: string, start: number, lineNumber: number): MdastRoot['children'][number] | undefined {
  const m = /^(#{1,6}) +(?=\S)/.exec(line)
  if (!m || markup.test(line.slice(m[0].length)) || /[ \t]$/.test(line)) return undefined
  const point = (offset: number) => ({line: lineNumber, column: offset - start + 1, offset})
  const from = start + m[0].length
  const to = start + line.length
  return {type: 'heading', depth: m[1].length as 1 | 2 | 3 | 4 | 5 | 6, children: [{type: 'text', value: line.slice(m[0].length), position: {start: point(from), end: point(to)}}], position: {start: point(start), end: point(to)}}
}

const wordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
// After a closing `**`: a space, the end of the line or of the block, or . , ; : ! ? )
const closeFollows = new Set([NaN, 10, 32, 46, 44, 59, 58, 33, 63, 41])
const closeMarks = new Set([46, 44, 59, 58, 33, 63])

// The `**...**` spans of a block when every `*` in it belongs to one that micromark reads as
// strong text and nothing else: the opening `**` at the start of a line or after a space and
// before a letter or digit, the closing one after a letter or digit and before a space, the end
// of a line or one of . , ; : ! ? ), and between them one line of text with no `*`. By
// CommonMark's flanking rules each opening run can only open and each closing run only close, so
// micromark pairs them in order. Undefined when any `*` is not so.
function strongSpans(block: string): Array<[number, number]> | undefined {
  const spans: Array<[number, number]> = []
  for (let at = block.indexOf('*'); at >= 0; at = block.indexOf('*', spans[spans.length - 1][1])) {
    const before = block.charCodeAt(at - 1)
    if (block.charCodeAt(at + 1) !== 42 || !(at === 0 || before === 32 || before === 10) || !wordCode(block.charCodeAt(at + 2))) return undefined
    const close = block.indexOf('**', at + 2)
    if (close < 0) return undefined
    const inner = block.slice(at + 2, close)
    const last = block.charCodeAt(close - 1)
    const after = block.charCodeAt(close + 2)
    // After a letter or digit, before a space, a line's end or . , ; : ! ? ); after a full stop,
    // comma, colon, semicolon, ! or ?, only before a space or a line's end (it could open there).
    const closes = wordCode(last) ? closeFollows.has(after) : closeMarks.has(last) && (Number.isNaN(after) || after === 32 || after === 10)
    if (inner.includes('*') || inner.includes('\n') || !closes) return undefined
    spans.push([at, close + 2])
  }
  return spans
}

// The paragraph node micromark builds for a plain paragraph on lines first to last, with strong
// nodes for its spans (offsets in the block).
function paragraphOf(text: string, start: number, end: number, first: number, last: number, lastStart: number, spans: Array<[number, number]>): MdastRoot['children'][number] {
  if (spans.length === 0) {
    const position = () => ({start: {line: first, column: 1, offset: start}, end: {line: last, column: end - lastStart + 1, offset: end}})
    return {type: 'paragraph', children: [{type: 'text', value: text.slice(start, end), position: position()}], position: position()}
  }
  const lineStarts = [start]
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1)
  const point = (offset: number) => {
    let k = lineStarts.length - 1
    while (lineStarts[k] > offset) k--
    return {line: first + k, column: offset - lineStarts[k] + 1, offset}
  }
  const textNode = (from: number, to: number): PhrasingContent => ({type: 'text', value: text.slice(from, to), position: {start: point(from), end: point(to)}})
  const children: PhrasingContent[] = []
  let at = start
  for (const [a, b] of spans) {
    if (start + a > at) children.push(textNode(at, start + a))
    children.push({type: 'strong', children: [textNode(start + a + 2, start + b - 2)], position: {start: point(start + a), end: point(start + b)}})
    at = start + b
  }
  if (at < end) children.push(textNode(at, end))
  return {type: 'paragraph', children, position: {start: point(start), end: point(end)}}
}

// A node (and its children) with every point moved as `shift` says.
function movedBy<T extends MdastNodes>(node: T, shift: (point: {line: number; column: number; offset?: number}) => {line: number; column: number; offset?: number}): T {
  if (node.position) node.position = {start: shift(node.position.start), end: shift(node.position.end)}
  if ('children' in node) for (const child of node.children as MdastNodes[]) movedBy(child, shift)
  return node
}

// The point after the last character, as micromark gives it for the end of a document.
function endPoint(text: string): {line: number; column: number; offset: number} {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return {line, column: text.length - lineStart + 1, offset: text.length}
}

// GFM's table syntax tries every line of every paragraph as a table's head row, reading it to its
// end word by word, before the next line shows it is not one: that was a third of the Markdown
// parse of ordinary prose. A table needs a delimiter row under its head row: a line of `-`, `:`,
// `|`, spaces and tabs (after the `>` of a quote) with a `:` or a `|` in it (micromark-extension-
// gfm-table's headDelimiter states). A text without such a line has no table, so its parse without
// the table syntax is the same tree.
function mayHaveTable(text: string): boolean {
  let plain = true
  let marked = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10
    if (c === 10 || c === 13) {
      if (plain && marked) return true
      plain = true
      marked = false
    } else if (c === 58 || c === 124) marked = true
    else if (c !== 45 && c !== 32 && c !== 9 && c !== 62) plain = false
  }
  return false
}

/** A unified plugin, used after remark-gfm: leave GFM's table construct out of the Markdown syntax. */
function withoutTables(this: ReturnType<typeof unified>): void {
  type Extension = {flow?: Record<string, unknown>}
  const extensions = (this.data('micromarkExtensions') ?? []) as Extension[]
  const drop = (list: unknown) => ([] as Array<{name?: string}>).concat(list as never).filter((construct) => construct.name !== 'table')
  this.data(
    'micromarkExtensions',
    extensions.map((extension) => (extension.flow ? {...extension, flow: Object.fromEntries(Object.entries(extension.flow).map(([code, list]) => [code, drop(list)]))} : extension)) as never
  )
}

const parser = new ParseEnglish()
// The parser keeps a sentence going after "etc." whatever follows; a capital after it starts a
// new sentence ("..., etc. I have been"), as the writer wrote it.
parser.tokenizeParagraphPlugins = [...parser.tokenizeParagraphPlugins, splitAfterEtc]
const terminalRe = /^[.!?\u2026\u203D]+$/
const closerRe = /^["'\u201D\u2019)\]*_]+$/
const directiveRe = /^<!--\s*soplint[- ](disable|enable|ignore)\b([^>]*?)-->\s*$/

/**
 * Called with each prose block and its English parse tree, before the tree is dropped (for a long
 * block, several times, each with a tree of the sentences completed since); `nodes[i]` is the
 * tree's node of `sentences[i]`, the sentence as the block has it.
 */
export type OnBlockTree = (block: ProseBlock, tree: NlcstRoot, nodes: NlcstSentence[], sentences: Sentence[]) => void

/**
 * Parse text in a format into the document every rule reads. `onTree` sees each block's parse
 * tree while it exists (the wrapped retext plugins run there rather than parse every block again).
 */
export function parseDocument(text: string, format: InputFormat = 'md', mdast?: MdastRoot, onTree?: OnBlockTree): Doc {
  const tree = mdast ?? (format === 'txt' ? plainTextTree(text) : parseMarkdown(text))
  const place = location(text)
  const blocks: ProseBlock[] = []
  const flat = newFlat()
  const directives: Directive[] = []
  let frontmatter: Record<string, unknown> | null = null

  const walk = (parent: MdastParent, inList: boolean, inQuote: boolean): void => {
    const children = parent.children as MdastNodes[]
    for (let i = 0; i < children.length; i++) {
      const node = children[i]
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          addBlock(text, node, node.type, inList, inQuote, blocks, flat, onTree)
          break
        case 'list':
        case 'listItem':
        case 'footnoteDefinition':
          walk(node, inList || node.type !== 'footnoteDefinition', inQuote)
          break
        case 'blockquote':
          walk(node, inList, true)
          break
        case 'yaml':
          frontmatter = readFrontmatter(node.value, node.position?.start.line ?? 1)
          break
        case 'html': {
          const directive = readDirective(node.value, node.position?.end.offset ?? 0, children, i)
          if (directive) directive.start = node.position?.start.offset
          if (directive) directives.push(directive)
          break
        }
        default:
          break
      }
    }
  }
  walk(tree, false, false)

  const sentences: Sentence[] = []
  const tokens: Token[] = []
  const words: Token[] = []
  for (const block of blocks) {
    for (const sentence of block.sentences) {
      sentence.index = sentences.length
      sentences.push(sentence)
      for (const token of sentence.tokens) {
        tokens.push(token)
        if (token.kind === 'word') words.push(token)
      }
    }
  }

  return {
    text,
    format,
    mdast: tree,
    frontmatter,
    blocks,
    sentences,
    tokens,
    words,
    directives,
    point(offset) {
      const p = place.toPoint(offset) ?? place.toPoint(text.length)
      return {line: p?.line ?? 1, column: p?.column ?? 1, offset}
    }
  }
}

/** Build a tree of paragraphs from plain text: blocks split on blank lines. */
export function plainTextTree(text: string): MdastRoot {
  const children: MdastRoot['children'] = []
  const place = location(text)
  const re = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))\s*/g
  let start = 0
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from])) from++
    while (to > from && /\s/.test(text[to - 1])) to--
    if (to <= from) return
    const value = text.slice(from, to)
    const position = {start: place.toPoint(from)!, end: place.toPoint(to)!}
    if (directiveRe.test(value)) {
      children.push({type: 'html', value, position})
      return
    }
    children.push({type: 'paragraph', children: [{type: 'text', value, position}], position})
  }
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(start, m.index)
    start = m.index + m[0].length
  }
  push(start, text.length)
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: place.toPoint(text.length) ?? {line: 1, column: 1, offset: 0}}}
}

function readFrontmatter(value: string, line: number): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(value)
    if (data === null || data === undefined) return {}
    if (typeof data !== 'object' || Array.isArray(data)) throw new Error('expected key: value pairs')
    return data as Record<string, unknown>
  } catch (error) {
    // The YAML parser counts lines from the block's first line; the writer counts from the file's.
    const yamlError = error as Error & {linePos?: Array<{line: number}>}
    const reason = yamlError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    const at = yamlError.linePos?.[0]?.line
    throw new InputError(at ? `malformed front matter on line ${line + at}: ${reason}` : `malformed front matter (starting on line ${line}): ${reason}`)
  }
}

function readDirective(value: string, end: number, siblings: MdastNodes[], index: number): Directive | undefined {
  const match = directiveRe.exec(value.trim())
  if (!match) return undefined
  const type = match[1] as Directive['type']
  const ruleIds = match[2].trim().split(/[\s,]+/).filter(Boolean)
  if (type !== 'ignore') return {type, ruleIds, offset: end}
  let next = index + 1
  while (next < siblings.length && siblings[next].type === 'html') next++
  const target = siblings[next]
  return {type, ruleIds, offset: end, until: target?.position?.end.offset ?? end}
}

// A block's flattened prose as it is built: UTF-16 code units and, for each, where it starts and
// ends in the source. Typed arrays, grown as needed and made once per document: an array entry per
// character was most of what a long paragraph allocated.
interface Flat {
  codes: Uint16Array
  src: Int32Array
  ends: Int32Array
  length: number
  code: Array<[number, number]>
  /** The document's token strings, each kept once. */
  strings: Map<string, string>
}

function newFlat(): Flat {
  return {codes: new Uint16Array(1024), src: new Int32Array(1024), ends: new Int32Array(1024), length: 0, code: [], strings: new Map()}
}

function interned(strings: Map<string, string>, value: string): string {
  const known = strings.get(value)
  if (known !== undefined) return known
  strings.set(value, value)
  return value
}

function room(flat: Flat, more: number): void {
  const need = flat.length + more
  if (need <= flat.codes.length) return
  const size = Math.max(need, flat.codes.length * 2)
  const codes = new Uint16Array(size)
  const src = new Int32Array(size)
  const ends = new Int32Array(size)
  codes.set(flat.codes.subarray(0, flat.length))
  src.set(flat.src.subarray(0, flat.length))
  ends.set(flat.ends.subarray(0, flat.length))
  flat.codes = codes
  flat.src = src
  flat.ends = ends
}

function pushChar(flat: Flat, code: number, src: number, end: number): void {
  if (flat.length === flat.codes.length) room(flat, 1)
  flat.codes[flat.length] = code
  flat.src[flat.length] = src
  flat.ends[flat.length] = end
  flat.length++
}

// The flattened text, from code units exactly (lone surrogates included).
function flatString(flat: Flat): string {
  const parts: string[] = []
  for (let at = 0; at < flat.length; at += 8192) parts.push(String.fromCharCode.apply(null, flat.codes.subarray(at, Math.min(flat.length, at + 8192)) as unknown as number[]))
  return parts.join('')
}

function addBlock(text: string, node: MdastNodes & MdastParent, type: 'paragraph' | 'heading', inList: boolean, inQuote: boolean, blocks: ProseBlock[], flat: Flat, onTree?: OnBlockTree): void {
  flat.length = 0
  flat.code = []
  for (const child of node.children as PhrasingContent[]) flatten(text, child, flat)
  const string = flatString(flat)
  if (!/[\p{L}\p{N}]/u.test(string)) return
  const block: ProseBlock = {
    index: blocks.length,
    kind: type,
    inList,
    inQuote,
    node,
    start: node.position?.start.offset ?? 0,
    end: node.position?.end.offset ?? 0,
    sentences: [],
    tokens: [],
    string,
    src: flat.src.slice(0, flat.length),
    ends: flat.ends.slice(0, flat.length)
  }
  blocks.push(block)
  proseBatches(string, (tree) => {
    const nodes: NlcstSentence[] = []
    const sentences: Sentence[] = []
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type === 'SentenceNode' && addSentence(text, sentence, block, flat)) {
          nodes.push(sentence)
          sentences.push(block.sentences[block.sentences.length - 1])
        }
      }
    }
    onTree?.(block, tree, nodes, sentences)
  })
  // The flattened string and its maps were for the tokens and the retext plugins, both done with
  // this block now: kept, they held 9 bytes for each character of a long document through the
  // rules (45 MB at 5 MB).
  block.string = ''
  block.src = noOffsets
  block.ends = noOffsets
}

const noOffsets = new Int32Array(0)

// Adds the sentence to the block; false when it has no tokens and is left out.
function addSentence(text: string, node: NlcstSentence, block: ProseBlock, flat: Flat): boolean {
  const sentence: Sentence = {index: 0, tokens: [], words: [], start: 0, end: 0, block, terminal: null}
  for (const child of node.children) {
    if (child.type === 'WhiteSpaceNode') continue
    const from = child.position?.start.offset ?? 0
    const to = child.position?.end.offset ?? from
    if (to <= from) continue
    const start = block.src[from]
    const end = block.ends[to - 1]
    const inCode = overlaps(flat.code, from, to)
    const kind: Token['kind'] = inCode ? 'code' : child.type === 'WordNode' ? 'word' : child.type === 'PunctuationNode' ? 'punct' : 'symbol'
    // One string object for each distinct word: a long statement has a few thousand distinct
    // words and a million tokens, each of which the rules look up by its text.
    const written = interned(flat.strings, text.slice(start, end))
    // A node's text is the slice of the parsed string at its place (parse-latin's tree is concrete).
    const token: Token = {kind, text: written, norm: interned(flat.strings, normalize(block.string.slice(from, to))), start, end, sentence}
    sentence.tokens.push(token)
    if (kind === 'word') sentence.words.push(token)
  }
  if (sentence.tokens.length === 0) return false
  sentence.start = sentence.tokens[0].start
  sentence.end = sentence.tokens[sentence.tokens.length - 1].end
  const toks = sentence.tokens
  let last = toks.length - 1
  while (last > 0 && toks[last].kind !== 'word' && closerRe.test(toks[last].norm) && !terminalRe.test(toks[last].norm)) last--
  if (toks[last].kind === 'punct' && terminalRe.test(toks[last].norm)) sentence.terminal = toks[last].norm
  else if (toks[last].kind === 'word' && /[.!?]$/.test(toks[last].norm) && toks[last].norm.length > 1 && /\.$/.test(toks[last].norm)) sentence.terminal = '.'
  block.sentences.push(sentence)
  // One by one: spreading a sentence of 200,000 tokens into push() overflows the stack.
  for (const token of sentence.tokens) block.tokens.push(token)
  return true
}

// parse-latin merges and moves sentences and tokens with one `splice` each on the whole block's
// arrays: a paragraph of 10,000 sentences, or a sentence of 100,000 words with an apostrophe in
// every tenth, cost the square of its size (a 4 MB paragraph, minutes). A block longer than this
// is parsed in pieces of about this length and the pieces' trees joined into the tree the whole
// parse gives.
export const pieceLength = 4096

/** Parse a block's prose into the tree parse-english gives, in pieces when it is long (see joinPieces). */
export function parseProse(string: string, piece = pieceLength): NlcstRoot {
  const cuts = cutsOf(string, piece)
  if (cuts.length === 0) return parser.parse(string) as NlcstRoot
  const trees: NlcstRoot[] = []
  let from = 0
  for (const cut of [...cuts, string.length]) {
    trees.push(shifted(parser.parse(string.slice(from, cut)) as NlcstRoot, from))
    from = cut
  }
  return joinPieces(trees, string.length)
}

/**
 * Parse a block's prose as parseProse() does, but hand the sentences over as soon as each is
 * complete, in trees of a root and one paragraph, and let them go: the whole tree of a 4 MB
 * paragraph took half a gigabyte. A short block comes in one tree, the whole parse.
 */
export function proseBatches(string: string, emit: (tree: NlcstRoot) => void, piece = pieceLength): void {
  const cuts = cutsOf(string, piece)
  if (cuts.length === 0) {
    emit(parser.parse(string) as NlcstRoot)
    return
  }
  // The sentence the last piece ended in, which the next one goes on with (see joinPieces).
  let open: NlcstSentence | undefined
  let from = 0
  for (const cut of [...cuts, string.length]) {
    const tree = shifted(parser.parse(string.slice(from, cut)) as NlcstRoot, from)
    from = cut
    const paragraph = tree.children.find((c) => c.type === 'ParagraphNode') as NlcstParagraph
    let rest = paragraph.children
    if (open) {
      const space = tree.children[0]
      const head = rest[0] as NlcstSentence
      for (const child of [space, ...head.children]) open.children.push(child as NlcstSentence['children'][number])
      open.position = {start: open.position!.start, end: head.position!.end}
      rest = rest.slice(1)
      // A sentence that runs on for thousands of words is not prose ("word word word ..." for a
      // megabyte): held until it ended, its tree took a gigabyte at 3 MB. What it has so far goes
      // to the rules as a sentence of its own, and the rest as the next.
      if (open.children.length > giantSentence) {
        emit({type: 'RootNode', children: [{type: 'ParagraphNode', children: [open]}]})
        open = undefined
      }
    }
    let last = rest.length - 1
    while (last >= 0 && rest[last].type !== 'SentenceNode') last--
    if (last < 0) continue
    const done = [...(open ? [open] : []), ...rest.slice(0, last)]
    open = rest[last] as NlcstSentence
    if (done.length > 0) emit({type: 'RootNode', children: [{type: 'ParagraphNode', children: done}]})
  }
  if (open) emit({type: 'RootNode', children: [{type: 'ParagraphNode', children: [open]}]})
}

/** Nodes (words, spaces, marks) a sentence may reach before it is handed over in parts: about 8,000 words. */
const giantSentence = 16_384

// Where to cut a block's prose into pieces of about `piece` characters; none for a short block.
function cutsOf(string: string, piece: number): number[] {
  const cuts: number[] = []
  if (string.length <= 2 * piece) return cuts
  for (let at = piece; at < string.length - piece; ) {
    const cut = cutAfter(string, at)
    if (cut < 0 || cut >= string.length - 1) break
    cuts.push(cut)
    at = cut + piece
  }
  return cuts
}

const letterOrDigit = /[\p{L}\p{N}]/u

// A place to cut at or after `at`: a space with a letter or digit on each side, so that the words
// on either side are whole tokens that no parse-latin plugin merges across white space, and the
// space is inside a sentence (sentences end only at terminal punctuation, and merging never
// splits). Prose has one every few words. A text with none for `stretch` characters is not prose
// ("Dr. Mr. e.g. i.e. " over and over, a list of numbers after commas): read whole, parse-latin's
// merges cost the square of its length (2 MB of abbreviations did not finish in two minutes), so
// it is cut at the first space after `at` instead, where the two sides may parse as one sentence
// or two differently from the whole. -1 when there is no cut before the end.
function cutAfter(string: string, at: number, stretch = 2048): number {
  let space = -1
  for (let i = string.indexOf(' ', at); i > 0 && i < string.length - 1; i = string.indexOf(' ', i + 1)) {
    if (letterOrDigit.test(string[i - 1]) && letterOrDigit.test(string[i + 1])) return i
    if (space < 0) space = i
    if (i - at > stretch) return space
  }
  return -1
}

// Give every node of a piece's tree its place in the whole string. parse-latin shares point
// objects between nodes, so each node gets new ones rather than shifting the old in place.
function shifted(tree: NlcstRoot, base: number): NlcstRoot {
  if (base === 0) return tree
  const point = (p: {line: number; column: number; offset?: number}) => ({line: p.line, column: p.column + base, offset: (p.offset ?? 0) + base})
  const stack: Array<{position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}; children?: unknown[]}> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) node.position = {start: point(node.position.start), end: point(node.position.end)}
    if (node.children) for (const child of node.children) stack.push(child as (typeof stack)[number])
  }
  return tree
}

// Every piece after the first starts with the space it was cut at, which parse-latin moves out to
// the root, and its first sentence is the rest of the sentence the previous piece ended in: put
// the space back between the two halves and make them one sentence, as the whole parse has it.
function joinPieces(trees: NlcstRoot[], length: number): NlcstRoot {
  const first = trees[0]
  const paragraph = first.children.find((c) => c.type === 'ParagraphNode') as NlcstParagraph
  const before = first.children.slice(0, first.children.indexOf(paragraph))
  let after = first.children.slice(first.children.indexOf(paragraph) + 1)
  for (const tree of trees.slice(1)) {
    const [space, next, ...rest] = tree.children
    const last = paragraph.children[paragraph.children.length - 1] as NlcstSentence
    const head = (next as NlcstParagraph).children[0] as NlcstSentence
    for (const child of [space, ...head.children]) last.children.push(child as NlcstSentence['children'][number])
    last.position = {start: last.position!.start, end: head.position!.end}
    for (const child of (next as NlcstParagraph).children.slice(1)) paragraph.children.push(child)
    paragraph.position = {start: paragraph.position!.start, end: next.position!.end}
    after = rest
  }
  return {type: 'RootNode', children: [...before, paragraph, ...after], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: length + 1, offset: length}}}
}

// Whether from..to overlaps one of the ranges (in order, not overlapping), by binary search: a
// paragraph of thousands of code spans must not compare every token with every span.
function overlaps(ranges: Array<[number, number]>, from: number, to: number): boolean {
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid][1] <= from) lo = mid + 1
    else hi = mid
  }
  return lo < ranges.length && ranges[lo][0] < to
}

/** Lowercase and straighten apostrophes, the form phrase lists are matched in. */
export function normalize(value: string): string {
  const lower = value.toLowerCase()
  return curly.test(lower) ? lower.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2010\u2011]/g, '-') : lower
}
const curly = /[\u2018\u2019\u02BC\u201C\u201D\u2010\u2011]/

function flatten(text: string, node: PhrasingContent, flat: Flat): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  switch (node.type) {
    case 'text': {
      if (start === undefined || end === undefined) return
      const map = (node.data as {sourceMap?: SourceMap} | undefined)?.sourceMap
      if (map && map.starts.length === node.value.length) mapped(node.value, map, flat)
      else if (node.value === text.slice(start, end)) withMath(node.value, text, start, flat)
      else align(node.value, text, start, end, flat)
      return
    }
    case 'inlineCode':
    case 'inlineMath' as string: {
      if (start === undefined || end === undefined) return
      placeholder(start, end, flat)
      return
    }
    case 'link': {
      const only = node.children.length === 1 ? node.children[0] : undefined
      // An autolink or a bare URL shows its target as its text: not prose.
      if (only?.type === 'text' && (only.value === node.url || /^(https?:|www\.|mailto:)/i.test(only.value))) {
        if (start !== undefined && end !== undefined) placeholder(start, end, flat)
        return
      }
      for (const child of node.children) flatten(text, child, flat)
      return
    }
    case 'break':
    case 'html':
      if (start !== undefined) space(start, flat)
      return
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return
    default:
      if ('children' in node) for (const child of node.children as PhrasingContent[]) flatten(text, child, flat)
  }
}

// Does a word put after these characters start a sentence: a terminal mark, maybe closing
// quotes or brackets, then white space? Not after "vs." ("A vs. `B`"), which the parser does not
// know as an abbreviation.
function startsSentence(flat: Flat): boolean {
  const at = (i: number) => String.fromCharCode(flat.codes[i])
  let i = flat.length - 1
  if (i < 0 || !/\s/.test(at(i))) return false
  while (i >= 0 && /\s/.test(at(i))) i--
  while (i >= 0 && /["'\u201D\u2019)\]*_]/.test(at(i))) i--
  if (i < 0 || !/[.!?\u2026]/.test(at(i))) return false
  if (at(i) !== '.') return true
  const before = String.fromCharCode.apply(null, flat.codes.subarray(Math.max(0, i - 3), i) as unknown as number[])
  return !/(?:^|[^\p{L}])vs$/iu.test(before)
}

// Split a sentence after "etc." when the next word starts with a capital. Runs last, so the
// white space between the two goes to the paragraph, as the parser's own plugins leave it.
function splitAfterEtc(paragraph: NlcstParagraph): void {
  const out: NlcstParagraph['children'] = []
  for (const node of paragraph.children) {
    if (node.type !== 'SentenceNode') {
      out.push(node)
      continue
    }
    // Each cut is found in one pass over the sentence, and the pieces sliced once: slicing the
    // rest of the sentence at every cut cost the square of its length.
    const children = node.children
    let from = 0
    for (let i = 0; i < children.length - 2; i++) {
      const word = children[i]
      const gap = children[i + 1]
      const next = children[i + 2]
      if (word.type !== 'WordNode' || gap.type !== 'WhiteSpaceNode' || next.type !== 'WordNode') continue
      // "etc." is four characters: most words go on their length (positions are set by now).
      const length = word.position ? (word.position.end.offset ?? 0) - (word.position.start.offset ?? 0) : 4
      if (length !== 4 || nlcstToString(word).toLowerCase() !== 'etc.' || !/^\p{Lu}/u.test(nlcstToString(next))) continue
      out.push(sentenceOf(children.slice(from, i + 1)), gap)
      from = i + 2
      i++
    }
    out.push(from === 0 ? node : sentenceOf(children.slice(from)))
  }
  paragraph.children = out
}

function sentenceOf(children: NlcstSentence['children']): NlcstSentence {
  const first = children[0].position
  const last = children[children.length - 1].position
  return {type: 'SentenceNode', children, ...(first && last ? {position: {start: first.start, end: last.end}} : {})}
}

// A text node written as it reads (no escapes): its `$...$` math becomes a placeholder.
function withMath(value: string, text: string, start: number, flat: Flat): void {
  let from = 0
  for (const [a, b] of mathRanges(value)) {
    if (a > from) align(value.slice(from, a), text, start + from, start + a, flat)
    placeholder(start + a, start + b, flat)
    from = b
  }
  if (from < value.length) align(value.slice(from), text, start + from, start + value.length, flat)
}

function space(at: number, flat: Flat): void {
  pushChar(flat, 32, at, at + 1)
}

function placeholder(start: number, end: number, flat: Flat): void {
  const from = flat.length
  // A word-shaped stand-in keeps sentence structure ("I used `numpy` to") without its text. After
  // a sentence's end it is capitalised, so that the parser starts a new sentence there as the
  // writer did ("today. `Wave` was", "today. \wave was"); in lower case it would join them.
  pushChar(flat, startsSentence(flat) ? 67 : 99, start, start + 1)
  pushChar(flat, 111, start, start + 1)
  pushChar(flat, 100, end - 1, end)
  pushChar(flat, 101, end - 1, end)
  flat.code.push([from, from + 4])
}

// A value whose front end says where each character came from needs no guessing. Wrapped
// retext plugins end a range at `src[last] + 1`, so a character that stands for several at the
// end of a word (`é` for `\'e` in `caf\'e`) points at its last source character there.
function mapped(value: string, map: SourceMap, flat: Flat): void {
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]
    const wide = map.ends[i] - map.starts[i] > 1
    const endsWord = wide && i > 0 && wordChar.test(value[i - 1]) && !wordChar.test(value[i + 1] ?? ' ')
    pushChar(flat, ch === '\n' || ch === '\r' ? 32 : value.charCodeAt(i), endsWord ? map.ends[i] - 1 : map.starts[i], map.ends[i])
  }
}

const wordChar = /[\p{L}\p{N}]/u

// Longer than any character reference or container prefix a real document has between two characters.
const alignWindow = 512

// Map each character of a text node's value onto its source slice. They differ with escapes
// (`\*`), character references (`&amp;`) and container prefixes (`> ` on wrapped quote lines);
// a greedy subsequence match lines them up.
// The search looks a bounded way ahead: a character the source spells differently (`&copy;` for
// `©`) would otherwise scan to the end of the node for every such character.
function align(value: string, text: string, start: number, end: number, flat: Flat): void {
  room(flat, value.length)
  let at = start
  for (let i = 0; i < value.length; i++) {
    let ch = value.charCodeAt(i)
    let found = at
    const limit = Math.min(end, at + alignWindow)
    while (found < limit && text.charCodeAt(found) !== ch) found++
    if (found >= limit) found = Math.min(at, end - 1)
    else at = found + 1
    if (ch === 10 || ch === 13) ch = 32
    flat.codes[flat.length] = ch
    flat.src[flat.length] = found
    flat.ends[flat.length] = found + 1
    flat.length++
  }
}
