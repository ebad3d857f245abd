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

/** The fuller statistics lint() adds with `stats: true` (see src/core/stats.ts and docs/report.md). */
export interface DocumentStats extends Stats {
  /** The most words the kind of statement (or the user) allows, and the fewest. */
  wordLimit: number
  wordMinimum: number
  /** Words per sentence in paragraphs: the mean, and the longest sentence with where it starts. */
  meanSentenceWords: number
  longestSentenceWords: number
  longestSentenceLine: number
  /** Flesch reading ease of the paragraphs (higher is easier; academic prose is often 30 to 50). */
  readingEase: number
  /** A school grade level: the mean of the Coleman-Liau index and the automated readability index. */
  gradeLevel: number
  /** Shares from 0 to 1 of the paragraphs' words inside bold and inside italics. */
  boldShare: number
  italicShare: number
  /** Share from 0 to 1 of the paragraphs' sentences whose first word is `I`. */
  iStartShare: number
  /** Numbers, and proper names, methods and venues (capitalised words inside a sentence), and both per 100 words. */
  numbers: number
  names: number
  specificsPer100: number
  /** Findings per 1,000 words, by rule id. */
  findingsPer1000: Record<string, number>
}

/** One deduction from the score: its points and what it rests on (a rule's findings or a statistic). */
export interface Deduction {
  points: number
  /** What to fix, in words: "4 stock phrases", "34% of the words are bold". */
  reason: string
  /** The rule whose findings this deduction counts. */
  ruleId?: string
  /** The statistic this deduction rests on. */
  stat?: keyof DocumentStats
  /** How many findings it counts. */
  count?: number
}

/** What lint() returns. */
export interface LintResult {
  filePath?: string
  messages: LintMessage[]
  /** Always words, sentences and paragraphs; everything in DocumentStats with `stats: true`. */
  stats: Stats & Partial<DocumentStats>
  /** With `stats: true`: the score from 0 to 100 and its deductions, largest first. */
  score?: number
  deductions?: Deduction[]
  settings: {
    kind: Kind
    /** Set when nothing named the kind and the text showed it: what showed it. */
    kindInferred?: string
    target?: string
    program?: string
    minWords: number
    maxWords: number
  }
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

/** A Word document's text, one paragraph per line, and the tree lint() reads for it (`{format: 'docx', mdast}`). */
export interface DocxDocument {
  text: string
  mdast: MdastRoot
}
