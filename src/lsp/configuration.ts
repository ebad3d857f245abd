// Configuration in the language server: the editor's settings (pulled per document, or pushed),
// the config files and `.soplintaccept` found per folder (the CLI's loader, cached), and
// re-linting when any of them changes. How the layers merge is config.ts's.
import path from 'node:path'
import type {Config} from '../core/types.ts'
import {readSettings, type ServerSettings} from './config.ts'
import {acceptEntries, filePathOf, isConfigFile, type ServerContext} from './context.ts'

const settingsSource = 'editor settings (soplint)'

/** Offer settingsFor and configFor, and re-lint when settings or config files change. */
export function registerConfiguration(ctx: ServerContext): void {
  const {connection, documents, settingsCache, log, logError} = ctx

  // Settings: pulled per document when the client can (workspace/configuration), else the
  // last pushed ones; initialization options under both.
  ctx.settingsFor = (uri: string): Promise<ServerSettings> => {
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = (async () => {
        let current = readSettings(ctx.base, ctx.pushed)
        if (ctx.capabilities.workspace?.configuration) {
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

  ctx.configFor = async (uri: string, settings: ServerSettings): Promise<{config: Config; configSource: string} | {problem: string}> => {
    const {core: c, store} = await ctx.loadCore()
    const filePath = filePathOf(uri)
    const dir = filePath ? path.dirname(filePath) : ctx.folders[0]
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

  connection.onDidChangeConfiguration((params) => {
    ctx.pushed = params?.settings
    settingsCache.clear()
    ctx.relintAll()
  })

  const configChanged = (files: string[]) => {
    if (!ctx.core) return
    ctx.core
      .then(({loader, store}) => {
        const names = new Set([...loader.configFiles, loader.acceptFile])
        const relevant = files.filter((f) => names.has(path.basename(f)))
        if (relevant.length === 0) return
        for (const file of relevant) if (path.basename(file) === loader.acceptFile) store.settlePending(file, acceptEntries(file))
        store.clear()
        ctx.relintAll()
      })
      .catch((error) => logError('cannot re-read the configuration', error))
  }

  connection.onDidChangeWatchedFiles((params) => {
    configChanged((params?.changes ?? []).map((c) => filePathOf(c.uri)).filter((f): f is string => Boolean(f)))
  })

  documents.onDidSave((event) => {
    const file = filePathOf(event.document.uri)
    if (file && (isConfigFile(file) || path.basename(file) === 'package.json')) configChanged([file])
    else if (!ctx.watching && ctx.core) {
      // Without file watching, saving a statement is the moment to re-read its config files.
      ctx.core
        .then(({store}) => {
          store.clear()
          ctx.schedule(event.document.uri, 0)
        })
        .catch((error) => logError('cannot re-read the configuration', error))
    }
  })
}
