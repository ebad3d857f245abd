// Diagnostics: lint one version of a document with its configuration and publish the findings,
// or one diagnostic that says why it was not linted. The lint itself runs on a worker thread
// (linter.ts); a lint whose document was edited or closed meanwhile is cancelled and publishes
// nothing, and the findings kept for code actions and hover are always those published last.
import {thousands} from '../core/numbers.ts'
import {bomOf, problemDiagnostic, toDiagnostic} from './convert.ts'
import {filePathOf, isConfigFile, type Linted, type ServerContext} from './context.ts'
import {formatFor} from './formats.ts'
import {isCancelled} from './linter.ts'

/** Offer lintNow. */
export function registerDiagnostics(ctx: ServerContext): void {
  const {connection, documents, states, logError} = ctx

  const publish = (uri: string, docVersion: number, diagnostics: ReturnType<typeof toDiagnostic>[]) => {
    connection.sendDiagnostics({uri, version: docVersion, diagnostics}).catch((error) => logError('cannot send diagnostics', error))
  }

  /** Lint the document's current version unless an edit supersedes it; requests can wait for it (state.running). */
  ctx.lintNow = (uri: string, generation: number): Promise<void> => {
    const promise = lintOnce(uri, generation)
    const state = states.get(uri)
    if (state) state.running = {generation, promise}
    const done = () => {
      const s = states.get(uri)
      if (s?.running?.promise === promise) s.running = undefined
    }
    promise.then(done, done)
    return promise
  }

  const lintOnce = async (uri: string, generation: number): Promise<void> => {
    const current = () => states.get(uri)?.generation === generation && documents.get(uri) !== undefined
    const settings = await ctx.settingsFor(uri)
    const {core: c} = await ctx.loadCore()
    if (!current()) return
    const doc = documents.get(uri)!
    const state = states.get(uri)!
    state.debounce = settings.debounce
    const text = doc.getText()
    const bom = bomOf(text)
    const filePath = filePathOf(uri)
    const format = formatFor(doc.languageId, filePath, c.formatOf)
    const skipped: Linted = {generation, version: doc.version, messages: [], bom, format}
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
    const found = await ctx.configFor(uri, settings)
    if (!current()) return
    if ('problem' in found) {
      state.last = skipped
      publish(uri, doc.version, [problemDiagnostic(found.problem)])
      return
    }
    const options = {config: found.config, configSource: found.configSource, format, filePath}
    try {
      // An edit or a close cancels this (documents.ts): the promise then rejects at once.
      const {messages} = await ctx.linter.run(uri, 'lint', text, options)
      if (!current()) return
      state.last = {generation, version: doc.version, messages, bom, format, options}
      publish(uri, doc.version, messages.map((m) => toDiagnostic(m, bom)))
    } catch (error) {
      if (isCancelled(error) || !current()) return
      state.last = skipped
      if (c.isInputError(error)) publish(uri, doc.version, [problemDiagnostic((error as Error).message)])
      else {
        logError(`internal error linting ${uri}`, error)
        publish(uri, doc.version, [problemDiagnostic(`soplint: internal error: ${(error as Error).message}`)])
      }
    }
  }
}
