// Write dist/core.cache: V8's code cache of the bundled core after it has linted the bundled
// example, so that it holds the bytecode of every function a lint runs, not only the top level;
// and the caches of the parts the core loads on first use, after each has been used.
// Run by scripts/build.js with the same node and no flags, as the CLI runs.
import {existsSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Caches left by an earlier build would be reported stale and renewed at exit; start clean.
for (const name of ['core', 'latex', 'docx', 'tagger']) rmSync(path.join(root, `dist/${name}.cache`), {force: true})
const {lint, readDocx} = await import(path.join(root, 'dist/index.js'))
const example = readFileSync(path.join(root, 'examples/statement.md'), 'utf8')
await lint(example, {filePath: 'statement.md'})
await lint(example.replace(/[*_#[\]]/g, ''), {filePath: 'statement.txt', format: 'txt'})
// The parts loaded on first use: the LaTeX reader on the example as LaTeX, the tagger on a
// sentence grammar-pattern tags, the Word reader on a document of the fixtures when they are there.
const latex = example
  .replace(/^# (.*)$/gm, '\\section{$1}')
  .replace(/\*\*([^*]+)\*\*/g, '\\textbf{$1}')
  .replace(/\*([^*]+)\*/g, '\\emph{$1}')
await lint(`\\documentclass{article}\n\\begin{document}\n${latex}\n% a comment\n\\end{document}\n`, {filePath: 'statement.tex'})
await lint('I built the tools that makes the pipeline reproducible, and he always write tests.', {filePath: 'tagged.md'})
const docx = path.join(root, 'fixtures/_formats/statement.docx')
if (existsSync(docx)) {
  const {text, mdast} = await readDocx(readFileSync(docx))
  await lint(text, {filePath: 'statement.docx', format: 'docx', mdast})
}

if (!globalThis[Symbol.for('soplint.coreScript')].write()) {
  console.error('scripts/code-cache.js: could not write the code caches in dist/')
  process.exit(1)
}
