// Sentence boundaries as the writer wrote them, in every input format: a sentence that starts
// with inline code or a LaTeX command, and one that follows a sentence ending in "etc.", are
// sentences of their own; an abbreviation inside a sentence, or code after "e.g.", joins nothing.
import JSZip from 'jszip'
import {describe, expect, it} from 'vitest'
import {readDocx} from '../src/index.ts'
import {latexTree} from '../src/core/formats/latex.ts'
import {parseDocument} from '../src/core/processor.ts'
import type {InputFormat} from '../src/core/types.ts'
import {soplint, workspace} from './helpers.ts'

/** Each sentence's words as the rules count them (code is a word). */
function sentences(text: string, format: InputFormat, mdast?: Parameters<typeof parseDocument>[2]): string[] {
  const doc = parseDocument(text, format, mdast ?? (format === 'tex' ? latexTree(text) : undefined))
  return doc.sentences.map((s) => s.tokens.filter((t) => t.kind !== 'punct').map((t) => (t.kind === 'code' ? '<code>' : t.norm)).join(' '))
}

// What each format writes for the same three boundaries, and the near misses that are one sentence.
const cases: Array<{name: string; md: string; txt?: string; tex: string; want: string[]}> = [
  {
    name: 'inline code or a command opening the next sentence',
    md: 'We met the team today. `Wave` was presented next.',
    tex: 'We met the team today. \\wave{} was presented next.',
    want: ['we met the team today', '<code> was presented next']
  },
  {
    name: 'lower-case code opening the next sentence',
    md: 'We met the team today. `wave` was presented next.',
    tex: 'We met the team today. \\wave\\ was presented next.',
    want: ['we met the team today', '<code> was presented next']
  },
  {
    name: 'a sentence ending in etc.',
    md: "I proved Euler's identity, the binomial theorem, etc. I have been reading since.",
    txt: "I proved Euler's identity, the binomial theorem, etc. I have been reading since.",
    tex: "I proved Euler's identity, the binomial theorem, etc. I have been reading since.",
    want: ["i proved euler's identity the binomial theorem etc.", 'i have been reading since']
  },
  {
    name: 'etc. inside a sentence (near miss)',
    md: 'I studied graphs, trees, etc. and wrote about them.',
    txt: 'I studied graphs, trees, etc. and wrote about them.',
    tex: 'I studied graphs, trees, etc. and wrote about them.',
    want: ['i studied graphs trees etc. and wrote about them']
  },
  {
    name: 'code after an abbreviation or in mid-sentence (near miss)',
    md: 'I used tools, e.g. `Numpy`, and compared A vs. `B` in one study.',
    tex: 'I used tools, e.g. \\texttt{Numpy}, and compared A vs. \\texttt{B} in one study.',
    want: ['i used tools e.g. <code> and compared a vs. <code> in one study']
  }
]

describe('sentence boundaries', () => {
  for (const c of cases) {
    it(`Markdown: ${c.name}`, () => expect(sentences(c.md, 'md')).toEqual(c.want))
    it(`LaTeX: ${c.name}`, () => expect(sentences(c.tex, 'tex')).toEqual(c.want))
    if (c.txt) it(`plain text: ${c.name}`, () => expect(sentences(c.txt!, 'txt')).toEqual(c.want))
  }

  it('Word: a sentence ending in etc., and etc. inside a sentence', async () => {
    const {text, mdast} = await readDocx(await docx(["I proved Euler's identity, the binomial theorem, etc. I have been reading since.", 'I studied graphs, trees, etc. and wrote about them.']))
    expect(sentences(text, 'docx', mdast)).toEqual(["i proved euler's identity the binomial theorem etc.", 'i have been reading since', 'i studied graphs trees etc. and wrote about them'])
  })

  it('keeps exact offsets for the split sentences, with CRLF and emoji', () => {
    const text = 'Lab work 🤖, etc. I left.\r\nThen `Wave` ran. `wave` ran.\r\n'
    const doc = parseDocument(text, 'md')
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Lab work 🤖, etc.', 'I left.', 'Then `Wave` ran.', '`wave` ran.'])
  })
})

// 26 + 21 words: one sentence of 47 (over the limit of 40) when the boundary is lost.
const first = 'In my final year I built a tool that checks the proofs students write in our logic course and tells them which step of each proof fails and why it fails today.'
const second = 'was presented to the whole department at the end of the spring term, and two other courses now use it for their weekly homework.'

describe('sentence-length through the CLI', () => {
  const files = {
    'code.md': `${first} \`Wave\` ${second}\n`,
    'macro.tex': `\\documentclass{article}\n\\begin{document}\n${first} \\wave{} ${second}\n\\end{document}\n`,
    'etc.txt': `${first.replace('today.', 'etc.')} I ${second}\n`
  }

  it('counts each sentence on its own in Markdown, LaTeX and plain text', () => {
    const dir = workspace(files)
    const r = soplint(['--format', 'json', '--no-config-lookup', '--rule', 'sentence-length=warn', ...Object.keys(files)], {cwd: dir})
    expect(r.stderr).toBe('')
    const results = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>; stats: {sentences: number}}>
    expect(results.map((f) => [f.filePath.split('/').pop(), f.stats.sentences, f.messages.filter((m) => m.ruleId === 'sentence-length').length])).toEqual([
      ['code.md', 2, 0],
      ['macro.tex', 2, 0],
      ['etc.txt', 2, 0]
    ])
  })
})

/** A minimal Word document with these paragraphs. */
async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({type: 'uint8array'})
}
