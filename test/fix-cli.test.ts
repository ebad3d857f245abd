// --fix and --fix-dry-run through the real bin: atomic writes that keep bytes, permissions and
// links; a diff that `git apply` takes; stdin; narrowing by type and rule; exit codes.
import {spawnSync} from 'node:child_process'
import {chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {soplint, workspace as makeWorkspace} from './helpers.ts'
import {writeFixed} from '../src/cli/fix.ts'
import {ruleIds} from '../src/index.ts'

const BOM = '\uFEFF'

// Only repeated-word (as an error) and a project phrase (a warning --fix cannot mend), so what
// is reported does not depend on rules being tuned elsewhere.
const config = {
  rules: {...Object.fromEntries(ruleIds.map((id) => [id, 'off'])), 'repeated-word': 'error'},
  phrases: [{phrase: 'throughput', message: 'Say how much throughput', ruleId: 'house-vague', level: 'warn'}]
}

const workspace = (files: Record<string, string>) => makeWorkspace(files, config)

const flawed = [BOM + '---', 'kind: sop', '---', '', 'I improved the the throughput.', '', '```', 'the the', '```', '', '<!-- the the -->', 'We wrote a a parser.', ''].join('\r\n')
const mended = flawed.replace('improved the the', 'improved the').replace('a a parser', 'a parser')

describe('--fix', () => {
  it('writes the fixed file byte for byte, reports what is left, and a second run changes nothing', () => {
    const dir = workspace({'a.md': flawed})
    const file = path.join(dir, 'a.md')
    chmodSync(file, 0o640)
    const r = soplint(['--fix', 'a.md'], {cwd: dir})
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(mended)
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(r.stdout).toMatch(/5:16\s+warning\s+Say how much throughput\s+house-vague/)
    expect(r.stdout).not.toMatch(/repeated-word/)
    expect(readdirSync(dir).sort()).toEqual(['.soplintrc.json', 'a.md'])

    const inode = statSync(file).ino
    const again = soplint(['--fix', 'a.md'], {cwd: dir})
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(r.stdout)
    expect(statSync(file).ino, 'an unchanged file is not rewritten').toBe(inode)
  })

  it('exits by what is left: 0 once the errors are fixed, 1 when one cannot be', () => {
    const dir = workspace({'a.md': 'I ran the the tests.\n', 'b.md': 'The the throughput rose.\n'})
    expect(soplint(['--fix', 'a.md'], {cwd: dir}).code).toBe(0)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('I ran the tests.\n')
    writeFileSync(path.join(dir, '.soplintrc.json'), JSON.stringify({...config, phrases: [{...config.phrases[0], level: 'error'}]}))
    const left = soplint(['--fix', 'b.md'], {cwd: dir})
    expect(left.code).toBe(1)
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('The throughput rose.\n')
    expect(left.stdout).toMatch(/1:5\s+error\s+Say how much throughput\s+house-vague/)
    expect(left.stdout).not.toMatch(/repeated-word/)
  })

  it('follows a symbolic link and fixes the file it points to', () => {
    const dir = workspace({'real/a.md': 'I ran the the tests.\n'})
    symlinkSync(path.join('real', 'a.md'), path.join(dir, 'link.md'))
    const r = soplint(['--fix', 'link.md'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path.join(dir, 'link.md'))).toBe(path.join('real', 'a.md'))
    expect(readFileSync(path.join(dir, 'real/a.md'), 'utf8')).toBe('I ran the tests.\n')
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['a.md'])
  })

  it('prints the fixed text of standard input and the report on stderr', () => {
    const dir = workspace({})
    const r = soplint(['--fix', '--stdin-filename', 'mine.md', '-'], {cwd: dir, input: flawed})
    expect(r.stdout).toBe(mended)
    expect(r.stderr).toMatch(/mine\.md/)
    expect(r.stderr).toMatch(/Say how much throughput/)
    expect(r.code).toBe(0)
    expect(readdirSync(dir)).toEqual(['.soplintrc.json'])
  })

  it('narrows by --fix-type and --fix-rule', () => {
    const dir = workspace({'a.md': 'I ran the the tests.\n'})
    const suggestion = soplint(['--fix', '--fix-type', 'suggestion,layout', 'a.md'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('I ran the the tests.\n')
    expect(suggestion.code).toBe(1)
    expect(suggestion.stdout).toMatch(/repeated-word/)
    const problem = soplint(['--fix', '--fix-type', 'problem', '--fix-rule', 'repeated-word', 'a.md'], {cwd: dir})
    expect(problem.code).toBe(0)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('I ran the tests.\n')
  })

  it('refuses bad fix options with one line and exit 2', () => {
    const dir = workspace({'a.md': 'I ran the the tests.\n'})
    const cases: Array<[string[], RegExp]> = [
      [['--fix', '--fix-type', 'problme'], /^soplint: --fix-type: unknown type "problme" \(did you mean "problem"\?\) \(types: problem, suggestion, layout\)\n$/],
      [['--fix', '--fix-rule', 'repeated-wrd'], /^soplint: --fix-rule: unknown rule "repeated-wrd" \(did you mean "repeated-word"\?\)\n$/],
      [['--fix', '--fix-rule', 'length'], /^soplint: --fix-rule: length has no automatic fix \(rules that fix: .*repeated-word.*\)\n$/],
      [['--fix-type', 'problem'], /^soplint: --fix-type needs --fix or --fix-dry-run\n$/],
      [['--fix', '--fix-dry-run'], /^soplint: --fix and --fix-dry-run cannot be used together\n$/]
    ]
    for (const [args, message] of cases) {
      const r = soplint([...args, 'a.md'], {cwd: dir})
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
    }
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('I ran the the tests.\n')
  })
})

describe('--fix-dry-run', () => {
  it('prints a unified diff that git apply takes, writes nothing, and reports what would be left on stderr', () => {
    const dir = workspace({'a.md': flawed, 'b.md': 'Nothing to mend here.\n'})
    const r = soplint(['--fix-dry-run', 'a.md', 'b.md'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(flawed)
    expect(r.stdout.startsWith('--- a/a.md\n+++ b/a.md\n@@ -2,11 +2,11 @@\n')).toBe(true)
    expect(r.stdout).toContain('-I improved the the throughput.\r\n+I improved the throughput.\r\n')
    expect(r.stdout).not.toContain('b.md')
    expect(r.stderr).toMatch(/a\.md[\s\S]*Say how much throughput/)
    expect(r.stderr).not.toMatch(/repeated-word/)
    writeFileSync(path.join(dir, 'fix.patch'), r.stdout)
    const apply = spawnSync('git', ['apply', '--unsafe-paths', 'fix.patch'], {cwd: dir, encoding: 'utf8'})
    expect(apply.stderr).toBe('')
    expect(apply.status).toBe(0)
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(mended)
  })
})

describe('writeFixed', () => {
  it('leaves alone a file that changed after it was read, and leaves no temporary file', async () => {
    const dir = workspace({'a.md': 'I ran the the tests.\n'})
    const file = path.join(dir, 'a.md')
    writeFileSync(file, 'Someone else saved this meanwhile.\n')
    await expect(writeFixed(file, 'I ran the the tests.\n', 'I ran the tests.\n', 'a.md')).rejects.toThrow(/^a\.md: changed on disk while soplint was fixing it; left alone/)
    expect(readFileSync(file, 'utf8')).toBe('Someone else saved this meanwhile.\n')
    expect(readdirSync(dir).sort()).toEqual(['.soplintrc.json', 'a.md'])
  })

  it('replaces the file when it is as it was read, keeping its mode', async () => {
    const dir = workspace({'a.md': BOM + 'I ran the the tests.\r\n'})
    const file = path.join(dir, 'a.md')
    chmodSync(file, 0o604)
    await writeFixed(file, BOM + 'I ran the the tests.\r\n', BOM + 'I ran the tests.\r\n')
    expect(readFileSync(file)).toEqual(Buffer.from(BOM + 'I ran the tests.\r\n', 'utf8'))
    expect(statSync(file).mode & 0o777).toBe(0o604)
  })

  it('refuses what is not a regular file rather than replace it', async () => {
    const dir = workspace({})
    const fifo = path.join(dir, 'pipe.md')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    await expect(writeFixed(fifo, 'x', 'y', 'pipe.md')).rejects.toThrow(/^pipe\.md: is not a regular file; not fixed$/)
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('says which file it could not find', async () => {
    await expect(writeFixed(path.join(tmpdir(), 'soplint-no-such-dir', 'a.md'), 'x', 'y', 'a.md')).rejects.toThrow(/^a\.md: cannot be fixed: it is gone \(ENOENT\)$/)
  })
})
