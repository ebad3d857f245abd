// How deep a document may nest. The Markdown and LaTeX parsers spend time (and stack) that grows
// with the square of the nesting depth: 5,000 nested quotes took 17 s, 2,000 nested list items,
// 20,000 `*` around a word or 20,000 unclosed `[` over a minute, and 5,000 nested braces in LaTeX
// overflowed the stack. No statement nests like that, so such a document is refused up front, in
// one pass over its text, with a line that says where and what; see docs/robustness.md.
import {InputError} from './errors.ts'
import type {InputFormat} from './types.ts'

/** The deepest nesting read; deeper is refused. */
export const nestingLimits = {
  /** `>` markers before a line's text. */
  quotes: 32,
  /** Columns of indentation before a list marker (two or four per level). */
  listIndent: 256,
  /** `*` or `_` in a row inside a line (a line of them alone is a thematic break). */
  emphasisRun: 64,
  /** `[` open at once in a paragraph (Markdown) or `{` open at once (LaTeX). */
  brackets: 256
}

/** Throw an InputError naming the line when the text nests deeper than nestingLimits. */
export function checkNesting(text: string, format: InputFormat): void {
  const problem = format === 'md' ? markdownProblem(text) : format === 'tex' ? latexProblem(text) : undefined
  if (problem) throw new InputError(`line ${problem.line}: ${problem.reason}; soplint does not read documents nested this deep`)
}

function markdownProblem(text: string): {line: number; reason: string} | undefined {
  let line = 0
  let open = 0
  for (const row of text.split(/\r\n|\r|\n/)) {
    line++
    if (row.trim() === '') {
      open = 0
      continue
    }
    const prefix = /^[ \t>]*/.exec(row)![0]
    let quotes = 0
    for (const ch of prefix) if (ch === '>') quotes++
    if (quotes > nestingLimits.quotes) return {line, reason: `quotes nested ${quotes} deep (the limit is ${nestingLimits.quotes})`}
    const list = /^([ \t>]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(row)
    if (list) {
      const indent = list[1].replace(/\t/g, '    ').length
      if (indent > nestingLimits.listIndent) return {line, reason: `a list item indented ${indent} columns (the limit is ${nestingLimits.listIndent})`}
    }
    if (!/^[\s*_-]*$/.test(row)) {
      for (const m of row.matchAll(/\*+|_+/g)) {
        if (m[0].length > nestingLimits.emphasisRun) return {line, reason: `${m[0].length} \`${m[0][0]}\` in a row (the limit is ${nestingLimits.emphasisRun})`}
      }
    }
    for (let i = 0; i < row.length; i++) {
      const ch = row.charCodeAt(i)
      if (ch === 92) i++
      else if (ch === 91) {
        if (++open > nestingLimits.brackets) return {line, reason: `more than ${nestingLimits.brackets} \`[\` open at once`}
      } else if (ch === 93 && open > 0) open--
    }
  }
  return undefined
}

function latexProblem(text: string): {line: number; reason: string} | undefined {
  let line = 1
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 10) line++
    else if (ch === 92) i++
    else if (ch === 37) {
      // A comment runs to the end of the line.
      const end = text.indexOf('\n', i)
      i = (end < 0 ? text.length : end) - 1
    } else if (ch === 123) {
      if (++depth > nestingLimits.brackets) return {line, reason: `more than ${nestingLimits.brackets} \`{\` open at once`}
    } else if (ch === 125 && depth > 0) depth--
  }
  return undefined
}
