// What a new user meets in the first hour at the command line: the rules subcommand's own
// options, input types soplint does not read, configuration mistakes named with line and column
// or a did-you-mean, and the help text. Every case spawns the real bin.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {soplint, workspace} from './helpers.ts'

const flawed = 'I ran the the experiments myself.\n'
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:/)

describe('soplint rules', () => {
  it('honours its own --preset', () => {
    const letter = soplint(['rules', '--preset', 'cover-letter'])
    expect(letter.code).toBe(0)
    expect(letter.stdout.split('\n')[0]).toBe('Rules for a cover-letter (cover letter or motivation letter; 200 to 400 words):')
    const sop = soplint(['rules'])
    expect(sop.stdout.split('\n')[0]).toBe('Rules for a sop (statement of purpose (the default); 300 to 1,000 words):')
    // The preset before the subcommand counts too.
    expect(soplint(['--preset', 'research-statement', 'rules']).stdout.split('\n')[0]).toMatch(/^Rules for a research-statement /)
  })

  it('rejects an unknown preset in one line with exit code 2', () => {
    const r = soplint(['rules', '--preset', 'nonsense'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim()).toBe('soplint: --preset: unknown kind "nonsense" (kinds: sop, personal-statement, research-statement, cover-letter)')
    expect(soplint(['rules', '--preset', 'cover-leter']).stderr.trim()).toMatch(/^soplint: --preset: unknown kind "cover-leter" \(did you mean "cover-letter"\?\)/)
  })
})

describe('input types soplint does not read', () => {
  it('names an HTML, a PDF or another file in one line, exit 2, and lints the rest', () => {
    const dir = workspace({'page.html': '<p>I ran the the tests.</p>\n', 'cv.pdf': '%PDF-1.7\nI ran the the tests.\n', 'notes.rst': 'I ran the the tests.\n', 'good.md': flawed})
    const r = soplint(['--format', 'json', '--rule', 'repeated-word=warn', 'page.html', 'cv.pdf', 'notes.rst', 'good.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      'soplint: page.html: is an HTML file, which soplint does not read; save the statement as Markdown (.md), plain text (.txt), LaTeX (.tex) or Word (.docx), or name its format with --format-in',
      'soplint: cv.pdf: is a PDF file, which soplint does not read; save the statement as Markdown (.md), plain text (.txt), LaTeX (.tex) or Word (.docx), or name its format with --format-in',
      'soplint: notes.rst: is a .rst file, which soplint does not read; save the statement as Markdown (.md), plain text (.txt), LaTeX (.tex) or Word (.docx), or name its format with --format-in'
    ])
    noStack(r.stderr)
    const results = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
    expect(results.map((f) => [path.basename(f.filePath), f.messages.filter((m) => m.ruleId === 'repeated-word').length])).toEqual([['good.md', 1]])
  })

  it('reads any file whose format --format-in names, and a file with no extension as Markdown', () => {
    const dir = workspace({'notes.rst': flawed, STATEMENT: flawed})
    const r = soplint(['--format', 'json', '--rule', 'repeated-word=warn', '--format-in', 'txt', 'notes.rst'], {cwd: dir})
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toContain('repeated-word')
    const bare = soplint(['--format', 'json', '--rule', 'repeated-word=warn', 'STATEMENT'], {cwd: dir})
    expect(bare.stderr).toBe('')
    expect(JSON.parse(bare.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toContain('repeated-word')
  })
})

describe('configuration mistakes', () => {
  it('accepts "warning" as a level, as the report prints it', () => {
    const dir = workspace({'a.md': flawed}, {rules: {'repeated-word': 'warning'}})
    const r = soplint(['--format', 'json', 'a.md'], {cwd: dir})
    expect(r.stderr).toBe('')
    const m = JSON.parse(r.stdout)[0].messages.find((x: {ruleId: string}) => x.ruleId === 'repeated-word')
    expect(m).toMatchObject({level: 'warning', severity: 1})
    expect(soplint(['--rule', 'repeated-word=warning', '--format', 'json', 'a.md'], {cwd: dir}).code).toBe(0)
  })

  it('gives a did-you-mean for a misspelt level', () => {
    const dir = workspace({'a.md': flawed}, {rules: {'repeated-word': 'eror'}})
    const r = soplint(['a.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`soplint: ${path.join(dir, '.soplintrc.json')}: rules.repeated-word: level must be one of error, warn, info, off (got "eror") (did you mean "error"?)`)
  })

  it('names the line and column of invalid JSON', () => {
    const cases: Array<[string, string]> = [
      ['{\n  "rules": {\n    "hedge": "off",\n  }\n}\n', 'on line 4, column 3: Expected double-quoted property name'],
      ['{"rules": ', 'on line 1, column 11: Unexpected end of JSON input'],
      ['{\r\n  "preset": "sop"\r\n}}\r\n', 'on line 3, column 2: Unexpected non-whitespace character after JSON']
    ]
    for (const [json, place] of cases) {
      const dir = workspace({'a.md': flawed, '.soplintrc.json': json})
      const r = soplint(['a.md'], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toBe(`soplint: ${path.join(dir, '.soplintrc.json')}: invalid JSON ${place}`)
    }
  })
})

describe('--help', () => {
  it('lists every input format --format-in takes', () => {
    const r = soplint(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/--format-in <format>\s+input format: md, txt, tex or docx/)
  })
})
