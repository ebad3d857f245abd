// draft-note beyond the fixtures: LaTeX (an empty \cite{}, notes in the text, not in comments),
// plain text after the signature, and exact positions with CRLF and a BOM.
import {describe, expect, it} from 'vitest'
import {lint, type InputFormat} from '../src/index.ts'

async function found(text: string, format: InputFormat = 'md', kind?: 'cover-letter') {
  const {messages} = await lint(text, {format, config: {rules: {'draft-note': 'error'}, ...(kind ? {kind} : {})}, only: ['draft-note']})
  return messages.map((m) => ({actual: m.actual, line: m.line, column: m.column, offset: m.offset}))
}

describe('draft-note', () => {
  it('flags an empty \\cite{} and a bracketed note in LaTeX, not a real citation or a comment', async () => {
    const tex = '\\documentclass{article}\n\\begin{document}\nPrompting helps~\\cite{} and so does tuning~\\cite{wei2022}.\n% [reword this?] is only a comment\nWe tested it [add the numbers].\n\\end{document}\n'
    expect((await found(tex, 'tex')).map((m) => m.actual)).toEqual(['\\cite{}', '[add the numbers]'])
  })

  it('flags Markdown bold in LaTeX, which prints its asterisks, not math or a real \\textbf', async () => {
    const tex = '\\documentclass{article}\n\\begin{document}\nI kept asking what I was doing, not the idle **too cute** kind of question.\nThe power $a**b$ and \\textbf{bold words} stay, and so does a footnote mark*.\n\\end{document}\n'
    expect((await found(tex, 'tex')).map((m) => m.actual)).toEqual(['**too cute**'])
    expect(await found('I kept asking, not the idle **too cute** kind of question.\n')).toEqual([])
  })

  it('flags prose after the signature of a letter, not the contact lines under the name', async () => {
    const text = 'Dear Hiring Manager,\n\nI am applying for the analyst role, and my CV is attached for your review.\n\nBest regards,\nPriya Nair\nhttps://priya.dev\n\nI also want to mention that I led the data club for two years at Leeds.\n'
    expect((await found(text, 'md', 'cover-letter')).map((m) => m.actual)).toEqual(['I also want to mention that I led the data club for two years at Leeds.'])
  })

  it('keeps exact positions with CRLF and a BOM', async () => {
    const text = '\uFEFFI built the rover.\r\n\r\nWe tested it 🤖 twice (confirm dates with Raj).\r\n'
    expect(await found(text)).toEqual([{actual: '(confirm dates with Raj)', line: 3, column: 23, offset: 44}])
  })
})
