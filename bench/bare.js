// The bare stack soplint is built on, for comparison: remark-parse -> remark-retext bridge ->
// retext-english with only retext-readability and retext-passive. Imported, it exports a linter
// with the same shape as soplint's lint() (text in, messages out). Run as a script
// (`node bench/bare.js file.md`), it is the "small script" of the cold-start comparison: it reads
// the file, lints it, prints one line per message.
import {readFile} from 'node:fs/promises'
import {pathToFileURL} from 'node:url'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'

/** A processor for the bare pipeline, built once and reused, as a long-lived linter would. */
export function bareProcessor() {
  return unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextReadability).use(retextPassive)).freeze()
}

/** Lint text with the bare pipeline; resolves to the vfile messages. */
export async function bareLint(processor, text) {
  const file = new VFile(text)
  await processor.run(processor.parse(file), file)
  return file.messages
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = process.argv[2]
  const messages = await bareLint(bareProcessor(), await readFile(name, 'utf8'))
  process.stdout.write(messages.map((m) => `${name}:${m.line}:${m.column} ${m.reason} ${m.source}`).join('\n') + '\n')
}
