// Bundle the TypeScript sources into dist/ with esbuild. Splitting keeps start-up lean:
// `soplint --version` loads only the CLI chunk; the linting core loads when a file is linted.
import {build} from 'esbuild'
import {rm} from 'node:fs/promises'
import {bundleOptions} from './bundle-options.js'

await rm('dist', {recursive: true, force: true})
await build({
  ...bundleOptions(process.cwd()),
  entryPoints: {cli: 'src/cli/index.ts', index: 'src/index.ts', worker: 'src/cli/worker.ts'},
  outdir: 'dist',
  legalComments: 'linked'
})
