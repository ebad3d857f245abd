// Loaded before the page's main script, and small, so that the linting worker (and the core in it)
// starts downloading and compiling while the editor's larger script is still being read. Its
// messages wait here until main.ts takes the worker.
const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'})
const early: MessageEvent[] = []
const keep = (event: MessageEvent) => early.push(event)
worker.addEventListener('message', keep)

/** The page's worker and the messages it sent before main.ts listened; take it once. */
;(globalThis as unknown as {soplintBoot: {worker: Worker; take(): MessageEvent[]}}).soplintBoot = {
  worker,
  take() {
    worker.removeEventListener('message', keep)
    return early.splice(0)
  }
}
