// --fix when things go wrong, through the real bin: a read-only file, a write that fails (a file
// size limit, as on a full disk), the file changed while soplint runs, two --fix at once. Always
// one plain line and exit 2, or a whole fixed file; never a partial file, never a stack trace.
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, soplint, workspace} from './helpers.ts'

const config = {rules: {'repeated-word': 'error', 'grammar-slip': 'error'}}
const paragraph = 'In my second year I discussed about the the results with my advisor every week.\n\n'
/** A statement with a fix in every paragraph, `n` paragraphs long. */
const statement = (n: number) => paragraph.repeat(n)
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('soplint-tmp'))
const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at /)
  return lines[0]
}

/** What a single, undisturbed --fix makes of the text. */
function fixedText(text: string): string {
  const dir = workspace({'s.md': text}, config)
  soplint(['--fix', 's.md'], {cwd: dir})
  return readFileSync(path.join(dir, 's.md'), 'utf8')
}

/** Run the bin without waiting, for races. */
function start(args: string[], cwd: string): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({code, stderr}))
  })
}

describe('--fix under faults', () => {
  it('refuses a read-only file with one line and exit 2, whoever runs it', () => {
    const dir = workspace({'s.md': statement(3)}, config)
    chmodSync(path.join(dir, 's.md'), 0o444)
    const r = soplint(['--fix', 's.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toBe('soplint: s.md: is read-only; not fixed (the file is unchanged)')
    expect(readFileSync(path.join(dir, 's.md'), 'utf8')).toBe(statement(3))
    expect(leftovers(dir)).toEqual([])
  })

  it('leaves the file whole when the write fails (a file size limit stands in for a full disk)', () => {
    const dir = workspace({'s.md': statement(40)}, config)
    // `ulimit -f 1` caps what the process may write at 512 bytes; the signal it would raise is ignored, so the write fails with EFBIG.
    const r = spawnSync('sh', ['-c', `trap "" XFSZ; ulimit -f 1; exec "${process.execPath}" "${bin}" --fix s.md`], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    expect(r.status).toBe(2)
    expect(oneLine(r.stderr)).toBe('soplint: s.md: cannot write the fixed text (EFBIG); the file is unchanged')
    expect(readFileSync(path.join(dir, 's.md'), 'utf8')).toBe(statement(40))
    expect(leftovers(dir)).toEqual([])
  })

  it('never overwrites a file changed while it runs', async () => {
    const text = statement(3000)
    const dir = workspace({'s.md': text}, config)
    const replacement = 'I rewrote the statement in the meantime.\n'
    const run = start(['--fix', 's.md'], dir)
    await new Promise((resolve) => setTimeout(resolve, 400))
    writeFileSync(path.join(dir, 's.md'), replacement)
    const {code, stderr} = await run
    // Whether soplint read the file before or after it changed, the writer's new text stands.
    expect(readFileSync(path.join(dir, 's.md'), 'utf8')).toBe(replacement)
    if (code === 2) expect(oneLine(stderr)).toBe('soplint: s.md: changed on disk while soplint was fixing it; left alone (run soplint --fix again)')
    else expect(code).toBe(0)
    expect(leftovers(dir)).toEqual([])
  }, 60_000)

  it('two --fix at once on one file leave it either as it was or wholly fixed', async () => {
    const text = statement(40)
    const expected = fixedText(text)
    expect(expected).not.toBe(text)
    for (let round = 0; round < 2; round++) {
      const dir = workspace({'s.md': text}, config)
      const results = await Promise.all([start(['--fix', 's.md'], dir), start(['--fix', 's.md'], dir)])
      expect(readFileSync(path.join(dir, 's.md'), 'utf8')).toBe(expected)
      for (const {code, stderr} of results) {
        if (code === 2) expect(oneLine(stderr)).toMatch(/^soplint: s\.md: changed on disk while soplint was fixing it/)
        else expect(code).toBe(0)
      }
      expect(leftovers(dir)).toEqual([])
    }
  }, 60_000)
})
