// The language server: a thin layer over lint() and fix(). This file starts it and answers
// initialize; each concern is a module of its own that registers its handlers on a shared
// context (context.ts): the open documents and when they are linted (documents.ts), linting and
// publishing (diagnostics.ts), settings and config files (configuration.ts, merged by config.ts),
// code actions and the accept command (code-actions.ts), and hover (hover.ts). Lints and fixes
// run on worker threads (linter.ts, worker.ts), so this thread always answers the editor.
import {format as formatArgs} from 'node:util'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type InitializeResult
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {acceptCommand, fixAllKind, type RuleInfo} from './actions.ts'
import {registerCodeActions} from './code-actions.ts'
import {createConfigStore, defaultSettings, readSettings} from './config.ts'
import {registerConfiguration} from './configuration.ts'
import {filePathOf, type ServerContext} from './context.ts'
import {registerDiagnostics} from './diagnostics.ts'
import {registerDocuments} from './documents.ts'
import {defaultLanguages} from './formats.ts'
import {framedMessages} from './framing.ts'
import {registerHover} from './hover.ts'
import {createLinter, workerEntry, type Op, type Outputs, type RunHere} from './linter.ts'

/** The package version, set by the build. */
declare const SOPLINT_VERSION: string
const version = typeof SOPLINT_VERSION === 'string' ? SOPLINT_VERSION : '0.0.0-dev'

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
  const log = (...args: unknown[]) => connection.console.log(formatArgs(...args))
  const logError = (what: string, error: unknown) => connection.console.error(`soplint: ${what}: ${(error as Error)?.stack ?? String(error)}`)
  const missing = () => {
    throw new Error('soplint: a part of the language server was not registered')
  }
  // Without a built worker entry (the sources, run directly), lints run on this thread.
  const runHere: RunHere = async (op, text, options) => {
    const {core: c} = await ctx.loadCore()
    // lint() rather than lintSync(): it loads what a format needs first (LaTeX's parser).
    const value: Outputs[Op] = op === 'fix' ? {output: (await c.fix(text, options)).output} : {messages: (await c.lint(text, options)).messages}
    return value as Outputs[typeof op]
  }
  const ctx: ServerContext = {
    connection,
    documents,
    states: new Map(),
    settingsCache: new Map(),
    capabilities: {},
    folders: [],
    base: defaultSettings(defaultLanguages),
    pushed: undefined,
    watching: false,
    shutDown: false,
    // Its first worker starts loading the core now, while the editor initializes.
    linter: createLinter({entry: workerEntry(), runHere, log: (line) => log(line)}),
    loadCore: () =>
      (ctx.core ??= Promise.all([import('../index.ts'), import('../node/config.ts')]).then(([c, loader]) => {
        const store = createConfigStore(loader, {limit: 64, ttl: ctx.watching ? Infinity : 3000})
        const rules = new Map<string, RuleInfo>(c.ruleMeta.map((m) => [m.id, m]))
        return {core: c, loader, store, rules}
      })),
    log,
    logError,
    settingsFor: missing,
    configFor: missing,
    lintNow: missing,
    schedule: missing,
    relintAll: missing,
    fresh: missing
  }
  registerConfiguration(ctx)
  registerDiagnostics(ctx)
  registerDocuments(ctx)
  registerHover(ctx)
  registerCodeActions(ctx)

  connection.onShutdown(async () => {
    ctx.shutDown = true
    for (const state of ctx.states.values()) clearTimeout(state.timer)
    await ctx.linter.close()
  })

  connection.onInitialize((params): InitializeResult => {
    ctx.capabilities = params.capabilities ?? {}
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: ''}] : [])
    ctx.folders = workspaceFolders.map((f) => filePathOf(f.uri)).filter((f): f is string => Boolean(f))
    if (ctx.folders.length === 0 && typeof params.rootPath === 'string') ctx.folders = [params.rootPath]
    const init = readSettings(ctx.base, params.initializationOptions)
    ctx.base = init.settings
    for (const problem of init.problems) log(`soplint: initialization options: ${problem}`)
    ctx.watching = Boolean(ctx.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    // Start loading the core now, so the first document does not wait for it.
    ctx.loadCore().catch((error) => logError('cannot load the linter', error))
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
      if (ctx.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, {section: 'soplint'})
      }
      if (ctx.capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((f) => filePathOf(f.uri)))
          ctx.folders = [...ctx.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => filePathOf(f.uri)).filter((f): f is string => Boolean(f))]
        })
      }
      if (ctx.watching) {
        const {loader} = await ctx.loadCore()
        const names = [...loader.configFiles, loader.acceptFile].join(',')
        await connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: `**/{${names}}`}]})
      }
    })().catch((error) => logError('cannot register for notifications', error))
  })

  documents.listen(connection)
  connection.listen()
  return connection
}
