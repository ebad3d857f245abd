// Per-rule counts over the real statements in ../shared/corpus/real (and the seed), to measure
// precision. Usage: node scripts/corpus.js [--rule id] [--show] [--strong]
// Runs the built CLI (npm run build first), so every input format it supports is included.
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined
const show = args.includes('--show')
const strongOnly = args.includes('--strong')
const dir = path.resolve('../shared/corpus/real')
const sources = readFileSync(path.join(dir, 'SOURCES.md'), 'utf8')
const quality = new Map()
const words = new Map()
for (const line of sources.split('\n')) {
  const cells = line.split('|').map((c) => c.trim())
  if (/^\d{3}-/.test(cells[1] ?? '')) {
    quality.set(cells[1], cells[7])
    words.set(cells[1], Number((cells[6].match(/[\d,]+/) ?? ['0'])[0].replace(/,/g, '')))
  }
}
const files = readdirSync(dir).filter((f) => /^\d{3}-/.test(f)).filter((f) => !strongOnly || /^(strong|mid-strong)/.test(quality.get(f) ?? ''))
const result = spawnSync(process.execPath, ['bin/soplint.js', '--format', 'json', '--no-config-lookup', ...files.map((f) => path.join(dir, f))], {encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, NO_COLOR: '1'}})
if (!result.stdout) {
  console.error(result.stderr)
  process.exit(2)
}
if (result.stderr) console.error(result.stderr.trim())
const counts = {}
let total = 0
let totalWords = 0
for (const file of JSON.parse(result.stdout)) {
  const name = path.basename(file.filePath)
  totalWords += words.get(name) ?? 0
  for (const m of file.messages) {
    if (only && m.ruleId !== only) continue
    const key = `${m.ruleId} (${m.level})`
    counts[key] = (counts[key] ?? 0) + 1
    if (m.level !== 'info') total++
    if (show) console.log(`${name}:${m.line}:${m.column} ${m.level} ${m.ruleId}: ${m.message}`)
  }
}
console.log(`\n${files.length} files, about ${totalWords.toLocaleString('en-US')} words; warnings and errors: ${total} (${((1000 * total) / Math.max(1, totalWords)).toFixed(2)} per 1,000 words)`)
for (const [key, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${key}: ${n}`)
