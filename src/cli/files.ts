// Turning command-line paths into statements to lint, with a clear line for every bad input.
import {readFile, stat, readdir} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../errors.ts'

/** File extensions searched for in directories. */
export const statementExtensions = ['.md', '.markdown', '.txt']

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

/** Read a statement as UTF-8 text, refusing binary, invalid, empty and oversized files. */
export async function readStatement(file: string, shown = file): Promise<string> {
  let info
  try {
    info = await stat(file)
  } catch {
    throw new InputError(`${shown}: no such file`)
  }
  if (info.isDirectory()) throw new InputError(`${shown}: is a directory`)
  if (info.size > maxBytes) throw new InputError(`${shown}: is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit for a statement`)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new InputError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  return decode(bytes, shown)
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
