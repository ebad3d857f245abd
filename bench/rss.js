// Peak memory of a Node program: `node bench/rss.js <out.json> <script> [args...]` runs the script
// as if it were started directly (process.argv as usual) and, at exit, writes the process's
// resident set size high-water mark (process.resourceUsage().maxRSS, in kB) to <out.json>. With
// `-` for the script it measures an empty Node process, the baseline.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const [out, script, ...args] = process.argv.slice(2)
process.on('exit', () => writeFileSync(out, JSON.stringify({maxRSSkB: process.resourceUsage().maxRSS})))
if (script !== '-') {
  const file = path.resolve(script)
  process.argv = [process.argv[0], file, ...args]
  await import(pathToFileURL(file).href)
}
