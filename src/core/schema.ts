// Validation of configuration objects: pure, so the language server and the CLI share it.
// Every problem becomes one line naming the source, the key and what was expected.
import {InputError} from './errors.ts'
import {didYouMean} from './suggest.ts'
import {rules as registry} from '../../rules/index.ts'
import type {RuleMeta} from './rule.ts'
import type {Config, Level} from './types.ts'
import {kinds} from './presets.ts'

const levels = ['error', 'warn', 'info', 'off'] as const
/** Other words for a level: the report prints "warning", so people write it. */
const levelSynonyms: Record<string, Level> = {warning: 'warn'}

/** What each top-level key takes, as a check that returns what is wrong or undefined. */
type Check = (value: unknown) => string | undefined

const text: Check = (v) => (typeof v === 'string' ? undefined : `expected a string, not ${shown(v)}`)
const words: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : `expected a non-empty string, not ${shown(v)}`)
const oneOf =
  (options: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && options.includes(v) ? undefined : `expected one of ${options.join(', ')}, not ${shown(v)}`
const wholeNumber =
  (min: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min ? undefined : `expected a whole number of ${min} or more, not ${shown(v)}`
const record: Check = (v) => (isObject(v) ? undefined : `expected an object, not ${shown(v)}`)
const texts: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : `expected a list of strings, not ${shown(v)}`)

/** The keys of one entry of `phrases`. */
const phraseKeys: Record<string, Check> = {
  phrase: words,
  message: text,
  replace: text,
  ruleId: (v) => (typeof v === 'string' && /^[a-z][a-z0-9-]*$/.test(v) ? undefined : `expected a kebab-case id, not ${shown(v)}`),
  level: checkLevel
}

/** The top-level keys of a configuration. */
const configKeys: Record<string, Check> = {
  $schema: text,
  preset: oneOf(kinds),
  kind: oneOf(kinds),
  target: words,
  program: words,
  minWords: wholeNumber(0),
  maxWords: wholeNumber(1),
  rules: record,
  accept: texts,
  phrases: (v) => (Array.isArray(v) ? undefined : `expected a list of phrases, not ${shown(v)}`),
  otherTargets: texts
}

/** What validation needs of a rule: its id and its options. */
type RuleShape = Pick<RuleMeta<any>, 'id' | 'options'>

const registryMeta: readonly RuleShape[] = registry.map((rule) => rule.meta)

/**
 * Validate a configuration object against the rules' metadata (every rule's by default); throws
 * an InputError naming `source` and the key. Returns it with levels in their canonical spelling
 * (`"warning"` becomes `"warn"`); the input is not changed.
 */
export function validateConfig(value: unknown, source: string, rules: readonly RuleShape[] = registryMeta): Config {
  checkKeys(value, configKeys, [], source)
  const config = value as Config
  config.phrases?.forEach((entry, index) => {
    checkKeys(entry, phraseKeys, ['phrases', String(index)], source)
    if (entry.phrase === undefined) throw new InputError(`${source}: phrases.${index}.phrase: is required`)
  })
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    validateRuleSetting(id, setting, `${source}: rules.${id}`, rules, config)
  }
  const synonym = (level: unknown) => (typeof level === 'string' && Object.hasOwn(levelSynonyms, level) ? levelSynonyms[level] : level)
  const canonical = (setting: unknown) => (Array.isArray(setting) ? [synonym(setting[0]), ...setting.slice(1)] : synonym(setting))
  const isSynonym = (level: unknown) => synonym(level) !== level
  const rulesIn = config.rules ?? {}
  const phrases = config.phrases ?? []
  if (!Object.values(rulesIn).some((v) => isSynonym(Array.isArray(v) ? v[0] : v)) && !phrases.some((p) => isSynonym(p.level))) return config
  return {
    ...config,
    ...(config.rules ? {rules: Object.fromEntries(Object.entries(rulesIn).map(([id, s]) => [id, canonical(s)])) as Config['rules']} : {}),
    ...(config.phrases ? {phrases: phrases.map((p) => (p.level === undefined ? p : {...p, level: synonym(p.level) as Level}))} : {})
  }
}

/** A level as written, or the reason it is not one (with a did-you-mean). */
function checkLevel(level: unknown): string | undefined {
  if (typeof level === 'string' && (levels.includes(level as Level) || Object.hasOwn(levelSynonyms, level))) return undefined
  const hint = typeof level === 'string' ? didYouMean(level, [...levels, ...Object.keys(levelSynonyms)]) : ''
  return `level must be one of ${levels.join(', ')} (got ${JSON.stringify(level)})${hint}`
}

/** Every key of `value` must be one of `checks` and pass its check. */
function checkKeys(value: unknown, checks: Record<string, Check>, at: string[], source: string): void {
  if (!isObject(value)) throw new InputError(`${source}: ${at.join('.') || 'configuration'}: expected an object, not ${shown(value)}`)
  for (const [key, setting] of Object.entries(value)) {
    const path = [...at, key].join('.')
    const check = checks[key]
    if (!check) throw new InputError(`${source}: unknown key "${path}"${didYouMean(key, Object.keys(checks))}`)
    // An absent optional key may be written as undefined by a program, never by JSON or YAML.
    const problem = setting === undefined ? undefined : check(setting)
    if (problem) throw new InputError(`${source}: ${path}: ${problem}`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value as a message shows it: short, and named by its type when it is not a scalar. */
function shown(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  const json = JSON.stringify(value)
  return json === undefined ? String(value) : json.length > 40 ? json.slice(0, 37) + '...' : json
}

/** Check one rule entry (`"warn"`, `["warn", {max: 35}]`); throws an InputError. */
export function validateRuleSetting(id: string, setting: unknown, where: string, rules: readonly RuleShape[] = registryMeta, config?: Config): void {
  const rule = rules.find((r) => r.id === id)
  const custom = config?.phrases?.some((p) => p.ruleId === id)
  if (!rule && !custom) {
    throw new InputError(`${where}: unknown rule "${id}"${didYouMean(id, rules.map((r) => r.id))}`)
  }
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined]
  const badLevel = checkLevel(level)
  if (badLevel) throw new InputError(`${where}: ${badLevel}`)
  if (Array.isArray(setting) && setting.length > 2) throw new InputError(`${where}: expected [level] or [level, {options}]`)
  if (options === undefined) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InputError(`${where}: options must be an object`)
  }
  const specs = rule?.options ?? {}
  for (const [key, value] of Object.entries(options)) {
    const spec = (specs as Record<string, {type: string}>)[key]
    if (!spec) {
      const known = Object.keys(specs)
      throw new InputError(`${where}: unknown option "${key}"${didYouMean(key, known) || (known.length ? ` (options: ${known.join(', ')})` : ' (this rule takes no options)')}`)
    }
    const ok =
      spec.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : spec.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === spec.type
    if (!ok) throw new InputError(`${where}: option "${key}" must be ${spec.type === 'string[]' ? 'a list of strings' : 'a ' + spec.type}`)
  }
}
