// Linting many files on worker threads. Each worker (src/cli/worker.ts) loads the core once and
// lints the statements it is sent; the CLI awaits the results in input order, so the report is
// the same as on one thread, byte for byte. A worker costs its start-up (loading the core and
// warming it), so small batches stay on the main thread: see workerCount().
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {InputError} from '../errors.ts'
import type {LintOptions, LintResult} from '../index.ts'

/** A statement sent to a worker. */
export interface Job {
  id: number
  text: string
  options: LintOptions
}

/** What a worker sends back: the result, or the error lint() threw (InputErrors stay InputErrors). */
export type Reply = {id: number; result: LintResult; error?: undefined} | {id: number; result?: undefined; error: {message: string; input: boolean}}

/** A started pool of worker threads. */
export interface Pool {
  size: number
  lint(text: string, options: LintOptions): Promise<LintResult>
  /** Stop the workers; jobs not yet done are dropped. */
  close(): Promise<void>
}

/** Below this many files, linting stays on the main thread (measured: see docs/benchmark.md). */
export const minFilesForWorkers = 8
/** Below this much text in all, too (about ten statements): a worker's start-up would not pay. */
export const minCharsForWorkers = 60_000
/** More workers than this gain little and cost memory (each loads the core). */
export const maxWorkers = 8
/** Jobs a worker holds at once, so it never waits for the main thread between two files. */
const inFlight = 2

/**
 * How many worker threads to lint `files` files (of `chars` characters in all) on.
 * SOPLINT_WORKERS=0 forces the main thread, SOPLINT_WORKERS=N forces N workers; unset, workers
 * are used only for a batch large enough to pay for their start-up and on more than one core.
 */
export function workerCount(files: number, chars: number, setting = process.env.SOPLINT_WORKERS, cores = availableParallelism()): number {
  if (setting !== undefined && setting.trim() !== '') {
    if (!/^\s*\d+\s*$/.test(setting)) throw new InputError(`SOPLINT_WORKERS: expected a whole number of worker threads (0 for none), not "${setting}"`)
    return Math.min(Number(setting), files)
  }
  if (cores < 2 || files < minFilesForWorkers || chars < minCharsForWorkers) return 0
  return Math.min(cores, maxWorkers, files)
}

/** The bundled worker entry, next to the CLI in dist/; undefined when it is not there. */
function workerFile(): URL | undefined {
  for (const candidate of ['./worker.js', '../worker.js']) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(fileURLToPath(url))) return url
  }
  return undefined
}

/** Start `size` workers; undefined when size is 0 or the worker entry is missing (not built). */
export function openPool(size: number): Pool | undefined {
  const file = size > 0 ? workerFile() : undefined
  if (!file) return undefined

  type Pending = {job: Job; resolve: (result: LintResult) => void; reject: (error: Error) => void}
  const queue: Pending[] = []
  const workers: {worker: Worker; jobs: Map<number, Pending>}[] = []
  let nextId = 0
  let closed = false

  const dispatch = () => {
    for (const slot of workers) {
      while (slot.jobs.size < inFlight && queue.length) {
        const pending = queue.shift()!
        slot.jobs.set(pending.job.id, pending)
        slot.worker.ref()
        slot.worker.postMessage(pending.job)
      }
    }
  }

  // A worker that dies takes its jobs with it: they fail as internal errors, the rest go on.
  const retire = (slot: (typeof workers)[number], error: Error) => {
    const index = workers.indexOf(slot)
    if (index < 0) return
    workers.splice(index, 1)
    for (const pending of slot.jobs.values()) pending.reject(error)
    slot.jobs.clear()
    if (workers.length === 0) for (const pending of queue.splice(0)) pending.reject(error)
    dispatch()
  }

  for (let i = 0; i < size; i++) {
    const slot = {worker: new Worker(file), jobs: new Map<number, Pending>()}
    // An idle worker must not keep the process alive; a busy one must, or the CLI would exit
    // while awaiting its result.
    slot.worker.unref()
    slot.worker.on('message', (reply: Reply) => {
      const pending = slot.jobs.get(reply.id)
      if (!pending) return
      slot.jobs.delete(reply.id)
      if (slot.jobs.size === 0) slot.worker.unref()
      if (reply.error) pending.reject(reply.error.input ? new InputError(reply.error.message) : new Error(reply.error.message))
      else pending.resolve(reply.result!)
      dispatch()
    })
    slot.worker.on('error', (error) => retire(slot, new Error(`a worker thread failed: ${error.message}`)))
    slot.worker.on('exit', (code) => {
      if (!closed) retire(slot, new Error(`a worker thread stopped (exit code ${code})`))
    })
    workers.push(slot)
  }

  return {
    size,
    lint(text, options) {
      return new Promise<LintResult>((resolve, reject) => {
        if (closed || workers.length === 0) return reject(new Error('the worker pool is closed'))
        queue.push({job: {id: nextId++, text, options}, resolve, reject})
        dispatch()
      })
    },
    async close() {
      closed = true
      queue.length = 0
      await Promise.all(workers.splice(0).map((slot) => slot.worker.terminate()))
    }
  }
}
