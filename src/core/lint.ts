// The core: text and a resolved configuration in, findings out. No file system, no `node:`.
import {rules as allRules} from '../../rules/index.ts'
import {phraseIndex, phraseListsOf, type PhraseMatches} from './phrases.ts'
import {retextPass} from './retext.ts'
import {validateConfig} from './schema.ts'
import {mergeConfig, resolveSettings, ruleSetting} from './settings.ts'
import {loadData, type DataSupplier} from './data.ts'
import {InputError} from './errors.ts'
import {canFix, fixableIn} from './formats/index.ts'
import {checkNesting} from './limits.ts'
import {normalize} from './processor.ts'
import {parseDocument} from './processor.ts'
import {inferKind} from './kind.ts'
import {withStats} from './stats.ts'
import type {Report, Rule} from './rule.ts'
import type {Config, Doc, InputFormat, Level, LintMessage, LintResult} from './types.ts'
import type {Root as MdastRoot} from 'mdast'

/** Options for lint() and fix(). */
export interface LintOptions {
  filePath?: string
  /** The input format; by default taken from the file extension, else Markdown. */
  format?: InputFormat
  /** The configuration a front end found (config files, editor settings), merged with mergeConfig(). */
  config?: Config
  /** Where `config` came from, for error messages. */
  configSource?: string
  /** What the user set explicitly for this run (command-line flags): beats the front matter. */
  overrides?: Config
  /** Where `overrides` came from, for error messages. */
  overridesSource?: string
  /** A tree built by a front end for formats remark does not read (LaTeX, Word). */
  mdast?: MdastRoot
  /** Only these rules (used by --fix-rule and quick fixes); all enabled ones otherwise. */
  only?: string[]
  /** Supplies large data by name (word lists, models) in place of the bundled default; see data.ts. */
  loadData?: DataSupplier
  /** Add the full statistics, the score and its deductions to the result (src/core/stats.ts). */
  stats?: boolean
}

/** Options for fix(): lint()'s, plus which rules may fix. */
export interface FixOptions extends LintOptions {
  /** Only these rules may fix (--fix-rule, --fix-type); every rule whose fix is automatic otherwise. */
  fixRules?: string[]
}

/** What fix() returns. */
export interface FixResult {
  output: string
  /** Number of replacements applied over all passes. */
  applied: number
  /** What is left after fixing. */
  result: LintResult
}

const BOM = '\uFEFF'

/** Lint a statement. Positions are into the text without a leading byte order mark. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  await prepare(options, text)
  return lintSync(text, options)
}

/**
 * Load what lintSync() needs for these options and is not loaded yet: the format's reader and the
 * large data of every rule that may run (given the text, only the data it may need: a tagger that
 * no sentence calls for is not loaded). lint() and fix() do this themselves.
 */
export async function prepare(options: LintOptions = {}, text?: string): Promise<void> {
  const sets = allRules
    .filter((r) => (!options.only || options.only.includes(r.meta.id)) && configuredLevel(options.config, r.meta.id) !== 'off')
    .flatMap((r) => r.meta.data ?? [])
  await Promise.all([loadFormat(options.format ?? formatOf(options.filePath)), loadData(sets, options.loadData, text)])
}

function configuredLevel(config: Config | undefined, id: string): Level | undefined {
  const setting = config?.rules?.[id]
  return Array.isArray(setting) ? setting[0] : setting
}

// The LaTeX front end brings a large parser: it is loaded on the first .tex, not at start-up.
let latex: typeof import('./formats/latex.ts') | undefined

/** Load what a format needs before lintSync() can read it (LaTeX's parser); lint() and fix() do this themselves. */
export async function loadFormat(format: InputFormat): Promise<void> {
  if (format === 'tex') latex ??= await import('./formats/latex.ts')
}

function treeFor(text: string, format: InputFormat, mdast: MdastRoot | undefined): MdastRoot | undefined {
  if (mdast || format !== 'tex') return mdast
  if (!latex) throw new Error('lintSync() cannot read LaTeX before its parser is loaded: await lint() or loadFormat("tex") first')
  return latex.latexTree(text)
}

// What the engine builds once from the rule registry: the one phrase pass over every rule's list
// and the one retext pass over every rule's plugin. No rule is named here.
const matchPhrases = phraseIndex(phraseListsOf(allRules))
const retextPlugins = new Map(allRules.filter((r) => r.meta.retext).map((r) => [r.meta.id, r.meta.retext!]))
const noMatches: PhraseMatches = new Map()
const ruleIds: readonly string[] = allRules.map((r) => r.meta.id)

/** The synchronous core of lint(), for callers that batch; call prepare() first (lint() does). */
export function lintSync(text: string, options: LintOptions = {}): LintResult {
  if (text.startsWith(BOM)) text = text.slice(1)
  const format = options.format ?? formatOf(options.filePath)
  const files = options.config ? validateConfig(options.config, options.configSource ?? 'configuration') : {}
  const overrides = options.overrides ? validateConfig(options.overrides, options.overridesSource ?? 'command line') : {}
  const config = options.overrides ? mergeConfig(files, overrides) : files
  if (!options.mdast) checkNesting(text, format)
  // The retext plugins of the rules that may run (a fix pass or a quick fix runs a few).
  const retext = retextPass(options.only ? new Map([...retextPlugins].filter(([id]) => options.only!.includes(id))) : retextPlugins)
  const doc = parseDocument(text, format, treeFor(text, format, options.mdast), retext.onTree)
  let inferred: ReturnType<typeof inferKind>
  const settings = resolveSettings(files, doc.frontmatter, options.filePath, overrides, () => (inferred = inferKind(doc))?.kind)
  const messages: LintMessage[] = []
  let phrases: PhraseMatches | undefined

  for (const rule of allRules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue
    const {level, options: ruleOptions} = ruleSetting(rule.meta, config, settings.kind)
    if (level === 'off' && !rule.meta.ownIds) continue
    const report = (finding: Report) => {
      const own = finding.ruleId ? config.rules?.[finding.ruleId] : undefined
      const effective = own !== undefined ? (Array.isArray(own) ? own[0] : own) : (finding.level ?? level)
      if (effective === 'off') return
      messages.push(toMessage(doc, rule, finding, effective))
    }
    const id = rule.meta.id
    rule.check({
      doc,
      options: ruleOptions,
      settings,
      report,
      ruleIds,
      get phrases() {
        phrases ??= rule.meta.phrases ? matchPhrases(doc) : noMatches
        return phrases.get(id) ?? []
      },
      get retext() {
        return retext.findings.get(id) ?? []
      }
    })
  }

  const kept = messages.filter((m) => !suppressed(doc, m) && !accepted(settings.accept, m))
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
  const result: LintResult = {
    filePath: options.filePath,
    messages: kept,
    stats: {words: doc.words.length, sentences: doc.sentences.length, paragraphs: doc.blocks.filter((b) => b.kind === 'paragraph').length},
    settings: {
      kind: settings.kind,
      ...(settings.kindSource === 'text' && inferred ? {kindInferred: inferred.reason} : {}),
      target: settings.target,
      program: settings.program,
      minWords: settings.minWords,
      maxWords: settings.maxWords
    }
  }
  return options.stats ? withStats(result, doc, config) : result
}

/** The most fixing passes over one text; a fix that keeps re-creating its finding stops here. */
const maxPasses = 10

/** Apply every automatic fix with one replacement, right to left, re-linting until stable. */
export async function fix(text: string, options: FixOptions = {}): Promise<FixResult> {
  const format = options.format ?? formatOf(options.filePath)
  if (!canFix(format)) throw new InputError('--fix does not write Word documents; make the changes in Word (run without --fix to list them)')
  await prepare(options, text)
  const bom = text.startsWith(BOM) ? BOM : ''
  let body = bom ? text.slice(1) : text
  const {fixRules, ...lintOptions} = options
  const fixers = allRules
    .filter((r) => r.meta.fix === 'auto' && (!fixRules || fixRules.includes(r.meta.id)) && (!options.only || options.only.includes(r.meta.id)))
    .map((r) => r.meta.id)
  let applied = 0
  let result = lintSync(body, lintOptions)
  let messages = result.messages
  // Later passes run only the rules that may fix: a rule's findings never depend on another's.
  const passOptions: LintOptions = {...lintOptions, only: fixers}
  for (let pass = 0; pass < maxPasses && fixers.length > 0; pass++) {
    const {text: next, count} = applyFixes(body, messages.filter((m) => m.fixable && fixers.includes(m.ruleId)))
    if (count === 0) break
    body = next
    applied += count
    messages = lintSync(body, passOptions).messages
  }
  if (applied > 0) result = lintSync(body, lintOptions)
  return {output: bom + body, applied, result}
}

// One pass: right to left so earlier offsets stay valid. A fix that overlaps or touches one
// already applied waits for the next pass (as in ESLint), and so does one whose text moved.
function applyFixes(body: string, fixes: LintMessage[]): {text: string; count: number} {
  // From the end backward, each fix ending before the last one applied starts; the text before
  // it is as it was, so it is read from `body`, and the pieces are joined once at the end
  // (splicing each fix into the whole text cost the square of its length: 30 of the 38 s of
  // --fix on a 4.9 MB statement).
  const parts: string[] = []
  let count = 0
  let limit = Infinity
  for (const m of [...fixes].sort((a, b) => b.offset - a.offset || b.endOffset - a.endOffset)) {
    if (m.endOffset >= limit || m.offset > m.endOffset) continue
    if (body.slice(m.offset, m.endOffset) !== m.actual || m.expected[0] === m.actual) continue
    parts.push(body.slice(m.endOffset, limit === Infinity ? body.length : limit), m.expected[0])
    limit = m.offset
    count++
  }
  parts.push(body.slice(0, limit === Infinity ? body.length : limit))
  return {text: parts.reverse().join(''), count}
}

/** The input format implied by a file name. */
export function formatOf(filePath?: string): InputFormat {
  const ext = filePath?.toLowerCase().match(/\.([a-z]+)$/)?.[1]
  return ext === 'txt' || ext === 'text' ? 'txt' : ext === 'tex' ? 'tex' : ext === 'docx' ? 'docx' : 'md'
}

function toMessage(doc: Doc, rule: Rule<any>, finding: Report, level: Exclude<Level, 'off'>): LintMessage {
  const start = doc.point(finding.start)
  const end = doc.point(finding.end)
  const expected = finding.expected ?? []
  const message: LintMessage = {
    ruleId: finding.ruleId ?? rule.meta.id,
    level: level === 'warn' ? 'warning' : level,
    severity: level === 'error' ? 2 : 1,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: finding.start,
    endOffset: finding.end,
    actual: doc.text.slice(finding.start, finding.end),
    expected,
    fixable: rule.meta.fix === 'auto' && finding.fixable !== false && expected.length === 1 && fixableIn(doc.format, doc.text.slice(finding.start, finding.end), expected[0]),
    url: rule.meta.url,
    source: 'soplint'
  }
  if (finding.note) message.note = finding.note
  // A Word document has no lines: its text has one paragraph per line, and says so.
  if (doc.format === 'docx') message.paragraph = start.line
  return message
}

function suppressed(doc: Doc, m: LintMessage): boolean {
  let disabled = false
  for (const d of doc.directives) {
    const applies = d.ruleIds.length === 0 || d.ruleIds.includes(m.ruleId)
    if (!applies) continue
    if (d.type === 'ignore') {
      if (m.offset >= d.offset && m.offset <= (d.until ?? d.offset)) return true
    } else if (d.offset <= m.offset) {
      disabled = d.type === 'disable'
    }
  }
  return disabled
}

function accepted(accept: string[], m: LintMessage): boolean {
  if (accept.length === 0) return false
  const actual = ' ' + normalize(m.actual).replace(/\s+/g, ' ').trim() + ' '
  return accept.some((a) => {
    const phrase = normalize(a).replace(/\s+/g, ' ').trim()
    return phrase !== '' && actual.includes(' ' + phrase + ' ')
  })
}
