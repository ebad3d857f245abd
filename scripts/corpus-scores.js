// The score over the real statements in ../shared/corpus/real: the mean of the strong ones
// against the weak and draft ones (SOURCES.md marks them), and `soplint compare` on each
// writer's draft and final. Runs the built CLI (npm run build first).
// Usage: node scripts/corpus-scores.js [--each]
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const dir = path.resolve('../shared/corpus/real')
const quality = new Map()
for (const line of readFileSync(path.join(dir, 'SOURCES.md'), 'utf8').split('\n')) {
  const cells = line.split('|').map((c) => c.trim())
  if (/^\d{3}-/.test(cells[1] ?? '')) quality.set(cells[1], cells[7])
}
const files = readdirSync(dir).filter((f) => /^\d{3}-/.test(f))
const cli = (args) => spawnSync(process.execPath, ['bin/soplint.js', ...args], {encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, NO_COLOR: '1'}})
const run = cli(['stats', '-f', 'json', '--no-config-lookup', ...files.map((f) => path.join(dir, f))])
const results = JSON.parse(run.stdout).filter((r) => r.score !== undefined)
// SOURCES.md: strong or mid-strong; weak, weak-mid, mid-weak or draft; the rest (mid, mid (draft)) is mid.
const group = (q) => (/^(strong|mid-strong)/.test(q) ? 'strong' : /^(weak|mid-weak|draft)/.test(q) ? 'weak or draft' : 'mid')
const byGroup = {}
for (const r of results) {
  const name = path.basename(r.filePath)
  const g = group(quality.get(name) ?? '')
  ;(byGroup[g] ??= []).push(r.score)
  if (process.argv.includes('--each')) console.log(`${String(r.score).padStart(3)}  ${g.padEnd(13)} ${name}  ${r.deductions.slice(0, 3).map((d) => `-${d.points} ${d.reason}`).join('; ')}`)
}
const mean = (xs) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10
for (const [g, scores] of Object.entries(byGroup)) console.log(`${g.padEnd(14)} n=${String(scores.length).padStart(2)}  mean score ${mean(scores)}  (min ${Math.min(...scores)}, max ${Math.max(...scores)})`)

// Each writer's earlier and later version, as SOURCES.md pairs them.
const pairs = [['002', '001'], ['005', '004'], ['045', '044'], ['020', '019']]
for (const [before, after] of pairs) {
  const find = (n) => path.join(dir, files.find((f) => f.startsWith(n + '-')))
  const r = cli(['compare', '-f', 'json', '--no-config-lookup', find(before), find(after)])
  const c = JSON.parse(r.stdout)
  console.log(`compare ${before} -> ${after}: ${c.old.score} -> ${c.new.score} (${c.verdict}, exit ${r.status}); ${c.fixed.length} fixed, ${c.remaining.length} remaining, ${c.added.length} added`)
}
