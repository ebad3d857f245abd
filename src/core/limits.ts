// How deep a document may nest, and how much markup and LaTeX it may hold. The Markdown and LaTeX
// parsers spend time (and stack) that grows with the square of the nesting depth: 5,000 nested
// quotes took 17 s, 2,000 nested list items, 20,000 `*` around a word or 20,000 unclosed `[` over
// a minute, and 5,000 nested braces in LaTeX overflowed the stack. And while time now grows in
// proportion to the size of any document, each piece of markup costs micromark (the Markdown
// parser) far more than a word, and each character of LaTeX costs its parser about ten times what
// a character of Markdown costs: a megabyte of bold spans, footnotes or table cells, or of LaTeX,
// takes many seconds. No statement nests or marks up like that, so such a document is refused up
// front, in one pass over its text, with a line that says where and what; see docs/robustness.md.
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

/**
 * The most Markdown markup read in one document: a count any document may hold, and as much
 * again for each KB of its text, so that a long statement is held to the density of an ordinary
 * one while a short one may be marked up at will. The real statements this was checked against
 * have at most a few dozen of each (121 code spans and 418 table cells in the largest); the
 * densest ordinary statements hold about 20 inline marks, 3 `[` and 4 block starts a KB (the
 * example statement with half its words in bold, a cover letter of bullet points). The hostile
 * shapes hold 25 to 120 a KB, and are refused past a few hundred KB.
 */
export const markupLimits = {
  /** Inline marks: each run of `*`, `_`, `~` or backticks (emphasis, strikethrough, code) and each `<`, `$` and `|` (HTML, math, table cells). */
  marks: 20_000,
  marksPerKB: 30,
  /** `[`: links, images, footnote calls and definitions, references. */
  brackets: 5_000,
  bracketsPerKB: 5,
  /** Lines that start a heading, a list item or a footnote definition. */
  blocks: 5_000,
  blocksPerKB: 5,
  /** Paragraphs and other blocks: a line of text after a blank line. Each costs the parsers and the rules tens of microseconds whatever its length. */
  paragraphs: 20_000,
  paragraphsPerKB: 10,
  /** Lines, blank or not: a line costs the Markdown parser a few microseconds however short. */
  lines: 50_000,
  linesPerKB: 40
}

/** The markup limits for a text of `length` characters. */
export function markupLimitsFor(length: number): {marks: number; brackets: number; blocks: number; paragraphs: number; lines: number} {
  const kb = Math.floor(length / 1024)
  return {
    marks: markupLimits.marks + markupLimits.marksPerKB * kb,
    brackets: markupLimits.brackets + markupLimits.bracketsPerKB * kb,
    blocks: markupLimits.blocks + markupLimits.blocksPerKB * kb,
    paragraphs: markupLimits.paragraphs + markupLimits.paragraphsPerKB * kb,
    lines: markupLimits.lines + markupLimits.linesPerKB * kb
  }
}

/** The longest LaTeX document read, in characters (the real statements are up to 15,000). */
export const latexLimit = 128 * 1024

/** Throw an InputError naming the line when the text nests deeper than nestingLimits or holds more than markupLimits or latexLimit allow. */
export function checkNesting(text: string, format: InputFormat): void {
  if (format === 'tex' && text.length > latexLimit) {
    throw new InputError(`is ${Math.ceil(text.length / 1024)} KB of LaTeX, over the ${latexLimit / 1024} KB soplint reads in LaTeX (its parser is slow); lint the text as Markdown or plain text, or split it`)
  }
  const problem = format === 'md' ? markdownProblem(text) : format === 'tex' ? latexProblem(text) : format === 'txt' ? markdownProblem(text, false) : undefined
  if (problem) throw new InputError(`line ${problem.line}: ${problem.reason}; soplint does not read documents ${problem.shape ?? (problem.markup ? 'with this much markup' : 'nested this deep')}`)
}

const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/
const blockStart = /^(?:#{1,6}(?:[ \t]|$)|\[\^[^\]]+\]:)/

type Problem = {line: number; reason: string; markup?: boolean; shape?: string}

// The limits of a Markdown text, or with `markdown` false those of plain text (lines and
// paragraphs only).
function markdownProblem(text: string, markdown = true): Problem | undefined {
  const limits = markupLimitsFor(text.length)
  // "more than 5,000 links and footnotes", and for a long text what its limit is made of.
  const over = (limit: number, base: number, perKB: number, what: string) => `more than ${count(limit)} ${what}${limit === base ? '' : ` (${count(base)}, and ${perKB} for each KB of text)`}`
  let line = 0
  let open = 0
  let marks = 0
  let brackets = 0
  let blocks = 0
  let paragraphs = 0
  // Whether the line before was blank (or there was none): a line of `=` or `-` under text makes
  // it a heading (setext), which costs what any heading costs.
  let blank = true
  for (let from = 0; from <= text.length; ) {
    let to = from
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++
    const start = from
    from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1)
    line++
    if (line > limits.lines && from <= text.length) return {line, reason: over(limits.lines, markupLimits.lines, markupLimits.linesPerKB, 'lines'), shape: 'with this many lines'}
    const first = text.charCodeAt(start)
    // A line starting with a letter (most of them) has no prefix, list marker or block start.
    const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
    const above = blank
    const row = letter ? '' : text.slice(start, to)
    blank = !letter && row.trim() === ''
    if (blank) {
      open = 0
      continue
    }
    // A line of text after a blank one starts a paragraph (or another block).
    if (above && ++paragraphs > limits.paragraphs) return {line, reason: over(limits.paragraphs, markupLimits.paragraphs, markupLimits.paragraphsPerKB, 'paragraphs'), shape: 'with this many paragraphs'}
    if (!markdown) continue
    if (!letter) {
      const prefix = /^[ \t>]*/.exec(row)![0]
      let quotes = 0
      for (const ch of prefix) if (ch === '>') quotes++
      if (quotes > nestingLimits.quotes) return {line, reason: `quotes nested ${quotes} deep (the limit is ${nestingLimits.quotes})`}
      const list = /^([ \t>]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(row)
      if (list) {
        const indent = list[1].replace(/\t/g, '    ').length
        if (indent > nestingLimits.listIndent) return {line, reason: `a list item indented ${indent} columns (the limit is ${nestingLimits.listIndent})`}
      }
      if ((list || blockStart.test(row.slice(prefix.length)) || (!above && setextUnderline.test(row))) && ++blocks > limits.blocks) {
        return {line, reason: over(limits.blocks, markupLimits.blocks, markupLimits.blocksPerKB, 'headings, list items and footnotes'), markup: true}
      }
    }
    for (let i = start; i < to; i++) {
      const ch = text.charCodeAt(i)
      if (ch === 92) i++
      else if (ch === 91) {
        if (++open > nestingLimits.brackets) return {line, reason: `more than ${nestingLimits.brackets} \`[\` open at once`}
        if (++brackets > limits.brackets) return {line, reason: over(limits.brackets, markupLimits.brackets, markupLimits.bracketsPerKB, 'links and footnotes'), markup: true}
      } else if (ch === 93 && open > 0) open--
      else if (ch === 42 || ch === 95 || ch === 126 || ch === 96) {
        // A run of one mark is one delimiter (or one code fence). A run of `*` or `_` longer than
        // the limit is refused, but not on a line of nothing else (a thematic break).
        const run = i
        while (text.charCodeAt(i + 1) === ch) i++
        if ((ch === 42 || ch === 95) && i + 1 - run > nestingLimits.emphasisRun && !/^[\s*_-]*$/.test(text.slice(start, to))) {
          return {line, reason: `${i + 1 - run} \`${String.fromCharCode(ch)}\` in a row (the limit is ${nestingLimits.emphasisRun})`}
        }
        if (++marks > limits.marks) return {line, reason: over(limits.marks, markupLimits.marks, markupLimits.marksPerKB, 'marks of emphasis, code, HTML, math and tables'), markup: true}
      } else if ((ch === 60 || ch === 36 || ch === 124) && ++marks > limits.marks) {
        return {line, reason: over(limits.marks, markupLimits.marks, markupLimits.marksPerKB, 'marks of emphasis, code, HTML, math and tables'), markup: true}
      }
    }
  }
  return undefined
}

const count = (n: number) => n.toLocaleString('en-US')

function latexProblem(text: string): Problem | undefined {
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
