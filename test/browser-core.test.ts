// One core for Node and the browser. The build writes dist/browser/ (ES modules for a Web Worker)
// from the same sources as the Node build; these tests hold it to that: nothing of Node reaches
// the core, and the browser build, run where Node's globals are gone, finds exactly what the Node
// build finds.
import {builtinModules} from 'node:module'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

const root = path.resolve(import.meta.dirname, '..')

/** Phrase lists are YAML; the build bundles them as JSON, and so does this test. */
const yamlPlugin = {
  name: 'yaml',
  setup(b: import('esbuild').PluginBuild) {
    b.onLoad({filter: /\.yml$/}, (args) => ({contents: JSON.stringify(parseYaml(readFileSync(args.path, 'utf8'))), loader: 'json'}))
  }
}

/** Node's globals that a browser lacks; a reference to any of them in our own code is a Node reach. */
const nodeGlobals = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate', 'clearImmediate']

/** Source text without comments and string or template contents, so only code is searched. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''")
}

describe('the core bundled for a browser', () => {
  it('has no Node built-in among its inputs and no Node global in our own code', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      conditions: ['worker'],
      format: 'esm',
      splitting: true,
      outdir: 'out',
      write: false,
      metafile: true,
      define: {SOPLINT_VERSION: '"test"'},
      plugins: [yamlPlugin],
      logLevel: 'silent'
    })
    const inputs = Object.keys(result.metafile.inputs)
    const builtins = new Set(builtinModules)
    expect(inputs.filter((p) => p.startsWith('node:') || builtins.has(p))).toEqual([])
    const own = inputs.filter((p) => /^(src|rules)\//.test(p) && p.endsWith('.ts'))
    expect(own).toContain('src/core/lint.ts')
    expect(own.filter((p) => /^src\/(cli|lsp|node|formatters)\//.test(p)), 'a front end or Node I/O reached the core').toEqual([])
    const reaches = own.flatMap((file) => {
      const code = codeOnly(readFileSync(path.join(root, file), 'utf8'))
      return nodeGlobals.filter((name) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])(?!\\s*:)`).test(code)).map((name) => `${file}: ${name}`)
    })
    expect(reaches).toEqual([])
  })

  it('finds what the Node build and the sources find on every fixture, run where Node globals are gone', async () => {
    const dir = path.join(root, 'fixtures')
    const cases = readdirSync(dir).flatMap((rule) =>
      readdirSync(path.join(dir, rule))
        .filter((f) => /\.(md|txt|tex|docx)$/.test(f))
        .map((f) => path.join(dir, rule, f))
    )
    expect(cases.length).toBeGreaterThan(40)
    const lintAll = `
      const results = []
      for (const file of files) {
        const format = file.name.endsWith('.docx') ? 'docx' : file.name.endsWith('.tex') ? 'tex' : file.name.endsWith('.txt') ? 'txt' : 'md'
        try {
          const options = {filePath: file.name, format}
          let text = file.text
          if (format === 'docx') {
            const word = await core.readDocx(file.bytes)
            text = word.text
            options.mdast = word.mdast
          }
          const result = await core.lint(text, options)
          results.push(result.messages.map((m) => [m.ruleId, m.offset, m.endOffset, m.message, m.expected.join('|')].join(' ')))
        } catch (error) {
          results.push('error: ' + error.message)
        }
      }
    `
    const files: Array<{name: string; text?: string; bytes?: Uint8Array}> = cases.map((file) => ({name: path.relative(root, file), ...(file.endsWith('.docx') ? {bytes: new Uint8Array(readFileSync(file))} : {text: readFileSync(file, 'utf8')})}))
    const inBrowserBuild = await new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(
        `const {parentPort, workerData} = require('node:worker_threads')
        for (const name of ${JSON.stringify(nodeGlobals)}) delete globalThis[name]
        // What a Web Worker's global scope has and Node's lacks: libraries look for it there.
        globalThis.self = globalThis
        const left = ${JSON.stringify(nodeGlobals)}.filter((n) => n in globalThis)
        ;(async () => {
          const core = await import(workerData.url)
          const files = workerData.files
          ${lintAll}
          parentPort.postMessage({results, globals: left})
        })().catch((error) => parentPort.postMessage({error: String(error && error.stack || error)}))`,
        {eval: true, workerData: {url: pathToFileURL(path.join(root, 'dist/browser/core.js')).href, files}}
      )
      worker.once('message', (message) => {
        void worker.terminate()
        resolve(message)
      })
      worker.once('error', reject)
    })
    const {results, globals, error} = inBrowserBuild as {results?: unknown[]; globals?: string[]; error?: string}
    expect(error).toBeUndefined()
    expect(globals).toEqual([])

    const inNodeBuild = await lintFiles(await import(pathToFileURL(path.join(root, 'dist/index.js')).href), files)
    expect(results).toEqual(inNodeBuild)
    // And both are what the sources find: a build-time patch of a dependency (scripts/bundle-options.js)
    // must not change a finding.
    const inSources = await lintFiles(await import('../src/index.ts'), files)
    expect(inNodeBuild).toEqual(inSources)
    expect(inNodeBuild.flat().length).toBeGreaterThan(100)
    expect(inNodeBuild.filter((r) => typeof r === 'string').length, 'the damaged Word fixtures fail alike').toBeGreaterThan(0)
  }, 60_000)
})

/** Each file's findings as one line each, or its error, through a core's public API. */
async function lintFiles(core: {lint: Function; readDocx: Function}, files: Array<{name: string; text?: string; bytes?: Uint8Array}>): Promise<unknown[]> {
  const out: unknown[] = []
  for (const file of files) {
    const format = file.name.endsWith('.docx') ? 'docx' : file.name.endsWith('.tex') ? 'tex' : file.name.endsWith('.txt') ? 'txt' : 'md'
    const options: Record<string, unknown> = {filePath: file.name, format}
    try {
      let text = file.text
      if (format === 'docx') {
        const word = await core.readDocx(file.bytes!)
        text = word.text
        options.mdast = word.mdast
      }
      const result = await core.lint(text, options)
      out.push(result.messages.map((m: {ruleId: string; offset: number; endOffset: number; message: string; expected: string[]}) => [m.ruleId, m.offset, m.endOffset, m.message, m.expected.join('|')].join(' ')))
    } catch (error) {
      out.push('error: ' + (error as Error).message)
    }
  }
  return out
}
