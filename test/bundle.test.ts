// The bundled build loads its core from dist/core.cjs with a V8 code cache (src/node/bundle/load-core.ts).
// The cache only saves time: a missing, stale or corrupt one must give the same report. These tests
// run copies of the real bin/ and dist/ with the cache in each state.
import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const example = path.resolve('examples/statement.md')
let dir: string

/** Run the copied bin on the example; stderr carries the loader's line. */
function run(args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(dir, 'bin/soplint.js'), '--format', 'json', ...args, example], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', SOPLINT_DEBUG_CORE: '1', NODE_OPTIONS: '', ...env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const cacheFile = () => path.join(dir, 'dist/core.cache')
const cacheStates = (stderr: string) => [...stderr.matchAll(/, code cache (\w+)/g)].map((m) => m[1])

describe('the bundled core and its code cache', () => {
  let expected: string
  let pristine: Buffer

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'soplint-bundle-'))
    cpSync(path.resolve('bin'), path.join(dir, 'bin'), {recursive: true})
    cpSync(path.resolve('dist'), path.join(dir, 'dist'), {recursive: true})
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n')
    pristine = readFileSync(cacheFile())
    const first = run()
    expect(first.code).toBe(1)
    expected = first.stdout
    expect(JSON.parse(expected)[0].messages.length).toBeGreaterThan(20)
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('starts from the cache the build wrote', () => {
    const {stderr} = run()
    expect(cacheStates(stderr)).toEqual(['used'])
  })

  it('reads the misspellings list from its file, accents and all', () => {
    const result = spawnSync(process.execPath, [path.join(dir, 'bin/soplint.js'), '--format', 'json', '-'], {input: 'We spent a week in an old chateao near Lyon.\n', encoding: 'utf8'})
    const messages = JSON.parse(result.stdout)[0].messages.filter((m: {ruleId: string}) => m.ruleId === 'spelling')
    expect(messages.map((m: {message: string}) => m.message)).toEqual([expect.stringContaining('château')])
  })

  it('writes no cache from a run with other V8 flags, which V8 would reject in an ordinary run', () => {
    rmSync(cacheFile())
    try {
      const {stdout, stderr} = run([], {NODE_OPTIONS: '--max-old-space-size=3000'})
      expect(cacheStates(stderr)).toEqual(['absent'])
      expect(stderr).not.toContain('written')
      expect(stdout).toBe(expected)
      expect(() => readFileSync(cacheFile())).toThrow()
    } finally {
      writeFileSync(cacheFile(), pristine)
    }
  })

  it('uses the cache in every worker thread as well', () => {
    const other = path.join(dir, 'other.md')
    cpSync(example, other)
    const {stdout, stderr} = run(['--format', 'json', other], {SOPLINT_WORKERS: '2'})
    expect(cacheStates(stderr)).toEqual(['used', 'used', 'used'])
    const report = JSON.parse(stdout)
    expect(report).toHaveLength(2)
    expect(JSON.stringify(report[1].messages)).toBe(JSON.stringify(JSON.parse(expected)[0].messages))
  })

  // Each way the cache can be unusable: the run compiles from source, reports the same, and
  // writes a cache at exit that the next run uses.
  const spoiled: Array<[string, 'absent' | 'stale' | 'rejected', () => void]> = [
    ['without a cache', 'absent', () => rmSync(cacheFile())],
    ['with a cache made from another build of the core', 'stale', () => {
      const other = Buffer.from(pristine)
      other.write('0'.repeat(64), 0, 'latin1')
      writeFileSync(cacheFile(), other)
    }],
    ['with a corrupt cache, which V8 rejects', 'rejected', () => {
      const corrupt = Buffer.from(pristine)
      for (let i = 65; i < corrupt.length; i += 97) corrupt[i] ^= 0x5a
      writeFileSync(cacheFile(), corrupt)
    }]
  ]
  for (const [how, state, spoil] of spoiled) {
    it(`gives the same report ${how}, and writes a cache the next run uses`, () => {
      spoil()
      try {
        const {code, stdout, stderr} = run()
        expect(cacheStates(stderr)).toEqual([state])
        expect(code).toBe(1)
        expect(stdout).toBe(expected)
        expect(stderr).toContain('soplint: code cache written')
        const again = run()
        expect(cacheStates(again.stderr)).toEqual(['used'])
        expect(again.stderr).not.toContain('written')
        expect(again.stdout).toBe(expected)
      } finally {
        writeFileSync(cacheFile(), pristine)
      }
    })
  }

  // The parts the core loads on first use are built and cached as the core is: a LaTeX statement
  // with a sentence for the tagger loads the LaTeX reader and the tagger, each from its cache.
  it('loads the LaTeX reader and the tagger from their caches, and renews a missing one', () => {
    const tex = path.join(dir, 'statement.tex')
    writeFileSync(tex, '\\documentclass{article}\n\\begin{document}\nI built the \\emph{tools} that makes the pipeline reproducible.\n\\end{document}\n')
    const lintTex = () => {
      const result = spawnSync(process.execPath, [path.join(dir, 'bin/soplint.js'), '--format', 'json', tex], {encoding: 'utf8', env: {...process.env, SOPLINT_DEBUG_CORE: '1', NODE_OPTIONS: ''}})
      const states = Object.fromEntries([...result.stderr.matchAll(/soplint: core .*[\\/](\w+)\.cjs, code cache (\w+)/g)].map((m) => [m[1], m[2]]))
      const found = (JSON.parse(result.stdout)[0].messages as Array<{ruleId: string; message: string}>).filter((m) => m.ruleId === 'grammar-pattern').map((m) => m.message)
      return {states, found, stderr: result.stderr}
    }
    const first = lintTex()
    expect(first.states).toEqual({core: 'used', latex: 'used', tagger: 'used'})
    expect(first.found).toEqual([expect.stringContaining('`makes` does not agree with the plural `tools`')])
    const latexCache = path.join(dir, 'dist/latex.cache')
    const kept = readFileSync(latexCache)
    rmSync(latexCache)
    try {
      const renewed = lintTex()
      expect(renewed.states).toEqual({core: 'used', latex: 'absent', tagger: 'used'})
      expect(renewed.found).toEqual(first.found)
      expect(renewed.stderr).toContain('soplint: code cache written')
      expect(lintTex().states).toEqual({core: 'used', latex: 'used', tagger: 'used'})
    } finally {
      writeFileSync(latexCache, kept)
    }
  })
})

// The Node build writes its scripts in ASCII (scripts/build.js); an escape that meant something
// else once made the bundled tagger split every word at a `u`.
describe('the scripts of the Node build', () => {
  it('write characters outside ASCII as escapes that mean the same', async () => {
    const options = '../scripts/bundle-options.js'
    const {asciiSource} = (await import(options)) as {asciiSource: (source: string) => string}
    const samples = ['/[\\-\\–\\—]/gi', '/^[a-z][a-z\\-\\–]*$/', "/\\’s$|\\'s$/", '"caf\\é"', '"\\\\–"', '`é ${"ü"}`', '/[é-ü]/', '"😀"', '/\\\\\\–/']
    const probes = ['-', '–', '—', 'u', '2', '0', '\\', "'s", '’s', 'é', 'ë', '\\–', 'z']
    const value = (source: string) => {
      const v = new Function(`return ${source}`)() as unknown
      return v instanceof RegExp ? `${v.flags} ${probes.map((p) => new RegExp(v.source, v.flags.replace('g', '')).test(p)).join()}` : v
    }
    for (const sample of samples) {
      const ascii = asciiSource(sample)
      expect(ascii).toMatch(/^[\0-\x7f]*$/)
      expect(value(ascii), sample).toEqual(value(sample))
    }
  })

  it('tag as the sources do', async () => {
    const {loadCore} = await import('../src/node/bundle/load-core.ts')
    const {makeTagger} = await import('../rules/data/tagger.ts')
    const bundled = loadCore<{makeTagger: typeof makeTagger}>(path.resolve('dist/tagger.cjs')).makeTagger()
    const sources = makeTagger()
    const files = (dir: string): string[] =>
      readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(md|tex|txt)$/.test(e.name) ? [path.join(dir, e.name)] : []))
    const texts = ['fixtures', 'examples', 'test/eval/written'].flatMap(files).flatMap((file) => readFileSync(file, 'utf8').split(/\n\s*\n/).filter((t) => /\w/.test(t)))
    expect(texts.length).toBeGreaterThan(300)
    expect(texts.map((t) => bundled(t))).toEqual(texts.map((t) => sources(t)))
  }, 120_000)
})
