// typography: ranges and replacements, LaTeX (marks only, never the macros or source spacing),
// and exact positions with CRLF, a BOM, tabs, emoji and non-Latin text.
import {describe, expect, it} from 'vitest'
import {fix, lint, type InputFormat} from '../src/index.ts'

async function found(text: string, format: InputFormat = 'md') {
  const {messages} = await lint(text, {format, config: {rules: {typography: 'warn'}}, only: ['typography']})
  return messages.map((m) => ({actual: m.actual, expected: m.expected, line: m.line, column: m.column, offset: m.offset}))
}

describe('typography', () => {
  it('reports each slip with its exact range and replacement', async () => {
    expect(await found('We finished.Then we tested it at MIT(USA) ,, and it worked  well.')).toEqual([
      {actual: 'finished.Then', expected: ['finished. Then'], line: 1, column: 4, offset: 3},
      {actual: 'MIT(', expected: ['MIT ('], line: 1, column: 34, offset: 33},
      {actual: ' ,,', expected: [','], line: 1, column: 42, offset: 41},
      {actual: 'worked  well', expected: ['worked well'], line: 1, column: 53, offset: 52}
    ])
  })

  it('keeps exact positions after CRLF, a BOM, tabs, emoji and non-Latin text', async () => {
    const text = '\uFEFF日本語の研究 🤖 was fun.\r\n\r\nI met\tProf. Tanaka ,and we wrote a paper.'
    expect(await found(text)).toEqual([{actual: 'Tanaka ,', expected: ['Tanaka,'], line: 3, column: 13, offset: 34}])
  })

  it('checks marks in LaTeX on the text as written, not macros or source spacing', async () => {
    const tex = '\\documentclass{article}\n\\begin{document}\nI built it at \\textbf{MIT}  in  2020,, and \\cite{smith2020} , results.We then\n\\end{document}\n'
    const out = await found(tex, 'tex')
    expect(out.map((m) => m.actual)).toEqual([',,', 'results.We'])
  })

  it('is quiet on numbers, versions, abbreviations, names, links and ellipses', async () => {
    const text = 'I used Node.js 2.1 on 1,200 files, e.g. logs.  Then I read J.R.R. Tolkien at https://x.org/a.Readme; f(x) was fine . . . and so on...'
    expect(await found(text)).toEqual([])
  })

  it('is fixed by --fix without changing anything else', async () => {
    const text = 'We finished.Then we tested it at MIT(USA) ,, and it worked  well.\n'
    const result = await fix(text, {config: {rules: {typography: 'warn'}}, only: ['typography']})
    expect(result.output).toBe('We finished. Then we tested it at MIT (USA), and it worked well.\n')
  })
})
