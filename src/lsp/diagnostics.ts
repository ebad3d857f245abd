// Diagnostics: lint one version of a document with its configuration and publish the findings,
// or one diagnostic that says why it was not linted. A lint whose document was edited or closed
// meanwhile publishes nothing.
import {thousands} from '../core/numbers.ts'
import {bomOf, problemDiagnostic, toDiagnostic} from './convert.ts'
import {filePathOf, isConfigFile, type Linted, type ServerContext} from './context.ts'
import {formatFor} from './formats.ts'

/** Offer lintNow. */
export function registerDiagnostics(ctx: ServerContext): void {
  const {connection, documents, states, logError} = ctx

  const publish = (uri: string, docVersion: number, diagnostics: ReturnType<typeof toDiagnostic>[]) => {
    connection.sendDiagnostics({uri, version: docVersion, diagnostics}).catch((error) => logError('cannot send diagnostics', error))
  }

  /** Lint the document's current version unless an edit supersedes it on the way. */
  ctx.lintNow = async (uri: string, generation: number): Promise<void> => {
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
    const found = await ctx.configFor(uri, settings)
    if (!current()) return
    if ('problem' in found) {
      state.last = skipped
      publish(uri, doc.version, [problemDiagnostic(found.problem)])
      return
    }
    const options = {config: found.config, configSource: found.configSource, format, filePath}
    // A lint runs to its end once started: let the edits already waiting be read first, so that a
    // lint they supersede is dropped here rather than run.
    await new Promise((resolve) => setImmediate(resolve))
    if (!current()) return
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
}
