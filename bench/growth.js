// The growth section of `npm run bench`: how lint time grows with the size of hostile inputs.
//
//   node bench/growth.js [--quick] [--only shape,shape] [--sizes 1000,4000] [--json <file>]
//
// For every shape in bench/shapes.js (many bold spans, links, footnotes, one long line, LaTeX
// macros, a Word document of many runs...), lints 1k, 10k and 100k units, each in a fresh process
// after a warm-up lint, and prints the CPU time of the lint (for Word, of reading the .docx too)
// and the ratio between sizes: linear growth is 10x per step. A size past one of soplint's limits
// (src/core/limits.ts, the Word reader's) is refused at once and shown as such. Then an ordinary
// statement of just under 1 MB and just under 5 MB (the size limit): time and peak memory of the
// real CLI on each. See docs/benchmark.md.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {document} from './corpus.js'
import {docxShapes, shapes} from './shapes.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

if (args[0] === '--child') {
  // One measurement in this fresh process: warm up on a small one, then time the big one.
  const [, id, n] = args
  const {lint, readDocx, isInputError} = await import(path.join(root, 'dist', 'index.js'))
  const word = docxShapes.find((s) => s.id === id)
  // A Word shape is read from its bytes as the CLI reads a .docx, and that reading is timed too.
  const shape = word ?? shapes.find((s) => s.id === id)
  const input = word ? await word.bytes(Number(n)) : shape.make(Number(n))
  const run = async (value) => {
    if (!word) return {result: await lint(value, {format: shape.format}), chars: value.length}
    const doc = await readDocx(value)
    return {result: await lint(doc.text, {format: 'docx', mdast: doc.mdast}), chars: doc.text.length}
  }
  await run(word ? await word.bytes(50) : shape.make(50))
  const before = process.cpuUsage()
  const started = performance.now()
  let out
  try {
    const {result, chars} = await run(input)
    out = {chars, findings: result.messages.length}
  } catch (error) {
    if (!isInputError(error)) throw error
    out = {refused: error.message, chars: word ? input.length : input.length}
  }
  const cpu = process.cpuUsage(before)
  process.stdout.write(JSON.stringify({ms: (cpu.user + cpu.system) / 1000, wall: performance.now() - started, ...out, rssMB: process.resourceUsage().maxRSS / 1024}) + '\n')
  process.exit(0)
}

const log = (line = '') => process.stdout.write(line + '\n')

/** Run one measurement in a child; null when it failed or passed the time limit. */
function measure(id, n) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', id, String(n)], {encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 20})
  if (r.status !== 0) return null
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

/** Measure and print the growth section; `only` limits it to some shapes (and skips the statement sizes). */
export function growth({quick = false, only = undefined, sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000]} = {}) {
  const out = {sizes, shapes: {}, statement: {}}
  log(`growth: CPU ms of lint() per shape at ${sizes.map((n) => n / 1000 + 'k').join(', ')} units (fresh process each, after a warm-up); linear is 10x per step`)
  log(`  ${'shape'.padEnd(18)} ${'unit'.padEnd(14)} ${sizes.map((n) => (n / 1000 + 'k ms').padStart(9)).join(' ')} ${sizes.slice(1).map((n, i) => `${sizes[i + 1] / 1000}k/${sizes[i] / 1000}k`.padStart(9)).join(' ')}   largest linted`)
  for (const shape of [...shapes, ...docxShapes]) {
    if (only && !only.has(shape.id)) continue
    const row = sizes.map((n) => measure(shape.id, n))
    out.shapes[shape.id] = row
    const linted = (r) => r && !r.refused
    const ms = row.map((r) => (!r ? 'failed' : r.refused ? 'refused' : r.ms.toFixed(0)).padStart(9)).join(' ')
    const ratios = row.slice(1).map((r, i) => (linted(r) && linted(row[i]) ? (r.ms / row[i].ms).toFixed(1) + 'x' : '-').padStart(9)).join(' ')
    const last = row.findLast(linted)
    log(`  ${shape.id.padEnd(18)} ${shape.unit.padEnd(14)} ${ms} ${ratios}   ${last ? `${(last.chars / 1e6).toFixed(2)} MB at ${sizes[row.indexOf(last)] / 1000}k` : ''}`)
  }
  const refused = Object.entries(out.shapes).flatMap(([id, row]) => row.map((r, i) => (r?.refused ? `${id} at ${sizes[i] / 1000}k: ${r.refused} (${r.ms.toFixed(0)} ms)` : undefined)).filter(Boolean))
  if (refused.length > 0) {
    log('  refused (past a limit, one line and exit 2 from the CLI):')
    for (const line of refused) log(`    ${line}`)
  }
  log()

  // An ordinary statement near 1 MB and near the 5 MB limit, through the real CLI.
  if (!only) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'soplint-growth-'))
    try {
      const targets = quick ? [1] : [1, 4.9]
      log('size: an ordinary statement through the CLI (bin/soplint.js --format json): wall ms and peak RSS')
      for (const mb of targets) {
        // Words of the synthetic statement are about 6.2 characters each.
        let text = document(Math.round((mb * 1e6) / 6.2))
        while (Buffer.byteLength(text) > mb * 1e6) text = text.slice(0, text.lastIndexOf('\n\n', text.length - 2) + 1)
        const file = path.join(tmp, `statement-${mb}mb.md`)
        writeFileSync(file, text)
        const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, path.join(root, 'bin', 'soplint.js'), '--format', 'json', file], {encoding: 'utf8', maxBuffer: 1 << 28})
        const [secs, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
        out.statement[mb] = {bytes: Buffer.byteLength(text), ms: secs * 1000, rssMB: kb / 1024, exit: r.status}
        log(`  ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB: ${(secs * 1000).toFixed(0)} ms, ${(kb / 1024).toFixed(0)} MB RSS (exit ${r.status})`)
      }
      if (out.statement[4.9]) log(`  4.9 MB / 1 MB time: ${(out.statement[4.9].ms / out.statement[1].ms).toFixed(1)}x (goal <= 6x); peak RSS at 4.9 MB: ${out.statement[4.9].rssMB.toFixed(0)} MB (goal < 500 MB)`)
    } finally {
      rmSync(tmp, {recursive: true, force: true})
    }
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined
  const sizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : undefined
  const out = growth({quick: args.includes('--quick'), only, sizes})
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 2))
}
