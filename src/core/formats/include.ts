// `\input` and `\include`: a main .tex file and the files it pulls in are one document. The CLI
// splices each included file into the main file's text where its command stands (as TeX does),
// lints the whole once, so document-wide rules (length, consistency, the target) see all of it,
// and maps each finding back to the file and place it belongs to. Pure: reading files is the
// caller's `read`.
import type {LintMessage} from '../types.ts'
import {location} from 'vfile-location'

/** A run of the assembled text that is a run of one file: assembled [from, to) is file [at, at + to - from). */
export interface Segment {
  file: string
  from: number
  to: number
  at: number
}

/** A main file with its included files spliced in. */
export interface Assembled {
  text: string
  segments: Segment[]
  /** Every file in the document, the main file first, each once, with its text (no BOM). */
  files: Map<string, string>
  /** Commands that could not be followed: the file and offset of the command, and why. */
  problems: Array<{file: string; offset: number; reason: string}>
}

/** Reads the file an `\input{name}` names, relative to the main file; throws an Error whose message says why not. */
export type ReadInput = (name: string, command: 'input' | 'include') => Promise<{file: string; text: string}>

/** The `\input{...}` and `\include{...}` commands in LaTeX source, outside comments and verbatim. */
export function findInputs(text: string): Array<{start: number; end: number; name: string; command: 'input' | 'include'}> {
  const found: Array<{start: number; end: number; name: string; command: 'input' | 'include'}> = []
  const re = /\\(?:begin\{(verbatim\*?|Verbatim|lstlisting|minted|comment)\}|(input|include)(?![a-zA-Z@])\s*(?:\{([^{}\n]*)\}|([^\s{}%\\]+)))|(?<!\\)%[^\n]*/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('%')) continue
    if (m[1]) {
      // Skip to the end of the verbatim environment.
      const close = text.indexOf(`\\end{${m[1]}}`, re.lastIndex)
      re.lastIndex = close < 0 ? text.length : close
      continue
    }
    const name = (m[3] ?? m[4] ?? '').trim()
    if (name) found.push({start: m.index, end: m.index + m[0].length, name, command: m[2] as 'input' | 'include'})
  }
  return found
}

/** Splice every file `main` includes (recursively) into one text, with the map back to the files. */
export async function assemble(main: {file: string; text: string}, read: ReadInput): Promise<Assembled> {
  const files = new Map<string, string>()
  const problems: Assembled['problems'] = []
  const parts: string[] = []
  const segments: Segment[] = []
  let length = 0
  const push = (file: string, text: string, from: number, to: number) => {
    if (to <= from) return
    parts.push(text.slice(from, to))
    segments.push({file, from: length, to: length + to - from, at: from})
    length += to - from
  }
  const walk = async (file: string, text: string, stack: string[]): Promise<void> => {
    files.set(file, text)
    let at = 0
    for (const command of findInputs(text)) {
      let included: {file: string; text: string}
      try {
        included = await read(command.name, command.command)
      } catch (error) {
        problems.push({file, offset: command.start, reason: `\\${command.command}{${command.name}}: ${(error as Error).message}`})
        continue
      }
      if (stack.includes(included.file) || stack.length > 16) {
        problems.push({file, offset: command.start, reason: `\\${command.command}{${command.name}} includes a file that includes it (a cycle); it is linted once`})
        continue
      }
      push(file, text, at, command.start)
      await walk(included.file, stripBom(included.text), [...stack, included.file])
      // TeX ends an included file with a line end; so does the splice, lest its last comment run on.
      if (!included.text.endsWith('\n')) {
        parts.push('\n')
        length++
      }
      at = command.end
    }
    push(file, text, at, text.length)
  }
  await walk(main.file, stripBom(main.text), [main.file])
  return {text: parts.join(''), segments, files, problems}
}

/** Split findings on the assembled text into each file's findings, with offsets, lines and columns in that file. */
export function splitMessages(messages: LintMessage[], assembled: Assembled): Map<string, LintMessage[]> {
  const out = new Map<string, LintMessage[]>([...assembled.files.keys()].map((file) => [file, []]))
  const places = new Map<string, ReturnType<typeof location>>()
  for (const m of messages) {
    const segment = segmentAt(assembled.segments, m.offset)
    if (!segment) continue
    const text = assembled.files.get(segment.file) ?? ''
    const place = places.get(segment.file) ?? location(text)
    places.set(segment.file, place)
    const offset = segment.at + Math.max(0, m.offset - segment.from)
    // A finding that runs past the end of its file's run stops there.
    const endOffset = Math.max(offset, segment.at + Math.min(m.endOffset, segment.to) - segment.from)
    const start = place.toPoint(offset) ?? place.toPoint(text.length)
    const end = place.toPoint(endOffset) ?? place.toPoint(text.length)
    const actual = text.slice(offset, endOffset)
    out.get(segment.file)!.push({
      ...m,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? 1,
      endColumn: end?.column ?? 1,
      offset,
      endOffset,
      actual,
      fixable: m.fixable && actual === m.actual
    })
  }
  return out
}

/** The line of an offset in a text, for messages about commands. */
export function lineOf(text: string, offset: number): number {
  return location(text).toPoint(offset)?.line ?? 1
}

function segmentAt(segments: Segment[], offset: number): Segment | undefined {
  let found: Segment | undefined
  for (const segment of segments) {
    if (segment.from > offset) break
    found = segment
    if (offset < segment.to) break
  }
  return found
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}
