// The CLI's worker pool (src/cli/pool.ts), through the real bin: a batch linted on worker threads
// must give the same report, the same error lines and the same exit code as on the main thread.
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {minCharsForWorkers} from '../src/cli/pool.ts'

const bin = path.resolve('bin/soplint.js')

function soplint(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '', SOPLINT_WORKERS: undefined, ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

// Our own statements, varied by a seeded generator: lengths, hard wraps, bold, stock phrases,
// slips, a heading, a list, front matter naming a target.
function statements(count: number): Record<string, string> {
  let seed = 20
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]
  const sentences = [
    'I spent two years measuring river sediment with a team of four.',
    'The first model I built was wrong in an instructive way.',
    'Since my childhood, I have been fascinated by bridges.',
    'I am a hard-working team player and a fast learner.',
    'We discussed about the results every Friday.',
    'The data was collected by volunteers over one winter.',
    'My thesis compared three ways to estimate soil moisture from satellite images.',
    '**I am deeply passionate about hydrology.**',
    'I would like to join your group to study flood forecasting.',
    'I ran the the analysis again after finding a unit error.'
  ]
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = []
    const size = 2000 + Math.floor(next() * 4000)
    for (let length = 0; length < size; length += paragraphs.at(-1)!.length) {
      const line = Array.from({length: 3 + Math.floor(next() * 5)}, () => pick(sentences))
      paragraphs.push(line.join(next() < 0.3 ? '\n' : ' '))
    }
    if (i % 7 === 3) paragraphs.splice(1, 0, '## Research experience', '- sampling design\n- field work')
    // A long code block, which is not prose and cheap to lint, takes the 20 files past the size
    // from which the CLI uses workers by default: the third run below takes that path on 2 cores.
    paragraphs.splice(2, 0, '```\n' + 'sediment_load = rating_curve(discharge)  # m3/s to t/day\n'.repeat(500) + '```')
    const front = i % 5 === 1 ? `---\ntarget: University of Example ${i}\n---\n\n` : ''
    files[`${i < 10 ? 'a' : 'b/c'}/statement-${String(i).padStart(2, '0')}.md`] = front + paragraphs.join('\n\n') + '\n'
  }
  return files
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soplint-pool-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

describe('worker pool', () => {
  // 20 statements and one whose front matter is malformed: lint() rejects it inside a worker.
  const dir = workspace({...statements(20), 'b/broken.md': '---\ntarget: [unclosed\n---\n\nI studied physics.\n'})
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('gives the same JSON, error lines and exit code on the main thread, on forced workers and by default', async () => {
    const args = ['--format', 'json', '.']
    const [main, workers, auto] = await Promise.all([soplint(args, dir, {SOPLINT_WORKERS: '0'}), soplint(args, dir, {SOPLINT_WORKERS: '2'}), soplint(args, dir, {})])

    const errorLines = main.stderr.trimEnd().split('\n')
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(/^soplint: b[\\/]broken\.md: .*front matter/)
    expect(main.code).toBe(2)

    expect(Object.values(statements(20)).join('').length).toBeGreaterThan(minCharsForWorkers)
    const report = JSON.parse(main.stdout) as {filePath: string; messages: {ruleId: string}[]}[]
    expect(report).toHaveLength(20)
    expect(report.map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'))).toEqual(Object.keys(statements(20)).sort())
    const rules = new Set(report.flatMap((r) => r.messages.map((m) => m.ruleId)))
    expect(rules.size).toBeGreaterThan(3)

    for (const other of [workers, auto]) {
      expect(other.code).toBe(main.code)
      expect(other.stderr).toBe(main.stderr)
      expect(other.stdout).toBe(main.stdout)
    }
  }, 120_000)

  it('refuses a SOPLINT_WORKERS that is not a whole number, in one line', () => {
    const r = spawnSync(process.execPath, [bin, '.'], {cwd: dir, encoding: 'utf8', env: {...process.env, SOPLINT_WORKERS: 'many'}})
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('soplint: SOPLINT_WORKERS: expected a whole number of worker threads (0 for none), not "many"\n')
  })
})
