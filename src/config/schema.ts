// Validation of configuration objects: pure, so the language server and the CLI share it.
// Every problem becomes one line naming the source, the key and what was expected.
import {z} from 'zod'
import {InputError} from '../errors.ts'
import type {Rule} from '../rule.ts'
import type {Config, Level} from '../types.ts'
import {kinds} from './presets.ts'

const levels = ['error', 'warn', 'info', 'off'] as const

const userPhrase = z.strictObject({
  phrase: z.string().min(1),
  message: z.string().optional(),
  replace: z.string().optional(),
  ruleId: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kebab-case id').optional(),
  level: z.enum(levels).optional()
})

const configShape = z.strictObject({
  $schema: z.string().optional(),
  preset: z.enum(kinds as [string, ...string[]]).optional(),
  kind: z.enum(kinds as [string, ...string[]]).optional(),
  target: z.string().min(1).optional(),
  program: z.string().min(1).optional(),
  minWords: z.number().int().nonnegative().optional(),
  maxWords: z.number().int().positive().optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  accept: z.array(z.string()).optional(),
  phrases: z.array(userPhrase).optional(),
  otherTargets: z.array(z.string()).optional()
})

/** Validate a configuration object; throws an InputError naming `source` and the key. */
export function validateConfig(value: unknown, source: string, rules: readonly Rule<any>[]): Config {
  const parsed = configShape.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = issue.path.join('.')
    if (issue.code === 'unrecognized_keys') {
      const name = issue.keys[0]
      const hint = didYouMean(name, Object.keys(configShape.shape))
      throw new InputError(`${source}: unknown key "${[...issue.path, name].join('.')}"${hint}`)
    }
    throw new InputError(`${source}: ${key || 'configuration'}: ${issue.message}`)
  }
  const config = parsed.data as Config
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    validateRuleSetting(id, setting, `${source}: rules.${id}`, rules, config)
  }
  return config
}

/** Check one rule entry (`"warn"`, `["warn", {max: 35}]`); throws an InputError. */
export function validateRuleSetting(id: string, setting: unknown, where: string, rules: readonly Rule<any>[], config?: Config): void {
  const rule = rules.find((r) => r.meta.id === id)
  const custom = config?.phrases?.some((p) => p.ruleId === id)
  if (!rule && !custom) {
    throw new InputError(`${where}: unknown rule "${id}"${didYouMean(id, rules.map((r) => r.meta.id))}`)
  }
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined]
  if (!levels.includes(level as Level)) {
    throw new InputError(`${where}: level must be one of ${levels.join(', ')} (got ${JSON.stringify(level)})`)
  }
  if (Array.isArray(setting) && setting.length > 2) throw new InputError(`${where}: expected [level] or [level, {options}]`)
  if (options === undefined) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InputError(`${where}: options must be an object`)
  }
  const specs = rule?.meta.options ?? {}
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

/** ` (did you mean "x"?)` for a close match, or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  let best = ''
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : ''
}

function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}
