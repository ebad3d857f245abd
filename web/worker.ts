// The page's linting worker: the same core as the CLI (imported through src/index.ts, bundled for
// the browser), so typing never waits for a lint. It answers each lint twice on the first run:
// once with the rules that need no large data, while the word lists load as separate chunks,
// then with every rule.
import {isInputError, lint, lintSync, loadFormat, prepare, readDocx, ruleMeta, textStats, type Config, type LintOptions} from '../src/index.ts'
import type {PageSettings, Reply, Request, RuleInfo} from './protocol.ts'

const scope = self as unknown as {postMessage(message: Reply): void; onmessage: ((event: MessageEvent<Request>) => void) | null}
const post = (reply: Reply) => scope.postMessage(reply)

// Rules that read no large data can run before any of it has arrived.
const cheapRules = ruleMeta.filter((meta) => !meta.data?.length).map((meta) => meta.id)
const dataSets = ruleMeta.flatMap((meta) => meta.data ?? [])
const statsDelay = 100
let statsTimer: ReturnType<typeof setTimeout> | undefined

function configOf(settings: PageSettings): Config {
  const config: Config = {preset: settings.kind}
  if (settings.target.trim()) config.target = settings.target.trim()
  if (settings.limit > 0) config.maxWords = settings.limit
  return config
}

async function handle(request: Request): Promise<void> {
  switch (request.type) {
    case 'lint': {
      const options: LintOptions = {format: request.format, config: configOf(request.settings), configSource: 'the page settings'}
      const started = performance.now()
      const send = (result: ReturnType<typeof lintSync>, partial: boolean) =>
        post({type: 'findings', id: request.id, partial, messages: result.messages, minWords: result.settings.minWords, maxWords: result.settings.maxWords, kind: result.settings.kind, lintMs: performance.now() - started})
      if (dataSets.every((set) => set.ready)) send(await lint(request.text, options), false)
      else {
        // Not waiting for the large data: the page gets what the other rules find at once, and
        // lints again when the worker says the data has arrived.
        loadLargeData()
        await loadFormat(request.format)
        send(lintSync(request.text, {...options, only: cheapRules}), true)
      }
      // The figures wait for a pause in typing: they parse the text again, and the next
      // keystroke's findings matter more than this one's word count.
      clearTimeout(statsTimer)
      statsTimer = setTimeout(() => {
        textStats(request.text, {format: request.format}).then(
          (stats) => post({type: 'stats', id: request.id, stats}),
          (error: unknown) => post({type: 'problem', id: request.id, message: (error as Error).message})
        )
      }, statsDelay)
      return
    }
    case 'docx': {
      const {mdast} = await readDocx(new Uint8Array(request.bytes))
      const {markdownOf} = await import('./markdown.ts')
      post({type: 'markdown', id: request.id, markdown: markdownOf(mdast)})
      return
    }
    case 'html': {
      const {markdownFromHtml} = await import('./markdown.ts')
      post({type: 'markdown', id: request.id, markdown: markdownFromHtml(request.html)})
      return
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data
  handle(request).catch((error: unknown) => {
    const message = isInputError(error) ? (error as Error).message : `soplint could not read this: ${(error as Error)?.message ?? String(error)}`
    post({type: 'problem', id: request.id, message})
  })
}

// The large data (the misspellings list) is fetched from the start, while the first lints run
// the other rules; the page is told when it is there. A failed fetch is tried again on the next lint.
let loading: Promise<void> | undefined
function loadLargeData(): void {
  loading ??= prepare().then(
    () => post({type: 'loaded'}),
    () => {
      loading = undefined
    }
  )
}
loadLargeData()

const rules: RuleInfo[] = ruleMeta.map((meta) => ({id: meta.id, description: meta.description, rationale: meta.rationale, fix: meta.fix, example: meta.example, url: meta.url}))
post({type: 'ready', rules})
