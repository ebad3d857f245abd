// Turning command-line paths into statements to lint, with a clear line for every bad input.
import {readFile, stat, readdir} from 'node:fs/promises'
import path from 'node:path'
import {InputError, isInputError} from '../core/errors.ts'
import {formatExtensions, readDocx, type DocxDocument} from '../index.ts'
import {assemble, type Assembled} from '../core/formats/include.ts'

/** File extensions searched for in directories: every format soplint reads. */
export const statementExtensions = Object.keys(formatExtensions)

/** The largest Word file soplint reads (pictures make a .docx far larger than its text). */
export const maxDocxBytes = 25 * 1024 * 1024

/** The largest statement soplint reads. */
export const maxBytes = 5 * 1024 * 1024

/** Expand paths, directories and globs into files; throws an InputError for a path that matches nothing. */
export async function expandPaths(patterns: string[], cwd: string): Promise<{files: string[]; errors: string[]}> {
  const files: string[] = []
  const errors: string[] = []
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await walk(absolute)
      if (found.length === 0) errors.push(`${pattern}: the directory holds no statements (${statementExtensions.join(', ')})`)
      files.push(...found)
    } else if (info) {
      files.push(absolute)
    } else if (/[*?[\]{}]/.test(pattern)) {
      const {glob} = await import('tinyglobby')
      let found: string[]
      try {
        found = await glob(pattern, {cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**']})
      } catch (error) {
        errors.push(`${pattern}: not a valid glob (${(error as Error).message.split('\n')[0]})`)
        continue
      }
      if (found.length === 0) errors.push(`${pattern}: no files match this pattern`)
      files.push(...found.sort())
    } else {
      errors.push(`${pattern}: no such file or directory`)
    }
  }
  return {files: [...new Set(files)], errors}
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  const entries = await readdir(dir, {withFileTypes: true})
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else if (entry.isFile() && statementExtensions.includes(path.extname(entry.name).toLowerCase())) out.push(full)
  }
  return out
}

// Kinds of file people try that soplint does not read, named as people know them.
const otherTypes: Record<string, string> = {
  '.pdf': 'a PDF file',
  '.html': 'an HTML file',
  '.htm': 'an HTML file',
  '.doc': 'a Word 97-2003 document (.doc)',
  '.odt': 'an OpenDocument text',
  '.rtf': 'an RTF document',
  '.pages': 'a Pages document'
}

/**
 * Refuse a file named on the command line whose extension is not a format soplint reads (a
 * file with no extension is read as Markdown). Without this a .pdf was read as Markdown and an
 * .html file passed with no findings. `--format-in` names the format and skips the check.
 */
export function checkExtension(file: string, shown: string): void {
  const ext = path.extname(file).toLowerCase()
  if (!ext || statementExtensions.includes(ext)) return
  const what = otherTypes[ext] ?? `a ${ext} file`
  throw new InputError(`${shown}: is ${what}, which soplint does not read; save the statement as Markdown (.md), plain text (.txt), LaTeX (.tex) or Word (.docx), or name its format with --format-in`)
}

/** Read a statement as UTF-8 text, refusing binary, invalid, empty and oversized files. */
export async function readStatement(file: string, shown = file): Promise<string> {
  return decode(await readBytes(file, shown, maxBytes), shown)
}

/** Read a file's bytes, refusing a missing, unreadable or oversized file. */
export async function readBytes(file: string, shown: string, limit: number): Promise<Buffer> {
  let info
  try {
    info = await stat(file)
  } catch {
    throw new InputError(`${shown}: no such file`)
  }
  if (info.isDirectory()) throw new InputError(`${shown}: is a directory`)
  if (info.size > limit) throw new InputError(`${shown}: is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${limit / 1024 / 1024} MB limit for a statement`)
  try {
    return await readFile(file)
  } catch (error) {
    throw new InputError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/** Extract a Word document's text and tree from its bytes; a bad file is one line naming it. */
export async function readWordDocument(bytes: Uint8Array, shown: string): Promise<DocxDocument> {
  if (bytes.length > maxDocxBytes) throw new InputError(`${shown}: is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${maxDocxBytes / 1024 / 1024} MB limit for a Word statement`)
  try {
    const doc = await readDocx(bytes)
    if (!/\S/.test(doc.text)) throw new InputError('has no text')
    return doc
  } catch (error) {
    if (isInputError(error)) throw new InputError(`${shown}: ${error.message}`)
    throw error
  }
}

/**
 * A .tex file with every file it `\input`s or `\include`s spliced in (see formats/include.ts).
 * Names resolve as TeX resolves them when run in the main file's folder: `name.tex`, then `name`.
 */
export async function readLatexDocument(file: string, text: string, show: (file: string) => string): Promise<Assembled> {
  const base = path.dirname(file)
  return assemble({file, text}, async (name, command) => {
    const target = path.resolve(base, name)
    const candidates = command === 'include' || !/\.[a-z]+$/i.test(name) ? [target + '.tex', target] : [target]
    for (const candidate of command === 'include' ? [candidates[0]] : candidates) {
      const info = await stat(candidate).catch(() => undefined)
      if (!info?.isFile()) continue
      try {
        return {file: candidate, text: await readStatement(candidate, show(candidate))}
      } catch (error) {
        throw new Error((error as Error).message.replace(`${show(candidate)}: `, `${show(candidate)} `))
      }
    }
    throw new Error(`no such file (${show(candidates[0])})`)
  })
}

/** Decode bytes as UTF-8 with the same checks as a file. */
export function decode(bytes: Uint8Array, shown: string): string {
  if (bytes.length > maxBytes) throw new InputError(`${shown}: is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit for a statement`)
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`${shown}: is a binary file, not a text statement`)
  let text: string
  try {
    // ignoreBOM keeps a byte order mark in the text, so --fix writes it back; lint() skips it.
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new InputError(`${shown}: is not valid UTF-8; save it as UTF-8 text`)
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError(`${shown}: is empty`)
  return text
}
