// --annotate through the real CLI: the copy has one comment per finding, anchored on exactly the
// flagged text, read back from the copy's XML and again after LibreOffice has opened the copy
// and saved it; the document's text, its other parts and the original file are unchanged.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DOMParser} from '@xmldom/xmldom'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import {describe, expect, it} from 'vitest'
import {annotateDocx} from '../src/formatters/docx-comments.ts'
import {readDocx, type LintMessage} from '../src/index.ts'
import {soplint as run, workspace} from './helpers.ts'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/_formats/${name}`, import.meta.url))
const soplint = (args: string[], cwd: string) => run(['--no-config-lookup', ...args], {cwd, env: {SOPLINT_WORKERS: '0'}})
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
// The extracted text has a space where the document has a tab or a line break.
const spaced = (s: string) => s.replace(/\s+/g, ' ')

/** The comment soplint should write for a finding: on the flagged text, or on the mark of the footnote it is in. */
const expectedComment = (m: Message, footnoteLines: number[]) =>
  footnoteLines.includes(m.line) ? {text: `In this footnote: ${m.message} [${m.ruleId}]`, anchored: ''} : {text: `${m.message} [${m.ruleId}]`, anchored: spaced(m.actual)}

type Message = {ruleId: string; message: string; actual: string; offset: number; line: number}
interface Comment {
  id: string
  author: string
  text: string
  /** The text between the comment's range start and end, in document order, across runs and paragraphs. */
  anchored: string
}

/** Every comment of a .docx with the text it is anchored on, read with a DOM parser (not the code under test). */
async function commentsOf(bytes: Buffer): Promise<Comment[]> {
  const zip = await JSZip.loadAsync(bytes)
  const parse = async (name: string) => {
    const file = zip.file(name)
    return file ? new DOMParser().parseFromString(await file.async('string'), 'text/xml') : undefined
  }
  const anchored = new Map<string, string>()
  const open = new Set<string>()
  const walk = (node: Node): void => {
    if (node.nodeType === 1) {
      const element = node as Element
      const id = element.getAttribute('w:id') ?? ''
      if (element.nodeName === 'w:commentRangeStart') {
        open.add(id)
        anchored.set(id, anchored.get(id) ?? '')
      } else if (element.nodeName === 'w:commentRangeEnd') open.delete(id)
      else if (element.nodeName === 'w:t' || element.nodeName === 'w:tab') {
        const text = element.nodeName === 'w:tab' ? '\t' : (element.textContent ?? '')
        for (const o of open) anchored.set(o, anchored.get(o) + text)
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
  }
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const doc = await parse(part)
    if (doc) walk(doc)
  }
  const comments = await parse('word/comments.xml')
  if (!comments) return []
  return Array.from(comments.getElementsByTagName('w:comment')).map((c) => ({
    id: c.getAttribute('w:id') ?? '',
    author: c.getAttribute('w:author') ?? '',
    text: Array.from(c.getElementsByTagName('w:t')).map((t) => t.textContent).join(''),
    anchored: anchored.get(c.getAttribute('w:id') ?? '') ?? '(no range)'
  }))
}

const rawText = async (bytes: Buffer) => (await mammoth.extractRawText({buffer: bytes})).value

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0

// A private LibreOffice profile, so that the test does not collide with another LibreOffice running.
const profile = mkdtempSync(path.join(tmpdir(), 'soplint-lo-'))

/** Run LibreOffice headless on a file, converting it to another format. */
function libreoffice(file: string, to: string, outdir: string) {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, file], {encoding: 'utf8', timeout: 120_000})
  return {code: r.status, stderr: r.stderr, out: path.join(outdir, `${path.basename(file, '.docx')}.${to.split(':')[0]}`)}
}

describe('annotateDocx: ranges across runs, links, split words and empty ranges', () => {
  it('anchors each range on exactly its text, and an empty one as a point', async () => {
    const bytes = fixture('statement.docx')
    const {text} = await readDocx(bytes)
    // Ranges given by their text: the n-th occurrence of `find`, or an empty range before it.
    const at = (find: string, n = 0) => {
      let index = -1
      for (let i = 0; i <= n; i++) index = text.indexOf(find, index + 1)
      expect(index, find).toBeGreaterThanOrEqual(0)
      return index
    }
    const message = (start: number, end: number, ruleId: string): LintMessage => {
      const point = (offset: number) => ({line: text.slice(0, offset).split('\n').length, column: offset - text.lastIndexOf('\n', offset - 1)})
      const a = point(start)
      const b = point(end)
      return {ruleId, level: 'warning', severity: 1, message: `m ${ruleId}`, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end, actual: text.slice(start, end), expected: [], fixable: false, url: '', source: 'soplint'}
    }
    const ranges = [
      ['across-runs', at('study motion'), at('study motion') + 'study motion'.length], // plain run into a bold one
      ['empty', at('motion planning'), at('motion planning')], // at a run boundary
      ['split-word', at('the kitchen'), at('the kitchen') + 'the kitchen'.length], // `kit` + spelling marks + `chen`
      ['overlap', at('the the kit'), at('the the kit') + 'the the kit'.length],
      ['emoji-tab', at('🤖 we'), at('🤖 we') + '🤖 we we'.length], // a tab in the document, a space in the text
      ['in-link', at('lab.') , at('lab.') + 3], // the end of a hyperlink's text
      ['field', at('field link'), at('field link') + 'field'.length], // inside a HYPERLINK field's result
      ['line-end', at('paragraph.'), at('paragraph.') + 'paragraph.'.length] // to the end of a paragraph after a line break
    ] as const
    const messages = ranges.map(([id, start, end]) => message(start, end, id))
    const result = await annotateDocx(bytes, text, messages)
    expect(result.unplaced).toEqual([])
    expect(result.comments).toBe(messages.length)
    const copy = Buffer.from(result.bytes)
    const comments = await commentsOf(copy)
    expect(Object.fromEntries(comments.map((c) => [c.text.replace(/^m (\S+) \[\S+\]$/, '$1'), spaced(c.anchored)]))).toEqual(Object.fromEntries(messages.map((m) => [m.ruleId, spaced(m.actual)])))
    expect(await rawText(copy)).toBe(await rawText(bytes))
    // Every range starts before it ends, in document order.
    const xml = await (await JSZip.loadAsync(copy)).file('word/document.xml')!.async('string')
    for (const c of comments) expect(xml.indexOf(`<w:commentRangeStart w:id="${c.id}"/>`), c.text).toBeLessThan(xml.indexOf(`<w:commentRangeEnd w:id="${c.id}"/>`))
  })
})

describe('soplint --annotate', () => {
  for (const name of ['statement.docx', 'reviewed.docx']) {
    it(`${name}: one comment per finding, anchored on the flagged text; text and other parts unchanged`, async () => {
      const original = fixture(name)
      const dir = workspace({[name]: original})
      const r = soplint(['-f', 'json', '--annotate', name], dir)
      expect(r.code).toBe(1)
      const messages = (JSON.parse(r.stdout) as Array<{messages: Message[]}>)[0].messages
      expect(messages.length).toBeGreaterThanOrEqual(6)
      const copyName = name.replace('.docx', '.soplint.docx')
      expect(r.stderr).toBe(`soplint: wrote ${copyName} (${messages.length} comments)\n`)
      // The original is never written.
      expect(sha(readFileSync(path.join(dir, name)))).toBe(sha(original))

      const copy = readFileSync(path.join(dir, copyName))
      const comments = await commentsOf(copy)
      const ours = comments.filter((c) => c.author === 'soplint')
      const sorted = [...messages].sort((a, b) => a.offset - b.offset)
      const footnoteLines = name === 'reviewed.docx' ? [8] : [15]
      expect(ours.map((c) => ({text: c.text, anchored: spaced(c.anchored)}))).toEqual(sorted.map((m) => expectedComment(m, footnoteLines)))
      // The adviser's comment is still there, on the same words.
      expect(comments.filter((c) => c.author !== 'soplint')).toEqual(name === 'reviewed.docx' ? [{id: '0', author: 'Prof. Adviser', text: 'Cut this clause.', anchored: 'as we all know that the field moves fast'}] : [])
      expect(await rawText(copy)).toBe(await rawText(original))

      // Every part but the ones that carry comments is byte for byte the original's.
      const before = await JSZip.loadAsync(original)
      const after = await JSZip.loadAsync(copy)
      const changed = new Set(['word/document.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'])
      for (const file of Object.keys(before.files)) {
        if (changed.has(file) || before.files[file].dir) continue
        expect(sha(await after.file(file)!.async('nodebuffer')), file).toBe(sha(await before.file(file)!.async('nodebuffer')))
      }
      expect(Object.keys(after.files).filter((f) => !before.files[f] && !after.files[f].dir)).toEqual(name === 'statement.docx' ? ['word/comments.xml'] : [])
      if (name === 'statement.docx') {
        expect(await after.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
        expect(await after.file('word/_rels/document.xml.rels')!.async('string')).toContain('relationships/comments" Target="comments.xml"/>')
      }
    })
  }

  // LibreOffice is a system package: .ci/run installs it; elsewhere the test runs where it is installed.
  if (!hasLibreOffice && process.env.CI) it('has LibreOffice in CI', () => expect.fail('soffice is not on PATH: .ci/run must install libreoffice-writer-nogui'))
  it.skipIf(!hasLibreOffice)('LibreOffice opens the copy: converts it to PDF and text, and keeps every comment on its words when it saves it', async () => {
    const dir = workspace({'reviewed.docx': fixture('reviewed.docx')})
    const r = soplint(['-f', 'json', '--annotate', '-o', 'for-review.docx', 'reviewed.docx'], dir)
    expect(r.code).toBe(1)
    expect(existsSync(path.join(dir, 'reviewed.soplint.docx'))).toBe(false)
    const copy = path.join(dir, 'for-review.docx')
    const messages = (JSON.parse(r.stdout) as Array<{messages: Message[]}>)[0].messages

    const pdf = libreoffice(copy, 'pdf', path.join(dir, 'pdf'))
    expect(pdf.code, pdf.stderr).toBe(0)
    expect(readFileSync(pdf.out).subarray(0, 5).toString()).toBe('%PDF-')
    const txt = libreoffice(copy, 'txt:Text (encoded):UTF8,LF,,,', path.join(dir, 'txt'))
    expect(txt.code, txt.stderr).toBe(0)
    // LibreOffice writes a footnote's number after the word it follows.
    const text = readFileSync(txt.out, 'utf8').replace(/^\uFEFF/, '').replace(/(?<=\p{L})\d+(?=\s)/gu, '')
    for (const line of (await rawText(fixture('reviewed.docx'))).split('\n').filter((l) => l.trim() && !/^\d+\. /.test(l))) expect(text).toContain(line.trim())

    // Saved again by LibreOffice: the comments it read are ours, on the same words.
    const saved = libreoffice(copy, 'docx:MS Word 2007 XML', path.join(dir, 'saved'))
    expect(saved.code, saved.stderr).toBe(0)
    const comments = (await commentsOf(readFileSync(saved.out))).filter((c) => c.author === 'soplint')
    const byText = (list: Array<{text: string; anchored: string}>) => [...list].sort((a, b) => a.text.localeCompare(b.text))
    expect(byText(comments.map((c) => ({text: c.text, anchored: spaced(c.anchored)})))).toEqual(byText(messages.map((m) => expectedComment(m, [8]))))
  }, 300_000)

  it('anchors findings after symbols (w:sym), and leaves one in a text box in the report, saying so', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`
    // Word writes a text box twice: as a drawing shape (Choice) and as VML (Fallback), which mammoth reads.
    const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('We tested the the arm.')}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('We tested the the arm.')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body><w:p><w:r><w:t xml:space="preserve">My goal is to study the [Topic] of planning.</w:t></w:r>${textBox}</w:p><w:p><w:r><w:t xml:space="preserve">We built </w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r><w:r><w:t xml:space="preserve"> a a robot.</w:t></w:r></w:p><w:p><w:r><w:sym w:font="No Such Font" w:char="F041"/></w:r><w:r><w:t xml:space="preserve"> It ran ran for days.</w:t></w:r></w:p></w:body></w:document>`)
    const dir = workspace({'boxed.docx': await zip.generateAsync({type: 'nodebuffer'})})
    const r = soplint(['-f', 'json', '--annotate', '--rule', 'length=off', 'boxed.docx'], dir)
    const messages = (JSON.parse(r.stdout) as Array<{messages: Message[]}>)[0].messages
    const boxed = messages.filter((m) => m.actual === 'the the')
    expect(boxed).toHaveLength(1)
    expect(r.stderr).toBe(`soplint: wrote boxed.soplint.docx (${messages.length - 1} comments)\nsoplint: warning: boxed.docx:${boxed[0].line}:${(boxed[0] as Message & {column: number}).column}: no place in the document for this finding's comment (repeated-word); it is in the report only\n`)
    expect(messages.map((m) => m.actual)).toEqual(expect.arrayContaining(['[Topic]', 'a a', 'ran ran']))
    const comments = await commentsOf(readFileSync(path.join(dir, 'boxed.soplint.docx')))
    expect(comments.map((c) => spaced(c.anchored)).sort()).toEqual(messages.filter((m) => m.actual !== 'the the').map((m) => m.actual).sort())
  })

  it('refuses in one line what it cannot do', () => {
    const dir = workspace({'a.docx': fixture('statement.docx'), 'b.docx': fixture('reviewed.docx'), 'notes.md': 'Some notes.\n'})
    const cases: Array<[string[], string]> = [
      [['--annotate', 'notes.md'], 'soplint: --annotate: notes.md is not a Word document (.docx); only Word documents take comments\n'],
      [['--annotate', '-o', 'out.docx', 'a.docx', 'b.docx'], 'soplint: --annotate: -o names one copy, but 2 Word documents were given; leave out -o to write each beside its original\n'],
      [['--annotate', '-o', 'a.docx', 'a.docx'], 'soplint: --annotate: -o a.docx is the original document; name another file\n']
    ]
    for (const [args, stderr] of cases) {
      const r = soplint(args, dir)
      expect({code: r.code, stderr: r.stderr, stdout: r.stdout}).toEqual({code: 2, stderr, stdout: ''})
    }
    expect(sha(readFileSync(path.join(dir, 'a.docx')))).toBe(sha(fixture('statement.docx')))
    // Two documents, each annotated beside its original.
    const r = soplint(['--annotate', '--quiet', 'a.docx', 'b.docx'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('soplint: wrote a.soplint.docx (2 comments)\nsoplint: wrote b.soplint.docx (1 comment)\n')
  })
})
