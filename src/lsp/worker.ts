// A worker thread of the language server (src/lsp/linter.ts): it lints or fixes the documents the
// main thread sends, one at a time, and posts back what the server needs (the findings, or the
// fixed text). It only translates: lint() and fix() from the public API do the work, so a document
// linted here gives exactly what the CLI gives. The main thread ends this thread when a long lint
// is superseded; nothing here needs to know.
import {parentPort} from 'node:worker_threads'
import {fix, isInputError, lint} from '../index.ts'
import type {WorkerJob, WorkerReply} from './linter.ts'

const port = parentPort
if (!port) throw new Error('src/lsp/worker.ts runs only as a worker thread')

port.on('message', async (job: WorkerJob) => {
  let reply: WorkerReply
  try {
    // Only what the server uses crosses the thread: copying a result costs time on large documents.
    const value = job.op === 'fix' ? {output: (await fix(job.text, job.options)).output} : {messages: (await lint(job.text, job.options)).messages}
    reply = {id: job.id, value}
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    reply = {id: job.id, error: {message: e.message, stack: e.stack, input: isInputError(error)}}
  }
  port.postMessage(reply)
})
// Lint a short text before saying ready: the first lint loads the rules' data and runs cold, several
// times slower than the next. The first worker starts with the server, while the editor
// initializes; a job that comes before this is done waits for it, and is then the faster for it.
await lint('I studied chemistry for four years and then worked in a small laboratory.\n\nThe the results were reviewed by my supervisor.\n').catch(() => {})
port.postMessage({ready: true} satisfies WorkerReply)
