import type {Deduction, DocumentStats, LintMessage, Stats} from '../core/types.ts'

/** One file's results as the formatters receive them (the ESLint result shape, plus stats). */
export interface FileResult {
  filePath: string
  messages: LintMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
  fixableErrorCount: number
  fixableWarningCount: number
  /** Words, sentences and paragraphs; everything in DocumentStats with --stats. */
  stats?: Stats | DocumentStats
  /** With --stats: the score from 0 to 100 and its deductions, largest first. */
  score?: number
  deductions?: Deduction[]
  settings?: {kind: string; kindInferred?: string; minWords: number; maxWords: number; target?: string}
  /** The source text, for formatters that show context. */
  source?: string
}

/** What every formatter gets besides the results. */
export interface FormatContext {
  cwd: string
  color: boolean
  /** Rule metadata by id, for formatters that describe rules (SARIF). */
  rulesMeta: Record<string, {description: string; url: string; rationale: string; example?: {before: string; after: string}}>
}

/** A formatter: results in, the text to print out. */
export type Formatter = (results: FileResult[], context: FormatContext) => string
