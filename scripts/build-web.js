// Build the web page (web/) into dist/web/: a static folder any host can serve (`soplint web`,
// GitHub Pages). The page's script and its linting worker are ES modules bundled for the browser
// from the same sources as the CLI, split so that what is large (the LaTeX parser, the Word
// reader, the misspellings list) arrives as a separate chunk on first use. A service worker,
// written here with the list of every file, keeps the page working offline.
//
//   node scripts/build-web.js   (scripts/build.js runs buildWeb() with its own plugins)
import {build} from 'esbuild'
import {createHash} from 'node:crypto'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {bundleOptions} from './bundle-options.js'


/**
 * Build the page into `root`/dist/web. `plugins` are the build's own (YAML data, the prebuilt phrase
 * trie, ...), from bundleOptions(); passing the ones scripts/build.js already made computes the
 * phrase trie once.
 */
export async function buildWeb(root, plugins = bundleOptions(root).plugins) {
const out = path.join(root, 'dist/web')
const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
await rm(out, {recursive: true, force: true})
mkdirSync(out, {recursive: true})

const result = await build({
  absWorkingDir: root,
  entryPoints: {boot: 'web/boot.ts', main: 'web/main.ts', worker: 'web/worker.ts'},
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  // The core runs in a Web Worker, which has no `document`: packages with a "worker" export (the
  // HTML entity decoder micromark uses) must not get their DOM build from the "browser" condition.
  conditions: ['worker'],
  target: ['chrome111', 'firefox114', 'safari16.4'],
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: {SOPLINT_VERSION: JSON.stringify(version)},
  loader: {'.md': 'text'},
  plugins,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning'
})
writeFileSync(path.join(root, 'dist/web-meta.json'), JSON.stringify(result.metafile))

for (const file of ['index.html', 'style.css', 'icon.svg']) copyFileSync(path.join(root, 'web', file), path.join(out, file))

// The service worker caches every file of this build under a name that changes with its contents,
// so a new build replaces the old cache and an unchanged one is never fetched again.
const files = listFiles(out).sort()
const hash = createHash('sha256')
for (const file of files) hash.update(file).update(readFileSync(path.join(out, file)))
const sw = readFileSync(path.join(root, 'web/sw.js'), 'utf8')
  .replace('__SOPLINT_CACHE__', JSON.stringify(`soplint-${version}-${hash.digest('hex').slice(0, 12)}`))
  .replace('__SOPLINT_FILES__', JSON.stringify(['./', ...files]))
writeFileSync(path.join(out, 'sw.js'), sw)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb(process.cwd())

function listFiles(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`./${prefix}${name}`]
  })
}
