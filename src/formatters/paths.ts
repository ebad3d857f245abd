// How the CI formats name a file: relative to the working directory, with forward slashes.
import path from 'node:path'

/** A result's file as CI tools want it: relative to `cwd` with `/`, or as given when outside it. */
export function reportPath(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file
  const rel = path.relative(cwd, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/')
}

/** Whether a result came from standard input without a --stdin-filename. */
export function isStdin(file: string): boolean {
  return file === '<text>'
}
