// Write the Word test documents in fixtures/_formats/ from the XML below: a statement with the
// markup the .docx front end must carry over (Word's title and heading styles, bold and italic
// runs split mid-word as Word splits them, hyperlinks both as relationships and as HYPERLINK
// fields, a bullet list, a footnote, a soft line break, a tab, a letterhead table, an empty
// paragraph, non-Latin text and an emoji), a reviewed draft with an adviser's comment and a
// picture for --annotate, and the bad inputs the CLI must refuse in one line.
// Usage: node scripts/make-docx-fixtures.js. The output is byte-for-byte reproducible.
import {mkdir, writeFile} from 'node:fs/promises'
import JSZip from 'jszip'

const dir = new URL('../fixtures/_formats/', import.meta.url)
const date = new Date(Date.UTC(2024, 0, 1))

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// Runs as Word writes them: properties first, text with xml:space="preserve".
const run = (text, props = '') => `<w:r w:rsidR="00A1B2C3">${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
const bold = (text) => run(text, '<w:b/><w:bCs/>')
const italic = (text) => run(text, '<w:i/><w:iCs/>')
const para = (content, style = '', extra = '') => `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6">${style || extra ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extra}</w:pPr>` : ''}${content}</w:p>`
const link = (rid, text) => `<w:hyperlink r:id="${rid}" w:history="1">${run(text, '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`
const fieldLink = (url, text) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "${url}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(text, '<w:rStyle w:val="Hyperlink"/>')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
const bullet = (content) => para(content, 'ListParagraph', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
const cell = (text) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${para(run(text))}</w:tc>`

/** The statement: every paragraph is a case the tests name by its number. */
const body = [
  // 1-2: a letterhead table, one paragraph per cell.
  `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid><w:tr>${cell('Jane Doe')}${cell('jane@example.com')}</w:tr></w:tbl>`,
  // 3: the Title style is a heading.
  para(run('Statement of Purpose'), 'Title'),
  // 4: Heading 1.
  para(run('Research interests'), 'Heading1'),
  // 5: bold, and a word split across runs with spell-check marks between them, as Word saves it.
  para(run('My goal is to study ') + bold('motion planning') + run(' for robots that work in the the kit') + '<w:proofErr w:type="spellStart"/>' + run('chen') + '<w:proofErr w:type="spellEnd"/>' + run('.')),
  // 6: non-Latin text, an emoji and a tab before a repeated word; a hyperlink.
  para(run('At my lab in Bengaluru (ಬೆಂಗಳೂರು) 🤖 we') + '<w:r><w:tab/></w:r>' + run('we wrote a planner for ') + link('rId10', 'our lab') + run('.')),
  // 7: a template slot, italics, and a link to `#`.
  para(run('I am applying to the [Program Name] because of its ') + italic('excellent') + run(' faculty; see ') + link('rId11', 'my website') + run('.')),
  // 8-9: a bullet list.
  bullet(run('Built a planner that runs in real time.')),
  bullet(run('Led a team of four students.')),
  // An empty paragraph: not counted.
  para(''),
  // 10: a soft line break inside one paragraph.
  para(run('First line') + '<w:r><w:br/></w:r>' + run('second line of the same paragraph.')),
  // 11: a hyperlink written as a field.
  para(run('Read more at ') + fieldLink('https://arxiv.org/abs/2401.01234', 'field link') + run('.')),
  // 12: a footnote reference (its text comes last, as paragraph 15).
  para(run('I published a paper') + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' + run(' last year.')),
  // 13-14: Heading 2 and a closing paragraph with bold and italics in one run.
  para(run('Closing'), 'Heading2'),
  para(run('Thank you for your ') + run('kind consideration', '<w:b/><w:i/>') + run('.'))
].join('')

const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`

const style = (id, name, type = 'paragraph', extra = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${[
  style('Normal', 'Normal'),
  style('Title', 'Title', 'paragraph', '<w:basedOn w:val="Normal"/>'),
  style('Heading1', 'heading 1', 'paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
  style('Heading2', 'heading 2', 'paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
  style('ListParagraph', 'List Paragraph', 'paragraph', '<w:basedOn w:val="Normal"/>'),
  style('FootnoteText', 'footnote text', 'paragraph', '<w:basedOn w:val="Normal"/>'),
  style('FootnoteReference', 'footnote reference', 'character', '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
  style('Hyperlink', 'Hyperlink', 'character', '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>')
].join('')}</w:styles>`

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1">${para('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>' + run(' In the proceedings of a workshop on field robots.'), 'FootnoteText')}</w:footnote></w:footnotes>`

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://github.com/janedoe/planner" TargetMode="External"/><Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="#" TargetMode="External"/></Relationships>`

async function zip(files) {
  const archive = new JSZip()
  for (const [name, content] of Object.entries(files)) archive.file(name, content, {date})
  return archive.generateAsync({type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX'})
}

const statement = await zip({
  '[Content_Types].xml': contentTypes,
  '_rels/.rels': rels,
  'word/document.xml': document,
  'word/_rels/document.xml.rels': documentRels,
  'word/styles.xml': styles,
  'word/numbering.xml': numbering,
  'word/footnotes.xml': footnotes
})

// reviewed.docx: a draft an adviser has already commented on, for --annotate. Its findings
// start and end inside runs, cross a bold/italic boundary, follow an escaped `&` and an emoji,
// sit in a table cell's second paragraph and in a footnote, and overlap the adviser's comment;
// it has a picture, whose part and relationship must survive.
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
const picture = `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1" descr="A robot arm"/><a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="1" name="robot.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId20"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
const reviewedBody = [
  para(run('Statement of Purpose'), 'Title'),
  // A finding that starts inside one run and ends inside the next, across bold and italics.
  para(run('Since school I have had a burn') + bold('ing desire to') + italic(' build robots & drones that help.')),
  // The adviser's comment overlaps a finding; the finding follows an emoji and non-Latin text.
  para(run('In Kyoto (京都) 🤖 I learned that, ') + '<w:commentRangeStart w:id="0"/>' + run('as we all know that the field moves fast') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + run(', a robot must plan quickly.')),
  // A picture in its own paragraph, with a caption after it.
  para(picture) + para(run('The arm our team built for the R&D lab at [University Name].')),
  // A table cell of two paragraphs (one line of text) with a finding in the second.
  `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>${para(run('Skills:'))}${para(run('planning, vision, and and control'))}</w:tc></w:tr></w:tbl>`,
  para(run('I wrote a paper on grasping') + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' + run(' with my adviser.')),
  para(run('Thank you for your ') + run('kind consideration', '<w:b/>') + run('.'))
].join('')
const reviewedDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}"><w:body>${reviewedBody}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`
const reviewedFootnotes = footnotes.replace(' In the proceedings of a workshop on field robots.', ' It was accepted at the the workshop on grasping.')
const adviserComments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Prof. Adviser" w:date="2024-01-01T00:00:00Z" w:initials="PA"><w:p><w:r><w:t>Cut this clause.</w:t></w:r></w:p></w:comment></w:comments>`
// A 1x1 PNG.
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))
const reviewed = await zip({
  '[Content_Types].xml': contentTypes.replace('<Default Extension="xml"', '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"').replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'),
  '_rels/.rels': rels,
  'word/document.xml': reviewedDocument,
  'word/_rels/document.xml.rels': documentRels.replace('</Relationships>', '<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/robot.png"/><Relationship Id="rId21" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'),
  'word/styles.xml': styles,
  'word/numbering.xml': numbering,
  'word/footnotes.xml': reviewedFootnotes,
  'word/comments.xml': adviserComments,
  'word/media/robot.png': png
})

// A password-protected .docx is an OLE compound file holding an `EncryptedPackage` stream.
const protectedDoc = new Uint8Array(1536)
protectedDoc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
protectedDoc.set(Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]), 1024)

const files = {
  'statement.docx': statement,
  'reviewed.docx': reviewed,
  // Cut short, as by an interrupted download.
  'truncated.docx': statement.subarray(0, Math.floor(statement.length / 2)),
  'protected.docx': protectedDoc,
  'renamed-pdf.docx': new TextEncoder().encode('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  'renamed-text.docx': new TextEncoder().encode('This statement was saved as plain text and renamed.\n'),
  'workbook.docx': await zip({'[Content_Types].xml': contentTypes.replace('word/document.xml', 'xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>'})
}

await mkdir(dir, {recursive: true})
for (const [name, bytes] of Object.entries(files)) await writeFile(new URL(name, dir), bytes)
console.log(`wrote ${Object.keys(files).length} files to fixtures/_formats/`)
