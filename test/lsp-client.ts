// A small language client for the LSP suites: it spawns the real server (the built
// bin/soplint.js) and speaks JSON-RPC to it over stdio, playing the editor's part: it answers
// workspace/configuration from `settings`, records registrations, messages and edits, and keeps
// every publishDiagnostics so tests can wait for the one they expect.
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {ApplyWorkspaceEditParams, ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit} from 'vscode-languageserver/node'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'bin', 'soplint.js')

/** What the test editor tells the server it can do. */
export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: {documentChanges: true, resourceOperations: ['create']},
    didChangeConfiguration: {dynamicRegistration: true},
    didChangeWatchedFiles: {dynamicRegistration: true},
    workspaceFolders: true
  },
  textDocument: {
    synchronization: {didSave: true, dynamicRegistration: false},
    publishDiagnostics: {versionSupport: true},
    hover: {contentFormat: ['markdown', 'plaintext']},
    codeAction: {resolveSupport: {properties: ['edit']}, codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source', 'source.fixAll']}}}
  }
}

/** A running server and the editor's side of the conversation. */
export interface Client {
  connection: MessageConnection
  initializeResult: InitializeResult
  child: ChildProcessWithoutNullStreams
  /** Answer to workspace/configuration (section `soplint`). */
  settings: Record<string, unknown>
  published: PublishDiagnosticsParams[]
  applied: ApplyWorkspaceEditParams[]
  registrations: Array<{method: string; registerOptions?: unknown}>
  shown: Array<{type: number; message: string}>
  /** What the server wrote to the client's log (window/logMessage). */
  logged: string[]
  stderr: () => string
  /** Answer to workspace/applyEdit; the default applies nothing and says it did. */
  onApplyEdit: (params: ApplyWorkspaceEditParams) => {applied: boolean; failureReason?: string}
  docs: Map<string, TextDocument>
  open(uri: string, text: string, languageId?: string): TextDocument
  /** Apply edits to an open document and send them as incremental changes. */
  edit(uri: string, edits: TextEdit[]): TextDocument
  /** Replace the whole text (sent as one incremental change over the whole range). */
  replace(uri: string, text: string): TextDocument
  close(uri: string): void
  /** The next diagnostics for `uri` that satisfy `ok`, after `since` publishes were recorded. */
  diagnostics(uri: string, ok?: (params: PublishDiagnosticsParams) => boolean, since?: number, timeout?: number): Promise<Diagnostic[]>
  /** Apply a workspace edit's changes to open documents, sending the changes as an editor would. */
  applyToDocs(edit: WorkspaceEdit): void
  shutdown(): Promise<number | null>
}

/** Spawn `soplint lsp --stdio` (after `nodeArgs`, Node's own flags) and initialize it. */
export async function startClient(options: {rootDir?: string; settings?: Record<string, unknown>; capabilities?: ClientCapabilities; initializationOptions?: unknown; args?: string[]; nodeArgs?: string[]} = {}): Promise<Client> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, 'lsp', ...(options.args ?? ['--stdio'])], {cwd: options.rootDir ?? root, stdio: 'pipe'})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiters = new Set<() => void>()
  const client: Client = {
    connection,
    initializeResult: {capabilities: {}},
    child,
    settings: options.settings ?? {},
    published: [],
    applied: [],
    registrations: [],
    shown: [],
    logged: [],
    stderr: () => stderr,
    onApplyEdit: () => ({applied: true}),
    docs: new Map(),
    open(uri, text, languageId = 'markdown') {
      const doc = TextDocument.create(uri, languageId, 1, text)
      client.docs.set(uri, doc)
      void connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
      return doc
    },
    edit(uri, edits) {
      const doc = client.docs.get(uri)!
      // Send in reverse document order so that each range is still valid when it is applied.
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
      const text = TextDocument.applyEdits(doc, edits)
      const updated = TextDocument.create(uri, doc.languageId, doc.version + 1, text)
      client.docs.set(uri, updated)
      void connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version: updated.version},
        contentChanges: sorted.map((e) => ({range: e.range, text: e.newText}))
      })
      return updated
    },
    replace(uri, text) {
      const doc = client.docs.get(uri)!
      return client.edit(uri, [{range: {start: {line: 0, character: 0}, end: doc.positionAt(doc.getText().length)}, newText: text}])
    },
    close(uri) {
      client.docs.delete(uri)
      void connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    },
    diagnostics(uri, ok = () => true, since = 0, timeout = 15000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = client.published.length - 1; i >= since; i--) {
            const p = client.published[i]
            if (p.uri === uri) {
              if (ok(p)) {
                waiters.delete(check)
                clearTimeout(timer)
                resolve(p.diagnostics)
              }
              return
            }
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          const seen = client.published.filter((p) => p.uri === uri).slice(-3)
          reject(new Error(`no matching diagnostics for ${uri} in ${timeout} ms; last: ${JSON.stringify(seen).slice(0, 2000)}\nstderr: ${stderr.slice(-2000)}`))
        }, timeout)
        waiters.add(check)
        check()
      })
    },
    applyToDocs(edit) {
      const byUri = new Map<string, TextEdit[]>()
      for (const change of edit.documentChanges ?? []) {
        if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])])
      }
      for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits])
      for (const [uri, edits] of byUri) if (client.docs.has(uri)) client.edit(uri, edits)
    },
    async shutdown() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      if (child.exitCode !== null) return child.exitCode
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
      const code = await exited
      connection.dispose()
      return code
    }
  }
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    client.published.push(params)
    for (const waiter of [...waiters]) waiter()
  })
  connection.onNotification('window/showMessage', (params: {type: number; message: string}) => void client.shown.push(params))
  connection.onNotification('window/logMessage', (params: {message: string}) => void client.logged.push(params.message))
  connection.onRequest('workspace/configuration', (params: {items: Array<{section?: string}>}) => params.items.map(() => client.settings))
  connection.onRequest('client/registerCapability', (params: {registrations: Array<{method: string; registerOptions?: unknown}>}) => {
    client.registrations.push(...params.registrations)
    return null
  })
  connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    client.applied.push(params)
    return client.onApplyEdit(params)
  })
  connection.onRequest('window/showMessageRequest', () => null)
  connection.listen()
  const rootDir = options.rootDir ?? root
  client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{uri: pathToFileURL(rootDir).href, name: 'test'}],
    capabilities: options.capabilities ?? fullCapabilities,
    initializationOptions: options.initializationOptions
  })
  await connection.sendNotification('initialized', {})
  return client
}

/** A diagnostic as a short comparable shape: code, severity and range. */
export function shape(d: Diagnostic): {code: unknown; severity: unknown; range: string} {
  const r = d.range
  return {code: d.code, severity: d.severity, range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`}
}
