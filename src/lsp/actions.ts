// Code actions and hover, built from findings: pure functions of the text and the messages.
import {CodeActionKind, type CodeAction, type Diagnostic, type Hover, type MarkupKind, type Position, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {InputFormat, LintMessage} from '../core/types.ts'
import {toDiagnostic, toRange} from './convert.ts'

/** The code action kind of "fix all auto-fixable problems". */
export const fixAllKind = CodeActionKind.SourceFixAll + '.soplint'

/** The command that adds an entry to the project's accept file (run by the server). */
export const acceptCommand = 'soplint.accept'

/** Arguments of the accept command. */
export interface AcceptArgs {
  uri: string
  entry: string
}

/** The document a set of edits applies to. */
export interface Target {
  uri: string
  version: number
  /** The client takes `documentChanges` (versioned edits). */
  versioned: boolean
}

/** A workspace edit of one document, guarded by its version when the client supports that. */
export function documentEdit(target: Target, edits: TextEdit[]): WorkspaceEdit {
  if (target.versioned) return {documentChanges: [{textDocument: {uri: target.uri, version: target.version}, edits}]}
  return {changes: {[target.uri]: edits}}
}

/**
 * One quick fix per replacement a finding carries; the only one is the preferred one. `safe`
 * says whether a replacement may be written into the document's format: in LaTeX not one that
 * cuts through a command (`the \emph{the` for a repeated word), which would break the file.
 */
export function quickFixes(message: LintMessage, diagnostic: Diagnostic, target: Target, bom: 0 | 1, safe: (actual: string, value: string) => boolean = () => true): CodeAction[] {
  const range = toRange(message, bom)
  const values = [...new Set(message.expected)].filter((value) => safe(message.actual, value))
  return values.map((value) => ({
    title: value === '' ? `Delete ${quote(message.actual)}` : `Replace ${quote(message.actual)} with ${quote(value)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: values.length === 1 ? true : undefined,
    edit: documentEdit(target, [{range, newText: value}])
  }))
}

const blank = /^[ \t]*$/
// A line that ends the block above it: ATX heading, thematic break or setext underline, fence, HTML comment.
const boundary = /^(?: {0,3}#{1,6}(?:[ \t]|$)| {0,3}(?:[-*_][ \t]*){3,}$| {0,3}=+[ \t]*$| {0,3}(?:```|~~~)|[ \t]*<!--.*-->[ \t]*$)/
// A line that starts a block of its own even without a blank line above: a heading or list item.
const blockStart = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]|\d{1,9}[.)][ \t])/
const quoteLine = /^ {0,3}>/
const ignoreLine = /^[ \t]*<!--\s*soplint[- ]ignore\b([^>]*?)-->[ \t]*$/

/** Split like the protocol does: CRLF, LF and CR each end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

/** The line ending a document mostly uses. */
export function lineEnding(text: string): string {
  const crlf = text.match(/\r\n/g)?.length ?? 0
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf
  return crlf > lf ? '\r\n' : '\n'
}

/** The line (0-based) of the last line of front matter, or -1. */
export function frontmatterEnd(lines: string[]): number {
  if (lines[0]?.replace(/^\uFEFF/, '') !== '---') return -1
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---' || lines[i] === '...') return i
  return -1
}

/**
 * The first line of the block holding `line`: where an `ignore` comment must go for the core
 * to apply it to that block (it covers the next node after the comment). Markdown blocks end at
 * blank lines, headings, list items, fences and comments; a quote is covered from its first line;
 * in plain text blocks end only at blank lines.
 */
export function blockStartLine(lines: string[], line: number, format: InputFormat): number {
  let i = line
  while (i > 0) {
    const above = lines[i - 1]
    const here = lines[i]
    if (blank.test(above)) break
    if (format === 'txt') {
      i--
      continue
    }
    if (boundary.test(above)) break
    if (quoteLine.test(here)) {
      if (!quoteLine.test(above)) break
    } else if (blockStart.test(here)) break
    i--
  }
  return i
}

/**
 * "Disable <rule> for this paragraph": an inline `ignore` comment on the line before the block,
 * or the rule added to such a comment already there. None for findings that span blocks or sit
 * in front matter.
 */
export function ignoreAction(text: string, message: LintMessage, format: InputFormat, target: Target, diagnostic: Diagnostic, bom: 0 | 1): CodeAction | undefined {
  if (/\n[ \t]*\r?\n/.test(message.actual)) return undefined
  const lines = splitLines(text)
  const line = message.line - 1
  if (line <= frontmatterEnd(lines)) return undefined
  const start = blockStartLine(lines, line, format)
  const eol = lineEnding(text)
  const title = `Disable ${message.ruleId} for this paragraph`
  let above = start - 1
  while (above >= 0 && blank.test(lines[above])) above--
  const existing = above >= 0 && above > frontmatterEnd(lines) ? ignoreLine.exec(lines[above]) : null
  let edit: TextEdit
  if (existing) {
    const ids = existing[1].trim().split(/[\s,]+/).filter(Boolean)
    if (ids.length === 0 || ids.includes(message.ruleId)) return undefined
    const char = above === 0 ? bom : 0
    edit = {
      range: {start: {line: above, character: char}, end: {line: above, character: lines[above].length}},
      newText: `<!-- soplint ignore ${[...ids, message.ruleId].join(' ')} -->`
    }
  } else {
    const at: Position = {line: start, character: start === 0 ? bom : 0}
    edit = {range: {start: at, end: at}, newText: `<!-- soplint ignore ${message.ruleId} -->${eol}${format === 'txt' ? eol : ''}`}
  }
  return {title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(target, [edit])}
}

/**
 * The entry "accept this phrase" / "add this word" would write, or undefined when the flagged
 * text is not a word or short phrase (a whole sentence, a paragraph, punctuation).
 */
export function acceptEntry(message: LintMessage): string | undefined {
  const entry = message.actual.replace(/\s+/g, ' ').trim()
  if (entry === '' || entry.length > 60 || /[#\r\n]/.test(message.actual.trim())) return undefined
  if (!/\p{L}/u.test(entry) || entry.split(' ').length > 6) return undefined
  return entry
}

/**
 * "Add this word to the project" / "Accept this phrase in this project", run by the server. Not
 * for a fixable slip ("the the"), which is fixed, except a spelling finding: a word the
 * dictionary lacks may be right however sure its correction looks.
 */
export function acceptAction(message: LintMessage, uri: string, diagnostic: Diagnostic): CodeAction | undefined {
  if (message.fixable && message.ruleId !== 'spelling') return undefined
  const entry = acceptEntry(message)
  if (!entry) return undefined
  const title = entry.includes(' ') ? `Accept ${quote(entry)} in this project (.soplintaccept)` : `Add ${quote(entry)} to the project's words (.soplintaccept)`
  const args: AcceptArgs = {uri, entry}
  return {title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: {title, command: acceptCommand, arguments: [args]}}
}

/** What the rules say about themselves, for hover. */
export interface RuleInfo {
  id: string
  description: string
  rationale: string
  url: string
  example: {before: string; after: string}
}

/** Hover over a flagged range: each finding with its rule's rationale, example and docs link. */
export function hoverFor(messages: LintMessage[], rules: ReadonlyMap<string, RuleInfo>, bom: 0 | 1, markdown: boolean): Hover | null {
  if (messages.length === 0) return null
  const parts = messages.map((m) => {
    const rule = rules.get(m.ruleId)
    if (!markdown) {
      const lines = [`${m.ruleId}: ${m.message}`]
      if (rule) lines.push('', rule.rationale, '', `Before: ${rule.example.before}`, `After: ${rule.example.after}`)
      lines.push('', m.url)
      return lines.join('\n')
    }
    const lines = [`**${m.ruleId}** (soplint): ${m.message}`]
    if (rule) lines.push('', rule.rationale, '', `Before: ${emphasis(rule.example.before)}`, '', `After: ${emphasis(rule.example.after)}`)
    lines.push('', `[${m.ruleId} documentation](${m.url})`)
    return lines.join('\n')
  })
  const kind: MarkupKind = markdown ? 'markdown' : 'plaintext'
  return {contents: {kind, value: parts.join(markdown ? '\n\n---\n\n' : '\n\n')}, range: toRange(messages[0], bom)}
}

/** The diagnostics of findings, for code actions (the same objects that were published). */
export function diagnosticsOf(messages: LintMessage[], bom: 0 | 1): Diagnostic[] {
  return messages.map((m) => toDiagnostic(m, bom))
}

function emphasis(text: string): string {
  return '*' + text.replace(/([*_`\\[\]<>])/g, '\\$1') + '*'
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return '`' + (flat.length > 40 ? flat.slice(0, 39) + '…' : flat) + '`'
}
