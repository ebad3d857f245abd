// The open documents: a lint on open and, debounced, after each edit; an edit supersedes the lint
// scheduled or running for an older version; requests that need findings (hover, code actions)
// get those of the version the editor shows, linting it first if needed.
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Linted, ServerContext} from './context.ts'

/** Offer schedule, relintAll and fresh, and follow documents as they open, change and close. */
export function registerDocuments(ctx: ServerContext): void {
  const {connection, documents, states, settingsCache, logError} = ctx

  /** Lint a document after `delay` ms; a later call (an edit) replaces an earlier one. */
  ctx.schedule = (uri: string, delay?: number): void => {
    let state = states.get(uri)
    const opened = !state
    if (!state) states.set(uri, (state = {generation: 0, debounce: ctx.base.debounce}))
    clearTimeout(state.timer)
    const generation = ++state.generation
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

  /** The findings for the document as it is now, linting it first if an edit is pending. */
  ctx.fresh = async (uri: string): Promise<{doc: TextDocument; last: Linted} | undefined> => {
    const doc = documents.get(uri)
    if (!doc) return undefined
    let state = states.get(uri)
    if (!state?.last || state.last.version !== doc.version) {
      if (state?.inflight?.version === doc.version) await state.inflight.promise
      else {
        ctx.schedule(uri, 0)
        state = states.get(uri)!
        clearTimeout(state.timer)
        state.timer = undefined
        const promise = ctx.lintNow(uri, state.generation)
        state.inflight = {version: doc.version, promise}
        await promise
      }
    }
    const last = states.get(uri)?.last
    return last && last.version === doc.version ? {doc, last} : undefined
  }

  documents.onDidChangeContent((event) => ctx.schedule(event.document.uri))

  documents.onDidClose((event) => {
    const uri = event.document.uri
    clearTimeout(states.get(uri)?.timer)
    states.delete(uri)
    settingsCache.delete(uri)
    connection.sendDiagnostics({uri, diagnostics: []}).catch((error) => logError('cannot clear diagnostics', error))
  })
}
