// --annotate: after linting, write a copy of each Word statement with the findings as comments
// (sop.docx -> sop.soplint.docx, or the path -o names when there is one file). The original is
// read, never written; the copy is written to a temporary file and renamed into place.
import {randomBytes} from 'node:crypto'
import {readFile, rename, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../core/errors.ts'
import type {FileResult} from '../formatters/index.ts'
import {readWordDocument} from '../node/files.ts'

/** An input as run() holds it: enough to find the file and the text its findings count in. */
interface Annotatable {
  filePath: string
  shown: string
  text: string
  format: string
  stdin?: boolean
}

/** Where the annotated copy of `file` goes: -o when given, else `name.soplint.docx` beside it. */
export function annotatedPath(file: string, outputFile: string | undefined): string {
  if (outputFile) return path.resolve(outputFile)
  const ext = path.extname(file)
  return path.join(path.dirname(file), `${path.basename(file, ext)}.soplint${ext || '.docx'}`)
}

/** Refuse, before linting, what --annotate cannot do; throws one line. */
export function checkAnnotate(inputs: readonly Annotatable[], outputFile: string | undefined): void {
  for (const input of inputs) {
    if (input.stdin) throw new InputError('--annotate writes a copy of a Word file beside it; it does not read standard input')
    if (input.format !== 'docx') throw new InputError(`--annotate: ${input.shown} is not a Word document (.docx); only Word documents take comments`)
  }
  if (outputFile && inputs.length > 1) throw new InputError(`--annotate: -o names one copy, but ${inputs.length} Word documents were given; leave out -o to write each beside its original`)
  for (const input of inputs) {
    if (annotatedPath(input.filePath, outputFile) === path.resolve(input.filePath)) throw new InputError(`--annotate: -o ${outputFile} is the original document; name another file`)
  }
}

/** Write the annotated copies; returns the lines to print (one per copy, and one per finding left out). */
export async function writeAnnotated(inputs: readonly Annotatable[], results: readonly FileResult[], outputFile: string | undefined, cwd: string): Promise<string[]> {
  const {annotateDocx} = await import('../formatters/docx-comments.ts')
  const lines: string[] = []
  for (const input of inputs) {
    const result = results.find((r) => r.filePath === input.filePath)
    if (!result) continue
    const bytes = await readFile(input.filePath).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`${input.shown}: cannot be read again to annotate it (${error.code ?? error.message})`)
    })
    // The findings count in the text that was linted; a file saved since then would misplace them.
    if ((await readWordDocument(bytes, input.shown)).text !== input.text) throw new InputError(`${input.shown}: changed while it was being linted; run soplint --annotate again`)
    let annotated
    try {
      annotated = await annotateDocx(bytes, input.text, result.messages)
    } catch (error) {
      throw new InputError(`${input.shown}: cannot be annotated (${(error as Error).message})`)
    }
    const out = annotatedPath(input.filePath, outputFile)
    const shown = path.relative(cwd, out) || out
    const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(4).toString('hex')}.tmp`)
    try {
      await writeFile(temporary, annotated.bytes)
      await rename(temporary, out)
    } catch (error) {
      await unlink(temporary).catch(() => {})
      throw new InputError(`${shown}: cannot write the annotated copy (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    const count = annotated.comments
    lines.push(`wrote ${shown} (${count} comment${count === 1 ? '' : 's'})`)
    for (const m of annotated.unplaced) lines.push(`warning: ${input.shown}:${m.line}:${m.column}: no place in the document for this finding's comment (${m.ruleId}); it is in the report only`)
  }
  return lines
}
