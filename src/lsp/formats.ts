// Which editor languages the server lints, and as what input format. One table: a new input
// format (LaTeX, say) is one more line here, and is then linted by default.
import type {InputFormat} from '../core/types.ts'

/** Editor language id -> the input format the core reads it as. */
export const languageFormats: Readonly<Record<string, InputFormat>> = {
  markdown: 'md',
  plaintext: 'txt',
  // Neovim and Helix name plain text `text`.
  text: 'txt',
  latex: 'tex',
  tex: 'tex'
}

/** The languages linted when the settings do not say. */
export const defaultLanguages: readonly string[] = Object.keys(languageFormats)

/** The format of a document: by its language, else by its file extension, else Markdown. */
export function formatFor(languageId: string, filePath: string | undefined, formatOf: (file?: string) => InputFormat): InputFormat {
  return languageFormats[languageId] ?? formatOf(filePath)
}
