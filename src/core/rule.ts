import type {DataSet} from './data.ts'
import type {PhraseEntry, PhraseMatch} from './phrases.ts'
import type {RetextFinding, RetextPlugin} from './retext.ts'
import type {Doc, FixKind, Kind, Level, ResolvedSettings} from './types.ts'

/** Where a rule's documentation lives. */
export const docsBase = 'https://github.com/soplint/soplint/blob/main/docs/rules/'

/** What a rule hands to `report`. Offsets are into `doc.text`. */
export interface Report {
  start: number
  end: number
  message: string
  expected?: string[]
  note?: string
  /** Overrides the configured level for this one finding (e.g. a stronger case). */
  level?: Exclude<Level, 'off'>
  /** Reported under another id (user phrases carry their own). */
  ruleId?: string
  /** In a rule whose fix is automatic, false keeps this one replacement a suggestion. */
  fixable?: boolean
}

/** What a rule's check receives. */
export interface RuleContext<O = Record<string, unknown>> {
  doc: Doc
  options: O
  settings: ResolvedSettings
  report(finding: Report): void
  /** The matches of the rule's own phrase list (`meta.phrases`) in the document, in order. */
  readonly phrases: PhraseMatch[]
  /** The messages of the rule's wrapped retext plugin (`meta.retext`), with offsets into the source. */
  readonly retext: RetextFinding[]
  /** The id of every rule the engine runs, for rules that check ids the writer typed. */
  readonly ruleIds: readonly string[]
}

/** The kinds of fix --fix-type takes, after ESLint's `meta.type`. */
export const fixTypes = ['problem', 'suggestion', 'layout'] as const

/** `problem` mends text that is wrong, `suggestion` improves correct text, `layout` changes only spacing or markup. */
export type FixType = (typeof fixTypes)[number]

/** A rule's metadata: what it finds, why, and how it fixes. */
export interface RuleMeta<O = Record<string, unknown>> {
  id: string
  description: string
  rationale: string
  defaultLevel: Exclude<Level, 'off'>
  fix: FixKind
  /** What the rule's fixes do, for --fix-type (ESLint's `meta.type`). */
  type: FixType
  /** Kinds of statement the rule is on for by default; omitted means all. */
  kinds?: Kind[]
  /** The options the rule takes, with their types and defaults. */
  options?: {[K in keyof O]: OptionSpec}
  /** A before/after pair for docs and hover. */
  example: {before: string; after: string}
  /** Large data the rule reads (word lists, models), loaded through the front end's loader before it runs. */
  data?: DataSet<any>[]
  /** The phrase list the rule matches (rules/data/<id>.yml); every rule's list is matched in one pass. */
  phrases?: PhraseEntry[]
  /** A retext plugin the rule wraps; every rule's plugin runs in one pass over the prose trees. */
  retext?: RetextPlugin
  /**
   * The rule reports under ids of its own choosing (user phrases carry their own `ruleId`), so it
   * runs even when its own id is off; each finding is then judged by the level of its own id.
   */
  ownIds?: boolean
}

/** One option of a rule: its type, default and a line of documentation. */
export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]'
  default: unknown
  description: string
}

/** A rule as the core runs it. */
export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta<O> & {url: string}
  check(context: RuleContext<O>): void
}

/** Define a rule: the core stamps id, url, level and source on everything it reports. */
export function defineRule<O = Record<string, unknown>>(rule: {meta: RuleMeta<O>; check: (context: RuleContext<O>) => void}): Rule<O> {
  return {meta: {...rule.meta, url: docsBase + rule.meta.id + '.md'}, check: rule.check}
}
