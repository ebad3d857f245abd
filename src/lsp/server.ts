// The language server: a thin layer over lint() and fix(). It keeps the open documents (with
// incremental sync), lints them on open and, debounced, on change, and translates findings into
// diagnostics (convert.ts), code actions and hover (actions.ts). Configuration is the CLI's
// (config files and `.soplintaccept`, found per folder and cached) with the editor's settings
// over it; front matter is read by lint() itself.
import {existsSync, readFileSync} from 'node:fs'
import {rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {format as formatArgs} from 'node:util'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {Config, InputFormat, LintMessage} from '../core/types.ts'
import {acceptAction, acceptCommand, documentEdit, fixAllKind, hoverFor, ignoreAction, lineEnding, quickFixes, type AcceptArgs, type RuleInfo, type Target} from './actions.ts'
import {createConfigStore, defaultSettings, readSettings, type ConfigStore, type ServerSettings} from './config.ts'
import {bomOf, problemDiagnostic, toDiagnostic, toOffset} from './convert.ts'
import {defaultLanguages, formatFor} from './formats.ts'
import {framedMessages} from './framing.ts'
import {thousands} from '../core/numbers.ts'

/** The package version, set by the build. */
declare const SOPLINT_VERSION: string
const version = typeof SOPLINT_VERSION === 'string' ? SOPLINT_VERSION : '0.0.0-dev'

type Core = typeof import('../index.ts')
type Loader = typeof import('../node/config.ts')

/** What the server remembers about an open document (dropped when it closes). */
interface DocState {
  timer?: ReturnType<typeof setTimeout>
  /** Bumped by every edit: a lint started for an older generation is dropped. */
  generation: number
  debounce: number
  last?: Linted
  /** A lint started on demand (hover, code action), shared by requests for the same version. */
  inflight?: {version: number; promise: Promise<void>}
}

/** The outcome of linting one version of a document. */
interface Linted {
  version: number
  messages: LintMessage[]
  bom: 0 | 1
  format: InputFormat
  /** Set when the document was linted (not skipped, not stopped by a problem). */
  options?: {config: Config; configSource: string; format: InputFormat; filePath?: string}
}

const settingsSource = 'editor settings (soplint)'

/** Start the language server on standard input and output. */
export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const framed = framedMessages((reason) => connection.console.error(`soplint: dropped ${reason}`))
  input.pipe(framed)
  const connection: Connection = createConnection(framed, output)
  // Standard output carries the protocol: anything a dependency prints goes to standard error.
  const toStderr = (...args: unknown[]) => void process.stderr.write(formatArgs(...args) + '\n')
  console.log = console.info = console.debug = console.warn = toStderr
  // The server must outlive any bug: log it and carry on.
  process.on('uncaughtException', (error) => toStderr('soplint: uncaught exception:', error))
  process.on('unhandledRejection', (error) => toStderr('soplint: unhandled rejection:', error))

  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocState>()
  const settingsCache = new Map<string, Promise<ServerSettings>>()
  let capabilities: ClientCapabilities = {}
  let folders: string[] = []
  let base = defaultSettings(defaultLanguages)
  let pushed: unknown
  let watching = false
  let core: Promise<{core: Core; loader: Loader; store: ConfigStore; rules: Map<string, RuleInfo>}> | undefined

  const log = (...args: unknown[]) => connection.console.log(formatArgs(...args))
  const logError = (what: string, error: unknown) => connection.console.error(`soplint: ${what}: ${(error as Error)?.stack ?? String(error)}`)

  const loadCore = () =>
    (core ??= Promise.all([import('../index.ts'), import('../node/config.ts')]).then(([c, loader]) => {
      const store = createConfigStore(loader, {limit: 64, ttl: watching ? Infinity : 3000})
      const rules = new Map<string, RuleInfo>(c.ruleMeta.map((m) => [m.id, m]))
      return {core: c, loader, store, rules}
    }))

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities ?? {}
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: ''}] : [])
    folders = workspaceFolders.map((f) => filePathOf(f.uri)).filter((f): f is string => Boolean(f))
    if (folders.length === 0 && typeof params.rootPath === 'string') folders = [params.rootPath]
    const init = readSettings(base, params.initializationOptions)
    base = init.settings
    for (const problem of init.problems) log(`soplint: initialization options: ${problem}`)
    watching = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    // Start loading the core now, so the first document does not wait for it.
    loadCore().catch((error) => logError('cannot load the linter', error))
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: true},
        hoverProvider: true,
        executeCommandProvider: {commands: [acceptCommand]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'soplint', version}
    }
  })

  connection.onInitialized(() => {
    void (async () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, {section: 'soplint'})
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((f) => filePathOf(f.uri)))
          folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => filePathOf(f.uri)).filter((f): f is string => Boolean(f))]
        })
      }
      if (watching) {
        const {loader} = await loadCore()
        const names = [...loader.configFiles, loader.acceptFile].join(',')
        await connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: `**/{${names}}`}]})
      }
    })().catch((error) => logError('cannot register for notifications', error))
  })

  // Settings: pulled per document when the client can (workspace/configuration), else the
  // last pushed ones; initialization options under both.
  const settingsFor = (uri: string): Promise<ServerSettings> => {
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = (async () => {
        let current = readSettings(base, pushed)
        if (capabilities.workspace?.configuration) {
          try {
            const [pulled] = await connection.workspace.getConfiguration([{scopeUri: uri, section: 'soplint'}])
            current = readSettings(current.settings, pulled)
          } catch (error) {
            logError('workspace/configuration failed', error)
          }
        }
        for (const problem of current.problems) log(`soplint: ${problem} (ignored)`)
        return current.settings
      })()
      settingsCache.set(uri, settings)
    }
    return settings
  }

  connection.onDidChangeConfiguration((params) => {
    pushed = params?.settings
    settingsCache.clear()
    relintAll()
  })

  const configFor = async (uri: string, settings: ServerSettings): Promise<{config: Config; configSource: string} | {problem: string}> => {
    const {core: c, store} = await loadCore()
    const filePath = filePathOf(uri)
    const dir = filePath ? path.dirname(filePath) : folders[0]
    const folder = settings.configLookup && dir ? await store.get(dir) : {config: {}, extraAccept: [] as string[], error: undefined, filepath: undefined}
    if (folder.error) return {problem: folder.error}
    try {
      if (folder.filepath) c.validateConfig(folder.config, folder.filepath)
      c.validateConfig(settings.config, settingsSource)
    } catch (error) {
      return {problem: (error as Error).message}
    }
    return {config: c.mergeConfig(folder.config, settings.config, {accept: folder.extraAccept}), configSource: folder.filepath ?? settingsSource}
  }

  const publish = (uri: string, docVersion: number, diagnostics: ReturnType<typeof toDiagnostic>[]) => {
    connection.sendDiagnostics({uri, version: docVersion, diagnostics}).catch((error) => logError('cannot send diagnostics', error))
  }

  /** Lint the document's current version unless an edit supersedes it on the way. */
  const lintNow = async (uri: string, generation: number): Promise<void> => {
    const current = () => states.get(uri)?.generation === generation && documents.get(uri) !== undefined
    const settings = await settingsFor(uri)
    const {core: c} = await loadCore()
    if (!current()) return
    const doc = documents.get(uri)!
    const state = states.get(uri)!
    state.debounce = settings.debounce
    const text = doc.getText()
    const bom = bomOf(text)
    const filePath = filePathOf(uri)
    const format = formatFor(doc.languageId, filePath, c.formatOf)
    const skipped: Linted = {version: doc.version, messages: [], bom, format}
    if (!settings.enable || !settings.languages.includes(doc.languageId) || isConfigFile(filePath)) {
      state.last = skipped
      publish(uri, doc.version, [])
      return
    }
    if (text.length > settings.maxLength) {
      state.last = skipped
      const size = thousands(text.length)
      publish(uri, doc.version, [problemDiagnostic(`This document has ${size} characters; soplint lints documents of up to ${thousands(settings.maxLength)} (setting soplint.maxLength), so it was not linted`, 'info')])
      return
    }
    const found = await configFor(uri, settings)
    if (!current()) return
    if ('problem' in found) {
      state.last = skipped
      publish(uri, doc.version, [problemDiagnostic(found.problem)])
      return
    }
    const options = {config: found.config, configSource: found.configSource, format, filePath}
    try {
      // lint() rather than lintSync(): it loads what a format needs first (LaTeX's parser).
      const result = await c.lint(text, options)
      if (!current()) return
      state.last = {version: doc.version, messages: result.messages, bom, format, options}
      publish(uri, doc.version, result.messages.map((m) => toDiagnostic(m, bom)))
    } catch (error) {
      if (!current()) return
      state.last = skipped
      if (c.isInputError(error)) publish(uri, doc.version, [problemDiagnostic((error as Error).message)])
      else {
        logError(`internal error linting ${uri}`, error)
        publish(uri, doc.version, [problemDiagnostic(`soplint: internal error: ${(error as Error).message}`)])
      }
    }
  }

  /** Lint a document after `delay` ms; a later call (an edit) replaces an earlier one. */
  const schedule = (uri: string, delay?: number): void => {
    let state = states.get(uri)
    const opened = !state
    if (!state) states.set(uri, (state = {generation: 0, debounce: base.debounce}))
    clearTimeout(state.timer)
    const generation = ++state.generation
    const run = () => {
      const s = states.get(uri)
      if (s) s.timer = undefined
      lintNow(uri, generation).catch((error) => logError(`cannot lint ${uri}`, error))
    }
    state.timer = setTimeout(run, delay ?? (opened ? 0 : state.debounce))
  }

  const relintAll = () => {
    for (const doc of documents.all()) schedule(doc.uri, 0)
  }

  /** The findings for the document as it is now, linting it first if an edit is pending. */
  const fresh = async (uri: string): Promise<{doc: TextDocument; last: Linted} | undefined> => {
    const doc = documents.get(uri)
    if (!doc) return undefined
    let state = states.get(uri)
    if (!state?.last || state.last.version !== doc.version) {
      if (state?.inflight?.version === doc.version) await state.inflight.promise
      else {
        schedule(uri, 0)
        state = states.get(uri)!
        clearTimeout(state.timer)
        state.timer = undefined
        const promise = lintNow(uri, state.generation)
        state.inflight = {version: doc.version, promise}
        await promise
      }
    }
    const last = states.get(uri)?.last
    return last && last.version === doc.version ? {doc, last} : undefined
  }

  documents.onDidChangeContent((event) => schedule(event.document.uri))

  documents.onDidClose((event) => {
    const uri = event.document.uri
    clearTimeout(states.get(uri)?.timer)
    states.delete(uri)
    settingsCache.delete(uri)
    connection.sendDiagnostics({uri, diagnostics: []}).catch((error) => logError('cannot clear diagnostics', error))
  })

  const configChanged = (files: string[]) => {
    if (!core) return
    core.then(({loader, store}) => {
      const names = new Set([...loader.configFiles, loader.acceptFile])
      const relevant = files.filter((f) => names.has(path.basename(f)))
      if (relevant.length === 0) return
      for (const file of relevant) if (path.basename(file) === loader.acceptFile) store.settlePending(file, acceptEntries(file))
      store.clear()
      relintAll()
    }).catch((error) => logError('cannot re-read the configuration', error))
  }

  connection.onDidChangeWatchedFiles((params) => {
    configChanged((params?.changes ?? []).map((c) => filePathOf(c.uri)).filter((f): f is string => Boolean(f)))
  })

  documents.onDidSave((event) => {
    const file = filePathOf(event.document.uri)
    if (file && (isConfigFile(file) || path.basename(file) === 'package.json')) configChanged([file])
    else if (!watching && core) {
      // Without file watching, saving a statement is the moment to re-read its config files.
      core
        .then(({store}) => {
          store.clear()
          schedule(event.document.uri, 0)
        })
        .catch((error) => logError('cannot re-read the configuration', error))
    }
  })

  connection.onHover(async (params) => {
    try {
      const found = await fresh(params.textDocument.uri)
      if (!found) return null
      const {doc, last} = found
      const offset = toOffset(doc, params.position, last.bom)
      // The narrowest finding first: its range is the hover's (a whole-text finding comes last).
      const hits = last.messages
        .filter((m) => m.offset <= offset && (offset < m.endOffset || m.offset === m.endOffset))
        .sort((a, b) => a.endOffset - a.offset - (b.endOffset - b.offset))
      const formats = capabilities.textDocument?.hover?.contentFormat
      const {rules} = await loadCore()
      return hoverFor(hits, rules, last.bom, !formats || formats.includes('markdown'))
    } catch (error) {
      logError('hover failed', error)
      return null
    }
  })

  const versioned = () => Boolean(capabilities.workspace?.workspaceEdit?.documentChanges)

  connection.onCodeAction(async (params) => {
    try {
      const found = await fresh(params.textDocument.uri)
      if (!found) return []
      const {doc, last} = found
      const only = params.context?.only
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'))
      const target: Target = {uri: doc.uri, version: doc.version, versioned: versioned()}
      const actions: CodeAction[] = []
      if (wants(CodeActionKind.QuickFix)) {
        const start = toOffset(doc, params.range.start, last.bom)
        const end = toOffset(doc, params.range.end, last.bom)
        const text = doc.getText()
        const {core: c} = await loadCore()
        for (const m of last.messages) {
          if (m.offset > end || m.endOffset < start) continue
          const diagnostic = toDiagnostic(m, last.bom)
          actions.push(...quickFixes(m, diagnostic, target, last.bom, (actual, value) => c.fixableIn(last.format, actual, value)))
          const ignore = ignoreAction(text, m, last.format, target, diagnostic, last.bom)
          if (ignore) actions.push(ignore)
          // Accepting a mechanical slip ("the the") makes no sense: acceptAction() offers none.
          const accept = acceptAction(m, doc.uri, diagnostic)
          if (accept) actions.push(accept)
        }
      }
      if (wants(fixAllKind) && last.options && last.messages.some((m) => m.fixable)) {
        const action: CodeAction = {title: 'Fix all auto-fixable problems (soplint)', kind: fixAllKind, data: {uri: doc.uri, version: doc.version}}
        const lazy = capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit')
        if (lazy) actions.push(action)
        else {
          const edit = await fixAllEdit(doc, last, target)
          if (edit) actions.push({...action, edit})
        }
      }
      return actions
    } catch (error) {
      logError('code actions failed', error)
      return []
    }
  })

  connection.onCodeActionResolve(async (action) => {
    try {
      const data = action.data as {uri?: unknown; version?: unknown} | undefined
      if (action.kind !== fixAllKind || typeof data?.uri !== 'string') return action
      const found = await fresh(data.uri)
      if (!found || found.doc.version !== data.version) return action
      const edit = await fixAllEdit(found.doc, found.last, {uri: found.doc.uri, version: found.doc.version, versioned: versioned()})
      return edit ? {...action, edit} : action
    } catch (error) {
      logError('resolving a code action failed', error)
      return action
    }
  })

  /** "Fix all": fix() over the document, as one edit replacing it when anything changed. */
  const fixAllEdit = async (doc: TextDocument, last: Linted, target: Target): Promise<WorkspaceEdit | undefined> => {
    if (!last.options) return undefined
    const {core: c} = await loadCore()
    const text = doc.getText()
    const {output} = await c.fix(text, last.options)
    if (output === text) return undefined
    const edit: TextEdit = {range: {start: {line: 0, character: 0}, end: doc.positionAt(text.length)}, newText: output}
    return documentEdit(target, [edit])
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command !== acceptCommand) throw new ResponseError(ErrorCodes.InvalidParams, `soplint: unknown command ${params.command}`)
    const args = params.arguments?.[0] as Partial<AcceptArgs> | undefined
    if (typeof args?.uri !== 'string' || typeof args.entry !== 'string' || !args.entry.trim() || /[#\r\n]/.test(args.entry)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `soplint: ${acceptCommand} takes {uri, entry} (one line, no #)`)
    }
    try {
      await accept(args.uri, args.entry.trim())
    } catch (error) {
      logError('cannot accept the phrase', error)
      void connection.window.showErrorMessage(`soplint: cannot add "${args.entry}" to .soplintaccept: ${(error as Error).message}`)
    }
    return null
  })

  /** Add an entry to the project's `.soplintaccept` (the nearest one, or a new one at the workspace root). */
  const accept = async (uri: string, entry: string): Promise<void> => {
    const {loader, store} = await loadCore()
    const filePath = filePathOf(uri)
    const dir = filePath ? path.dirname(filePath) : folders[0]
    if (!dir) {
      void connection.window.showWarningMessage('soplint: open a folder to keep a .soplintaccept file in')
      return
    }
    const onDisk = loader.readAcceptFile(path.join(dir, '_.md')).file
    const pendingFile = store.pendingFileFor(dir)
    const nearest = [onDisk, pendingFile].filter((f): f is string => Boolean(f)).sort((a, b) => path.dirname(b).length - path.dirname(a).length)[0]
    const root = folders.filter((f) => dir === f || dir.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0]
    const file = nearest ?? path.join(root ?? dir, loader.acceptFile)
    const fileUri = pathToFileURL(file).href
    const open = documents.get(fileUri)
    const exists = Boolean(open) || existsSync(file)
    const content = open?.getText() ?? (existsSync(file) ? readFileSync(file, 'utf8') : '')
    const pending = store.pendingOf(file).filter((e) => !hasEntry(content, e))
    const known = content + pending.map((e) => e + '\n').join('')

    if (!hasEntry(known, entry)) {
      const eol = content ? lineEnding(content) : '\n'
      const header = known === '' ? `# Words and phrases soplint accepts in this project, one per line.${eol}` : ''
      const addition = header + (known === '' || /[\r\n]$/.test(known) ? '' : eol) + entry + eol
      const resourceOps = capabilities.workspace?.workspaceEdit?.resourceOperations ?? []
      const canEdit = Boolean(capabilities.workspace?.applyEdit) && (exists || (versioned() && resourceOps.includes('create')))
      if (canEdit) {
        const end = TextDocument.create(fileUri, 'plaintext', 0, known).positionAt(known.length)
        const insert: TextEdit = {range: {start: end, end}, newText: addition}
        const edit: WorkspaceEdit = exists
          ? documentEdit({uri: fileUri, version: open?.version ?? 0, versioned: versioned()}, [insert])
          : {documentChanges: [{kind: 'create', uri: fileUri, options: {ignoreIfExists: true}}, {textDocument: {uri: fileUri, version: null}, edits: [insert]}]}
        if (exists && versioned() && !open && edit.documentChanges) {
          // Not open in the editor: there is no version to guard with.
          ;(edit.documentChanges[0] as {textDocument: {version: number | null}}).textDocument.version = null
        }
        const result = await connection.workspace.applyEdit({label: `soplint: accept "${entry}"`, edit})
        if (!result.applied) {
          void connection.window.showWarningMessage(`soplint: the editor did not add "${entry}" to ${file}${result.failureReason ? ': ' + result.failureReason : ''}`)
          return
        }
        store.addPending(file, entry)
      } else {
        // A client that cannot apply this edit: write the file ourselves, atomically.
        const disk = existsSync(file) ? readFileSync(file, 'utf8') : ''
        const next = disk + (disk === '' ? `# Words and phrases soplint accepts in this project, one per line.\n` : /[\r\n]$/.test(disk) ? '' : '\n') + entry + '\n'
        const temp = `${file}.${process.pid}.tmp`
        await writeFile(temp, next)
        await rename(temp, file)
        store.settlePending(file, acceptEntries(file))
      }
    }
    store.clear()
    relintAll()
  }

  documents.listen(connection)
  connection.listen()
  return connection
}

/** The file system path of a `file:` URI; undefined for other schemes (untitled buffers). */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

const configNames = /^(?:\.soplintrc(?:\.json|\.ya?ml)?|\.soplintaccept)$/

/** Config files are read, never linted as statements (a `.soplintaccept` looks like plain text). */
function isConfigFile(file: string | undefined): boolean {
  return file !== undefined && configNames.test(path.basename(file))
}

/** The entries of an accept file on disk (as readAcceptFile reads them), or undefined when it is gone. */
function acceptEntries(file: string): string[] | undefined {
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
function hasEntry(content: string, entry: string): boolean {
  const wanted = entry.toLowerCase()
  return content.split(/\r\n|\r|\n/).some((line) => line.replace(/#.*$/, '').trim().toLowerCase() === wanted)
}
