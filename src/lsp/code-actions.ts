// Code actions: quick fixes and "ignore" or "accept" for each finding in the range, "fix all"
// (resolved lazily when the client can), and the command that adds a phrase to the project's
// `.soplintaccept`, through the editor when it can apply the edit, else on disk.
import {existsSync, readFileSync} from 'node:fs'
import {rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {CodeActionKind, ErrorCodes, ResponseError, type CodeAction, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {acceptAction, acceptCommand, documentEdit, fixAllKind, ignoreAction, lineEnding, quickFixes, type AcceptArgs, type Target} from './actions.ts'
import {acceptEntries, filePathOf, hasEntry, refuseAfterShutdown, type Linted, type ServerContext} from './context.ts'
import {toDiagnostic, toOffset} from './convert.ts'
import {isCancelled} from './linter.ts'

/** Answer code actions and their resolution, and run the accept command. */
export function registerCodeActions(ctx: ServerContext): void {
  const {connection, documents} = ctx

  const versioned = () => Boolean(ctx.capabilities.workspace?.workspaceEdit?.documentChanges)

  connection.onCodeAction(async (params, token) => {
    refuseAfterShutdown(ctx)
    try {
      const found = await ctx.fresh(params.textDocument.uri, token)
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
        const {core: c} = await ctx.loadCore()
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
        const lazy = ctx.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit')
        if (lazy) actions.push(action)
        else {
          const edit = await fixAllEdit(doc, last, target)
          if (edit) actions.push({...action, edit})
        }
      }
      return actions
    } catch (error) {
      if (error instanceof ResponseError) throw error
      ctx.logError('code actions failed', error)
      return []
    }
  })

  connection.onCodeActionResolve(async (action, token) => {
    refuseAfterShutdown(ctx)
    try {
      const data = action.data as {uri?: unknown; version?: unknown} | undefined
      if (action.kind !== fixAllKind || typeof data?.uri !== 'string') return action
      const found = await ctx.fresh(data.uri, token)
      if (!found || found.doc.version !== data.version) return action
      const edit = await fixAllEdit(found.doc, found.last, {uri: found.doc.uri, version: found.doc.version, versioned: versioned()})
      return edit ? {...action, edit} : action
    } catch (error) {
      if (error instanceof ResponseError) throw error
      ctx.logError('resolving a code action failed', error)
      return action
    }
  })

  /**
   * "Fix all": fix() over the document (on a worker thread, with the configuration its findings
   * were linted with), as one edit replacing it when anything changed. None when an edit comes
   * meanwhile: the edit would undo it.
   */
  const fixAllEdit = async (doc: TextDocument, last: Linted, target: Target): Promise<WorkspaceEdit | undefined> => {
    if (!last.options) return undefined
    const version = doc.version
    const text = doc.getText()
    let output: string
    try {
      ;({output} = await ctx.linter.run(doc.uri, 'fix', text, last.options))
    } catch (error) {
      if (isCancelled(error)) return undefined
      throw error
    }
    // The document object is updated in place by edits.
    if (documents.get(doc.uri) !== doc || doc.version !== version || output === text) return undefined
    const edit: TextEdit = {range: {start: {line: 0, character: 0}, end: doc.positionAt(text.length)}, newText: output}
    return documentEdit(target, [edit])
  }

  connection.onExecuteCommand(async (params) => {
    refuseAfterShutdown(ctx)
    if (params.command !== acceptCommand) throw new ResponseError(ErrorCodes.InvalidParams, `soplint: unknown command ${params.command}`)
    const args = params.arguments?.[0] as Partial<AcceptArgs> | undefined
    if (typeof args?.uri !== 'string' || typeof args.entry !== 'string' || !args.entry.trim() || /[#\r\n]/.test(args.entry)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `soplint: ${acceptCommand} takes {uri, entry} (one line, no #)`)
    }
    try {
      await accept(args.uri, args.entry.trim())
    } catch (error) {
      ctx.logError('cannot accept the phrase', error)
      void connection.window.showErrorMessage(`soplint: cannot add "${args.entry}" to .soplintaccept: ${(error as Error).message}`)
    }
    return null
  })

  /** Add an entry to the project's `.soplintaccept` (the nearest one, or a new one at the workspace root). */
  const accept = async (uri: string, entry: string): Promise<void> => {
    const {loader, store} = await ctx.loadCore()
    const filePath = filePathOf(uri)
    const dir = filePath ? path.dirname(filePath) : ctx.folders[0]
    if (!dir) {
      void connection.window.showWarningMessage('soplint: open a folder to keep a .soplintaccept file in')
      return
    }
    const onDisk = loader.readAcceptFile(path.join(dir, '_.md')).file
    const pendingFile = store.pendingFileFor(dir)
    const nearest = [onDisk, pendingFile].filter((f): f is string => Boolean(f)).sort((a, b) => path.dirname(b).length - path.dirname(a).length)[0]
    const root = ctx.folders.filter((f) => dir === f || dir.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0]
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
      const resourceOps = ctx.capabilities.workspace?.workspaceEdit?.resourceOperations ?? []
      const canEdit = Boolean(ctx.capabilities.workspace?.applyEdit) && (exists || (versioned() && resourceOps.includes('create')))
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
    ctx.relintAll()
  }

}
