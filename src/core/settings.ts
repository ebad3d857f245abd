// Settings: how the layers of configuration combine into what the rules read. Every front end
// calls these, so a project behaves the same in the CLI, the language server and a web page.
//
// Precedence, lowest first: the preset of the kind, the config file, the document's front
// matter, then what the user set for this run explicitly (command-line flags). Editor settings
// are standing preferences, not a per-run choice: they sit between the config file and the front
// matter. Rules merge by id; `accept` and `phrases` add up; every other key is replaced.
import {InputError} from './errors.ts'
import {presets} from './presets.ts'
import type {RuleMeta} from './rule.ts'
import type {Config, Kind, Level, ResolvedSettings} from './types.ts'

/** Merge configuration layers, lowest precedence first. */
export function mergeConfig(...layers: Array<Config | undefined>): Config {
  const merged: Config = {}
  const accept: string[] = []
  for (const layer of layers) {
    if (!layer) continue
    const {rules, accept: words, phrases, ...rest} = layer
    Object.assign(merged, rest)
    if (rules) merged.rules = {...merged.rules, ...rules}
    if (words) accept.push(...words)
    if (phrases) merged.phrases = [...(merged.phrases ?? []), ...phrases]
  }
  if (accept.length) merged.accept = [...new Set(accept)]
  return merged
}

/** The settings of a document's front matter that soplint reads. */
export type FrontmatterSettings = Partial<Pick<ResolvedSettings, 'kind' | 'target' | 'program' | 'minWords' | 'maxWords'>>

/** Where the kind of statement came from, for the output to say. */
export type KindSource = 'flag' | 'front matter' | 'config' | 'file name' | 'text' | 'default'

/**
 * Merge preset, config file, front matter and explicit settings into what rules read.
 * `config` is the merged file (and editor) configuration; `overrides`, the run's explicit
 * settings, beat the front matter; `inferKind` is asked only when nothing sets the kind.
 */
export function resolveSettings(
  config: Config,
  frontmatter: Record<string, unknown> | null,
  filePath?: string,
  overrides: Config = {},
  inferKind?: () => Kind | undefined
): ResolvedSettings & {kindSource: KindSource} {
  const fm = readFrontmatterSettings(frontmatter)
  const fromName = kindFromName(filePath)
  const [kind, kindSource]: [Kind, KindSource] =
    (overrides.kind ?? overrides.preset) !== undefined
      ? [(overrides.kind ?? overrides.preset)!, 'flag']
      : fm.kind !== undefined
        ? [fm.kind, 'front matter']
        : (config.kind ?? config.preset) !== undefined
          ? [(config.kind ?? config.preset)!, 'config']
          : fromName !== undefined
            ? [fromName, 'file name']
            : withInferred(inferKind?.())
  const preset = presets[kind]
  const pick = <K extends 'target' | 'program' | 'minWords' | 'maxWords'>(key: K) => overrides[key] ?? fm[key] ?? config[key]
  const minWords = pick('minWords')
  const maxWords = pick('maxWords')
  return {
    kind,
    kindSource,
    target: pick('target'),
    program: pick('program'),
    minWords: minWords ?? preset.minWords,
    maxWords: maxWords ?? preset.maxWords,
    accept: [...(config.accept ?? []), ...(overrides.accept ?? [])],
    phrases: [...(config.phrases ?? []), ...(overrides.phrases ?? [])],
    otherTargets: overrides.otherTargets ?? config.otherTargets ?? [],
    limitsSetByUser: minWords !== undefined || maxWords !== undefined
  }
}

function withInferred(kind: Kind | undefined): [Kind, KindSource] {
  return kind ? [kind, 'text'] : ['sop', 'default']
}

/**
 * The kind a file's name states (`cover-letter.md`, `personal_statement.tex`), used only when
 * neither front matter nor configuration says.
 */
export function kindFromName(filePath?: string): Kind | undefined {
  const name = filePath?.split(/[\\/]/).pop()?.toLowerCase() ?? ''
  if (/cover[-_ .]?letter|motivation[-_ .]?letter/.test(name)) return 'cover-letter'
  if (/personal[-_ .]?(statement|history)/.test(name)) return 'personal-statement'
  if (/research[-_ .]?(statement|proposal)/.test(name)) return 'research-statement'
  return undefined
}

/** Read and check the settings a statement's front matter may set; throws an InputError. */
export function readFrontmatterSettings(fm: Record<string, unknown> | null): FrontmatterSettings {
  if (!fm) return {}
  const out: FrontmatterSettings = {}
  const kind = fm.kind ?? fm.preset
  if (kind !== undefined) {
    if (typeof kind !== 'string' || !(kind in presets)) throw new InputError(`front matter: kind must be one of ${Object.keys(presets).join(', ')} (got ${JSON.stringify(kind)})`)
    out.kind = kind as Kind
  }
  for (const key of ['target', 'program'] as const) {
    const value = fm[key]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(`front matter: ${key} must be text`)
    out[key] = String(value)
  }
  for (const key of ['minWords', 'maxWords'] as const) {
    const value = fm[key]
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InputError(`front matter: ${key} must be a whole number`)
    out[key] = value
  }
  return out
}

/** A rule's effective level and options for a kind of statement under a configuration. */
export function ruleSetting(meta: Pick<RuleMeta<any>, 'id' | 'kinds' | 'defaultLevel' | 'options'>, config: Config, kind: Kind): {level: Level; options: Record<string, unknown>} {
  const defaults: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(meta.options ?? {})) defaults[key] = (spec as {default: unknown}).default
  const onByDefault = !meta.kinds || meta.kinds.includes(kind)
  const setting = config.rules?.[meta.id]
  if (setting === undefined) return {level: onByDefault ? meta.defaultLevel : 'off', options: defaults}
  if (Array.isArray(setting)) return {level: setting[0], options: {...defaults, ...(setting[1] ?? {})}}
  return {level: setting, options: defaults}
}
