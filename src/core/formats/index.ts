// Input formats: which there are, what --fix may write, and the loaders of the two front ends
// that bring large dependencies (the LaTeX parser, mammoth). Nothing heavy is imported here:
// each front end loads on the first file of its format.
import type {DocxDocument, InputFormat} from '../types.ts'

/** Every input format, as `--format-in` takes them. */
export const inputFormats: readonly InputFormat[] = ['md', 'txt', 'tex', 'docx']

/** The file extensions soplint reads, and the format of each. */
export const formatExtensions: Readonly<Record<string, InputFormat>> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
  '.tex': 'tex',
  '.docx': 'docx'
}

/** False for formats --fix must not write back: a .docx is a zip of XML, not the text soplint lints. */
export function canFix(format: InputFormat): boolean {
  return format !== 'docx'
}

// In LaTeX a fix must not cut through a command or write a character TeX reads as markup.
const texSpecial = /[\\{}$%&#^_~]/

/** True when a fix may replace `actual` by `replacement` in a document of this format. */
export function fixableIn(format: InputFormat, actual: string, replacement: string): boolean {
  if (format === 'docx') return false
  if (format === 'tex') return !texSpecial.test(actual) && !texSpecial.test(replacement)
  return true
}


/** Read a .docx file's bytes (from a file in Node, a File's arrayBuffer() in a browser); throws an InputError for a corrupt, protected or non-Word file. */
export async function readDocx(bytes: Uint8Array | ArrayBuffer): Promise<DocxDocument> {
  const {docxDocument} = await import('./docx.ts')
  return docxDocument(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
}

/** The first sign of malformed LaTeX in `text`, as "line N, column C: what"; undefined when it parses. */
export async function latexError(text: string): Promise<string | undefined> {
  const latex = await import('./latex.ts')
  return latex.latexError(text.startsWith('\uFEFF') ? text.slice(1) : text)
}
