// .tex, .docx and .txt through the real CLI (bin/soplint.js after the build): directories search
// every format, \input files are one document reported file by file, Word findings are by
// paragraph, bad inputs are one line each with exit code 2, and --fix never writes a .docx.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {soplint as run, workspace} from './helpers.ts'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/_formats/${name}`, import.meta.url))

// Every run on the main thread and without config lookup, so results do not depend on the machine.
const soplint = (args: string[], options: {cwd?: string; input?: string | Buffer} = {}) => run(['--no-config-lookup', ...args], {...options, env: {SOPLINT_WORKERS: '0'}})

type Result = {filePath: string; messages: Array<{ruleId: string; line: number; column: number; actual: string; paragraph?: number}>}

describe('input formats in the CLI', () => {
  it('lints a folder of every format: \\input documents as one, Word by paragraph, bad files in one line each', () => {
    const dir = workspace({
      'main.tex': '\\documentclass{article}\n\\begin{document}\nMy plan is clear.\n\\input{chapters/intro}\n\\include{results}\nWe close the the case.\n\\end{document}\n',
      'chapters/intro.tex': 'The intro\nrepeats the the word.\n',
      'results.tex': 'Results are are fine.\n',
      'broken.tex': 'A statement with an {unclosed brace.\n',
      'dangling.tex': 'Before.\n\n\\input{nowhere}\n\nAfter the the input.\n',
      'letter.docx': fixture('statement.docx'),
      'damaged.docx': fixture('truncated.docx'),
      'notes.txt': 'Plain text with an *asterisk* and the the slip.\n',
      'readme.md': 'Markdown with with a slip.\n'
    })
    const r = soplint(['--format', 'json', '--rule', 'repeated-word=error', '.'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'soplint: broken.tex: line 1, column 21: this `{` is never closed (unbalanced braces)',
      'soplint: damaged.docx: is damaged and cannot be read as a Word document (Corrupted zip: can\'t find end of central directory)',
      'soplint: warning: dangling.tex:3: \\input{nowhere}: no such file (nowhere.tex); linted without it'
    ])
    const results = JSON.parse(r.stdout) as Result[]
    const found = Object.fromEntries(results.map((f) => [path.relative(dir, f.filePath), f.messages.filter((m) => m.ruleId === 'repeated-word').map((m) => `${m.line}:${m.column} ${m.actual}${m.paragraph ? ` (paragraph ${m.paragraph})` : ''}`)]))
    // intro.tex and results.tex are linted once, as part of main.tex, and reported in their own names.
    expect(found).toEqual({
      'chapters/intro.tex': ['2:9 the the'],
      'dangling.tex': ['5:7 the the'],
      'letter.docx': ['5:61 the the (paragraph 5)', '6:38 we we (paragraph 6)'],
      'main.tex': ['6:10 the the'],
      'notes.txt': ['1:35 the the'],
      'readme.md': ['1:10 with with'],
      'results.tex': ['1:9 are are']
    })
  })

  it('says "paragraph N" for Word documents in the stylish report', () => {
    const dir = workspace({'letter.docx': fixture('statement.docx')})
    const r = soplint(['--rule', 'repeated-word=warn', 'letter.docx'], {cwd: dir})
    expect(r.stdout).toMatch(/^ {2}paragraph 5 +warning +`the the` repeats a word/m)
    expect(r.stdout).not.toMatch(/^ {2}5:61/m)
  })

  it('reads LaTeX and Word from standard input with --format-in', () => {
    const tex = soplint(['--format', 'json', '--format-in', 'tex', '-'], {input: '% the the in a comment\nWe saw the the \\emph{result}.\n'})
    expect(tex.code).toBe(0)
    expect(JSON.parse(tex.stdout)[0].messages.filter((m: {ruleId: string}) => m.ruleId === 'repeated-word').map((m: {line: number; column: number}) => [m.line, m.column])).toEqual([[2, 8]])
    const word = soplint(['--format', 'json', '--format-in', 'docx', '-'], {input: fixture('statement.docx')})
    expect(JSON.parse(word.stdout)[0].messages.some((m: {paragraph?: number; actual: string}) => m.paragraph === 7 && m.actual === '[Program Name]')).toBe(true)
    const bad = soplint(['--format-in', 'rtf', '-'], {input: 'text'})
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim()).toBe('soplint: --format-in: unknown input format "rtf" (formats: md, txt, tex, docx)')
  })

  it('--fix writes the .tex file and never the .docx', () => {
    const dir = workspace({'letter.docx': fixture('statement.docx'), 'essay.tex': 'We tried the the \\emph{first} idea.\n'})
    const r = soplint(['--fix', '--fix-rule', 'repeated-word', 'letter.docx', 'essay.tex'], {cwd: dir})
    expect(r.stderr).toContain('soplint: letter.docx: --fix does not write Word documents; make the changes listed below in Word')
    expect(readFileSync(path.join(dir, 'letter.docx')).equals(fixture('statement.docx'))).toBe(true)
    expect(readFileSync(path.join(dir, 'essay.tex'), 'utf8')).toBe('We tried the \\emph{first} idea.\n')
    expect(r.stdout).toMatch(/paragraph 5 .*`the the`/)
  })
})
