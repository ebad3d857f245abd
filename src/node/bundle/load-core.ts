// Loads the linting core of the bundled build (dist/core.cjs) with a V8 code cache.
//
// Node 20 keeps no compiled code between runs, and a cold `soplint statement.md` spent more of its
// time compiling and first running the core than linting. The build therefore bundles the core a
// second time as one CommonJS file, runs it once on the bundled example, and saves V8's code cache
// of everything that run compiled (dist/core.cache). Here the core is compiled from that cache:
// V8 reads the bytecode instead of parsing and compiling the source again.
//
// The cache is an optimisation only. It is used when its header names the same core build (the
// SHA-256 the build wrote into the first line of core.cjs); V8 itself rejects a cache from another
// Node version or other V8 flags. Either way the core then compiles from source, as it would
// without a cache, and the result of every lint is the same; that run then writes a new cache
// for the next one (see the renewal in loadCore).
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import {isMainThread} from 'node:worker_threads'

/** The first line of dist/core.cjs: this marker, then the SHA-256 of the rest of the file. */
export const coreHeader = '// soplint core '

/** Where the loaded core keeps the code-cache writer of every script loaded so far, for the build step that writes the caches. */
export const coreScriptKey = Symbol.for('soplint.coreScript')

/** How the core was loaded, for `SOPLINT_DEBUG_CORE` and the tests. */
export interface CoreLoad {
  file: string
  cache: 'used' | 'rejected' | 'stale' | 'absent'
}

/**
 * Load dist/core.cjs (a CommonJS bundle of src/index.ts, wrapped in a module function by the build) and return its exports. `file` is its
 * path; the code cache is the file of the same name with `.cache` for `.cjs`. The parts the core
 * loads on first use (the LaTeX and Word readers, the tagger: dist/latex.cjs and the others beside
 * it) are built and loaded the same way, each with its own cache.
 */
export function loadCore<T>(file: string): T {
  return loadScript(file, new Map()) as T
}

/** What loadScript() needs of a script it loaded before: its exports, and its cache writer. */
interface Loaded {
  exports: unknown
  write: () => boolean
}

// Every script this process loaded, for the build step that writes their caches.
const loaded: Loaded[] = []

function loadScript(file: string, scripts: Map<string, Loaded>): unknown {
  const known = scripts.get(file)
  if (known) return known.exports
  const source = readFileSync(file, 'latin1')
  const newline = source.indexOf('\n')
  const hash = source.startsWith(coreHeader) ? source.slice(coreHeader.length, newline) : ''
  const cacheFile = file.replace(/\.cjs$/, '.cache')
  let cachedData: Buffer | undefined
  let cache: CoreLoad['cache'] = 'absent'
  try {
    const data = readFileSync(cacheFile)
    // The cache file starts with the hash of the core it was made from, and a newline.
    if (hash && data.subarray(0, hash.length).toString('latin1') === hash && data[hash.length] === 10) cachedData = data.subarray(hash.length + 1)
    else cache = 'stale'
  } catch {
    // No cache: compile from source.
  }
  // The build wrapped the bundle in the function Node's CommonJS loader wraps a module in.
  // A dynamic import() inside the core (none today: the build turns them into requires) would
  // resolve as it does in any module rather than fail for want of a loader.
  const script = new vm.Script(source, {filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER})
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used'
  // Written at most once a process: the build's step writes it itself, and then exit need not.
  let written = false
  const entry: Loaded = {exports: undefined, write: () => (written ||= writeCodeCache(script, hash, cacheFile))}
  const module = {exports: {}}
  entry.exports = module.exports
  scripts.set(file, entry)
  loaded.push(entry)
  // The core requires the parts beside it (`./latex.cjs`) as it first needs them; those load here
  // too, from their caches. Everything else (Node's modules) is Node's require.
  const nodeRequire = createRequire(file)
  const require = Object.assign((id: string) => (/^\.\/[\w-]+\.cjs$/.test(id) ? loadScript(path.join(path.dirname(file), id), scripts) : nodeRequire(id)), nodeRequire)
  const run = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: {exports: unknown}, f: string, d: string) => void
  run.call(module.exports, module.exports, require, module, file, path.dirname(file))
  entry.exports = module.exports
  ;(globalThis as Record<symbol, unknown>)[coreScriptKey] = {write: () => loaded.map((l) => l.write()).every(Boolean)}
  if (process.env.SOPLINT_DEBUG_CORE) process.stderr.write(`soplint: core ${file}, code cache ${cache}\n`)
  // Renewal: a cache the core could not use (Node was upgraded, or the package was built with
  // another Node) is written anew when this process exits, holding all that its run compiled.
  // Only a main thread with Node's default flags writes one: V8 would reject a cache made under
  // other flags in every ordinary run.
  if (cache !== 'used' && hash && isMainThread && process.execArgv.length === 0 && !process.env.NODE_OPTIONS) {
    process.once('exit', () => {
      if (written) return
      const ok = entry.write()
      if (process.env.SOPLINT_DEBUG_CORE) process.stderr.write(`soplint: code cache ${ok ? 'written' : 'not written'}\n`)
    })
  }
  return module.exports
}

/**
 * Write the code cache of the loaded core (its hash, a newline, V8's data) through a temporary
 * file and a rename, so a reader never sees half a cache. False when it cannot be written (a
 * read-only install): the cache only saves time, so that is never an error.
 */
export function writeCodeCache(script: vm.Script, hash: string, file: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(hash + '\n', 'latin1'), script.createCachedData()]))
    renameSync(temporary, file)
    return true
  } catch {
    rmSync(temporary, {force: true})
    return false
  }
}
