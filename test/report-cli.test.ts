// --stats, soplint stats, soplint compare and the progress line, through the real bin.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {bin, soplint, workspace} from './helpers.ts'

const draft1 = readFileSync('test/report/draft-1.md', 'utf8')
const draft2 = readFileSync('test/report/draft-2.md', 'utf8')
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:/)

describe('--stats', () => {
  it('adds stats and a score beside each file\'s messages in JSON, keeping the ESLint shape', () => {
    const dir = workspace({'v1.md': draft1, 'v2.md': draft2})
    const r = soplint(['-f', 'json', '--stats', 'v1.md', 'v2.md'], {cwd: dir})
    expect(r.code).toBe(1) // v1 has placeholders, which are errors
    const [one, two] = JSON.parse(r.stdout)
    for (const file of [one, two]) {
      expect(Object.keys(file)).toEqual(expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'stats', 'score', 'deductions']))
      expect(file.stats).toMatchObject({wordLimit: 400, wordMinimum: 300})
      expect(file.score).toBeGreaterThanOrEqual(0)
      expect(file.score).toBeLessThanOrEqual(100)
      // The score is 100 less its deductions, and they come largest first.
      const points = file.deductions.map((d: {points: number}) => d.points)
      expect(file.score).toBe(Math.max(0, 100 - points.reduce((a: number, b: number) => a + b, 0)))
      expect([...points].sort((a, b) => b - a)).toEqual(points)
    }
    // v1: three bold words ("hard-working", "fast learner", "team player" are 5 words) of 120 in paragraphs.
    expect(one.stats.boldShare).toBe(0.042)
    expect(one.stats.words).toBe(123)
    expect(one.stats.readingEase).toBeGreaterThan(two.stats.readingEase)
    expect(one.deductions.find((d: {ruleId?: string}) => d.ruleId === 'stock-phrase')).toMatchObject({points: 15, reason: '7 stock phrases', count: 7})
    expect(two.score).toBeGreaterThan(one.score)
  })

  it('leaves JSON as it was without --stats', () => {
    const dir = workspace({'v1.md': draft1})
    const [file] = JSON.parse(soplint(['-f', 'json', 'v1.md'], {cwd: dir}).stdout)
    expect(file.score).toBeUndefined()
    expect(Object.keys(file.stats).sort()).toEqual(['paragraphs', 'sentences', 'words'])
  })

  it('prints the block after the findings in stylish output, also for a file with none', () => {
    const dir = workspace({'v1.md': draft1, 'clean.md': 'The cat sat on the mat.\n'})
    const r = soplint(['--stats', '--rule', 'length=off', 'v1.md', 'clean.md'], {cwd: dir})
    const lines = r.stdout.split('\n')
    const findingsEnd = lines.findIndex((l) => /unpunctuated-end\s*$/.test(l))
    expect(lines[findingsEnd + 2]).toMatch(/^ {2}length {7}123 \/ 400 words \(under the minimum of 300\), 3 paragraphs, 9 sentences$/)
    expect(r.stdout).toMatch(/ {2}score {8}\d+ \/ 100\n(?: {16}-\d+ {2}.*\n)*? {16}-15 {2}7 stock phrases\n/)
    expect(r.stdout).toMatch(/clean\.md  6 words; sop: 300 to 1,000\n {2}length {7}6 \/ 1,000 words/)
  })
})

describe('soplint stats', () => {
  it('prints statistics and the score without findings, and exits 0 even when the files have errors', () => {
    const dir = workspace({'v1.md': draft1})
    const r = soplint(['stats', 'v1.md'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^v1\.md\n {2}length {7}123 \/ 400 words/)
    expect(r.stdout).toMatch(/readability {2}Flesch reading ease [\d.]+, grade level [\d.]+/)
    expect(r.stdout).toMatch(/emphasis {5}4% of the words bold, 0% italic; 38% of the sentences start with "I"/)
    expect(r.stdout).not.toMatch(/warning|stock opening/)
  })

  it('gives JSON with -f json and rejects formats it does not print', () => {
    const dir = workspace({'v1.md': draft1})
    const [file] = JSON.parse(soplint(['stats', '-f', 'json', 'v1.md'], {cwd: dir}).stdout)
    expect(file.stats.sentences).toBe(9)
    const bad = soplint(['stats', '-f', 'sarif', 'v1.md'], {cwd: dir})
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim()).toBe('soplint: --format: soplint stats prints stats, json, html (got "sarif")')
  })

  it('names a missing file in one line and exits 2', () => {
    const dir = workspace({'v1.md': draft1})
    const r = soplint(['stats', 'v1.md', 'gone.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^soplint: gone\.md: /)
    expect(r.stdout).toMatch(/^v1\.md/)
    noStack(r.stderr)
  })
})

describe('soplint compare', () => {
  it('lists what the new draft fixed, kept and added, matched by rule and text', () => {
    const dir = workspace({'v1.md': draft1, 'v2.md': draft2})
    const r = soplint(['compare', 'v1.md', 'v2.md', '-f', 'json'], {cwd: dir})
    expect(r.code).toBe(0)
    const c = JSON.parse(r.stdout)
    expect(c.new.score).toBeGreaterThan(c.old.score)
    expect(c.verdict).toBe('better')
    expect(c.remaining.map((m: {ruleId: string}) => m.ruleId).sort()).toEqual(['length', 'missing-specifics'])
    // "among others" moved from line 12 to line 13 and is still the same finding.
    expect(c.remaining.find((m: {ruleId: string}) => m.ruleId === 'missing-specifics')).toMatchObject({actual: 'among others', line: 13})
    expect(c.added.map((m: {actual: string}) => m.actual)).toEqual(['quite'])
    expect(c.fixed).toHaveLength(18)
    expect(c.fixed.map((m: {actual: string}) => m.actual)).toEqual(expect.arrayContaining(['From a young age', 'the the', '[Program Name]', 'TODO']))
  })

  it('exits 1 when the new draft scores lower, and says so in text', () => {
    const dir = workspace({'v1.md': draft1, 'v2.md': draft2})
    const r = soplint(['compare', 'v2.md', 'v1.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^old {2}v2\.md {2}score \d+ \/ 100, 3 findings, 149 \/ 400 words\nnew {2}v1\.md {2}score \d+ \/ 100, 20 findings, 123 \/ 400 words\nverdict: worse \(-\d+\); 1 fixed, 2 remaining, 18 added\n/)
    expect(r.stdout).toMatch(/\nfixed \(lines of the old draft\) \(1\)\n {2}9:27 {6}`quite` hedges/)
  })

  it('exits 0 on the same draft twice', () => {
    const dir = workspace({'v1.md': draft1})
    const c = JSON.parse(soplint(['compare', 'v1.md', 'v1.md', '-f', 'json'], {cwd: dir}).stdout)
    expect([c.verdict, c.fixed.length, c.added.length, c.remaining.length]).toEqual(['same', 0, 0, 20])
  })

  it('names a missing or unreadable draft in one line and exits 2', () => {
    const dir = workspace({'v1.md': draft1, 'bin.md': Buffer.from([0, 1, 2, 0, 255])})
    for (const other of ['gone.md', 'bin.md']) {
      const r = soplint(['compare', 'v1.md', other], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(new RegExp(`^soplint: ${other.replace('.', '\\.')}: `))
      noStack(r.stderr)
    }
    expect(soplint(['compare', 'v1.md'], {cwd: dir}).code).toBe(2)
  })
})

describe('progress', () => {
  // util-linux script(1) runs the CLI on a pseudo-terminal, as a user's shell would.
  const files = Object.fromEntries(Array.from({length: 60}, (_, i) => [`s/${String(i).padStart(3, '0')}.md`, draft1]))
  const inTerminal = (args: string, env: Record<string, string>) =>
    spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${args}`, '/dev/null'], {cwd: workspaceDir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}})
  const workspaceDir = workspace(files)

  it('shows files done and findings so far on a terminal, then erases the line', () => {
    const r = inTerminal('s --rule placeholder=warn', {CI: ''})
    const frames = [...r.stdout.matchAll(/\r\u001B\[K(\d+) \/ 60 files, (\d+) findings/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(frames.length).toBeGreaterThan(0)
    for (const [done, findings] of frames) expect(findings).toBe(done * 20)
    // The last thing before the report is the erasing sequence, not a progress frame.
    expect(r.stdout).toMatch(/\r\u001B\[K\r?\n?s\/000\.md/)
  }, 90_000)

  it('stays silent in CI, with JSON and when standard error is not a terminal', () => {
    expect(inTerminal('s', {CI: 'true'}).stdout).not.toMatch(/ \/ 60 files/)
    expect(inTerminal('-f json s', {CI: ''}).stdout).not.toMatch(/ \/ 60 files/)
    const piped = soplint(['s'], {cwd: workspaceDir, env: {CI: ''}})
    expect(piped.stderr).toBe('')
  }, 90_000)
})
