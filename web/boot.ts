// Loaded before the page's main script, and small, so that the linting worker (and the core in it)
// starts downloading and compiling while the editor's larger script is still being read. When a
// draft is saved, its first lint is asked for here too, so the findings are being computed while
// the editor starts. The worker's messages wait here until main.ts takes the worker.
import type {Request} from './protocol.ts'

// The key main.ts saves the draft under (kept in step with it there).
const storageKey = 'soplint.draft.v1'

const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'})
const early: MessageEvent[] = []
const keep = (event: MessageEvent) => early.push(event)
worker.addEventListener('message', keep)

/** The lint asked for here: main.ts adopts it when the editor starts with the same text and settings. */
let pending: Extract<Request, {type: 'lint'}> | undefined
try {
  const draft = JSON.parse(localStorage.getItem(storageKey) ?? 'null')
  if (draft && typeof draft.text === 'string' && draft.text && ['md', 'txt', 'tex'].includes(draft.format) && draft.settings) {
    pending = {type: 'lint', id: 1, text: draft.text, format: draft.format, settings: draft.settings}
    worker.postMessage(pending)
  }
} catch {
  // No storage, or not ours: main.ts lints when it starts.
}

/** The page's worker, the lint already asked for, and the messages sent before main.ts listened; take it once. */
;(globalThis as unknown as {soplintBoot: object}).soplintBoot = {
  worker,
  pending,
  take() {
    worker.removeEventListener('message', keep)
    return early.splice(0)
  }
}
