// What the parts of the language server share: the connection, the open documents, what is known
// about each, the client's capabilities and settings, the lazily loaded core, and the functions
// one part offers the others. server.ts makes one per connection; each part adds its functions.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ErrorCodes, ResponseError, type CancellationToken, type ClientCapabilities, type Connection, type TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Config, InputFormat, LintMessage} from '../core/types.ts'
import type {RuleInfo} from './actions.ts'
import type {ConfigStore, ServerSettings} from './config.ts'
import type {Linter} from './linter.ts'

/** The core's public API. */
export type Core = typeof import('../index.ts')
/** The configuration-file loader (Node I/O). */
export type Loader = typeof import('../node/config.ts')

/** What the server remembers about an open document (dropped when it closes). */
export interface DocState {
  timer?: ReturnType<typeof setTimeout>
  /** Bumped by every edit and every change of configuration: a lint of an older generation is cancelled. */
  generation: number
  debounce: number
  last?: Linted
  /** The lint under way, which requests for findings (hover, code actions) wait for. */
  running?: {generation: number; promise: Promise<void>}
}

/** The outcome of linting one version of a document. */
export interface Linted {
  /** The generation it was linted for: the version, with the configuration of that moment. */
  generation: number
  version: number
  messages: LintMessage[]
  bom: 0 | 1
  format: InputFormat
  /** Set when the document was linted (not skipped, not stopped by a problem). */
  options?: {config: Config; configSource: string; format: InputFormat; filePath?: string}
}

/** The loaded core and what is built from it once. */
export interface Loaded {
  core: Core
  loader: Loader
  store: ConfigStore
  rules: Map<string, RuleInfo>
}

/** The state of one server and the functions its parts offer each other. */
export interface ServerContext {
  connection: Connection
  documents: TextDocuments<TextDocument>
  states: Map<string, DocState>
  settingsCache: Map<string, Promise<ServerSettings>>
  capabilities: ClientCapabilities
  folders: string[]
  base: ServerSettings
  /** The settings last pushed by workspace/didChangeConfiguration. */
  pushed: unknown
  /** Whether the client watches config files for us. */
  watching: boolean
  /** Set by the shutdown request: later requests are refused (LSP: InvalidRequest). */
  shutDown: boolean
  /** Set once loading the core has started. */
  core?: Promise<Loaded>
  /** Lints and fixes on worker threads. */
  linter: Linter
  loadCore: () => Promise<Loaded>
  log: (...args: unknown[]) => void
  logError: (what: string, error: unknown) => void
  // Offered by configuration.ts
  settingsFor: (uri: string) => Promise<ServerSettings>
  configFor: (uri: string, settings: ServerSettings) => Promise<{config: Config; configSource: string} | {problem: string}>
  // Offered by diagnostics.ts
  lintNow: (uri: string, generation: number) => Promise<void>
  // Offered by documents.ts
  schedule: (uri: string, delay?: number) => void
  relintAll: () => void
  fresh: (uri: string, token?: CancellationToken) => Promise<{doc: TextDocument; last: Linted} | undefined>
}

/** The file system path of a `file:` URI; undefined for other schemes (untitled buffers). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

const configNames = /^(?:\.soplintrc(?:\.json|\.ya?ml)?|\.soplintaccept)$/

/** Config files are read, never linted as statements (a `.soplintaccept` looks like plain text). */
export function isConfigFile(file: string | undefined): boolean {
  return file !== undefined && configNames.test(path.basename(file))
}

/** The entries of an accept file on disk (as readAcceptFile reads them), or undefined when it is gone. */
export function acceptEntries(file: string): string[] | undefined {
  if (!existsSync(file)) return undefined
  try {
    return readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean)
  } catch {
    return undefined
  }
}

/** True when an accept file's text has the entry on a line of its own (any case). */
export function hasEntry(content: string, entry: string): boolean {
  const wanted = entry.toLowerCase()
  return content.split(/\r\n|\r|\n/).some((line) => line.replace(/#.*$/, '').trim().toLowerCase() === wanted)
}

/** Throw the error the protocol asks for when a request comes after shutdown. */
export function refuseAfterShutdown(ctx: ServerContext): void {
  if (ctx.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'soplint: the server is shutting down')
}
