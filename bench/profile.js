// Where lint() time goes: `node bench/profile.js [--quick] [--cold <file>] [--top N] [--keep <dir>]`.
//
// Bundles src/index.ts as the build does but with source maps (into a temporary folder), lints
// the synthetic corpus in a child process, profiles the CPU with node:inspector after a warm-up
// pass, and prints self time by function, by source file and by package, each mapped back
// through the source map to src/, rules/ or node_modules/. Nothing in dist/ is touched.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {bundleOptions} from '../scripts/bundle-options.js'
import {corpus} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 25
// --cold <file>: profile one cold run (import and first lint of the file) instead of a warm loop.
const cold = args.includes('--cold') ? path.resolve(args[args.indexOf('--cold') + 1]) : undefined
const keep = args.includes('--keep') ? path.resolve(args[args.indexOf('--keep') + 1]) : undefined
const tmp = mkdtempSync(path.join(os.tmpdir(), 'soplint-profile-'))

try {
  const out = path.join(tmp, 'dist')
  await build({
    ...bundleOptions(root),
    entryPoints: {index: 'src/index.ts'},
    outdir: out,
    sourcemap: 'linked',
    sourcesContent: false
  })

  const dir = path.join(tmp, 'statements')
  mkdirSync(dir)
  for (const s of corpus(quick ? 60 : 200)) writeFileSync(path.join(dir, s.name), s.text)
  const profileFile = path.join(tmp, 'lint.cpuprofile')
  const measureArgs = cold ? ['cold-profile', 'soplint', cold, profileFile] : ['profile', 'soplint', dir, quick ? '2' : '3', profileFile]
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'measure.js'), ...measureArgs], {
    encoding: 'utf8',
    env: {...process.env, SOPLINT_BENCH_INDEX: path.join(out, 'index.js')}
  })
  if (r.status !== 0) throw new Error(`profiling failed: ${r.stderr}`)
  const run = JSON.parse(r.stdout.trim().split('\n').pop())
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'))
  if (keep) {
    mkdirSync(keep, {recursive: true})
    writeFileSync(path.join(keep, 'lint.cpuprofile'), JSON.stringify(profile))
  }
  report(profile, run, sourceMaps(out))
} finally {
  rmSync(tmp, {recursive: true, force: true})
}

function report(profile, run, maps) {
  const self = new Map()
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0))
  const total = [...self.values()].reduce((a, b) => a + b, 0) / 1000
  const byFunction = new Map()
  const byFile = new Map()
  const byPackage = new Map()
  const byOwner = new Map()
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const places = new Map(profile.nodes.map((n) => [n.id, locate(maps, n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)]))
  for (const node of profile.nodes) {
    const ms = (self.get(node.id) ?? 0) / 1000
    if (!ms) continue
    // The nearest soplint function up the stack: the time it spends itself and in the libraries it calls.
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const at = places.get(id)
      if (at && /^(src|rules)\//.test(at.source)) {
        add(byOwner, `${nodes.get(id).callFrame.functionName || '(anonymous)'}  ${at.source}:${at.line}`, ms)
        break
      }
    }
    const {functionName, url} = node.callFrame
    const where = places.get(node.id)
    const name = functionName || (url ? '(anonymous)' : '')
    add(byFunction, `${name}  ${where ? `${where.source}:${where.line}` : url ? path.basename(url) : '(V8 or Node internal)'}`.trim(), ms)
    const file = where?.source ?? (url ? path.basename(url) : functionName)
    add(byFile, file, ms)
    add(byPackage, packageOf(file), ms)
  }
  const print = (title, map, n) => {
    console.log(title)
    for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
    console.log()
  }
  if (run.mode === 'cold-profile') console.log(`CPU profile of a cold start: importing the core (${run.importMs.toFixed(0)} ms) and the first lint of a ${run.words}-word statement (${run.ms.toFixed(0)} ms in all; ${total.toFixed(0)} ms sampled)`)
  else console.log(`CPU profile of warm lint() over ${run.statements} synthetic statements x ${run.passes} passes (${run.words} words, ${run.ms.toFixed(0)} ms, ${(run.ms / (run.words / 1000)).toFixed(2)} ms per 1,000 words; ${total.toFixed(0)} ms sampled)`)
  console.log()
  print(`self time by function (top ${top})`, byFunction, top)
  print('self time by source file (top 15)', byFile, 15)
  print('self time by package', byPackage, 15)
  print('time by the nearest soplint function up the stack (its own and that of the libraries it calls; top 20)', byOwner, 20)
}

function packageOf(file) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
  if (m) return m[1]
  if (/^(src|rules)\//.test(file)) return `soplint ${file.split('/')[0]}/`
  return file
}

// Source maps: a decoder for the "mappings" field (base64 VLQ), enough to map a generated
// line/column back to its source file and line.
function sourceMaps(dir) {
  const maps = new Map()
  const walk = (d) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.js.map')) maps.set(full.slice(0, -4), decode(JSON.parse(readFileSync(full, 'utf8')), path.dirname(full)))
    }
  }
  walk(dir)
  return maps
}

function decode(map, dir) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const value = new Map([...chars].map((c, i) => [c, i]))
  const sources = map.sources.map((s) => {
    const file = path.resolve(dir, s)
    const at = file.lastIndexOf('/node_modules/')
    return at >= 0 ? file.slice(at + 1) : path.relative(root, file)
  })
  const lines = []
  let source = 0
  let srcLine = 0
  let srcCol = 0
  let name = 0
  for (const line of map.mappings.split(';')) {
    const segments = []
    let col = 0
    for (const segment of line.split(',')) {
      if (!segment) continue
      const fields = []
      let shift = 0
      let acc = 0
      for (const c of segment) {
        const digit = value.get(c)
        acc += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          fields.push(acc & 1 ? -(acc >>> 1) : acc >>> 1)
          acc = 0
          shift = 0
        }
      }
      col += fields[0]
      if (fields.length > 1) {
        source += fields[1]
        srcLine += fields[2]
        srcCol += fields[3]
        if (fields.length > 4) name += fields[4]
        segments.push([col, source, srcLine])
      }
    }
    lines.push(segments)
  }
  return {sources, lines}
}

function locate(maps, url, line, column) {
  if (!url.startsWith('file:')) return undefined
  const map = maps.get(fileURLToPath(url))
  const segments = map?.lines[line]
  if (!segments?.length) return undefined
  let best = segments[0]
  for (const s of segments) {
    if (s[0] > column) break
    best = s
  }
  return {source: map.sources[best[1]], line: best[2] + 1}
}
