// Bundle the TypeScript sources into dist/ with esbuild.
//
// - dist/core.cjs: the linting core (src/index.ts and everything it imports) as one CommonJS
//   file, so that it can be compiled from a V8 code cache (src/node/bundle/load-core.ts);
// - dist/misspellings.txt, dist/dictionary.txt: the spelling rule's lists, read by the core on first use;
// - dist/core.cache: that cache, made by linting the bundled example once (scripts/code-cache.js);
// - dist/cli.js, dist/index.js, dist/worker.js, dist/lsp-worker.js and dist/chunks/: the CLI, the
//   public API, the batch's worker thread and the language server's as ES modules, split so that
//   `soplint --version` loads only the CLI chunk. Every import of src/index.ts in them is pointed
//   at src/node/bundle/core.ts, which loads dist/core.cjs;
// - dist/browser/: the core as ES modules for a browser's Web Worker.
import {build, transform} from 'esbuild'
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {asciiSource, bundleOptions, taggerModel, taggerModelParts} from './bundle-options.js'
import {prebuiltValues} from './prebuilt-phrases.js'

const root = process.cwd()
const options = bundleOptions(root)
const coreEntry = path.join(root, 'src/index.ts')
const coreShim = path.join(root, 'src/node/bundle/core.ts')

/** Resolve every import of src/index.ts to the shim that loads dist/core.cjs. */
const useBundledCore = {
  name: 'bundled-core',
  setup(b) {
    b.onResolve({filter: /(^|\/)index\.ts$/}, (args) => {
      if (!args.importer || path.resolve(args.resolveDir, args.path) !== coreEntry) return undefined
      return {path: coreShim}
    })
  }
}

await rm('dist', {recursive: true, force: true})

/**
 * The two front ends with large dependencies stay out of the core; it requires them on the first
 * file of their format. So does the part-of-speech tagger (a 4.6 MB model), on the first text with
 * a sentence for it.
 */
const frontEnds = {latex: path.join(root, 'src/core/formats/latex.ts'), docx: path.join(root, 'src/core/formats/docx.ts'), tagger: path.join(root, 'rules/data/tagger.ts')}
const separateFrontEnds = {
  name: 'separate-front-ends',
  setup(b) {
    b.onResolve({filter: /(^|\/)(latex|docx|tagger)\.ts$/}, (args) => {
      const file = path.resolve(args.resolveDir, args.path)
      const name = Object.keys(frontEnds).find((key) => frontEnds[key] === file)
      return name && args.kind === 'dynamic-import' ? {path: `./${name}.cjs`, external: true} : undefined
    })
  }
}

/**
 * The word lists (rules/data/misspellings.ts, 2 MB; rules/data/dictionary.ts, the speller's 3 MB)
 * are files beside the core rather than strings in it: read as Latin-1, Node keeps them outside the
 * JavaScript heap, so neither the code cache nor the garbage collector carries them (a cold run was
 * about 14 ms faster without the misspellings in the core).
 */
const wordLists = ['misspellings', 'dictionary'].map((name) => ({name, module: path.join(root, `rules/data/${name}.ts`)}))
const wordListFiles = {
  name: 'word-list-files',
  setup(b) {
    b.onLoad({filter: /[\\/](misspellings|dictionary)\.ts$/}, (args) => {
      const list = wordLists.find((l) => l.module === args.path)
      return list ? {contents: `export default require('node:fs').readFileSync(require('node:path').join(__dirname, '${list.name}.txt'), 'latin1')`, loader: 'js'} : undefined
    })
  }
}
for (const list of wordLists) {
  const {code} = await transform(readFileSync(list.module, 'utf8'), {loader: 'ts', format: 'cjs'})
  const module = {exports: {}}
  new Function('module', 'exports', code)(module, module.exports)
  list.text = module.exports.default
  if (/[^\0-\xff]/.test(list.text)) throw new Error(`rules/data/${list.name}.ts: a character outside Latin-1 cannot be written to dist/${list.name}.txt`)
}

/**
 * What the build computes from the sources (scripts/prebuilt-phrases.js): the phrase trie, the
 * expanded families and the grouped university names, 0.9 MB of strings, are files beside the core
 * too, read when it loads: as strings in it, V8 carried each twice, in dist/core.cjs and in the
 * code cache, and that was most of what a cold run on a short statement spent more than before.
 */
const prebuilt = await prebuiltValues(options.plugins.find((p) => p.name === 'prebuilt-phrases'))
if (prebuilt.error) throw prebuilt.error
const computed = [
  {module: /[\\/]src[\\/]core[\\/]phrase-trie\.ts$/, file: 'phrase-trie.json', text: prebuilt.value.trie, exported: 'const prebuiltTrie ='},
  {module: /[\\/]rules[\\/]data[\\/]expanded-patterns\.ts$/, file: 'expanded-patterns.json', text: prebuilt.value.expansions, exported: 'const prebuiltExpansions ='},
  {module: /[\\/]rules[\\/]data[\\/]universities\.ts$/, file: 'universities.txt', text: prebuilt.value.universities, exported: 'default'}
]
const computedFiles = {
  name: 'computed-files',
  setup(b) {
    for (const c of computed) {
      // Latin-1 where the text allows, which Node reads without decoding.
      const encoding = /[^\0-\xff]/.test(c.text) ? 'utf8' : 'latin1'
      b.onLoad({filter: c.module}, () => ({contents: `export ${c.exported} require('node:fs').readFileSync(require('node:path').join(__dirname, '${c.file}'), '${encoding}')`, loader: 'js'}))
    }
  }
}

const {banner, chunkNames, ...common} = options
const commonjs = {...common, splitting: false, format: 'cjs', outExtension: {'.js': '.cjs'}, outdir: 'dist', legalComments: 'linked', supported: {'dynamic-import': false}}
await build({...commonjs, entryPoints: {core: 'src/index.ts'}, plugins: [computedFiles, ...common.plugins, separateFrontEnds, wordListFiles]})
for (const c of computed) writeFileSync(path.join(root, `dist/${c.file}`), c.text, /[^\0-\xff]/.test(c.text) ? 'utf8' : 'latin1')
for (const list of wordLists) {
  writeFileSync(path.join(root, `dist/${list.name}.txt`), list.text, 'latin1')
  copyFileSync(path.join(root, `rules/data/${list.name}.LICENSE`), path.join(root, `dist/${list.name}.LICENSE`))
}
// The tagger's core model (3 MB of JSON) is two files beside it: its JSON, read as Latin-1 and
// parsed (as a string in dist/tagger.cjs, V8 scanned it twice, compiling the bundle and then the
// module holding it), and its three arrays of numbers as bytes (see taggerModel in
// bundle-options.js). Characters outside ASCII, which JSON has only inside strings, are \u escapes.
const taggerParts = taggerModelParts(createRequire(import.meta.url).resolve('wink-eng-lite-web-model/dist/read-core-model.js'), true)
writeFileSync(path.join(root, 'dist/tagger-model.json'), JSON.stringify(taggerParts.json).replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1')
writeFileSync(path.join(root, 'dist/tagger-model.bin'), taggerParts.bytes)
const besideTagger = (name, encoding) => `require('node:fs').readFileSync(require('node:path').join(__dirname, '${name}')${encoding ? `, '${encoding}'` : ''})`
const taggerModelBeside = taggerModel({json: () => besideTagger('tagger-model.json', 'latin1'), binary: () => besideTagger('tagger-model.bin')})
await build({...commonjs, entryPoints: frontEnds, plugins: [taggerModelBeside, ...common.plugins]})

// The core is read as Latin-1, a plain copy of its bytes: esbuild leaves some characters outside
// ASCII in regular expressions and comments, and a \u escape means the same there (asciiSource in
// bundle-options.js). So are the parts it loads on first use (dist/latex.cjs, docx.cjs,
// tagger.cjs), each with a code cache of its own: compiling them from source cost a .tex file's
// run about 5% of its time.
for (const name of ['core', ...Object.keys(frontEnds)]) {
  const file = path.join(root, `dist/${name}.cjs`)
  const ascii = asciiSource(readFileSync(file, 'utf8'))
  // Wrapped as Node wraps a CommonJS module, here rather than at load time: wrapping 4 MB of source
  // in a template string at every start made a second copy of it for the garbage collector.
  const body = `(function (exports, require, module, __filename, __dirname) {${ascii}\n})`
  // The first line names this build of the script, so that a code cache made from another is never used.
  const hash = createHash('sha256').update(body, 'latin1').digest('hex')
  writeFileSync(file, `// soplint core ${hash}\n${body}`, 'latin1')
}

await build({
  ...options,
  entryPoints: {cli: 'src/cli/index.ts', index: 'src/node/bundle/core.ts', worker: 'src/cli/worker.ts', 'lsp-worker': 'src/lsp/worker.ts'},
  outdir: 'dist',
  legalComments: 'linked',
  plugins: [...options.plugins, useBundledCore]
})

// dist/browser/: the same core for a browser's Web Worker, from the same sources: ES modules, split,
// so that the LaTeX and Word readers and the large data sets (dynamic imports in the core) are
// chunks a browser fetches on first use. It has none of the Node build's speed-ups (the code
// cache, the misspellings file); test/browser-core.test.ts holds it to the Node build's findings.
// The `worker` condition picks packages' builds for workers: micromark's entity decoder otherwise
// takes its DOM build, which needs `document`, and a Web Worker has none.
const {banner: _nodeBanner, ...browserBase} = options
await build({...browserBase, platform: 'browser', conditions: ['worker'], target: 'es2022', entryPoints: {core: 'src/index.ts'}, outdir: 'dist/browser', legalComments: 'linked'})

execFileSync(process.execPath, [path.join(root, 'scripts/code-cache.js')], {stdio: 'inherit'})

// The web page (web/) into dist/web/, bundled for the browser from the same sources.
const {buildWeb} = await import('./build-web.js')
await buildWeb(root, options.plugins)
