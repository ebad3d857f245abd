// The real CLI, spawned as users run it: bin/soplint.js after the build.
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, soplint as run, workspace} from './helpers.ts'

// Colour is tested here, so NO_COLOR starts empty.
const soplint = (args: string[], options: Parameters<typeof run>[1] = {}) => run(args, {...options, env: {NO_COLOR: '', ...options.env}})

const flawed = 'I ran the the experiments myself.\n'
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:/)

describe('cli', () => {
  it('prints its version', () => {
    const r = soplint(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('writes ESLint-compatible JSON and exits 1 on errors', () => {
    const dir = workspace({'a.md': flawed})
    const r = soplint(['--format', 'json', '--rule', 'repeated-word=error', 'a.md'], {cwd: dir})
    expect(r.code).toBe(1)
    const [file] = JSON.parse(r.stdout)
    expect(file.filePath).toBe(path.join(dir, 'a.md'))
    const m = file.messages.find((x: {ruleId: string}) => x.ruleId === 'repeated-word')
    expect(m).toMatchObject({severity: 2, level: 'error', line: 1, column: 7, endLine: 1, endColumn: 14, actual: 'the the', expected: ['the'], fix: {range: [6, 13], text: 'the'}})
    expect(file.errorCount).toBeGreaterThanOrEqual(1)
  })

  it('exits 0 when only warnings remain and 1 past --max-warnings', () => {
    const dir = workspace({'a.md': flawed})
    expect(soplint(['--rule', 'repeated-word=warn', 'a.md'], {cwd: dir}).code).toBe(0)
    const r = soplint(['--rule', 'repeated-word=warn', '--max-warnings', '0', 'a.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/too many warnings/)
  })

  it('reads standard input with - and --stdin-filename', () => {
    const r = soplint(['--format', 'json', '--rule', 'repeated-word=error', '--stdin-filename', 'mine.md', '-'], {input: flawed})
    expect(r.code).toBe(1)
    const [file] = JSON.parse(r.stdout)
    expect(file.filePath).toBe(path.resolve('mine.md'))
    expect(file.messages.some((m: {ruleId: string}) => m.ruleId === 'repeated-word')).toBe(true)
  })

  it('prints stylish output without colour unless asked, and NO_COLOR yields to --color', () => {
    const dir = workspace({'a.md': flawed})
    const plain = soplint(['--rule', 'repeated-word=error', 'a.md'], {cwd: dir})
    expect(plain.stdout).toMatch(/1:7\s+error\s+`the the` repeats a word; write `the`\s+repeated-word/)
    expect(plain.stdout).not.toMatch(/\u001B\[/)
    expect(soplint(['--color', 'a.md'], {cwd: dir, env: {NO_COLOR: '1'}}).stdout).toMatch(/\u001B\[/)
  })

  it('finds configuration upward and prints it', () => {
    const dir = workspace({'.soplintrc.json': JSON.stringify({preset: 'cover-letter', rules: {hedge: 'off'}}), 'sub/a.md': flawed})
    const r = soplint(['--print-config', 'sub/a.md'], {cwd: dir})
    expect(r.code).toBe(0)
    const printed = JSON.parse(r.stdout)
    expect(printed).toMatchObject({configFile: path.join(dir, '.soplintrc.json'), preset: 'cover-letter', maxWords: 400})
    expect(printed.rules.hedge).toBe('off')
  })

  it('prints the kind a file name gives when the config sets none', () => {
    const dir = workspace({'cover-letter.md': flawed})
    expect(JSON.parse(soplint(['--print-config', 'cover-letter.md'], {cwd: dir}).stdout)).toMatchObject({preset: 'cover-letter', maxWords: 400})
  })

  it('lists the rules', () => {
    const r = soplint(['rules'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^repeated-word\s+warn\s+The same word or phrase twice in a row/m)
  })

  it('searches directories for statements, skipping node_modules and dot-folders', () => {
    const dir = workspace({'docs/a.md': flawed, 'docs/b.txt': flawed, 'docs/node_modules/x.md': flawed, 'docs/.git/y.md': flawed, 'docs/c.js': flawed})
    const r = soplint(['--format', 'json', 'docs'], {cwd: dir})
    expect(JSON.parse(r.stdout).map((f: {filePath: string}) => path.relative(dir, f.filePath))).toEqual(['docs/a.md', 'docs/b.txt'])
  })

  it('expands globs', () => {
    const dir = workspace({'x/a.md': flawed, 'x/b.md': flawed, 'x/c.txt': flawed})
    const r = soplint(['--format', 'json', 'x/*.md'], {cwd: dir})
    expect(JSON.parse(r.stdout)).toHaveLength(2)
  })
})

describe('cli: bad input is one line, exit 2, and the other files are still linted', () => {
  const cases: Array<[string, Record<string, string | Buffer>, string[], RegExp]> = [
    ['a missing file', {}, ['nope.md'], /^soplint: nope\.md: no such file or directory$/],
    ['a directory with no statements', {'empty/x.js': 'x'}, ['empty'], /^soplint: empty: the directory holds no statements/],
    ['a binary file', {'bin.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])}, ['bin.md'], /^soplint: bin\.md: is a binary file/],
    ['invalid UTF-8', {'latin1.md': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e, 0x0a])}, ['latin1.md'], /^soplint: latin1\.md: is not valid UTF-8/],
    ['an empty file', {'empty.md': '  \n\n'}, ['empty.md'], /^soplint: empty\.md: is empty$/],
    ['a huge file', {'huge.md': 'word '.repeat(1_100_000)}, ['huge.md'], /^soplint: huge\.md: is 5\.2 MB, over the 5 MB limit/],
    ['a glob that matches nothing', {}, ['*.markdown'], /^soplint: \*\.markdown: no files match this pattern$/],
    ['malformed front matter', {'fm.md': '---\nkind: [sop\n---\n\nText here.\n'}, ['fm.md'], /^soplint: fm\.md: malformed front matter on line 2/],
    ['an invalid config file', {'.soplintrc.json': '{"rules": {"hedges": "off"}}'}, [], /^soplint: .*\.soplintrc\.json: rules\.hedges: unknown rule "hedges" \(did you mean "hedge"\?\)$/],
    ['a config file that is not JSON', {'.soplintrc.json': '{"rules": '}, [], /^soplint: .*\.soplintrc\.json: invalid JSON/]
  ]
  for (const [name, files, args, expected] of cases) {
    it(name, () => {
      const dir = workspace({...files, 'good.md': flawed})
      const r = soplint(['--format', 'json', '--rule', 'repeated-word=warn', ...args, 'good.md'], {cwd: dir})
      expect(r.code).toBe(2)
      const lines = r.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(expected)
      noStack(r.stderr)
      if (!name.includes('config')) {
        const results = JSON.parse(r.stdout)
        expect(results.map((f: {filePath: string}) => path.basename(f.filePath))).toContain('good.md')
      }
    })
  }

  it('an unknown rule id on the command line', () => {
    const r = soplint(['--rule', 'stock-phrases=off', 'x.md'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('soplint: --rule: rules.stock-phrases: unknown rule "stock-phrases" (did you mean "stock-phrase"?)')
  })

  it('an unknown format and an unknown option', () => {
    expect(soplint(['-f', 'jsn', 'x.md']).stderr.trim()).toBe('soplint: --format: unknown format "jsn" (did you mean "json"?) (formats: ' + soplint(['-f', 'x', 'y']).stderr.match(/formats: ([^)]*)/)![1] + ')')
    const r = soplint(['--frobnicate'])
    expect(r.code).toBe(2)
    noStack(r.stderr)
  })
})

describe('cli: a long report', () => {
  // Many findings: the report is written in pieces, and a reader that stops early is no error.
  const text = readFileSync('examples/statement.md', 'utf8').replace(/^---[\s\S]*?---\n/, '')
  const dir = workspace({'long.md': (text + '\n\n').repeat(300)})

  it('writes JSON of thousands of findings that parses, its fields in their usual order', () => {
    const r = soplint(['--format', 'json', 'long.md'], {cwd: dir})
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report[0].messages.length).toBeGreaterThan(5000)
    expect(Object.keys(report[0])).toEqual(['filePath', 'messages', 'errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount', 'stats', 'settings'])
  }, 60_000)

  it('stops without a stack trace when the reader closes the pipe (| head)', async () => {
    for (const format of ['json', 'stylish']) {
      const child = spawn(process.execPath, [bin, '--format', format, 'long.md'], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      // Read the first piece, then close our end as `head -c` does.
      await new Promise((resolve) => child.stdout.once('data', resolve))
      child.stdout.destroy()
      const code = await new Promise((resolve) => child.on('close', resolve))
      expect(stderr).toBe('')
      expect(code).toBe(1)
    }
  }, 60_000)
})
