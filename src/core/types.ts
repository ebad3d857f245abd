import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'

/** A configured level, as written in config files and on the command line. */
export type Level = 'error' | 'warn' | 'info' | 'off'

/** The level of a reported message, as it appears in JSON output. */
export type MessageLevel = 'error' | 'warning' | 'info'

/** The kinds of statement soplint knows, one preset each. */
export type Kind = 'sop' | 'personal-statement' | 'research-statement' | 'cover-letter'

/** The input formats the core understands. */
export type InputFormat = 'md' | 'txt' | 'tex' | 'docx'

/** How a rule can repair what it finds. */
export type FixKind = 'none' | 'suggest' | 'auto'

/** A point in the linted text: 1-based line and column, 0-based UTF-16 offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** One finding, plain and JSON-able: the stable machine contract. */
export interface LintMessage {
  ruleId: string
  level: MessageLevel
  /** ESLint-compatible severity: 2 for errors, 1 for warnings and info. */
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  /** The exact source slice that was flagged. */
  actual: string
  /** Replacement alternatives; `['']` deletes; empty when there is none. */
  expected: string[]
  /** True when `--fix` may apply this message on its own. */
  fixable: boolean
  note?: string
  /** Word documents only: the paragraph the finding is in, counted from 1 (the same number as `line`). */
  paragraph?: number
  url: string
  source: 'soplint'
}

/** Counts about the linted document. */
export interface Stats {
  words: number
  sentences: number
  paragraphs: number
}

/** What lint() returns. */
export interface LintResult {
  filePath?: string
  messages: LintMessage[]
  stats: Stats
  settings: {kind: Kind; target?: string; program?: string; minWords: number; maxWords: number}
}

/** A rule's entry in a configuration: a level, or a level with options. */
export type RuleSetting = Level | [Level] | [Level, Record<string, unknown>]

/** A user phrase rule written in the configuration. */
export interface UserPhrase {
  phrase: string
  message?: string
  replace?: string
  ruleId?: string
  level?: Level
}

/** A configuration as written by a user (file, package.json key or client settings). */
export interface Config {
  preset?: Kind
  kind?: Kind
  target?: string
  program?: string
  minWords?: number
  maxWords?: number
  rules?: Record<string, RuleSetting>
  accept?: string[]
  phrases?: UserPhrase[]
  /** Targets of other documents linted in the same run (for target-mismatch). */
  otherTargets?: string[]
}

/** A configuration after presets, config files and front matter are merged. */
export interface ResolvedSettings {
  kind: Kind
  target?: string
  program?: string
  minWords: number
  maxWords: number
  accept: string[]
  phrases: UserPhrase[]
  otherTargets: string[]
  /** Whether the word limits were set by the user (front matter or config) or come from the preset. */
  limitsSetByUser: boolean
}

/** A token of prose with offsets in the linted text. */
export interface Token {
  kind: 'word' | 'punct' | 'symbol' | 'code'
  /** The token as written (source slice). */
  text: string
  /** Lowercased, with curly apostrophes made straight. */
  norm: string
  start: number
  end: number
  sentence: Sentence
}

/** A sentence of prose. */
export interface Sentence {
  index: number
  tokens: Token[]
  words: Token[]
  start: number
  end: number
  block: Block
  /** The sentence's last punctuation token if it ends a sentence (`.`, `?`, `!`, `…`). */
  terminal: string | null
}

/** A block of prose: a Markdown paragraph, heading, list item paragraph, quote, cell. */
export interface Block {
  index: number
  kind: 'paragraph' | 'heading'
  inList: boolean
  inQuote: boolean
  node: MdastNodes
  start: number
  end: number
  sentences: Sentence[]
  tokens: Token[]
}

/** An inline-control directive found in the document. */
export interface Directive {
  type: 'disable' | 'enable' | 'ignore'
  ruleIds: string[]
  /** Where the directive takes effect. */
  offset: number
  /** For `ignore`: the range of the block it covers. */
  until?: number
  /** Where the comment itself starts in the source (it ends at `offset`). */
  start?: number
}

/** The parsed document every rule reads. */
export interface Doc {
  text: string
  format: InputFormat
  mdast: MdastRoot
  frontmatter: Record<string, unknown> | null
  blocks: Block[]
  sentences: Sentence[]
  tokens: Token[]
  words: Token[]
  directives: Directive[]
  /** Convert an offset to a 1-based line/column point. */
  point(offset: number): Point
}
