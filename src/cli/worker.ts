// A worker thread of the CLI's batch pool (src/cli/pool.ts): it lints the statements the main
// thread sends and posts each result back. It only translates, like every front end: lint() from
// the public API does the work, so a file linted here gives exactly what the main thread would.
import {parentPort} from 'node:worker_threads'
import {isInputError, lint} from '../index.ts'
import type {Job, Reply} from './pool.ts'

const port = parentPort
if (!port) throw new Error('src/cli/worker.ts runs only as a worker thread')

port.on('message', async (job: Job) => {
  let reply: Reply
  try {
    reply = {id: job.id, result: await lint(job.text, job.options)}
  } catch (error) {
    reply = {id: job.id, error: {message: error instanceof Error ? error.message : String(error), input: isInputError(error)}}
  }
  port.postMessage(reply)
})
// Lint a short text before saying ready: the first lint builds what the core builds lazily and
// is several times slower than the next, and the main thread lints meanwhile, so this costs the
// batch nothing and keeps the worker's first real files from finishing last.
await lint('I studied chemistry for four years and then worked in a small laboratory.\n\nThe the results were reviewed by my supervisor.\n').catch(() => {})
port.postMessage({ready: true} satisfies Reply)
