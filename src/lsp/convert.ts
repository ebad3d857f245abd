// The one place where the core's positions meet the protocol's. The core reports 1-based
// line/column and 0-based UTF-16 offsets into the text without a leading byte order mark;
// LSP positions are 0-based line and UTF-16 character in the text as the editor holds it.
// Both count UTF-16 code units, so emoji and non-Latin text need no translation, and both
// treat CRLF, LF and CR as one line break; only the BOM (one code unit on the first line)
// and the 1-based numbering differ.
import {DiagnosticSeverity, type Diagnostic, type Position, type Range} from 'vscode-languageserver/node'
import type {LintMessage, MessageLevel} from '../core/types.ts'

/** A text as the editor holds it: what it needs to map positions both ways. */
export interface Text {
  getText(): string
  offsetAt(position: Position): number
}

const BOM = '\uFEFF'

/** 1 when the editor's text starts with a byte order mark that the core strips, else 0. */
export function bomOf(text: string): 0 | 1 {
  return text.startsWith(BOM) ? 1 : 0
}

const severities: Record<MessageLevel, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/** A core point (1-based line and column) as an LSP position in the editor's text. */
export function toPosition(line: number, column: number, bom: 0 | 1): Position {
  return {line: line - 1, character: column - 1 + (line === 1 ? bom : 0)}
}

/** The range of a finding in the editor's text. */
export function toRange(message: LintMessage, bom: 0 | 1): Range {
  return {start: toPosition(message.line, message.column, bom), end: toPosition(message.endLine, message.endColumn, bom)}
}

/** An LSP position as an offset into the text the core linted (without the BOM). */
export function toOffset(text: Text, position: Position, bom: 0 | 1): number {
  return Math.max(0, text.offsetAt(position) - bom)
}

/** A finding as a diagnostic: code is the rule id, the docs link its description. */
export function toDiagnostic(message: LintMessage, bom: 0 | 1): Diagnostic {
  return {
    range: toRange(message, bom),
    severity: severities[message.level],
    code: message.ruleId,
    codeDescription: {href: message.url},
    source: 'soplint',
    message: message.message
  }
}

/**
 * A problem that stopped the document being linted (a bad configuration file, bad editor
 * settings, malformed front matter, a document too large), shown at the top of the document
 * so that it is seen where the missing findings would be.
 */
export function problemDiagnostic(text: string, severity: 'error' | 'info' = 'error'): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Information,
    source: 'soplint',
    message: text
  }
}
