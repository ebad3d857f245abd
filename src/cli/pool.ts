// Linting many files on worker threads. Each worker (src/cli/worker.ts) loads the core once and
// lints the statements it is sent, and the main thread lints from the same queue while it waits;
// the CLI awaits the results in input order, so the report is the same as on one thread, byte for
// byte. A worker costs its start-up (loading the core), so small batches stay on the main thread:
// see poolPlan().
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {InputError} from '../core/errors.ts'
import type {LintOptions, LintResult} from '../index.ts'

/** A statement sent to a worker. */
export interface Job {
  id: number
  text: string
  options: LintOptions
}

/** What a worker sends: that it is ready, or a result, or the error lint() threw (InputErrors stay InputErrors). */
export type Reply = {ready: true} | {id: number; result: LintResult; error?: undefined} | {id: number; result?: undefined; error: {message: string; input: boolean}}

type Lint = (text: string, options: LintOptions) => Promise<LintResult>

/** A started pool: the main thread and some worker threads share one queue of statements. */
export interface Pool {
  /** Worker threads, besides the main thread. */
  size: number
  lint: Lint
  /** Stop the workers; jobs not yet done are dropped. */
  close(): Promise<void>
}

/**
 * Below this much text in all (about 80 statements of 1,000 words), linting stays on the main
 * thread. A worker needs about half a second to load the core, and each thread then warms up
 * its own JIT, so on 2 cores the workers paid for themselves only from about 100 statements
 * (measured: see docs/benchmark.md); with more cores they pay sooner.
 */
export const minCharsForWorkers = 512 * 1024
/** More workers than this gain little and cost memory (each loads the core). */
export const maxWorkers = 7
/**
 * A worker's young generation, in MB (a worker's default is 48). Linting allocates many
 * short-lived objects; with room for them, fewer are copied and promoted, and a batch of 1,000
 * statements ran about 7% faster on 2 cores (median of 6 alternating runs, 9.4 s against 10.2 s).
 */
const youngGenerationMb = 96
/** Jobs a worker holds at once, so it never waits for the main thread between two files. */
const inFlight = 2

/** How a batch is spread: worker threads, and whether the main thread lints too. */
export interface PoolPlan {
  workers: number
  mainLints: boolean
}

/**
 * How to lint `files` files of `chars` characters in all. Unset, SOPLINT_WORKERS lets a batch of
 * two files or more and at least minCharsForWorkers characters use one worker per extra core,
 * with the main thread linting beside them. SOPLINT_WORKERS=0 keeps everything on the main
 * thread; SOPLINT_WORKERS=N has N workers do all the linting (for tests and diagnosis).
 */
export function poolPlan(files: number, chars: number, setting = process.env.SOPLINT_WORKERS, cores = availableParallelism()): PoolPlan {
  if (setting !== undefined && setting.trim() !== '') {
    if (!/^\s*\d+\s*$/.test(setting)) throw new InputError(`SOPLINT_WORKERS: expected a whole number of worker threads (0 for none), not "${setting}"`)
    return {workers: Math.min(Number(setting), files), mainLints: false}
  }
  if (cores < 2 || files < 2 || chars < minCharsForWorkers) return {workers: 0, mainLints: true}
  return {workers: Math.min(cores - 1, maxWorkers, files - 1), mainLints: true}
}

/** The bundled worker entry, next to the CLI in dist/; undefined when it is not there. */
function workerFile(): URL | undefined {
  for (const candidate of ['./worker.js', '../worker.js']) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(fileURLToPath(url))) return url
  }
  return undefined
}

/**
 * Start the workers poolPlan() picks for these texts; they share one queue with the main thread,
 * which lints with `local` between messages (unless SOPLINT_WORKERS forces workers only). A worker
 * takes jobs only once it has loaded the core, so one that starts slowly never holds up a small
 * batch: the main thread just does more of it. Undefined when no worker is wanted, or when the
 * worker entry is missing (not built) and none was forced.
 */
export function openPool(inputs: readonly {text: string}[], local: Lint, setting = process.env.SOPLINT_WORKERS): Pool | undefined {
  const files = inputs.length
  const plan = poolPlan(files, inputs.reduce((n, input) => n + input.text.length, 0), setting)
  if (plan.workers === 0) return undefined
  const file = workerFile()
  if (!file) {
    if (plan.mainLints) return undefined
    throw new InputError(`SOPLINT_WORKERS=${setting}: the worker entry (dist/worker.js) is missing; run npm run build`)
  }
  const size = plan.workers

  type Pending = {job: Job; resolve: (result: LintResult) => void; reject: (error: unknown) => void; duplicated?: boolean}
  type Slot = {worker: Worker; ready: boolean; jobs: Map<number, Pending>}
  const queue: Pending[] = []
  const workers: Slot[] = []
  let nextId = 0
  let closed = false
  let localBusy = false

  const dispatch = () => {
    for (const slot of workers) {
      while (slot.ready && slot.jobs.size < inFlight && queue.length) {
        const pending = queue.shift()!
        slot.jobs.set(pending.job.id, pending)
        slot.worker.ref()
        slot.worker.postMessage(pending.job)
      }
    }
    // The main thread takes the next job itself, one at a time, yielding between jobs so that
    // worker replies (and their next jobs) are handled promptly. With the queue empty, it lints
    // a job a worker still holds, so the batch never waits on a slow worker: the first of the two
    // identical results wins.
    if (plan.mainLints && !localBusy) {
      const next = queue.length ? queue[0] : straggler()
      if (!next) return
      localBusy = true
      setImmediate(async () => {
        const pending = queue.length ? queue.shift() : straggler()
        if (pending) {
          pending.duplicated = true
          const settle = (done: () => void) => {
            for (const slot of workers) if (slot.jobs.delete(pending.job.id) && slot.jobs.size === 0) slot.worker.unref()
            done()
          }
          await local(pending.job.text, pending.job.options).then(
            (result) => settle(() => pending.resolve(result)),
            (error) => settle(() => pending.reject(error))
          )
        }
        localBusy = false
        dispatch()
      })
    }
  }

  // Only once every file is queued: before that, the main thread has better things to do.
  const straggler = (): Pending | undefined => {
    if (nextId < files) return undefined
    for (const slot of workers) for (const pending of slot.jobs.values()) if (!pending.duplicated) return pending
    return undefined
  }

  // A worker that dies takes its jobs with it: they fail as internal errors; the rest go on.
  const retire = (slot: Slot, error: Error) => {
    const index = workers.indexOf(slot)
    if (index < 0) return
    workers.splice(index, 1)
    for (const pending of slot.jobs.values()) pending.reject(error)
    slot.jobs.clear()
    if (workers.length === 0 && !plan.mainLints) for (const pending of queue.splice(0)) pending.reject(error)
    dispatch()
  }

  for (let i = 0; i < size; i++) {
    const slot: Slot = {worker: new Worker(file, {resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}}), ready: false, jobs: new Map()}
    // An idle worker must not keep the process alive; a starting or busy one must, or the CLI
    // could exit while awaiting a result. (close() ends them all either way.)
    slot.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true
        dispatch()
        if (slot.jobs.size === 0) slot.worker.unref()
        return
      }
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
        if (closed || (workers.length === 0 && !plan.mainLints)) return reject(new Error('the worker pool is closed'))
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
