// Pathological shapes of input, generated at any size: many small constructs in one document,
// one very long line, one very long sentence. The growth section of `npm run bench` and the
// robustness tests lint each at 1k, 10k and 100k units to check that time grows linearly.
// Every generator is deterministic: `shape.make(n)` returns the same text for the same n.
import JSZip from 'jszip'
import {seeded} from './corpus.js'

const words = ['study', 'model', 'data', 'result', 'method', 'field', 'lab', 'paper', 'design', 'test', 'signal', 'graph', 'protein', 'survey', 'sample', 'error']
const names = ['Adeyemi', 'Lindqvist', 'Okafor', 'Tanaka', 'Ferreira', 'Novak', 'Haddad', 'Moreau', 'Kowalski', 'Nakamura', 'Silva', 'Dubois', 'Ivanova', 'Osei', 'Bauer', 'Larsen']

/** Word number i of a fixed list, so a unit is a few ordinary words. */
const w = (i) => words[i % words.length]

/** A paragraph of n units joined by spaces, wrapped every 12 units so lines stay ordinary. */
function para(n, unit, perLine = 12) {
  const out = []
  for (let i = 0; i < n; i++) out.push(unit(i) + ((i + 1) % perLine === 0 ? '\n' : ' '))
  return out.join('').trimEnd() + '\n'
}

/** Blocks of n units, one per line or block, separated as the builder says. */
function lines(n, unit, sep = '\n') {
  const out = []
  for (let i = 0; i < n; i++) out.push(unit(i))
  return out.join(sep) + '\n'
}

/** The shapes: id, format, what one unit is, and make(n) -> text. */
export const shapes = [
  {id: 'plain-words', format: 'md', unit: 'word', make: (n) => lines(Math.ceil(n / 10), (i) => `The ${w(i)} and the ${w(i + 3)} of this ${w(i + 5)} gave us one ${w(i + 7)} ${w(i + 9)}.`, '\n\n')},
  {id: 'bold-spans', format: 'md', unit: 'bold span', make: (n) => para(n, (i) => `**${w(i)}** ${w(i + 1)}`)},
  {id: 'italic-spans', format: 'md', unit: 'italic span', make: (n) => para(n, (i) => `*${w(i)}* ${w(i + 1)}`)},
  {id: 'bold-one-line', format: 'md', unit: 'bold span', make: (n) => para(n, (i) => `**${w(i)}**`, Infinity)},
  {id: 'links', format: 'md', unit: 'link', make: (n) => para(n, (i) => `[${w(i)}](https://example.org/${i}) ${w(i + 2)}`)},
  {id: 'inline-code', format: 'md', unit: 'code span', make: (n) => para(n, (i) => `\`${w(i)}_${i}\` ${w(i + 2)}`)},
  {id: 'inline-html', format: 'md', unit: 'HTML tag pair', make: (n) => para(n, (i) => `<span>${w(i)}</span> ${w(i + 4)}`)},
  {id: 'footnotes', format: 'md', unit: 'footnote', make: (n) => para(n, (i) => `${w(i)}[^${i}]`) + '\n' + lines(n, (i) => `[^${i}]: A ${w(i + 6)} note.`)},
  {id: 'headings', format: 'md', unit: 'heading', make: (n) => lines(n, (i) => `## ${w(i)} ${w(i + 5)} ${i}`, '\n\n')},
  {id: 'setext-headings', format: 'md', unit: 'heading', make: (n) => lines(n, (i) => `The ${w(i)} ${w(i + 5)} ${i}\n${i % 2 ? '---' : '==='}`, '\n\n')},
  {id: 'list-items', format: 'md', unit: 'list item', make: (n) => lines(n, (i) => `- I ${w(i)} the ${w(i + 3)} ${i}.`)},
  {id: 'table-cells', format: 'md', unit: 'table cell', make: (n) => '| a | b | c | d |\n| - | - | - | - |\n' + lines(Math.ceil(n / 4), (i) => `| ${w(i)} | ${w(i + 1)} ${i} | ${w(i + 2)} | ${w(i + 3)} |`)},
  {id: 'capitalised-names', format: 'md', unit: 'name', make: (n) => para(n, (i) => `${names[i % names.length]}${i % 7 === 0 ? ',' : ''}`)},
  {id: 'inline-math', format: 'md', unit: 'math span', make: (n) => para(n, (i) => `an $F_${i % 10}$ ${w(i)}`)},
  {id: 'long-sentence', format: 'md', unit: 'word', make: (n) => para(n, (i) => w(i)).replace(/\n$/, '.\n')},
  {id: 'long-paragraph', format: 'md', unit: 'word', make: (n) => para(n, (i) => w(i) + ((i + 1) % 15 === 0 ? '.' : '')).replace(/\s*$/, '.\n')},
  {id: 'one-line', format: 'md', unit: 'word', make: (n) => para(n, (i) => `${w(i)}${i % 9 === 8 ? '.' : ''}`, Infinity)},
  {id: 'long-word', format: 'md', unit: '10 letters', make: (n) => `I wrote ${'qwertyuiop'.repeat(n)} once.\n`},
  {id: 'abbreviations', format: 'md', unit: 'abbreviation run', make: (n) => para(n, () => 'Dr. Mr. e.g. i.e. U.S. etc.', Infinity)},
  {id: 'repeated-words', format: 'md', unit: 'word', make: (n) => para(n, () => 'the', Infinity)},
  {id: 'one-word-lines', format: 'md', unit: 'line', make: (n) => para(n, (i) => w(i), 1)},
  {id: 'latex-textbf', format: 'tex', unit: '\\textbf', make: (n) => `\\documentclass{article}\n\\begin{document}\n${para(n, (i) => `\\textbf{${w(i)}} ${w(i + 1)}`)}\\end{document}\n`},
  {id: 'latex-macros', format: 'tex', unit: 'macro', make: (n) => `\\documentclass{article}\n\\begin{document}\n${para(n, (i) => `\\emph{${w(i)}}~\\cite{k${i}} ${w(i + 2)}`)}\\end{document}\n`},
  {id: 'latex-math', format: 'tex', unit: 'math span', make: (n) => `\\documentclass{article}\n\\begin{document}\n${para(n, (i) => `an $F_${i % 10}$ ${w(i)}`)}\\end{document}\n`}
]

/** A random but reproducible mix of every Markdown shape, about n units long. */
export function mixed(n, seed = 3) {
  const rand = seeded(seed)
  const md = shapes.filter((s) => s.format === 'md' && s.id !== 'one-line')
  const parts = []
  let left = n
  while (left > 0) {
    const size = Math.min(left, 1 + Math.floor(rand() * 50))
    parts.push(md[Math.floor(rand() * md.length)].make(size))
    left -= size
  }
  return parts.join('\n')
}

// -- Word documents ---------------------------------------------------------------------------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
// A run as Word writes it after many editing sessions: its own revision id, fonts, and text with
// xml:space="preserve". Word starts a new run at every change of formatting or session, so a long,
// much-revised statement holds tens of thousands of them.
const wordRun = (i, text, props = '') => `<w:r w:rsidR="00${(0xa10000 + (i % 4096)).toString(16).toUpperCase()}"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/>${props}<w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`

/** Unit i of the Word shape: a plain, bold or italic run, or a word split across two runs with spell-check marks between (as Word saves it). */
function docxUnit(i) {
  switch (i % 4) {
    case 0:
      return wordRun(i, `${w(i)} `)
    case 1:
      return wordRun(i, w(i), '<w:b/><w:bCs/>') + wordRun(i + 1, ' ')
    case 2:
      return wordRun(i, w(i), '<w:i/><w:iCs/>') + wordRun(i + 1, ' ')
    default:
      return '<w:proofErr w:type="spellStart"/>' + wordRun(i, w(i).slice(0, 2)) + wordRun(i + 1, w(i).slice(2)) + '<w:proofErr w:type="spellEnd"/>' + wordRun(i + 2, '. ')
  }
}

/**
 * A .docx of n units of runs (about two runs per unit), in paragraphs of `perParagraph` units:
 * one paragraph of them all by default, the worst case for the English parser. Deterministic:
 * the same n gives the same bytes.
 */
export async function docxRuns(n, perParagraph = Infinity) {
  const paragraphs = []
  for (let from = 0; from < n; from += Math.min(perParagraph, n)) {
    const units = []
    for (let i = from; i < Math.min(n, from + perParagraph); i++) units.push(docxUnit(i))
    paragraphs.push(`<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6">${units.join('')}</w:p>`)
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}<w:sectPr/></w:body></w:document>`
  const zip = new JSZip()
  const date = new Date(Date.UTC(2024, 0, 1))
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', {date})
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', {date})
  zip.file('word/document.xml', document, {date})
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX'})
}

/** The Word shapes: like `shapes`, but `bytes(n)` gives the file's bytes, read with readDocx(). */
export const docxShapes = [{id: 'docx-runs', format: 'docx', unit: 'run pair', bytes: (n) => docxRuns(n)}]
