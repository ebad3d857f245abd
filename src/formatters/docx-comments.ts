// Findings as Word comments: a copy of a .docx with one comment per finding, anchored on the
// flagged words. The document's XML is edited as text, in place: only the runs a comment starts
// or ends inside are rewritten (split in two where a finding starts mid-run), markers are inserted
// between runs, and every other byte of every part stays as it was. Nothing is parsed into a DOM
// and written back, so elements this file knows nothing about survive.
//
// A finding's place comes from the Word reader (src/core/formats/docx.ts): its line is a
// paragraph of the extracted text and its column a place in that paragraph. That text is
// mammoth's reading of the runs with HTML's whitespace rules applied, so each extracted line is
// matched to the paragraph (or the paragraphs of one table cell) whose text has the same
// characters apart from white space, and each character of the line to its run and position.
// A finding whose paragraph cannot be found (text in a text box, say) is returned unplaced,
// never anchored at a guess.
import JSZip from 'jszip'
import type {LintMessage} from '../core/types.ts'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const commentsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const commentsContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'

/** What annotateDocx returns: the copy's bytes and the findings it could not anchor. */
export interface Annotated {
  bytes: Uint8Array
  comments: number
  unplaced: LintMessage[]
}

/**
 * Write a copy of a Word document with one comment per message (author "soplint", text the
 * message and the rule id). `text` is the document's extracted text, the one the messages'
 * lines and columns count in. Throws an Error when the archive is not a Word document.
 */
export async function annotateDocx(bytes: Uint8Array, text: string, messages: readonly LintMessage[]): Promise<Annotated> {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (name: string) => zip.file(name)?.async('string')
  const mainPart = target(await read('_rels/.rels'), 'officeDocument', '') ?? 'word/document.xml'
  const mainRelsName = relsOf(mainPart)
  const mainRels = (await read(mainRelsName)) ?? emptyRels
  const dir = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/') + 1) : ''
  const notes = ['footnotes', 'endnotes'].map((kind) => target(mainRels, kind, dir)).filter((name): name is string => Boolean(name && zip.file(name)))
  const parts: Part[] = []
  for (const name of [mainPart, ...notes]) {
    const xml = await read(name)
    if (xml === undefined) throw new Error(`it has no ${name}`)
    parts.push(scan(name, xml))
  }
  const units = parts.flatMap((part) => part.paragraphs.map((paragraph) => ({part, paragraph})))
  const lines = text.split('\n')
  const lineStarts: number[] = []
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) lineStarts.push(at)
  const placeOf = locator(lines, units)

  const existingComments = target(mainRels, 'comments', dir)
  const commentsXml = existingComments ? await read(existingComments) : undefined
  let nextId = 1 + Math.max(-1, ...[commentsXml ?? '', ...parts.map((p) => p.xml)].flatMap((xml) => [...xml.matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*\bw:id="(-?\d+)"/g)].map((m) => Number(m[1]))))

  const unplaced: LintMessage[] = []
  const comments: string[] = []
  // Word and Google Docs show when a comment was made; the run's time, to the second.
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const ordered = [...messages].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  for (const message of ordered) {
    const from = placeOf(message.line - 1, message.column - 1, 'start')
    const to = message.endOffset > message.offset ? placeOf(message.endLine - 1, message.endColumn - 1, 'end') : from
    if (!from || !to) {
      unplaced.push(message)
      continue
    }
    const id = nextId++
    const start = `<w:commentRangeStart w:id="${id}"/>`
    const end = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
    let text = `${message.message} [${message.ruleId}]`
    // LibreOffice cannot open a document with a comment inside a footnote, so a finding in a
    // note is a comment on the note's reference mark in the text.
    const note = from.unit.paragraph.note ?? to.unit.paragraph.note
    if (note) {
      const mark = parts[0].references.get(note)
      if (!mark) {
        nextId--
        unplaced.push(message)
        continue
      }
      parts[0].markers.push({paragraph: from.unit.paragraph, at: 0, run: mark, side: 'start', xml: start, order: id}, {paragraph: from.unit.paragraph, at: 0, run: mark, side: 'end', xml: end, order: id})
      text = `In this ${note.split(':')[0]}: ${text}`
    } else {
      from.unit.part.markers.push({paragraph: from.unit.paragraph, at: from.at, side: 'start', xml: start, order: id})
      to.unit.part.markers.push({paragraph: to.unit.paragraph, at: to.at, side: 'end', xml: end, order: id, empty: to === from})
    }
    comments.push(`<w:comment w:id="${id}" w:author="soplint" w:date="${date}" w:initials="SL"><w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p></w:comment>`)
  }
  if (!comments.length) return {bytes, comments: 0, unplaced}

  for (const part of parts) if (part.markers.length) zip.file(part.name, applyMarkers(part))
  if (commentsXml !== undefined && existingComments) {
    const close = commentsXml.lastIndexOf('</w:comments>')
    if (close < 0) throw new Error(`its ${existingComments} is not a comments part`)
    zip.file(existingComments, commentsXml.slice(0, close) + comments.join('') + commentsXml.slice(close))
  } else {
    const name = uniqueName(zip, `${dir}comments.xml`)
    zip.file(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`)
    const relTarget = name.slice(dir.length)
    zip.file(mainRelsName, addRelationship(mainRels, commentsType, relTarget))
    const types = await read('[Content_Types].xml')
    if (types === undefined) throw new Error('it has no [Content_Types].xml')
    zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${name}" ContentType="${commentsContentType}"/></Types>`))
  }
  const out = await zip.generateAsync({type: 'uint8array', compression: 'DEFLATE', compressionOptions: {level: 6}})
  return {bytes: out, comments: comments.length, unplaced}
}

// -- the package's parts and relationships ----------------------------------------------------

const emptyRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** The part a relationship of this type (its last path segment) points to, resolved against `dir`. */
function target(rels: string | undefined, type: string, dir: string): string | undefined {
  if (!rels) return undefined
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = match[0]
    if (attribute(tag, 'Type')?.split('/').pop() !== type || attribute(tag, 'TargetMode') === 'External') continue
    const value = attribute(tag, 'Target')
    if (!value) continue
    return value.startsWith('/') ? value.slice(1) : normalise(dir + value)
  }
  return undefined
}

function normalise(name: string): string {
  const out: string[] = []
  for (const segment of name.split('/')) {
    if (segment === '..') out.pop()
    else if (segment !== '.') out.push(segment)
  }
  return out.join('/')
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return match ? unescape(match[1] ?? match[2]) : undefined
}

function addRelationship(rels: string, type: string, relTarget: string): string {
  const ids = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]))
  let n = 1
  while (ids.has(`rId${n}`)) n++
  const entry = `<Relationship Id="rId${n}" Type="${type}" Target="${escape(relTarget)}"/>`
  const close = rels.lastIndexOf('</Relationships>')
  return close < 0 ? rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${entry}</Relationships>`) : rels.slice(0, close) + entry + rels.slice(close)
}

function uniqueName(zip: JSZip, name: string): string {
  let candidate = name
  for (let n = 2; zip.file(candidate); n++) candidate = name.replace(/\.xml$/, `${n}.xml`)
  return candidate
}

// -- reading paragraphs and runs out of the XML text ------------------------------------------

/** A direct child of a run: where its tag is in the XML, and the text it stands for. */
interface RunChild {
  start: number
  end: number
  /** For `<w:t>`: where its content is. */
  content?: [number, number]
  text: string
}

interface Run {
  start: number
  end: number
  open: string
  props: string
  children: RunChild[]
}

/** A stretch of a paragraph's text that one run child gives. */
interface Piece {
  run: Run
  child: number
  from: number
  to: number
}

interface Paragraph {
  text: string
  pieces: Piece[]
  /** In a footnotes or endnotes part: the note it belongs to, as `footnote:1`. */
  note?: string
}

interface Marker {
  paragraph: Paragraph
  at: number
  /** Around this whole run instead (a note's reference mark). */
  run?: Run
  /** The end of an empty range: placed as its start is, so that it cannot come before it. */
  empty?: boolean
  side: 'start' | 'end'
  xml: string
  order: number
}

interface Part {
  name: string
  xml: string
  paragraphs: Paragraph[]
  markers: Marker[]
  /** The runs holding note reference marks, by note (`footnote:1`). */
  references: Map<string, Run>
}

// Comments, processing instructions, CDATA, and tags whose quoted attribute values may hold `>`.
const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g

/** Find the paragraphs of a part and, in each, the runs and the text they hold, as mammoth reads them. */
function scan(name: string, xml: string): Part {
  const paragraphs: Paragraph[] = []
  const runs = new Map<Paragraph, Run[]>()
  // The open elements, innermost last, with the paragraph or run each one is.
  const references = new Map<string, Run>()
  let note: string | undefined
  const stack: Array<{name: string; start: number; paragraph?: Paragraph; run?: Run; skip?: boolean}> = []
  const skipping = () => stack.some((e) => e.skip)
  const innermostParagraph = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].paragraph) return stack[i].paragraph
    return undefined
  }
  for (const match of xml.matchAll(token)) {
    const [whole, closing, tag, attrs, selfClosing] = match
    if (!tag) continue
    const start = match.index
    const end = start + whole.length
    if (closing) {
      let i = stack.length - 1
      while (i >= 0 && stack[i].name !== tag) i--
      if (i < 0) continue
      const element = stack[i]
      stack.length = i
      const run = stack[i - 1]?.run
      if (element.run) element.run.end = end
      else if (element.paragraph) finishParagraph(element.paragraph, runs.get(element.paragraph) ?? [])
      else if (run && tag === 'w:rPr') run.props = xml.slice(element.start, end)
      else if (run) {
        const child = run.children.find((c) => c.start === element.start)
        if (child) {
          child.end = end
          if (tag === 'w:t') {
            child.content = [child.content![0], start]
            child.text = unescape(xml.slice(child.content[0], start))
          }
        }
      }
      continue
    }
    const parent = stack[stack.length - 1]
    // A direct child of a run (not its properties): a place a run can be split.
    if (parent?.run && (tag === 'w:footnoteReference' || tag === 'w:endnoteReference')) references.set(`${tag.slice(2, -9)}:${attribute(attrs, 'w:id')}`, parent.run)
    if (tag === 'w:footnote' || tag === 'w:endnote') note = `${tag.slice(2)}:${attribute(attrs, 'w:id')}`
    if (parent?.run && tag !== 'w:rPr') parent.run.children.push({start, end, text: selfClosing ? childText(tag, attrs) : '', content: tag === 'w:t' && !selfClosing ? [end, end] : undefined})
    if (selfClosing) continue
    const entry: (typeof stack)[number] = {name: tag, start}
    // mammoth reads an mc:AlternateContent's fallback; the paragraphs Word shows are in its
    // choice. Neither is anchored on: findings in such a text box are left unplaced.
    if (tag === 'mc:AlternateContent' || tag === 'w:del' || tag === 'w:moveFrom' || tag === 'w:instrText') entry.skip = true
    if (tag === 'w:p' && !skipping()) {
      entry.paragraph = {text: '', pieces: [], note}
      paragraphs.push(entry.paragraph)
    }
    const paragraph = innermostParagraph()
    if (tag === 'w:r' && !skipping() && paragraph) {
      entry.run = {start, end, open: whole, props: '', children: []}
      runs.set(paragraph, [...(runs.get(paragraph) ?? []), entry.run])
    }
    stack.push(entry)
  }
  return {name, xml, paragraphs, markers: [], references}
}

function finishParagraph(paragraph: Paragraph, runs: Run[]): void {
  let at = 0
  for (const run of runs) {
    run.children.forEach((child, index) => {
      if (!child.text) return
      paragraph.pieces.push({run, child: index, from: at, to: at + child.text.length})
      at += child.text.length
    })
  }
  paragraph.text = paragraph.pieces.map((p) => p.run.children[p.child].text).join('')
}

/** The text an empty run child stands for in mammoth's reading. */
function childText(tag: string, attrs: string): string {
  switch (tag) {
    case 'w:tab':
    case 'w:ptab':
      return '\t'
    case 'w:br': {
      const type = attribute(attrs, 'w:type')
      return type === undefined || type === 'textWrapping' ? '\n' : ''
    }
    case 'w:cr':
      return '\n'
    case 'w:noBreakHyphen':
      return '\u2011'
    case 'w:softHyphen':
      return '\u00ad'
    case 'w:sym':
      return symbol
    default:
      return ''
  }
}

// -- from a line and column of the extracted text to a paragraph and position -----------------

interface Unit {
  part: Part
  paragraph: Paragraph
}

const squeeze = (s: string) => s.replace(/[\s\u00ad\u200b]+/g, '')

// A w:sym (a character of a symbol font): mammoth writes it as the Unicode character it maps
// to, or leaves it out when it knows no mapping. It matches one character of the line, or none.
const symbol = '\ufffc'
const anyOne = '(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^])?'
const pattern = (s: string) => s.split(symbol).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(anyOne)

/** A function from (line, column) of the extracted text to a paragraph and a position in its text. */
function locator(lines: string[], units: Unit[]) {
  const squeezed = units.map((u) => pattern(squeeze(u.paragraph.text)))
  let pointer = 0

  // The run of consecutive paragraphs (one, or the paragraphs of a table cell) whose text is the line's.
  const find = (line: string, from: number, to: number): number[] | undefined => {
    const want = squeeze(line)
    if (!want) return undefined
    const fits = (have: string, whole: boolean) => new RegExp(`^${have}${whole ? '$' : ''}`).test(want)
    for (let u = from; u < to; u++) {
      if (!squeezed[u] || !fits(squeezed[u], false)) continue
      let have = ''
      for (let k = u; k < units.length && k < u + 12; k++) {
        have += squeezed[k]
        if (fits(have, true)) return Array.from({length: k - u + 1}, (_, i) => u + i)
        if (!fits(have, false)) break
      }
    }
    return undefined
  }

  // Map each character of the line to (unit, position in its text): the same characters in the
  // same order, with white space free to differ.
  const align = (line: string, group: number[]) => {
    const raw: Array<{unit: number; at: number; ch: string}> = []
    group.forEach((u, i) => {
      if (i > 0) raw.push({unit: -1, at: 0, ch: ' '})
      // UTF-16 code units, as columns count.
      const text = units[u].paragraph.text
      for (let at = 0; at < text.length; at++) raw.push({unit: u, at, ch: text[at]})
    })
    const starts: Array<{unit: number; at: number} | undefined> = []
    const ends: Array<{unit: number; at: number} | undefined> = []
    let j = 0
    for (let i = 0; i < line.length; i++) {
      if (raw[j]?.ch === symbol) {
        // Left out by the reader when the line goes on with what follows the symbol.
        let next = j + 1
        while (next < raw.length && /[\s\u00ad\u200b]/.test(raw[next].ch)) next++
        if (raw[next]?.ch === line[i]) j++
        else {
          const width = /[\uD800-\uDBFF]/.test(line[i]) ? 2 : 1
          for (let k = 0; k < width; k++) {
            starts[i + k] = raw[j]
            ends[i + k + 1] = {unit: raw[j].unit, at: raw[j].at + 1}
          }
          i += width - 1
          j++
          continue
        }
      }
      while (j < raw.length && raw[j].ch !== line[i] && /[\s\u00ad\u200b]/.test(raw[j].ch)) j++
      if (j < raw.length && raw[j].ch === line[i]) {
        starts[i] = raw[j].unit >= 0 ? raw[j] : raw[j + 1]
        ends[i + 1] = raw[j].unit >= 0 ? {unit: raw[j].unit, at: raw[j].at + 1} : raw[j - 1] && {unit: raw[j - 1].unit, at: raw[j - 1].at + 1}
        j++
      } else if (/\s/.test(line[i])) {
        // White space the reader added: it sits where the next character is.
        starts[i] = raw[j] && raw[j].unit >= 0 ? raw[j] : raw[j + 1]
        ends[i + 1] = ends[i]
      } else return undefined
    }
    ends[0] = starts[0]
    starts[line.length] = ends[line.length]
    return {starts, ends}
  }

  const cache = new Map<number, ReturnType<typeof align> | undefined>()
  return (line: number, column: number, side: 'start' | 'end'): {unit: Unit; at: number} | undefined => {
    if (line < 0 || line >= lines.length) return undefined
    if (!cache.has(line)) {
      // Lines come in document order, notes last; search forward first, then everywhere.
      const group = find(lines[line], pointer, units.length) ?? find(lines[line], 0, units.length)
      const aligned = group && align(lines[line], group)
      if (group && aligned) pointer = group[group.length - 1] + 1
      cache.set(line, aligned)
    }
    const aligned = cache.get(line)
    if (!aligned) return undefined
    const place = side === 'start' ? (aligned.starts[column] ?? aligned.ends[column]) : (aligned.ends[column] ?? aligned.starts[column])
    return place && {unit: units[place.unit], at: place.at}
  }
}

// -- writing the markers in -------------------------------------------------------------------

/** The part's XML with every marker in place: each touched run rewritten once, the rest as it was. */
function applyMarkers(part: Part): string {
  // Markers by run, as cuts: before child `index` of the run (0: before the run; children.length: after it).
  const cuts = new Map<Run, Array<{index: number; offset: number; marker: Marker}>>()
  for (const marker of part.markers) {
    if (marker.run) {
      const list = cuts.get(marker.run) ?? []
      list.push(marker.side === 'start' ? {index: 0, offset: 0, marker} : {index: marker.run.children.length - 1, offset: Infinity, marker})
      cuts.set(marker.run, list)
      continue
    }
    const {pieces} = marker.paragraph
    if (!pieces.length) continue
    let piece: Piece
    if (marker.side === 'start' || marker.empty) piece = pieces.find((p) => p.to > marker.at) ?? pieces[pieces.length - 1]
    else piece = [...pieces].reverse().find((p) => p.from < marker.at) ?? pieces[0]
    const offset = Math.max(0, Math.min(marker.at - piece.from, piece.to - piece.from))
    const list = cuts.get(piece.run) ?? []
    list.push({index: piece.child, offset, marker})
    cuts.set(piece.run, list)
  }
  const edits = [...cuts].map(([run, list]) => ({start: run.start, end: run.end, text: rewriteRun(part.xml, run, list)}))
  // Joined once, in order (the runs do not overlap): splicing each edit into the whole part cost
  // the square of its length on a long document with a comment in most runs.
  edits.sort((a, b) => a.start - b.start)
  const out: string[] = []
  let from = 0
  for (const edit of edits) {
    out.push(part.xml.slice(from, edit.start), edit.text)
    from = edit.end
  }
  out.push(part.xml.slice(from))
  return out.join('')
}

function rewriteRun(xml: string, run: Run, cuts: Array<{index: number; offset: number; marker: Marker}>): string {
  // Each cut as a boundary: between children, or inside a <w:t> at a character.
  const boundaries = cuts.map((cut) => {
    const child = run.children[cut.index]
    const length = child.text.length
    if (cut.offset <= 0) return {child: cut.index, offset: 0, marker: cut.marker}
    if (cut.offset >= length) return {child: cut.index + 1, offset: 0, marker: cut.marker}
    return {child: cut.index, offset: cut.offset, marker: cut.marker}
  })
  // At one place: a comment's start before its own end (an empty range), other comments' ends
  // before starts, so that comments that only touch do not overlap; then by comment.
  const rank = (x: Marker, y: Marker) => (x.side === y.side ? x.order - y.order : x.order === y.order ? (x.side === 'start' ? -1 : 1) : x.side === 'end' ? -1 : 1)
  boundaries.sort((a, b) => a.child - b.child || a.offset - b.offset || rank(a.marker, b.marker))
  const n = run.children.length
  const before = boundaries.filter((b) => b.child === 0 && b.offset === 0).map((b) => b.marker.xml).join('')
  const after = boundaries.filter((b) => b.child >= n).map((b) => b.marker.xml).join('')
  const inside = boundaries.filter((b) => !(b.child === 0 && b.offset === 0) && b.child < n)
  if (!inside.length) return before + xml.slice(run.start, run.end) + after
  const segments: string[] = []
  let current = ''
  let position = {child: 0, offset: 0}
  // Copy the run's content from `position` up to `upTo`: whole children as they are, a <w:t>
  // cut short as a new one with the same characters.
  const take = (upTo: {child: number; offset: number}) => {
    for (let c = position.child; c < n && c <= upTo.child; c++) {
      const child = run.children[c]
      const from = c === position.child ? position.offset : 0
      const to = c < upTo.child ? child.text.length : upTo.offset
      if (c === upTo.child && to === 0) break
      current += from === 0 && to >= child.text.length ? xml.slice(child.start, child.end) : textElement(xml, child, from, to)
    }
    position = upTo
  }
  for (const boundary of inside) {
    take(boundary)
    if (current) segments.push(run.open + run.props + current + '</w:r>')
    segments.push(boundary.marker.xml)
    current = ''
  }
  take({child: n, offset: 0})
  if (current) segments.push(run.open + run.props + current + '</w:r>')
  return before + segments.join('') + after
}

/** A `<w:t>` holding the characters [from, to) of a run child's text, its XML copied as it was. */
function textElement(xml: string, child: RunChild, from: number, to: number): string {
  const [start, end] = child.content!
  const raw = xml.slice(start, end)
  const cut = (n: number) => rawOffset(raw, n)
  const body = raw.slice(cut(from), cut(to))
  return body ? `<w:t xml:space="preserve">${body}</w:t>` : ''
}

/** Where the n-th character of the unescaped text starts in the raw XML text. */
function rawOffset(raw: string, n: number): number {
  let chars = 0
  let i = 0
  while (i < raw.length && chars < n) {
    if (raw[i] === '&') {
      const semi = raw.indexOf(';', i)
      const decoded = unescape(raw.slice(i, semi + 1))
      i = semi + 1
      chars += decoded.length
    } else {
      i++
      chars++
    }
  }
  return i
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function unescape(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex, dec, named) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"} as Record<string, string>)[named]))
}
