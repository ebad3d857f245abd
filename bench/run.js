// `npm run bench`: how fast soplint is, side by side with the bare unified pipeline it is built
// on and with `node -e 0`, in one run on one machine. See docs/benchmark.md.
//
//   node bench/run.js [--quick] [--only cold,warm,stats,scale,memory,lsp,batch,web,bundle,growth] [--json <file>] [--profile] [--no-hyperfine]
//
// Every figure is a median. Each in-process measurement runs in a fresh child process; cold
// start-up uses hyperfine when it is installed and a Node timing loop otherwise. The corpus is
// generated (bench/corpus.js, seeded) into a temporary folder and removed afterwards. This is a
// benchmark, not a test: it reports against the goals and never fails on them.
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {gzipSync} from 'node:zlib'
import {corpus, countWords, document} from './corpus.js'
import {growth} from './growth.js'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined
const sections = ['cold', 'warm', 'stats', 'scale', 'memory', 'lsp', 'batch', 'web', 'bundle', 'growth']
const only = args.includes('--only') ? new Set(String(args[args.indexOf('--only') + 1]).split(',')) : undefined
for (const name of only ?? []) {
  if (!sections.includes(name)) {
    console.error(`bench: --only takes a comma-separated list of ${sections.join(', ')}; not "${name}"`)
    process.exit(2)
  }
}
const want = (section) => !only || only.has(section)
const node = process.execPath
const bin = path.join(root, 'bin', 'soplint.js')

const plan = quick
  ? {statements: 200, coldRuns: 8, coldWarmup: 2, warmWarmup: 15, warmMeasured: 60, warmRounds: 1, scaleReps: 7, rssRuns: 1, batchRuns: 1}
  : {statements: 1000, coldRuns: 12, coldWarmup: 3, warmWarmup: 40, warmMeasured: 200, warmRounds: 3, scaleReps: 15, rssRuns: 3, batchRuns: 2}

const results = {quick, machine: machine(), goals: {}}
const log = (line = '') => process.stdout.write(line + '\n')
const started = performance.now()

if (!existsSync(path.join(root, 'dist', 'index.js'))) {
  log('soplint is not built: run `npm run bench` (it builds first) or `npm run build`')
  process.exit(2)
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'soplint-bench-'))
try {
  await main()
} finally {
  rmSync(tmp, {recursive: true, force: true})
}

async function main() {
  results.machine.busy = busy()
  log(`soplint benchmark${quick ? ' (--quick)' : ''}: ${results.machine.cpus} x ${results.machine.cpu}, Node ${process.versions.node}; CPU in use by other programs: ${fmt(results.machine.busy * 100, 0)}%`)
  if (results.machine.busy > 0.1) log('  note: the machine is busy; figures will be noisy (run again when it is idle)')

  // The corpus: N statements, documents of 1k, 10k and 100k words, and one real-length statement.
  const statements = corpus(plan.statements)
  const batchDir = path.join(tmp, 'statements')
  writeAll(batchDir, statements)
  const docs = [1000, 10_000, 100_000].map((words) => {
    const file = path.join(tmp, `document-${words / 1000}k.md`)
    const text = document(words)
    writeFileSync(file, text)
    return {file, words: countWords(text)}
  })
  const seed = path.resolve(root, '..', 'shared', 'corpus', 'seed', 'statement.md')
  const one = existsSync(seed) ? seed : path.join(root, 'examples', 'statement.md')
  const oneWords = countWords(readFileSync(one, 'utf8'))
  log(`corpus: ${statements.length} synthetic statements (${Math.min(...statements.map((s) => s.words))} to ${Math.max(...statements.map((s) => s.words))} words), seeded; one statement: ${path.relative(root, one)} (${oneWords} words)`)
  log()

  // 1. Cold start: one statement through the CLI, against a small bare-pipeline script and node.
  if (want('cold')) {
    const cold = coldStart([
      {name: 'node -e 0', argv: [node, '-e', '0']},
      {name: 'bare pipeline script', argv: [node, path.join(root, 'bench', 'bare.js'), one]},
      {name: 'soplint statement.md', argv: [node, bin, one]},
      {name: 'soplint --version', argv: [node, bin, '--version']}
    ])
    results.cold = cold
    const coldRatio = cold['soplint statement.md'] / cold['node -e 0']
    goal('cold', `cold \`soplint statement.md\` / \`node -e 0\``, coldRatio, 'x', (v) => v <= 2.0, '<= 2.0x')
    log(`cold start, one statement (${cold.tool}): median ms`)
    for (const [name, ms] of Object.entries(cold)) if (name !== 'tool') log(`  ${name.padEnd(24)} ${fmt(ms, 0).padStart(7)} ms  ${fmt(ms / cold['node -e 0'], 1)}x node -e 0`)
    log()
  }

  // 2. Warm: in-process ms per 1,000 words after warm-up, alternating the two linters.
  if (want('warm')) {
    const warm = {soplint: [], bare: []}
    for (let round = 0; round < plan.warmRounds; round++) {
      for (const name of ['bare', 'soplint']) {
        const r = measure(['warm', name, batchDir, plan.warmWarmup, plan.warmMeasured])
        if (r) warm[name].push(r.msPer1k)
      }
    }
    // The same on the one real-length statement, linted over and over: real text is not synthetic.
    const oneWarm = {}
    for (const name of ['bare', 'soplint']) oneWarm[name] = measure(['warm', name, one, plan.warmWarmup, plan.warmMeasured / 4])?.msPer1k ?? null
    results.warm = {soplint: median(warm.soplint), bare: median(warm.bare), oneStatement: oneWarm}
    goal('warm', 'warm soplint (all default rules) / bare pipeline (readability + passive)', results.warm.soplint / results.warm.bare, 'x', (v) => v <= 1.0, '<= 1.0x')
    log(`warm, in process, after warm-up (${plan.warmMeasured} statements, median of ${plan.warmRounds} run${plan.warmRounds > 1 ? 's' : ''}): ms per 1,000 words`)
    log(`  soplint lint()            ${fmt(results.warm.soplint, 2).padStart(7)}`)
    log(`  bare pipeline             ${fmt(results.warm.bare, 2).padStart(7)}`)
    log(`  ratio                     ${fmt(results.warm.soplint / results.warm.bare, 2).padStart(7)}x`)
    log(`  on ${path.basename(one)}: soplint ${fmt(oneWarm.soplint, 2)}, bare pipeline ${fmt(oneWarm.bare, 2)}, ratio ${fmt(oneWarm.soplint / oneWarm.bare, 2)}x`)
    log()
  }

  // 2b. What --stats adds to a warm lint: statistics and the score, in the same process.
  if (want('stats')) {
    const r = measure(['stats-cost', 'soplint', batchDir, plan.warmWarmup, quick ? 1 : 2])
    if (r) {
      results.stats = r
      goal('stats', 'warm lint with --stats / without, extra', r.addedShare * 100, '%', (v) => v < 10, '< 10%')
      log(`statistics and score (--stats), warm, ${r.statements} statements x ${r.passes} passes: ms per 1,000 words`)
      log(`  lint()                    ${fmt(r.plainMsPer1k, 2).padStart(7)}`)
      log(`  lint() with stats         ${fmt(r.statsMsPer1k, 2).padStart(7)}`)
      log(`  added                     ${fmt(r.addedShare * 100, 1).padStart(7)}%  (median per statement ${fmt(r.medianAddedShare * 100, 1)}%)`)
      log()
    }
  }

  // 3. Growth: 1k, 10k and 100k-word documents, warm.
  if (want('scale')) {
    results.scale = {}
    for (const name of ['soplint', 'bare']) {
      const r = measure(['scale', name, plan.scaleReps, ...docs.map((d) => d.file)])
      results.scale[name] = r?.sizes
    }
    const s = results.scale.soplint
    if (s) goal('scale', 'warm 100k-word document / 1k-word document', s[2].ms / s[0].ms, 'x', (v) => v < 110, '< 110x')
    log('document size, warm: median ms (ms per 1,000 words)')
    log(`  ${'words'.padEnd(10)} ${'soplint'.padStart(18)} ${'bare pipeline'.padStart(18)}`)
    for (let i = 0; i < docs.length; i++) {
      const cell = (r) => (r ? `${fmt(r[i].ms, 1)} (${fmt(r[i].ms / (r[i].words / 1000), 1)})` : 'failed').padStart(18)
      log(`  ${String(docs[i].words).padEnd(10)} ${cell(results.scale.soplint)} ${cell(results.scale.bare)}`)
    }
    if (s) log(`  100k / 1k  ${fmt(s[2].ms / s[0].ms, 1).padStart(17)}x ${results.scale.bare ? fmt(results.scale.bare[2].ms / results.scale.bare[0].ms, 1).padStart(17) + 'x' : ''}`)
    log()
  }

  // 4. Peak memory (resident set high-water mark) of the CLI and the bare script, 1k and 100k words.
  if (want('memory')) {
    results.memory = {
      'node -e 0': peak([]),
      'soplint, 1k words': peak([bin, docs[0].file]),
      'soplint, 100k words': peak([bin, docs[2].file], 1),
      'bare script, 1k words': peak([path.join(root, 'bench', 'bare.js'), docs[0].file]),
      'bare script, 100k words': peak([path.join(root, 'bench', 'bare.js'), docs[2].file], 1)
    }
    goal('memory', 'peak memory of `soplint` on a 100k-word document', results.memory['soplint, 100k words'], ' MB', (v) => v < 200, '< 200 MB')
    log('peak memory (process maxRSS): MB')
    for (const [name, mb] of Object.entries(results.memory)) log(`  ${name.padEnd(24)} ${fmt(mb, 0).padStart(7)}`)
    log()
  }

  // 5. The language server, when bench/lsp.js is there: it makes its own 1,000-word statement.
  if (want('lsp')) {
    results.lsp = languageServer()
    log()
  }

  // 6. The batch: every statement through the CLI on one thread, then on worker threads.
  if (want('batch')) {
    const cores = os.availableParallelism()
    const batch = {single: [], workers: []}
    const outputs = new Set()
    const before = busy()
    if (before > 0.1) log(`  note: other programs use ${fmt(before * 100, 0)}% of the CPU; the speed-up will be understated`)
    // The ceiling: the same statements in one folder per core, each linted on one thread by its
    // own process, all at once. Nothing is shared, so this is as fast as this machine can lint
    // them on all its cores; the worker threads can at best match it.
    const parts = Array.from({length: cores}, (_, i) => path.join(tmp, `part-${i}`))
    parts.forEach((dir, i) => writeAll(dir, statements.filter((_, j) => j % cores === i)))
    batch.ceiling = []
    const modes = [['single', '0'], ['workers', ''], ['ceiling', '0']]
    for (let run = 0; run < plan.batchRuns; run++) {
      // Rotating which goes first, so a change in the machine's load hits all alike.
      for (const [key, env] of run % 2 ? [...modes].reverse() : modes) {
        const t0 = performance.now()
        if (key === 'ceiling') {
          await Promise.all(parts.map((dir) => new Promise((resolve) => spawn(node, [bin, '--format', 'json', dir], {cwd: tmp, env: {...process.env, SOPLINT_WORKERS: env, NO_COLOR: '1'}, stdio: 'ignore'}).on('close', resolve))))
          batch[key].push(performance.now() - t0)
          continue
        }
        const r = spawnSync(node, [bin, '--format', 'json', batchDir], {cwd: tmp, env: {...process.env, SOPLINT_WORKERS: env, NO_COLOR: '1'}, maxBuffer: 1 << 30, encoding: 'utf8'})
        batch[key].push(performance.now() - t0)
        if (r.status === 2) log(`  soplint failed on the batch: ${r.stderr.trim().split('\n')[0]}`)
        outputs.add(createHash('sha256').update(r.stdout).digest('hex'))
      }
    }
    results.batch = {statements: statements.length, cores, single: median(batch.single), workers: median(batch.workers), ceiling: median(batch.ceiling), identical: outputs.size === 1}
    goal('batch', `batch of ${statements.length} statements: one thread / worker threads (${cores} cores)`, results.batch.single / results.batch.workers, 'x', (v) => v >= 1.7, '>= 1.7x')
    log(`batch: ${statements.length} statements through the CLI (--format json), ${cores} cores: median s of ${plan.batchRuns}`)
    log(`  one thread (SOPLINT_WORKERS=0)   ${fmt(results.batch.single / 1000, 2).padStart(7)} s`)
    log(`  worker threads (default)         ${fmt(results.batch.workers / 1000, 2).padStart(7)} s   ${fmt(results.batch.single / results.batch.workers, 2)}x faster`)
    log(`  ${`${cores} processes, 1/${cores} each`.padEnd(33)}${fmt(results.batch.ceiling / 1000, 2).padStart(7)} s   ${fmt(results.batch.single / results.batch.ceiling, 2)}x faster: the most ${cores} cores give this work here`)
    log(`  identical JSON output            ${results.batch.identical ? 'yes' : 'NO: the two modes disagree'}`)
    log()
  }

  // 7. The web page in Chromium (bench/web.js): transfer size, cold load, keystroke to findings.
  if (want('web')) {
    results.web = webPage()
    log()
  }

  // 8. The core's browser build (dist/browser/): what a page loads first, and the large data it
  // fetches on first use (word lists, the tagger's model, the LaTeX and Word readers).
  if (want('bundle')) {
    results.bundle = browserBundle()
    const {eager, lazy} = results.bundle
    log('browser build of the core (dist/browser/), raw and gzip:')
    log(`  the core (loaded first)          ${kb(eager.raw).padStart(8)}  ${kb(eager.gzip).padStart(8)}`)
    for (const chunk of lazy) log(`  ${(chunk.name + ' (on first use)').padEnd(33)}${kb(chunk.raw).padStart(8)}  ${kb(chunk.gzip).padStart(8)}`)
    const all = lazy.reduce((sum, c) => ({raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip}), eager)
    log(`  with all large data              ${kb(all.raw).padStart(8)}  ${kb(all.gzip).padStart(8)}`)
    log()
  }

  // 9. Growth: hostile shapes at 1k, 10k and 100k units, and a statement near 1 MB and near 5 MB.
  if (want('growth')) {
    results.growth = growth({quick})
    const g = results.growth
    // The last two sizes a shape was linted at (a size past a limit is refused, not linted).
    const ratio = (row) => {
      const linted = row.filter((r) => r && !r.refused)
      return linted.length >= 2 && row.indexOf(linted.at(-1)) === row.indexOf(linted.at(-2)) + 1 ? linted.at(-1).ms / linted.at(-2).ms : null
    }
    const worst = Object.entries(g.shapes).map(([id, row]) => [id, ratio(row)]).filter(([, r]) => r !== null).sort((a, b) => b[1] - a[1])[0]
    if (worst) goal('growth', `growth: worst shape's time for 10x the units (${worst[0]})`, worst[1], 'x', (v) => v <= 15, '<= 15x')
    if (g.statement[4.9] && g.statement[1]) {
      goal('size-time', 'statement of 4.9 MB / 1 MB, CLI time', g.statement[4.9].ms / g.statement[1].ms, 'x', (v) => v <= 6, '<= 6x')
      goal('size-memory', 'statement of 4.9 MB, peak RSS', g.statement[4.9].rssMB, ' MB', (v) => v < 500, '< 500 MB')
    }
  }

  // The goals, in one table.
  log('| goal | measured | target | met |')
  log('|---|---|---|---|')
  for (const g of Object.values(results.goals)) log(`| ${g.label} | ${g.value === null ? 'failed' : fmt(g.value, g.unit === 'x' ? 2 : 0) + g.unit} | ${g.target} | ${g.met ? 'yes' : 'no'} |`)
  if (results.lsp) {
    const met = Number.isFinite(results.lsp.p95) && results.lsp.p95 < 30
    results.goals.lsp = {label: 'language server, didChange -> publishDiagnostics p95 (debounce 0)', value: results.lsp.p95, unit: ' ms', target: '< 30 ms', met}
    log(`| language server, didChange -> publishDiagnostics (median / p95, debounce 0) | ${fmt(results.lsp.median, 1)} / ${fmt(results.lsp.p95, 1)} ms | p95 < 30 ms | ${met ? 'yes' : 'no'} |`)
  }
  if (results.web) {
    const {keystroke, cold} = results.web
    const keyMet = keystroke.p95 < 100
    const coldMet = cold.firstFindings < 1500
    results.goals.webKeystroke = {label: 'web page, keystroke -> findings p95, 1,000 words', value: keystroke.p95, unit: ' ms', target: '< 100 ms', met: keyMet}
    results.goals.webCold = {label: 'web page, cold load -> first findings', value: cold.firstFindings, unit: ' ms', target: '< 1,500 ms', met: coldMet}
    log(`| web page, keystroke -> updated findings, 1,000 words (median / p95) | ${fmt(keystroke.median, 1)} / ${fmt(keystroke.p95, 1)} ms | p95 < 100 ms | ${keyMet ? 'yes' : 'no'} |`)
    log(`| web page, cold load -> first findings (Chromium, soplint web) | ${fmt(cold.firstFindings, 0)} ms | < 1,500 ms | ${coldMet ? 'yes' : 'no'} |`)
  }
  results.seconds = (performance.now() - started) / 1000
  log()
  log(`done in ${fmt(results.seconds, 0)} s`)
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n')

  if (args.includes('--profile')) {
    log()
    spawnSync(node, [path.join(root, 'bench', 'profile.js'), ...(quick ? ['--quick'] : [])], {stdio: 'inherit'})
  }
}

function machine() {
  const cpus = os.cpus()
  return {cpus: os.availableParallelism(), cpu: cpus[0]?.model.trim() ?? 'unknown CPU', node: process.versions.node}
}

/** The share of all cores busy over one second while this process waits: other programs' load. */
function busy() {
  const total = () => os.cpus().reduce((t, c) => ({idle: t.idle + c.times.idle, all: t.all + Object.values(c.times).reduce((a, b) => a + b, 0)}), {idle: 0, all: 0})
  const a = total()
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
  const b = total()
  return b.all > a.all ? 1 - (b.idle - a.idle) / (b.all - a.all) : 0
}

function writeAll(dir, list) {
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})
  for (const s of list) writeFileSync(path.join(dir, s.name), s.text)
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const mid = v.length >> 1
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

function fmt(value, digits) {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits})
}

function goal(key, label, value, unit, test, target) {
  const v = Number.isFinite(value) ? value : null
  results.goals[key] = {label, value: v, unit, target, met: v !== null && test(v)}
}

/** One in-process measurement in a fresh child; null (and the error shown) when it fails. */
function measure(argv) {
  const r = spawnSync(node, [path.join(root, 'bench', 'measure.js'), ...argv.map(String)], {encoding: 'utf8', maxBuffer: 1 << 26})
  if (r.status !== 0) {
    log(`  measure ${argv.slice(0, 2).join(' ')} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`)
    return null
  }
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

/** Median wall time of each command, with hyperfine when installed, else a Node loop. */
function coldStart(commands) {
  const hyperfine = !args.includes('--no-hyperfine') && spawnSync('hyperfine', ['--version']).status === 0
  // hyperfine -N splits commands at spaces; a path with one falls back to the Node loop.
  if (hyperfine && commands.every((c) => c.argv.every((a) => !/\s/.test(a)))) {
    const out = path.join(tmp, 'hyperfine.json')
    const r = spawnSync('hyperfine', ['-N', '-i', '--style', 'none', '--warmup', String(plan.coldWarmup), '--runs', String(plan.coldRuns), '--export-json', out, ...commands.flatMap((c) => ['-n', c.name, c.argv.join(' ')])], {cwd: root, encoding: 'utf8'})
    if (r.status === 0) {
      const data = JSON.parse(readFileSync(out, 'utf8'))
      return {tool: `hyperfine ${spawnSync('hyperfine', ['--version'], {encoding: 'utf8'}).stdout.trim().split(' ')[1]}, ${plan.coldRuns} runs`, ...Object.fromEntries(data.results.map((x) => [x.command, x.median * 1000]))}
    }
    log(`  hyperfine failed (${r.stderr.trim().split('\n')[0]}); timing with Node instead`)
  }
  const times = Object.fromEntries(commands.map((c) => [c.name, []]))
  const once = (c) => {
    const t0 = performance.now()
    spawnSync(c.argv[0], c.argv.slice(1), {cwd: root, stdio: 'ignore'})
    return performance.now() - t0
  }
  for (let i = 0; i < plan.coldWarmup; i++) for (const c of commands) once(c)
  // Interleaved, so a slow patch of the machine hits every command alike.
  for (let i = 0; i < plan.coldRuns; i++) for (const c of commands) times[c.name].push(once(c))
  return {tool: `Node timing loop, ${plan.coldRuns} runs`, ...Object.fromEntries(commands.map((c) => [c.name, median(times[c.name])]))}
}

/** Peak RSS in MB of `node <argv>` (median of runs), measured from inside by bench/rss.js. */
function peak(argv, runs = plan.rssRuns) {
  const out = path.join(tmp, 'rss.json')
  const values = []
  for (let i = 0; i < runs; i++) {
    rmSync(out, {force: true})
    spawnSync(node, [path.join(root, 'bench', 'rss.js'), out, ...(argv.length ? argv : ['-'])], {cwd: tmp, stdio: 'ignore'})
    if (existsSync(out)) values.push(JSON.parse(readFileSync(out, 'utf8')).maxRSSkB / 1024)
  }
  return median(values)
}

/** Run bench/lsp.js when it exists, shorter than its defaults, and pick up its debounce-0 figures. */
function languageServer() {
  const script = path.join(root, 'bench', 'lsp.js')
  log('language server (bench/lsp.js): didChange -> publishDiagnostics on a 1,000-word statement')
  if (!existsSync(script)) {
    log('  skipped: bench/lsp.js is not there')
    return null
  }
  const r = spawnSync(node, [script, '--edits', quick ? '60' : '200', '--session', quick ? '200' : '600'], {cwd: root, encoding: 'utf8', timeout: 150_000})
  let figures = null
  for (const line of `${r.stdout ?? ''}`.trim().split('\n').filter(Boolean)) {
    log(`  ${line}`)
    const m = /debounce 0 .*median ([\d.]+) ms, p95 ([\d.]+) ms/.exec(line)
    if (m) figures = {median: Number(m[1]), p95: Number(m[2])}
  }
  if (r.status !== 0) log(`  bench/lsp.js failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}`)
  return figures
}

/** Run bench/web.js (Chromium through playwright-core) and pick up its figures; null when it cannot run. */
function webPage() {
  log('web page (bench/web.js): Chromium, served by soplint web')
  const out = path.join(tmp, 'web.json')
  const r = spawnSync(node, [path.join(root, 'bench', 'web.js'), '--cold', quick ? '3' : '7', '--keys', quick ? '30' : '100', '--json', out], {cwd: root, encoding: 'utf8', timeout: 300_000})
  for (const line of `${r.stdout ?? ''}`.trim().split('\n').filter(Boolean)) log(`  ${line}`)
  if (r.status !== 0 || !existsSync(out)) {
    log(`  bench/web.js did not finish (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}`)
    return null
  }
  return JSON.parse(readFileSync(out, 'utf8'))
}

/** The sizes of dist/browser/: the entry with the chunks it imports statically, and each chunk it loads on first use. */
function browserBundle() {
  const dir = path.join(root, 'dist', 'browser')
  const files = new Map()
  const read = (rel) => {
    if (!files.has(rel)) files.set(rel, readFileSync(path.join(dir, rel)))
    return files.get(rel)
  }
  const size = (rel) => ({raw: read(rel).length, gzip: gzipSync(read(rel)).length})
  const imports = (rel, dynamic) => {
    const text = read(rel).toString('utf8')
    const re = dynamic ? /import\(\s*["']\.\/?([^"']+)["']\s*\)/g : /(?:^|[;\n])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/?([^"']+)["']/g
    return [...text.matchAll(re)].map((m) => path.posix.join(path.posix.dirname(rel), m[1]))
  }
  const closure = (start) => {
    const seen = new Set()
    const visit = (rel) => {
      if (seen.has(rel)) return
      seen.add(rel)
      for (const next of imports(rel, false)) visit(next)
    }
    visit(start)
    return seen
  }
  const eagerFiles = closure('core.js')
  const eager = [...eagerFiles].reduce((sum, rel) => {
    const s = size(rel)
    return {raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip}
  }, {raw: 0, gzip: 0})
  const lazyStarts = new Set([...eagerFiles].flatMap((rel) => imports(rel, true)))
  const lazy = [...lazyStarts].map((start) => {
    const own = [...closure(start)].filter((rel) => !eagerFiles.has(rel))
    const total = own.reduce((sum, rel) => {
      const s = size(rel)
      return {raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip}
    }, {raw: 0, gzip: 0})
    return {name: path.posix.basename(start).replace(/-[A-Z0-9]+\.js$/, ''), ...total}
  })
  return {eager, lazy: lazy.sort((a, b) => b.raw - a.raw)}
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`
}
