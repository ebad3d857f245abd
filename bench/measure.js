// In-process measurements, run by bench/run.js in a fresh child process per measurement so one
// linter's JIT state, heap and caches never flatter or burden the other. Prints one JSON line.
//
//   node bench/measure.js warm <soplint|bare> <dir or file> <warmup> <measured>
//     lints the first <warmup> statements of <dir> (not timed), then times each of the next
//     <measured> statements once; reports the median ms per 1,000 words. Given a file, lints
//     that one statement <warmup> + <measured> times.
//   node bench/measure.js scale <soplint|bare> <reps> <file>...
//     warms up on the first file, then times each file <reps> times (fewer for long ones).
//   node bench/measure.js profile <soplint|bare> <dir> <passes> <out.cpuprofile>
//     lints every statement of <dir> once to warm up, then <passes> times more under the CPU
//     profiler (node:inspector), and writes the profile. SOPLINT_BENCH_INDEX points at another
//     build of src/index.ts (bench/profile.js makes one with source maps).
//   node bench/measure.js stats-cost soplint <dir> <warmup> <passes>
//     lints each statement of <dir> with and without `stats: true`, alternating which goes first,
//     <passes> times over after <warmup> statements; reports both in ms per 1,000 words and the
//     share the statistics and score add (the same process, so JIT and caches are shared fairly).
//   node bench/measure.js cold-profile <soplint|bare> <file> <out.cpuprofile>
//     profiles importing the linter and its first lint of <file>, as one CLI run does.
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {countWords} from './corpus.js'

const here = path.dirname(new URL(import.meta.url).pathname)

/** Load a linter by name: an async function from text to a count of findings. */
export async function loadLinter(name) {
  if (name === 'soplint') {
    const {lint} = await import(pathToFileURL(process.env.SOPLINT_BENCH_INDEX || path.join(here, '..', 'dist', 'index.js')).href)
    return async (text) => (await lint(text, {filePath: 'statement.md'})).messages.length
  }
  if (name === 'bare') {
    const {bareProcessor, bareLint} = await import('./bare.js')
    const processor = bareProcessor()
    return async (text) => (await bareLint(processor, text)).length
  }
  throw new Error(`unknown linter ${name}`)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// The statements of a folder, or one file's text over and over.
function statements(dir, count = 0) {
  if (statSync(dir).isFile()) return Array(count).fill(readFileSync(dir, 'utf8'))
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
}

async function timed(fn, text) {
  const start = performance.now()
  const findings = await fn(text)
  return {ms: performance.now() - start, findings}
}

const [mode, name, ...rest] = process.argv.slice(2)
// For a cold profile the profiler starts before the linter is even imported.
const fn = mode === 'cold-profile' ? undefined : await loadLinter(name)

async function startProfiler() {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', {interval: 200})
  await session.post('Profiler.start')
  return async (out) => {
    const {profile} = await session.post('Profiler.stop')
    session.disconnect()
    writeFileSync(out, JSON.stringify(profile))
  }
}

if (mode === 'warm') {
  const [dir, warmup, measured] = [rest[0], Number(rest[1]), Number(rest[2])]
  const texts = statements(dir, warmup + measured)
  for (const text of texts.slice(0, warmup)) await fn(text)
  const perThousand = []
  let findings = 0
  let words = 0
  let total = 0
  for (const text of texts.slice(warmup, warmup + measured)) {
    const n = countWords(text)
    const run = await timed(fn, text)
    perThousand.push(run.ms / (n / 1000))
    findings += run.findings
    words += n
    total += run.ms
  }
  console.log(JSON.stringify({mode, name, statements: perThousand.length, words, findings, msPer1k: median(perThousand), meanMsPer1k: total / (words / 1000)}))
} else if (mode === 'stats-cost') {
  const [dir, warmup, passes] = [rest[0], Number(rest[1]), Number(rest[2])]
  const {lint} = await import(pathToFileURL(process.env.SOPLINT_BENCH_INDEX || path.join(here, '..', 'dist', 'index.js')).href)
  const plain = (text) => lint(text, {filePath: 'statement.md'})
  const withStats = (text) => lint(text, {filePath: 'statement.md', stats: true})
  const texts = statements(dir)
  for (const text of texts.slice(0, warmup)) {
    await plain(text)
    await withStats(text)
  }
  let words = 0
  const ms = {plain: 0, stats: 0}
  const ratios = []
  for (let p = 0; p < passes; p++) {
    for (const [i, text] of texts.entries()) {
      const order = (i + p) % 2 ? ['plain', 'stats'] : ['stats', 'plain']
      const t = {}
      for (const which of order) {
        const start = performance.now()
        await (which === 'plain' ? plain(text) : withStats(text))
        t[which] = performance.now() - start
      }
      ms.plain += t.plain
      ms.stats += t.stats
      ratios.push(t.stats / t.plain)
      words += countWords(text)
    }
  }
  const k = words / 1000
  console.log(JSON.stringify({mode, name, statements: texts.length, passes, words, plainMsPer1k: ms.plain / k, statsMsPer1k: ms.stats / k, addedShare: ms.stats / ms.plain - 1, medianAddedShare: median(ratios) - 1}))
} else if (mode === 'scale') {
  const reps = Number(rest[0])
  const files = rest.slice(1)
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  for (let i = 0; i < 20; i++) await fn(texts[0])
  const out = []
  for (const text of texts) {
    const words = countWords(text)
    // Long documents get fewer repetitions: the median of a few is enough at that size.
    const n = Math.max(3, Math.round(reps * Math.min(1, 1000 / words) ** 0.5))
    const times = []
    for (let i = 0; i < n; i++) times.push((await timed(fn, text)).ms)
    out.push({words, runs: n, ms: median(times)})
  }
  console.log(JSON.stringify({mode, name, sizes: out}))
} else if (mode === 'profile') {
  const [dir, passes, out] = [rest[0], Number(rest[1]), rest[2]]
  const texts = statements(dir)
  for (const text of texts) await fn(text)
  const stop = await startProfiler()
  const start = performance.now()
  let words = 0
  for (let p = 0; p < passes; p++) {
    for (const text of texts) {
      await fn(text)
      words += countWords(text)
    }
  }
  const ms = performance.now() - start
  await stop(out)
  console.log(JSON.stringify({mode, name, statements: texts.length, passes, words, ms}))
} else if (mode === 'cold-profile') {
  // What one CLI run pays before the JIT is warm: importing the core and the first lint.
  const [file, out] = rest
  const text = readFileSync(file, 'utf8')
  const stop = await startProfiler()
  const start = performance.now()
  const lintOnce = await loadLinter(name)
  const loaded = performance.now()
  await lintOnce(text)
  const ms = performance.now() - start
  await stop(out)
  console.log(JSON.stringify({mode, name, statements: 1, passes: 1, words: countWords(text), ms, importMs: loaded - start}))
} else {
  throw new Error(`unknown mode ${mode}`)
}
