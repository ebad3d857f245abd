// Bundle the TypeScript sources into dist/ with esbuild. Splitting keeps start-up lean:
// `soplint --version` loads only the CLI chunk; the linting core loads when a file is linted.
import {build} from 'esbuild'
import {readFile, rm} from 'node:fs/promises'
import {parse} from 'yaml'

const {version} = JSON.parse(await readFile('package.json', 'utf8'))

const yamlPlugin = {
  name: 'yaml',
  setup(b) {
    b.onLoad({filter: /\.yml$/}, async (args) => ({contents: JSON.stringify(parse(await readFile(args.path, 'utf8'))), loader: 'json'}))
  }
}

await rm('dist', {recursive: true, force: true})
await build({
  entryPoints: {cli: 'src/cli/index.ts', index: 'src/index.ts', worker: 'src/cli/worker.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {js: "import {createRequire as __soplintRequire} from 'node:module'; const require = __soplintRequire(import.meta.url);"},
  define: {SOPLINT_VERSION: JSON.stringify(version)},
  plugins: [yamlPlugin],
  logLevel: 'warning'
})
