// Configuration for one document, from three places: the config files the CLI finds (with the
// project's `.soplintaccept`), the editor's settings, and the document's front matter (which
// lint() reads itself). Editor settings play the part of the CLI's flags: they override the
// config file key by key (rules by rule id); accepted phrases and user phrases add up.
import path from 'node:path'
import type {Config} from '../core/types.ts'

/** The editor settings the server reads (section `soplint`). */
export interface ServerSettings {
  /** Lint at all. */
  enable: boolean
  /** Editor language ids to lint. */
  languages: string[]
  /** Milliseconds to wait after an edit before linting. */
  debounce: number
  /** Documents longer than this many characters are not linted. */
  maxLength: number
  /** Look for config files (`.soplintrc`, package.json `soplint`, `.soplintaccept`). */
  configLookup: boolean
  /** The part of the settings that is a soplint configuration, as in a config file. */
  config: Config
}

/** The settings when the editor gives none. */
export function defaultSettings(languages: readonly string[]): ServerSettings {
  return {enable: true, languages: [...languages], debounce: 200, maxLength: 100_000, configLookup: true, config: {}}
}

/** The settings that are a soplint configuration, read into `config`. */
export const configKeys = ['preset', 'kind', 'target', 'program', 'minWords', 'maxWords', 'rules', 'accept', 'phrases'] as const

/**
 * Read settings as an editor sends them, over the defaults. Accepts `{soplint: {...}}` or the
 * section itself; unset values (null, '') are skipped, so an editor's empty defaults change nothing.
 * Values of the wrong type are skipped and named in `problems`.
 */
export function readSettings(base: ServerSettings, raw: unknown): {settings: ServerSettings; problems: string[]} {
  const problems: string[] = []
  const settings: ServerSettings = {...base, languages: [...base.languages], config: {...base.config}}
  if (!isObject(raw)) return {settings, problems}
  const section = isObject(raw.soplint) ? raw.soplint : raw
  const set = (value: unknown) => value !== undefined && value !== null && value !== ''
  if (set(section.enable)) {
    if (typeof section.enable === 'boolean') settings.enable = section.enable
    else problems.push('soplint.enable must be true or false')
  }
  if (set(section.configLookup)) {
    if (typeof section.configLookup === 'boolean') settings.configLookup = section.configLookup
    else problems.push('soplint.configLookup must be true or false')
  }
  if (set(section.languages)) {
    if (Array.isArray(section.languages) && section.languages.every((l) => typeof l === 'string')) settings.languages = section.languages as string[]
    else problems.push('soplint.languages must be a list of language ids')
  }
  for (const key of ['debounce', 'maxLength'] as const) {
    const value = section[key]
    if (!set(value)) continue
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value
    else problems.push(`soplint.${key} must be a number of at least 0`)
  }
  for (const key of configKeys) {
    const value = section[key]
    if (!set(value)) continue
    if (key === 'rules' && isObject(value) && Object.keys(value).length === 0) continue
    if ((key === 'accept' || key === 'phrases') && Array.isArray(value) && value.length === 0) continue
    ;(settings.config as Record<string, unknown>)[key] = value
  }
  return {settings, problems}
}

/** What the config files say for one folder. */
export interface FolderConfig {
  config: Config
  /** The config file found, if any. */
  filepath?: string
  /** The `.soplintaccept` that applies, if any. */
  acceptFile?: string
  /** Why the configuration could not be read (one line naming the file). */
  error?: string
}

/** How the store reads the disk: src/config/load.ts, passed in so it is loaded lazily. */
export interface ConfigLoader {
  findConfig(forFile: string): Promise<{config: Config; filepath?: string}>
  readAcceptFile(forFile: string): {file?: string; entries: string[]}
}

/**
 * Config files found per folder, cached (at most `limit` folders, least recently used out)
 * until a config file changes. Entries this server added to an accept file through the editor
 * count at once, before the editor saves the file, until the file next changes on disk.
 */
export function createConfigStore(loader: ConfigLoader, options: {limit: number; ttl: number}) {
  const cache = new Map<string, {at: number; value: Promise<FolderConfig>}>()
  const pending = new Map<string, string[]>()

  const load = async (dir: string): Promise<FolderConfig> => {
    const probe = path.join(dir, '_.md')
    try {
      const found = await loader.findConfig(probe)
      const accept = loader.readAcceptFile(probe)
      return {config: found.config, filepath: found.filepath, acceptFile: accept.file}
    } catch (error) {
      return {config: {}, error: (error as Error).message}
    }
  }

  return {
    /** The config files' configuration for documents in `dir`, with pending accepted entries. */
    async get(dir: string): Promise<FolderConfig & {extraAccept: string[]}> {
      const now = Date.now()
      let entry = cache.get(dir)
      if (entry && now - entry.at > options.ttl) entry = undefined
      if (entry) cache.delete(dir)
      else entry = {at: now, value: load(dir)}
      cache.set(dir, entry)
      while (cache.size > options.limit) cache.delete(cache.keys().next().value as string)
      const folder = await entry.value
      return {...folder, extraAccept: pendingFor(dir, folder.acceptFile)}
    },
    /** Forget everything read from disk (a config file changed). */
    clear(): void {
      cache.clear()
    },
    /** Count `entry` as accepted for documents under `file`'s folder until the file changes. */
    addPending(file: string, entry: string): void {
      const list = pending.get(file) ?? []
      if (!list.includes(entry)) list.push(entry)
      pending.set(file, list)
    },
    /**
     * The accept file changed on disk: entries now in it are no longer pending. Entries not yet
     * saved stay pending (an editor may create the file empty and keep the text unsaved), except
     * when the file is gone: then it was deleted on purpose.
     */
    settlePending(file: string, onDisk: readonly string[] | undefined): void {
      const list = pending.get(file)
      if (!list) return
      const saved = new Set((onDisk ?? []).map((e) => e.toLowerCase()))
      const left = onDisk ? list.filter((e) => !saved.has(e.toLowerCase())) : []
      if (left.length) pending.set(file, left)
      else pending.delete(file)
    },
    /** Entries added but maybe not yet on disk, for a file (to place the next one after them). */
    pendingOf(file: string): readonly string[] {
      return pending.get(file) ?? []
    },
    /** The nearest pending accept file above `dir` (one created but not yet saved). */
    pendingFileFor(dir: string): string | undefined {
      return nearestPending(dir)
    },
    get size(): number {
      return cache.size
    }
  }

  function pendingFor(dir: string, onDisk: string | undefined): string[] {
    const file = nearestPending(dir)
    if (!file) return []
    // A nearer accept file on disk wins, as readAcceptFile's search would.
    if (onDisk && onDisk !== file && path.dirname(onDisk).length > path.dirname(file).length) return []
    return pending.get(file) ?? []
  }

  function nearestPending(dir: string): string | undefined {
    let best: string | undefined
    for (const file of pending.keys()) {
      const folder = path.dirname(file)
      const inside = dir === folder || dir.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
      if (inside && (!best || folder.length > path.dirname(best).length)) best = file
    }
    return best
  }
}

/** The config store's type. */
export type ConfigStore = ReturnType<typeof createConfigStore>

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
