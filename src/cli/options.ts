// The options of `soplint [paths]` as commander hands them to run(); their own file, so the
// program (index.ts) and what it runs (run.ts) share the type without importing each other.

/** The parsed command-line options of a lint run. */
export interface CliOptions {
  format: string
  outputFile?: string
  preset?: string
  config?: string
  configLookup: boolean
  rule: string[]
  target?: string
  maxWarnings?: number
  quiet?: boolean
  printConfig?: string
  stdin?: boolean
  stdinFilename?: string
  formatIn?: string
  color?: boolean
  fix?: boolean
  fixDryRun?: boolean
  fixType?: string[]
  fixRule?: string[]
  /** Add statistics and the score to the report (always on for -f html). */
  stats?: boolean
  /** Write a copy of each Word document with the findings as comments. */
  annotate?: boolean
}

/** The options `soplint stats` and `soplint compare` share: what to read and how to print it. */
export interface ReportOptions {
  format: string
  outputFile?: string
  preset?: string
  config?: string
  configLookup: boolean
  target?: string
  formatIn?: string
}
