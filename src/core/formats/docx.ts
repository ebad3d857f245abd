// The Word front end: a .docx file's bytes in; its text (one paragraph per line) and the tree
// lint() reads for it out. mammoth reads the document (a zip of XML) into HTML with headings,
// bold, italics, lists and links, hast-util-from-html and hast-util-to-mdast turn that into the
// same Markdown tree a .md statement gives, and this file writes the tree's text out line by line,
// giving every node its position in that text. So a finding's line is its paragraph's number
// and its column the place within the paragraph.
//
// Why HTML rather than mammoth's own document model: the HTML conversion is mammoth's public,
// stable interface (its document model is internal), and the HTML-to-mdast step is the unified
// collective's, the same tree the rules already read.
import type {ElementContent, Root as HastRoot, RootContent as HastContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toMdast} from 'hast-util-to-mdast'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type {Nodes, Parent, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text} from 'mdast'
import type {Point} from 'unist'
import {InputError} from '../errors.ts'
import type {DocxDocument} from '../types.ts'

// Word's title and quote styles, besides mammoth's defaults (Heading 1-6, Strong, lists).
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh"]

/** Read a .docx file's bytes; throws an InputError (a reason without the file name) for anything that is not a readable Word document. */
export async function docxDocument(bytes: Uint8Array): Promise<DocxDocument> {
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both take the bytes as they are.
  const input = {buffer: bytes, arrayBuffer: bytes} as unknown as Parameters<typeof mammoth.convertToHtml>[0]
  sniff(bytes)
  await checkSize(bytes)
  let html: string
  try {
    const result = await mammoth.convertToHtml(input, {styleMap, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({src: ''}))})
    html = result.value
  } catch (error) {
    throw new InputError(unreadable(error, bytes))
  }
  const hast = fromHtml(html, {fragment: true})
  dropNoteLinks(hast)
  return write(toMdast(hast) as Root)
}

// -- recognising what the bytes are --------------------------------------------------------

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

function contains(bytes: Uint8Array, ascii: string, utf16 = false): boolean {
  const needle = utf16 ? Array.from(ascii).flatMap((c) => [c.charCodeAt(0), 0]) : Array.from(ascii, (c) => c.charCodeAt(0))
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer
    return true
  }
  return false
}

// A file that is not a zip archive is not a .docx: say what it is instead.
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError('is empty')
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (contains(bytes, 'EncryptedPackage', true)) throw new InputError('is password-protected; save an unprotected copy (File > Info > Protect Document) and lint that')
    throw new InputError('is an old Word 97-2003 document (.doc), not a .docx; save it as a Word document (.docx)')
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new InputError('is a PDF file, not a Word document (.docx)')
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new InputError('is an RTF file, not a Word document (.docx); save it as .docx')
  let text = true
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, 4096))
  } catch {
    text = false
  }
  if (text && !bytes.subarray(0, 4096).includes(0)) throw new InputError('is a text file, not a Word document (.docx); rename it to .md or .txt')
  throw new InputError('is not a Word document (.docx): it is not a zip archive')
}

/**
 * The most a Word document may hold, in its text parts (body, footnotes, endnotes, comments):
 * mammoth reads each part into a full XML tree and then a document model, which costs about a
 * tenth of a millisecond per run (a stretch of text in one format) and takes memory to match.
 * Statements have a few thousand runs; Word starts a new one at every change of formatting or
 * editing session.
 */
export const docxLimits = {
  /** Runs (`<w:r>`) in all the text parts together. */
  runs: 10_000,
  /** Characters of XML in those parts, unpacked (a zip can unpack to a thousand times its size). */
  xml: 32 * 1024 * 1024
}

const textParts = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml']

// Count runs while unpacking the text parts, and stop at the first limit passed, before mammoth
// unpacks and parses them. A zip JSZip cannot read is left for mammoth to report.
async function checkSize(bytes: Uint8Array): Promise<void> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    return
  }
  const tally = {runs: 0, chars: 0}
  for (const name of textParts) {
    const part = zip.file(name)
    if (part) await countRuns(part, tally)
  }
}

function countRuns(part: JSZip.JSZipObject, tally: {runs: number; chars: number}): Promise<void> {
  return new Promise((resolve, reject) => {
    // A run's tag may straddle two chunks: the last four characters of one are read with the next.
    let tail = ''
    const stream = (part as unknown as {internalStream(type: 'string'): Stream}).internalStream('string')
    stream
      .on('data', (chunk: string) => {
        tally.chars += chunk.length
        const text = tail + chunk
        for (let at = text.indexOf('<w:r'); at >= 0; at = text.indexOf('<w:r', at + 4)) {
          const next = text.charCodeAt(at + 4)
          if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) tally.runs++
        }
        tail = chunk.slice(-4)
        const over = tally.runs > docxLimits.runs ? `more than ${docxLimits.runs.toLocaleString('en-US')} runs of text` : tally.chars > docxLimits.xml ? `more than ${docxLimits.xml / 1024 / 1024} MB of text and formatting` : undefined
        if (over) {
          stream.pause()
          reject(new InputError(`holds ${over}; soplint does not read Word documents this large (save it as Markdown or plain text to lint it)`))
        }
      })
      .on('error', () => resolve())
      .on('end', () => resolve())
      .resume()
  })
}

interface Stream {
  on(event: string, listener: (chunk: string) => void): Stream
  pause(): Stream
  resume(): Stream
}

// A zip that mammoth cannot read: another Office format, or a damaged file.
function unreadable(error: unknown, bytes: Uint8Array): string {
  const reason = String((error as Error)?.message ?? error).split('\n')[0]
  if (/main document part/i.test(reason)) {
    if (contains(bytes, 'xl/workbook')) return 'is an Excel workbook, not a Word document (.docx)'
    if (contains(bytes, 'ppt/presentation')) return 'is a PowerPoint presentation, not a Word document (.docx)'
    if (contains(bytes, 'opendocument')) return 'is an OpenDocument file, not a Word document (.docx); save it as .docx'
    return 'is a zip archive but not a Word document (.docx): it has no word/document.xml'
  }
  return `is damaged and cannot be read as a Word document (${reason.replace(/\s*:?\s*is this a zip file \?/i, '').replace(/[.\s]+$/, '')})`
}

// mammoth writes footnote references as `[1]` links, and the notes at the end as a numbered
// list with a back-link `↑` in each: the references and back-links are not text, and the notes
// are paragraphs, not list items.
function dropNoteLinks(tree: HastRoot): void {
  const strip = (parent: {children: Array<HastContent | ElementContent>}): void => {
    parent.children = parent.children.flatMap((child): Array<HastContent | ElementContent> => {
      if (child.type !== 'element') return [child]
      const href = String(child.properties?.href ?? '')
      if (child.tagName === 'a' && /^#(?:foot|end)note-(?:ref-)?\d+$/.test(href)) return []
      if (child.tagName === 'sup' && child.children.length === 1 && isNoteRef(child.children[0])) return []
      strip(child)
      if (child.tagName === 'ol' && child.children.length && child.children.every((li) => li.type !== 'element' || /^(?:foot|end)note-\d+$/.test(String(li.properties?.id ?? '')))) {
        return child.children.flatMap((li) => (li.type === 'element' ? li.children : []))
      }
      return [child]
    })
  }
  strip(tree)
}

function isNoteRef(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'a' && /^#(?:foot|end)note-\d+$/.test(String(node.properties?.href ?? ''))
}

// -- writing the text out ---------------------------------------------------------------------

interface Writer {
  parts: string[]
  offset: number
  line: number
  lineStart: number
}

function write(tree: Root): DocxDocument {
  const w: Writer = {parts: [], offset: 0, line: 0, lineStart: 0}
  const root: Root = {type: 'root', children: []}
  for (const child of tree.children) block(child, root.children, w)
  const text = w.parts.join('')
  root.position = {start: {line: 1, column: 1, offset: 0}, end: point(w, w.offset)}
  return {text, mdast: root}
}

function point(w: Writer, offset: number): Point {
  return {line: Math.max(1, w.line), column: offset - w.lineStart + 1, offset}
}

// Start the next paragraph's line.
function newLine(w: Writer): void {
  if (w.line > 0) {
    w.parts.push('\n')
    w.offset++
  }
  w.line++
  w.lineStart = w.offset
}

/** Copy one block node, writing each paragraph-like block on its own line; returns false when it held no text. */
function block(node: RootContent, out: RootContent[], w: Writer): boolean {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const children = line(node.children, w)
      if (!children) return false
      out.push({...node, children, position: span(children)} as RootContent)
      return true
    }
    case 'table': {
      const table: Table = {type: 'table', align: node.align, children: []}
      for (const row of node.children) {
        const copy: TableRow = {type: 'tableRow', children: []}
        for (const cell of row.children) {
          const children = line(cell.children, w)
          if (children) copy.children.push({type: 'tableCell', children, position: span(children)} satisfies TableCell)
        }
        if (copy.children.length) table.children.push({...copy, position: span(copy.children)})
      }
      if (!table.children.length) return false
      out.push({...table, position: span(table.children)})
      return true
    }
    case 'code':
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return false
    default: {
      if (!('children' in node)) return false
      const copy = {...node, children: [] as RootContent[]} as RootContent & Parent
      for (const child of node.children as RootContent[]) block(child, copy.children as RootContent[], w)
      if (!copy.children.length) return false
      copy.position = span(copy.children as RootContent[])
      out.push(copy)
      return true
    }
  }
}

/** Write phrasing content as one line; undefined when it has no text. */
function line(children: PhrasingContent[], w: Writer): PhrasingContent[] | undefined {
  if (!/\S/.test(plain(children))) return undefined
  newLine(w)
  return inline(children, w)
}

function plain(children: PhrasingContent[]): string {
  return children.map((c) => (c.type === 'text' || c.type === 'inlineCode' ? c.value : c.type === 'break' ? ' ' : 'children' in c ? plain(c.children as PhrasingContent[]) : '')).join('')
}

function inline(children: PhrasingContent[], w: Writer): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'inlineCode': {
        // One paragraph, one line: a line break inside a paragraph is a space.
        const value = child.value.replace(/[\r\n\u2028\u2029]/g, ' ')
        if (!value) break
        const start = point(w, w.offset)
        w.parts.push(value)
        w.offset += value.length
        out.push({...child, value, position: {start, end: point(w, w.offset)}})
        break
      }
      case 'break': {
        const start = point(w, w.offset)
        w.parts.push(' ')
        w.offset++
        out.push({type: 'text', value: ' ', position: {start, end: point(w, w.offset)}} satisfies Text)
        break
      }
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break
      default: {
        if (!('children' in child)) break
        const inner = inline(child.children as PhrasingContent[], w)
        if (!inner.length) break
        out.push({...child, children: inner, position: span(inner)} as PhrasingContent)
      }
    }
  }
  return out
}

function span(nodes: Nodes[]): {start: Point; end: Point} {
  return {start: nodes[0].position!.start, end: nodes[nodes.length - 1].position!.end}
}
