// The open documents: a lint on open and, debounced, after each edit. An edit or a close cancels
// the lint scheduled or running for an older version (a long one's worker thread is ended: see
// linter.ts); requests that need findings (hover, code actions) get those of the version the
// editor shows, waiting for its lint, or linting it first if an edit is pending.
import {LSPErrorCodes, ResponseError, type CancellationToken} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Linted, ServerContext} from './context.ts'

/** Offer schedule, relintAll and fresh, and follow documents as they open, change and close. */
export function registerDocuments(ctx: ServerContext): void {
  const {connection, documents, states, settingsCache, logError} = ctx

  /** Lint a document after `delay` ms; a later call (an edit) replaces an earlier one and cancels its lint. */
  ctx.schedule = (uri: string, delay?: number): void => {
    let state = states.get(uri)
    const opened = !state
    if (!state) states.set(uri, (state = {generation: 0, debounce: ctx.base.debounce}))
    clearTimeout(state.timer)
    const generation = ++state.generation
    ctx.linter.cancel(uri)
    const run = () => {
      const s = states.get(uri)
      if (s) s.timer = undefined
      ctx.lintNow(uri, generation).catch((error) => logError(`cannot lint ${uri}`, error))
    }
    state.timer = setTimeout(run, delay ?? (opened ? 0 : state.debounce))
  }

  ctx.relintAll = () => {
    for (const doc of documents.all()) ctx.schedule(doc.uri, 0)
  }

  /**
   * The findings for the document as it is now: waits for the lint under way, or lints at once if
   * one is pending. Undefined when the document is not open or an edit came meanwhile; throws
   * RequestCancelled when the client cancels the request while it waits.
   */
  ctx.fresh = async (uri: string, token?: CancellationToken): Promise<{doc: TextDocument; last: Linted} | undefined> => {
    const doc = documents.get(uri)
    if (!doc) return undefined
    if (!states.has(uri)) ctx.schedule(uri, 0)
    const state = states.get(uri)!
    if (state.last?.generation !== state.generation || state.last.version !== doc.version) {
      if (state.running?.generation !== state.generation) {
        // The debounce has not run out (or the lint was never scheduled): lint now, for this generation.
        clearTimeout(state.timer)
        state.timer = undefined
        ctx.lintNow(uri, state.generation).catch((error) => logError(`cannot lint ${uri}`, error))
      }
      await Promise.race([state.running?.promise, cancelled(token)])
      // The protocol's answer to a request its client gave up on.
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'soplint: the request was cancelled')
    }
    const last = states.get(uri)?.last
    return last && last.version === doc.version && documents.get(uri) === doc ? {doc, last} : undefined
  }

  documents.onDidChangeContent((event) => ctx.schedule(event.document.uri))

  documents.onDidClose((event) => {
    const uri = event.document.uri
    clearTimeout(states.get(uri)?.timer)
    states.delete(uri)
    settingsCache.delete(uri)
    ctx.linter.cancel(uri)
    connection.sendDiagnostics({uri, diagnostics: []}).catch((error) => logError('cannot clear diagnostics', error))
  })
}

/** Resolves when the client cancels the request (never without a token). */
function cancelled(token: CancellationToken | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!token) return
    if (token.isCancellationRequested) resolve()
    else token.onCancellationRequested(() => resolve())
  })
}
