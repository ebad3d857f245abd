// Write dist/core.cache: V8's code cache of the bundled core after it has linted the bundled
// example, so that it holds the bytecode of every function a lint runs, not only the top level.
// Run by scripts/build.js with the same node and no flags, as the CLI runs.
import {readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// A cache left by an earlier build would be reported stale and renewed at exit; start clean.
rmSync(path.join(root, 'dist/core.cache'), {force: true})
const {lint} = await import(path.join(root, 'dist/index.js'))
const example = readFileSync(path.join(root, 'examples/statement.md'), 'utf8')
await lint(example, {filePath: 'statement.md'})
await lint(example.replace(/[*_#[\]]/g, ''), {filePath: 'statement.txt', format: 'txt'})

if (!globalThis[Symbol.for('soplint.coreScript')].write()) {
  console.error('scripts/code-cache.js: could not write dist/core.cache')
  process.exit(1)
}
