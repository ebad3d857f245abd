// Input formats in the core: plain text, LaTeX (src/formats/latex.ts), Word (src/formats/docx.ts)
// and \input splicing (src/formats/include.ts). Positions are asserted exactly: every finding
// must point into the file the writer edits.
import {readFileSync} from 'node:fs'
import type {Nodes, Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {fix, InputError, lint, lintSync, readDocx, type LintMessage} from '../src/index.ts'
import {latexError, latexTree} from '../src/core/formats/latex.ts'
import {assemble, findInputs, splitMessages} from '../src/core/formats/include.ts'
import {parseDocument} from '../src/core/processor.ts'

const only = (id: string) => ({config: {rules: {[id]: 'warn' as const}}, only: [id]})
const repeated = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'repeated-word')
const place = (m: LintMessage) => ({line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, actual: m.actual})

/** The prose tokens of a document as the rules see them (normalised), block by block. */
function prose(text: string, format: 'tex' | 'txt'): string[] {
  const doc = parseDocument(text, format, format === 'tex' ? latexTree(text) : undefined)
  return doc.blocks.map((b) => b.tokens.map((t) => (t.kind === 'code' ? '<code>' : t.norm)).join(' '))
}

function nodes(tree: Root, type: string): Nodes[] {
  const out: Nodes[] = []
  const walk = (node: Nodes) => {
    if (node.type === type) out.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

const slice = (text: string, node: Nodes) => text.slice(node.position!.start.offset, node.position!.end.offset)

describe('plain text', () => {
  it('splits paragraphs on blank lines only and reads Markdown characters literally', () => {
    const text = 'An *asterisk* stays, and # is no heading;\nthis wrapped line is the same paragraph.\n\n[a link](x) is text.'
    const doc = parseDocument(text, 'txt')
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph'])
    expect(doc.tokens.map((t) => t.text)).toContain('*')
    expect(doc.mdast.children.every((c) => c.type === 'paragraph')).toBe(true)
    expect(doc.sentences[0].words.map((w) => w.norm).join(' ')).toBe('an asterisk stays and is no heading this wrapped line is the same paragraph')
  })

  it('finds a phrase across a hard wrap and points at both lines', async () => {
    const text = 'I measured the\nthe results twice.\n'
    const [m] = repeated((await lint(text, {format: 'txt', ...only('repeated-word')})).messages)
    expect(place(m)).toEqual({line: 1, column: 12, endLine: 2, endColumn: 4, actual: 'the\nthe'})
  })

  it('keeps exact positions with CRLF, a BOM, tabs, emoji and non-Latin text', async () => {
    const text = '\uFEFFFirst paragraph.\r\n\r\n\tРусский 🤖 текст, the the end.\r\n'
    const [m] = repeated((await lint(text, {format: 'txt', ...only('repeated-word')})).messages)
    // Offsets are into the text without its BOM; the emoji is two UTF-16 code units.
    expect(place(m)).toEqual({line: 3, column: 20, endLine: 3, endColumn: 27, actual: 'the the'})
    expect(text.slice(1).slice(m.offset, m.endOffset)).toBe('the the')
  })
})

describe('LaTeX', () => {
  it('reads only the document body: not the preamble, comments, math, citations, labels, verbatim or command names', () => {
    const text = String.raw`\documentclass{article}
\usepackage{hyperref}
\title{Preamble words never linted}
\begin{document}
\maketitle
Robots % a comment that is not prose
learn fast~\cite{lee2020} when $x^2 + y$ grows, see Figure~\ref{fig:one}\label{sec:intro}.
\begin{verbatim}
verbatim words stay out
\end{verbatim}
\begin{equation} E = mc^2 \end{equation}
\end{document}
Words after the end are not printed.`
    expect(prose(text, 'tex')).toEqual(['robots learn fast <code> when <code> grows , see figure <code> .', '<code>'])
  })

  it('turns ties, dashes, quotes, escapes and accent macros into the characters they stand for', () => {
    const text = "Dr.~Lee said ``caf\\'e'' and na\\\"{\\i}ve---twice--in R\\&D, \\c{c}a, \\v Skoda, Stra\\ss e, 50\\% and \\ldots"
    expect(prose(text, 'tex')).toEqual(['dr. lee said " café " and naïve — twice – in r&d , ça , škoda , straße , 50 % and …'])
  })

  it('builds the tree the rules read: headings, bold, italics, links, lists, quotes, footnotes', () => {
    const text = String.raw`\section{Research goals}
I study \textbf{motion planning} and {\bf fast control}, \emph{mostly} \textit{indoors}.
See \href{https://lab.example.org}{my lab} and \url{https://github.com/jdoe}.
\begin{itemize}
\item First item.
\item[Label] Second item.
\end{itemize}
\begin{quote}Quoted words.\end{quote}
Text\footnote{A note.} goes on.
\subsection*{Plans}`
    const tree = latexTree(text)
    expect(nodes(tree, 'heading').map((n) => [(n as {depth: number}).depth, slice(text, n)])).toEqual([[2, 'Research goals'], [3, 'Plans']])
    expect(nodes(tree, 'strong').map((n) => slice(text, n))).toEqual(['motion planning', 'fast control', 'Label'])
    expect(nodes(tree, 'emphasis').map((n) => slice(text, n))).toEqual(['mostly', 'indoors'])
    expect(nodes(tree, 'link').map((n) => [(n as {url: string}).url, slice(text, n)])).toEqual([
      ['https://lab.example.org', 'my lab'],
      ['https://github.com/jdoe', String.raw`\url{https://github.com/jdoe}`]
    ])
    expect(nodes(tree, 'listItem')).toHaveLength(2)
    expect(nodes(tree, 'blockquote').map((n) => slice(text, n))).toEqual(['Quoted words.'])
    expect(nodes(tree, 'footnoteDefinition').map((n) => slice(text, n))).toEqual(['A note.'])
    // The footnote is not part of the sentence it is attached to.
    expect(prose(text, 'tex')).toContain('text goes on .')
  })

  it('points every finding into the .tex source, across accents, comments and CRLF', async () => {
    const text = 'Intro line.\r\n% the the (a comment)\r\nMy caf\\\'e caf\\\'e \\emph{is} is open.\r\n'
    const found = repeated((await lint(text, {format: 'tex', ...only('repeated-word')})).messages)
    expect(found.map(place)).toEqual([
      {line: 3, column: 4, endLine: 3, endColumn: 17, actual: "caf\\'e caf\\'e"},
      {line: 3, column: 24, endLine: 3, endColumn: 30, actual: 'is} is'}
    ])
    // A fix would cut through LaTeX markup: not automatic here.
    expect(found.every((m) => !m.fixable)).toBe(true)
  })

  it('reports an empty or # \\href target as a placeholder, at the link text', async () => {
    const text = String.raw`My code is \href{}{on my site} and \href{#}{in a repository} and \href{https://github.com/jdoe/planner}{here}.`
    const found = (await lint(text, {format: 'tex', ...only('placeholder')})).messages.filter((m) => m.ruleId === 'placeholder')
    expect(found.map((m) => m.actual)).toEqual(['on my site', 'in a repository'])
  })

  it('counts \\textbf and \\bf as bold for bold-overuse', async () => {
    const bold = Array.from({length: 6}, (_, i) => `I built \\textbf{system number ${i} for fast planning} and {\\bf tested it on robots}.`).join('\n')
    const {messages} = await lint(bold, {format: 'tex', ...only('bold-overuse')})
    expect(messages.filter((m) => m.ruleId === 'bold-overuse').length).toBeGreaterThan(0)
    const plain = bold.replace(/\\textbf|\\bf /g, '')
    expect((await lint(plain, {format: 'tex', ...only('bold-overuse')})).messages).toEqual([])
  })

  it('obeys % soplint disable, enable and ignore comments', async () => {
    const text = ['We ran the the first test.', '% soplint disable repeated-word', 'We ran the the second test.', '% soplint enable repeated-word', 'We ran the the third test.', '', '% soplint ignore repeated-word', 'We ran the the fourth test.', '', 'We ran the the fifth test.'].join('\n')
    const found = repeated((await lint(text, {format: 'tex', ...only('repeated-word')})).messages)
    expect(found.map((m) => m.line)).toEqual([1, 5, 10])
  })

  it('works with just text and the format, as the language server calls it, and then synchronously', async () => {
    const text = 'We ran the the test.'
    expect(repeated((await lint(text, {format: 'tex'})).messages)).toHaveLength(1)
    expect(repeated(lintSync(text, {format: 'tex'}).messages)).toHaveLength(1)
    expect(repeated((await lint(text, {filePath: 'statement.tex'})).messages)).toHaveLength(1)
  })

  it('fixes plain prose in a .tex file but leaves markup alone', async () => {
    const text = 'We ran the the test, and \\emph{the} the rest.\n'
    const {output} = await fix(text, {format: 'tex', only: ['repeated-word'], config: {rules: {'repeated-word': 'warn'}}})
    expect(output).toBe('We ran the test, and \\emph{the} the rest.\n')
  })

  it.each([
    ['a { that is never closed', 'Words {here and\n\nthere.', /^line 1, column 7: this `\{` is never closed/],
    ['a } that closes nothing', 'Words here} and there.', /^line 1, column 11: this `\}` closes nothing/],
    ['a missing \\end', '\\begin{document}\nWords.\n\\begin{itemize}\n\\item one\n\\end{document}', /^line 3, column 1: \\begin\{itemize\} has no matching \\end\{itemize\}/],
    ['a stray \\end', 'Words.\n\\end{quote}', /^line 2, column 1: \\end\{quote\} has no matching \\begin\{quote\}/],
    ['unclosed math', 'The cost $x + y grows.', /^line 1, column 10: this `\$` opens math/]
  ])('refuses malformed LaTeX with the line: %s', async (_, text, message) => {
    await expect(lint(text, {format: 'tex'})).rejects.toThrow(InputError)
    await expect(lint(text, {format: 'tex'})).rejects.toThrow(message)
    expect(latexError(text)).toMatch(message)
  })
})

describe('\\input and \\include', () => {
  const files: Record<string, string> = {
    'main.tex': '\\documentclass{article}\n\\begin{document}\nMain text here.\n% \\input{commented-out}\n\\input{intro}\n\\include{results}\nWe end the the main file.\n\\end{document}\n',
    'intro.tex': 'The intro has the the slip.\n\\input{deeper}',
    'deeper.tex': 'Deeper text with with a slip.',
    'results.tex': '\uFEFFResults are are good.\n'
  }
  const read = async (name: string, command: 'input' | 'include') => {
    const file = name.endsWith('.tex') ? name : `${name}.tex`
    if (!(file in files)) throw new Error(`no such file (${file})`)
    return {file, text: files[file]}
  }

  it('finds the commands outside comments and verbatim', () => {
    expect(findInputs('\\input{a} % \\input{b}\n\\begin{verbatim}\\input{c}\\end{verbatim}\\include{d}\\input e\\inputenc').map((c) => [c.command, c.name])).toEqual([
      ['input', 'a'],
      ['include', 'd'],
      ['input', 'e']
    ])
  })

  it('lints the document as one and reports each finding in the file it belongs to', async () => {
    const parts = await assemble({file: 'main.tex', text: files['main.tex']}, read)
    expect([...parts.files.keys()]).toEqual(['main.tex', 'intro.tex', 'deeper.tex', 'results.tex'])
    expect(parts.problems).toEqual([])
    const result = await lint(parts.text, {format: 'tex', ...only('repeated-word')})
    const byFile = splitMessages(repeated(result.messages), parts)
    const where = Object.fromEntries([...byFile].map(([file, messages]) => [file, messages.map((m) => `${m.line}:${m.column} ${m.actual}`)]))
    expect(where).toEqual({'main.tex': ['7:8 the the'], 'intro.tex': ['1:15 the the'], 'deeper.tex': ['1:13 with with'], 'results.tex': ['1:9 are are']})
    for (const [file, messages] of byFile) for (const m of messages) expect(files[file].replace(/^\uFEFF/, '').slice(m.offset, m.endOffset)).toBe(m.actual)
  })

  it('reports a missing file and a cycle without losing the rest', async () => {
    const cyclic: Record<string, string> = {...files, 'intro.tex': 'Intro.\n\\input{main}\n\\input{missing}'}
    const parts = await assemble({file: 'main.tex', text: cyclic['main.tex']}, async (name) => {
      const file = `${name}.tex`
      if (!(file in cyclic)) throw new Error(`no such file (${file})`)
      return {file, text: cyclic[file]}
    })
    expect(parts.problems.map((p) => [p.file, p.reason])).toEqual([
      ['intro.tex', '\\input{main} includes a file that includes it (a cycle); it is linted once'],
      ['intro.tex', '\\input{missing}: no such file (missing.tex)']
    ])
    expect(parts.text).toContain('Intro.')
    expect(parts.text).toContain('Results are are good.')
  })
})

describe('Word (.docx)', () => {
  const bytes = () => readFileSync(new URL('../fixtures/_formats/statement.docx', import.meta.url))

  it('extracts one paragraph per line, with headings, bold, italics, lists and links', async () => {
    const {text, mdast} = await readDocx(bytes())
    const lines = text.split('\n')
    expect(lines[0]).toBe('Jane Doe')
    expect(lines[2]).toBe('Statement of Purpose')
    expect(lines[4]).toBe('My goal is to study motion planning for robots that work in the the kitchen.')
    expect(lines[9]).toBe('First line second line of the same paragraph.')
    expect(lines[11]).toBe('I published a paper last year.')
    expect(lines[14]).toBe('In the proceedings of a workshop on field robots.')
    expect(lines).toHaveLength(15)
    expect(nodes(mdast, 'heading').map((n) => slice(text, n))).toEqual(['Statement of Purpose', 'Research interests', 'Closing'])
    expect(nodes(mdast, 'strong').map((n) => slice(text, n))).toEqual(['motion planning', 'kind consideration'])
    expect(nodes(mdast, 'emphasis').map((n) => slice(text, n))).toEqual(['excellent', 'kind consideration'])
    expect(nodes(mdast, 'link').map((n) => [(n as {url: string}).url, slice(text, n)])).toEqual([
      ['https://github.com/janedoe/planner', 'our lab'],
      ['#', 'my website'],
      ['https://arxiv.org/abs/2401.01234', 'field link']
    ])
    expect(nodes(mdast, 'listItem').map((n) => slice(text, n))).toEqual(['Built a planner that runs in real time.', 'Led a team of four students.'])
    // Every text node's value is its slice of the extracted text.
    for (const node of nodes(mdast, 'text')) expect(slice(text, node)).toBe((node as {value: string}).value)
  })

  it('reports findings by paragraph, with the quoted text and exact columns', async () => {
    const {text, mdast} = await readDocx(bytes())
    const {messages} = await lint(text, {format: 'docx', mdast, config: {rules: {'repeated-word': 'warn', placeholder: 'error'}}, only: ['repeated-word', 'placeholder']})
    expect(messages.map((m) => [m.ruleId, m.paragraph, m.line, m.column, m.actual, m.fixable])).toEqual([
      ['repeated-word', 5, 5, 61, 'the the', false],
      ['repeated-word', 6, 6, 38, 'we we', false],
      ['placeholder', 7, 7, 22, '[Program Name]', false],
      ['placeholder', 7, 7, 75, 'my website', false]
    ])
  })

  it('refuses to fix a Word document', async () => {
    const {text, mdast} = await readDocx(bytes())
    await expect(fix(text, {format: 'docx', mdast})).rejects.toThrow(/--fix does not write Word documents/)
  })

  it.each([
    ['truncated.docx', /^is damaged and cannot be read as a Word document \(/],
    ['protected.docx', /^is password-protected/],
    ['renamed-pdf.docx', /^is a PDF file, not a Word document/],
    ['renamed-text.docx', /^is a text file, not a Word document/],
    ['workbook.docx', /^is an Excel workbook, not a Word document/]
  ])('refuses %s in one line', async (name, message) => {
    const bad = readFileSync(new URL(`../fixtures/_formats/${name}`, import.meta.url))
    const error = await readDocx(bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('\n')
  })
})
