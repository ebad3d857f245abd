// Finding and reading configuration files: the one part of configuration that touches disk.
// The CLI and the language server both use it, so a project behaves the same in both.
import {readFile} from 'node:fs/promises'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {lilconfig, type LilconfigResult} from 'lilconfig'
import {parseYaml} from '../index.ts'
import {InputError, isInputError} from '../core/errors.ts'
import type {Config} from '../core/types.ts'

/** The file names searched for, nearest directory first. */
export const configFiles = ['package.json', '.soplintrc', '.soplintrc.json', '.soplintrc.yaml', '.soplintrc.yml']

/** The project file of accepted words and phrases, one per line, shared by CLI, hook and editor. */
export const acceptFile = '.soplintaccept'

const parseJson = (filepath: string, content: string): unknown => {
  try {
    return JSON.parse(content)
  } catch (error) {
    throw new InputError(`${filepath}: invalid JSON${jsonPlace(content, (error as Error).message)}: ${jsonReason((error as Error).message)}`)
  }
}

// V8 names a character offset ("at position 42"); people and editors go by line and column.
function jsonPlace(content: string, message: string): string {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message)
  if (lineColumn) return ` on line ${lineColumn[1]}, column ${lineColumn[2]}`
  const position = /at position (\d+)/.exec(message)
  const offset = position ? Number(position[1]) : /Unexpected end of JSON input/.test(message) ? content.length : undefined
  if (offset === undefined) return ''
  const before = content.slice(0, offset).split(/\r\n|\r|\n/)
  return ` on line ${before.length}, column ${before[before.length - 1].length + 1}`
}

function jsonReason(message: string): string {
  return message.split('\n')[0].replace(/\s*(?:in JSON )?at position \d+/, '').replace(/\s*\(line \d+ column \d+\)/, '')
}

const parseYamlFile = (filepath: string, content: string): unknown => {
  try {
    return parseYaml(content) ?? {}
  } catch (error) {
    throw new InputError(`${filepath}: invalid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
}

const explorer = lilconfig('soplint', {
  searchPlaces: configFiles,
  loaders: {
    '.json': parseJson,
    '.yaml': parseYamlFile,
    '.yml': parseYamlFile,
    // `.soplintrc` may hold JSON or YAML; JSON is YAML, so YAML reads both.
    noExt: parseYamlFile
  },
  cache: false
})

/** A configuration found for a file, with where it came from. */
export interface FoundConfig {
  config: Config
  /** The config file, or undefined when none was found. */
  filepath?: string
}

/** Find the configuration that applies to a file (searching upward from its folder). */
export async function findConfig(forFile: string): Promise<FoundConfig> {
  let result: LilconfigResult
  try {
    result = await explorer.search(path.dirname(path.resolve(forFile)))
  } catch (error) {
    throw asInputError(error)
  }
  const found: FoundConfig = result ? {config: checkShape(result.config, result.filepath), filepath: result.filepath} : {config: {}}
  return withAcceptFile(found, forFile)
}

/** Read one configuration file named by the user (`-c file`). */
export async function readConfigFile(file: string): Promise<FoundConfig> {
  let content: string
  try {
    content = await readFile(file, 'utf8')
  } catch (error) {
    throw new InputError(`${file}: cannot read the configuration file (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const data = /\.json$/i.test(file) ? parseJson(file, content) : parseYamlFile(file, content)
  const config = path.basename(file) === 'package.json' ? ((data as {soplint?: unknown}).soplint ?? {}) : data
  return {config: checkShape(config, file), filepath: path.resolve(file)}
}

/** Words and phrases from the nearest `.soplintaccept` above a file, one per line. */
export function readAcceptFile(forFile: string): {file?: string; entries: string[]} {
  let dir = path.dirname(path.resolve(forFile))
  for (;;) {
    const candidate = path.join(dir, acceptFile)
    if (existsSync(candidate)) {
      const entries = readFileSync(candidate, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.replace(/#.*$/, '').trim())
        .filter(Boolean)
      return {file: candidate, entries}
    }
    const parent = path.dirname(dir)
    if (parent === dir) return {entries: []}
    dir = parent
  }
}

function withAcceptFile(found: FoundConfig, forFile: string): FoundConfig {
  const {entries} = readAcceptFile(forFile)
  if (entries.length === 0) return found
  return {...found, config: {...found.config, accept: [...(found.config.accept ?? []), ...entries]}}
}

function checkShape(value: unknown, filepath: string): Config {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${filepath}: the configuration must be an object of settings`)
  }
  return value as Config
}

function asInputError(error: unknown): Error {
  if (isInputError(error)) return error
  return new InputError(String((error as Error).message ?? error).split('\n')[0])
}
