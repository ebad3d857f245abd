// Linting off the main thread. The language server's main thread answers the editor (hover, code
// actions, shutdown) and hands every lint and "fix all" to a worker thread (worker.ts), which loads
// the same core. A job that a newer version of its document supersedes is cancelled: its promise
// rejects at once (isCancelled) and its result is never used; if it was a long one, its worker is
// ended and replaced, so that the next lint need not wait for it. A long lint also starts a second
// worker beside it, so other documents and the next version are linted meanwhile.
//
// A worker that stops (out of memory, a bug) is logged and replaced, and the job it held runs once
// more on a fresh one; a job that stops a worker twice fails with an error. When no worker can be
// started (an unbuilt checkout, or three that died before they were ready) jobs run on the main
// thread, one after another, as they did before there were workers.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {LintMessage, LintOptions} from '../index.ts'

/** What a worker does with a text: lint it, or fix what can be fixed automatically. */
export type Op = 'lint' | 'fix'

/** What the server needs back from each op: the findings, or the fixed text. */
export interface Outputs {
  lint: {messages: LintMessage[]}
  fix: {output: string}
}

/** A job sent to a worker. */
export interface WorkerJob {
  id: number
  op: Op
  text: string
  options: LintOptions
}

/** What a worker posts: that it has loaded the core, or a job's value, or the error the job threw. */
export type WorkerReply =
  | {ready: true}
  | {id: number; value: Outputs[Op]; error?: undefined}
  | {id: number; value?: undefined; error: {message: string; stack?: string; input: boolean}}

/** Runs a job on the calling thread: the fallback when there is no worker. */
export type RunHere = <K extends Op>(op: K, text: string, options: LintOptions) => Promise<Outputs[K]>

/** Lints and fixes documents on worker threads; jobs are keyed by document URI. */
export interface Linter {
  /** Run `op` on a version of document `uri`, superseding a job of the same op for it. */
  run<K extends Op>(uri: string, op: K, text: string, options: LintOptions): Promise<Outputs[K]>
  /** Cancel every job for `uri`: its document changed or closed. */
  cancel(uri: string): void
  /** Cancel everything and end the workers. */
  close(): Promise<void>
}

/** Tuning of the pool; the defaults are what the server uses. */
export interface LinterOptions {
  /** The worker entry (dist/lsp-worker.js); undefined runs every job on this thread. */
  entry?: URL
  runHere: RunHere
  log: (line: string) => void
  /** Workers at most: one for ordinary use, a second beside a long lint. */
  maxWorkers?: number
  /** A lint running this long is a long one (ms). */
  longAfter?: number
  /** A lint of a text this long (UTF-16 units) is a long one from its start. */
  longText?: number
  /** A worker beyond the first that has been idle this long is ended (ms). */
  idleFor?: number
}

/**
 * A lint of 1,000 words takes 10 to 30 ms, and starting a worker (loading the core from its code
 * cache, one warm-up lint) 300 to 500 ms; a lint that has run 300 ms is likely to run as long
 * again, so ending it when it is superseded costs less than waiting for it. A text of 250,000
 * characters (about 40,000 words, past the default soplint.maxLength) lints for 300 ms or more
 * even on a fast machine, so it is a long one from its start.
 */
const defaults = {maxWorkers: 2, longAfter: 300, longText: 250_000, idleFor: 30_000}
/** Workers that die before they are ready, in a row, before jobs go to the main thread. */
const maxFailedStarts = 3
/** Runs of one job, the first included, on workers that stop under it. */
const maxTries = 2

const cancelTag = Symbol.for('soplint.cancelled')

/** True for the rejection of a cancelled job: nothing is to be done with it. */
export function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && cancelTag in error
}

function cancelledError(): Error {
  return Object.assign(new Error('soplint: superseded'), {[cancelTag]: true})
}

/** The bundled worker entry, beside the server's chunk in dist/; undefined when it is not there (sources). */
export function workerEntry(): URL | undefined {
  for (const candidate of ['./lsp-worker.js', '../lsp-worker.js']) {
    const url = new URL(candidate, import.meta.url)
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url
  }
  return undefined
}

/** Start a linter: its first worker begins loading the core now. */
export function createLinter(options: LinterOptions): Linter {
  const {runHere, log} = options
  const {maxWorkers, longAfter, longText, idleFor} = {...defaults, ...stripUndefined(options)}

  interface Job {
    id: number
    uri: string
    op: Op
    text: string
    options: LintOptions
    resolve: (value: Outputs[Op]) => void
    reject: (error: unknown) => void
    tries: number
    cancelled: boolean
    long: boolean
    timer?: ReturnType<typeof setTimeout>
  }
  interface Slot {
    worker: Worker
    ready: boolean
    job?: Job
    /** Ended by us: its exit is no failure. */
    ended: boolean
    idleTimer?: ReturnType<typeof setTimeout>
  }

  const queue: Job[] = []
  const slots: Slot[] = []
  const jobs = new Set<Job>()
  let nextId = 0
  let failedStarts = 0
  let here = !options.entry
  let closed = false

  const spawn = (): void => {
    let worker: Worker
    try {
      worker = new Worker(options.entry!)
    } catch (error) {
      here = true
      log(`soplint: cannot start a lint worker thread (${(error as Error).message}); linting on the main thread`)
      return
    }
    const slot: Slot = {worker, ready: false, ended: false}
    // Neither an idle nor a busy worker keeps the server alive: the connection does that.
    slot.worker.unref()
    slot.worker.on('message', (reply: WorkerReply) => onReply(slot, reply))
    slot.worker.on('error', (error) => onStop(slot, error.message))
    slot.worker.on('exit', (code) => onStop(slot, `exit code ${code}`))
    slots.push(slot)
  }

  const end = (slot: Slot): void => {
    slot.ended = true
    clearTimeout(slot.idleTimer)
    const index = slots.indexOf(slot)
    if (index >= 0) slots.splice(index, 1)
    slot.worker.terminate().catch(() => {})
  }

  const onReply = (slot: Slot, reply: WorkerReply): void => {
    if ('ready' in reply) {
      slot.ready = true
      failedStarts = 0
    } else {
      const job = slot.job
      if (!job || job.id !== reply.id) return
      settle(job)
      slot.job = undefined
      if (!job.cancelled) {
        if (reply.error) job.reject(workerError(reply.error))
        else job.resolve(reply.value!)
      }
    }
    dispatch()
  }

  /** A worker stopped without being asked: replace it, and run its job again once. */
  const onStop = (slot: Slot, reason: string): void => {
    if (slot.ended) return
    end(slot)
    if (closed) return
    const job = slot.job
    slot.job = undefined
    if (!slot.ready && ++failedStarts >= maxFailedStarts) {
      here = true
      log(`soplint: the lint worker thread stopped before it was ready ${failedStarts} times (${reason}); linting on the main thread from now on`)
    } else if (job && !job.cancelled) {
      log(`soplint: the lint worker thread stopped (${reason}) while linting ${job.uri}${job.tries < maxTries ? '; linting it again' : ''}`)
    } else log(`soplint: the lint worker thread stopped (${reason}); starting another`)
    if (job) settle(job)
    if (job && !job.cancelled) {
      if (job.tries < maxTries) queue.unshift(job)
      else job.reject(new Error(`the lint worker thread stopped twice linting this document (${reason})`))
    }
    dispatch()
  }

  const settle = (job: Job): void => {
    clearTimeout(job.timer)
    jobs.delete(job)
  }

  /** A job has become long: keep a second worker ready beside it, or, if it was cancelled, end it. */
  const becameLong = (job: Job): void => {
    job.long = true
    const slot = slots.find((s) => s.job === job)
    if (slot && job.cancelled) {
      settle(job)
      end(slot)
    }
    dispatch()
  }

  const start = (slot: Slot, job: Job): void => {
    clearTimeout(slot.idleTimer)
    slot.idleTimer = undefined
    slot.job = job
    job.tries++
    jobs.add(job)
    if (job.text.length >= longText) job.long = true
    else job.timer = setTimeout(() => becameLong(job), longAfter)
    const message: WorkerJob = {id: job.id, op: job.op, text: job.text, options: job.options}
    slot.worker.postMessage(message)
  }

  const dispatch = (): void => {
    if (closed) return
    if (here) {
      for (const job of queue.splice(0)) void runOnThisThread(job)
      return
    }
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue
      const job = queue.shift()
      if (!job) break
      start(slot, job)
    }
    // Always one worker; a second when none is free or starting and a long lint runs (a short
    // one ends before a new worker would be ready).
    const spare = slots.some((s) => !s.ready || !s.job)
    const busyLong = slots.some((s) => s.job?.long)
    if (slots.length === 0 || (!spare && busyLong && slots.length < maxWorkers)) spawn()
    // Idle workers beyond the first are ended after a while: each holds a copy of the core.
    for (const slot of slots) {
      if (slot.ready && !slot.job && slots.length > 1 && !slot.idleTimer) {
        slot.idleTimer = setTimeout(() => {
          slot.idleTimer = undefined
          if (!slot.job && slots.length > 1) end(slot)
        }, idleFor)
        slot.idleTimer.unref()
      }
    }
  }

  const runOnThisThread = async (job: Job): Promise<void> => {
    jobs.add(job)
    // A lint here runs to its end once started: let the edits already waiting be read first, so
    // that a lint they supersede is dropped here rather than run.
    await new Promise((resolve) => setImmediate(resolve))
    if (job.cancelled) return
    try {
      const value = await runHere(job.op, job.text, job.options)
      if (!job.cancelled) job.resolve(value)
    } catch (error) {
      if (!job.cancelled) job.reject(error)
    } finally {
      jobs.delete(job)
    }
  }

  const cancelJob = (job: Job): void => {
    if (job.cancelled) return
    job.cancelled = true
    job.reject(cancelledError())
    const queued = queue.indexOf(job)
    if (queued >= 0) queue.splice(queued, 1)
    const slot = slots.find((s) => s.job === job)
    // A short lint is left to finish, its result dropped, unless it runs long (becameLong); a
    // long one is not waited for.
    if (slot && job.long) {
      settle(job)
      end(slot)
    }
    dispatch()
  }

  if (!here) spawn()

  return {
    run<K extends Op>(uri: string, op: K, text: string, jobOptions: LintOptions): Promise<Outputs[K]> {
      return new Promise<Outputs[K]>((resolve, reject) => {
        if (closed) return reject(cancelledError())
        for (const job of [...queue, ...jobs]) if (job.uri === uri && job.op === op) cancelJob(job)
        const job: Job = {id: nextId++, uri, op, text, options: jobOptions, resolve: resolve as Job['resolve'], reject, tries: 0, cancelled: false, long: false}
        queue.push(job)
        dispatch()
      })
    },
    cancel(uri: string): void {
      for (const job of [...queue, ...jobs]) if (job.uri === uri) cancelJob(job)
    },
    async close(): Promise<void> {
      closed = true
      for (const job of [...queue, ...jobs]) cancelJob(job)
      await Promise.all(slots.splice(0).map((slot) => ((slot.ended = true), slot.worker.terminate().catch(() => 0))))
    }
  }
}

function workerError(error: {message: string; stack?: string; input: boolean}): Error {
  const result = new Error(error.message)
  // The core's isInputError() goes by the name, so an input error stays one across the thread.
  if (error.input) result.name = 'InputError'
  if (error.stack) result.stack = error.stack
  return result
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
