// The language server's worker pool (src/lsp/linter.ts) on its own, with a stand-in worker whose
// jobs say what to do: answer, keep the thread busy for a while (as a long lint does), throw, or
// stop the thread. What is checked: a superseded job never resolves; a short one is left to finish
// on its worker, a long one's worker is ended and the next job runs on another at once; a worker
// that stops is replaced and its job run once more; and with no worker that can start, jobs run on
// the calling thread.
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, afterEach, describe, expect, test} from 'vitest'
import {createLinter, isCancelled, type Linter, type LinterOptions} from '../src/lsp/linter.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'soplint-lsp-linter-'))
const entry = pathToFileURL(path.join(dir, 'worker.mjs'))
// Jobs: `echo`, `busy:<ms>` (a synchronous loop, like a lint), `throw[:input]`, `stop`, and
// `stop-once:<file>` (stops the thread unless <file> exists, and creates it).
writeFileSync(
  entry,
  `import {parentPort, threadId} from 'node:worker_threads'
import {existsSync, writeFileSync} from 'node:fs'
parentPort.on('message', (job) => {
  const [what, arg] = job.text.split(/:(.*)/)
  if (what === 'busy') for (const end = Date.now() + Number(arg); Date.now() < end; );
  if (what === 'stop') process.exit(3)
  if (what === 'stop-once' && !existsSync(arg)) {
    writeFileSync(arg, '')
    process.exit(3)
  }
  if (what === 'throw') parentPort.postMessage({id: job.id, error: {message: 'it broke', input: arg === 'input'}})
  else parentPort.postMessage({id: job.id, value: {messages: [], thread: threadId, text: job.text}})
})
parentPort.postMessage({ready: true})
`
)
const dying = pathToFileURL(path.join(dir, 'dying.mjs'))
writeFileSync(dying, `process.exit(1)\n`)

type Answer = {thread: number; text: string}
let linter: Linter | undefined
const logged: string[] = []
const ranHere: string[] = []

function start(options: Partial<LinterOptions> = {}): Linter {
  linter = createLinter({
    entry,
    log: (line) => void logged.push(line),
    runHere: async (_op, text) => {
      ranHere.push(text)
      return {messages: [], thread: 0, text} as never
    },
    longAfter: 100,
    longText: 1_000_000,
    ...options
  })
  return linter
}
const lint = (l: Linter, uri: string, text: string) => l.run(uri, 'lint', text, {}) as unknown as Promise<Answer>
const outcome = (promise: Promise<unknown>) => promise.then(
  () => 'resolved',
  (error) => (isCancelled(error) ? 'cancelled' : `rejected: ${(error as Error).message}`)
)

afterEach(async () => {
  await linter?.close()
  linter = undefined
  logged.length = 0
  ranHere.length = 0
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('superseded jobs', () => {
  test('a short job superseded by a newer one is cancelled and left to finish on its worker', async () => {
    const l = start()
    const first = await lint(l, 'a', 'echo')
    const old = lint(l, 'a', 'busy:30')
    const next = lint(l, 'a', 'echo')
    expect(await outcome(old)).toBe('cancelled')
    // The same worker ran the newer job: it was not ended for a job that was about to end anyway.
    expect((await next).thread).toBe(first.thread)
  })

  test('a long job that is superseded has its worker ended; the next job runs on another at once', async () => {
    // One worker at most, so that no second one is there to take the next job.
    const l = start({maxWorkers: 1})
    const first = await lint(l, 'a', 'echo')
    // The loop would hold its thread for a minute.
    const old = lint(l, 'a', 'busy:60000')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const sent = performance.now()
    const next = lint(l, 'a', 'echo')
    expect(await outcome(old)).toBe('cancelled')
    const answer = await next
    expect(answer.thread).not.toBe(first.thread)
    expect(performance.now() - sent).toBeLessThan(30_000)
  })

  test('a long job keeps a second worker ready for other documents', async () => {
    const l = start()
    const first = await lint(l, 'a', 'echo')
    const long = lint(l, 'a', 'busy:60000')
    const other = await lint(l, 'b', 'echo')
    expect(other.thread).not.toBe(first.thread)
    l.cancel('a')
    expect(await outcome(long)).toBe('cancelled')
  })

  test('cancel() drops a job still waiting for a worker: it is never run', async () => {
    const l = start({maxWorkers: 1})
    const busy = lint(l, 'a', 'busy:300')
    const waiting = lint(l, 'b', 'echo')
    l.cancel('b')
    expect(await outcome(waiting)).toBe('cancelled')
    expect((await busy).text).toBe('busy:300')
  })

  test('jobs of other documents and of the other op are not superseded', async () => {
    const l = start()
    const results = await Promise.all([lint(l, 'a', 'echo'), lint(l, 'b', 'echo'), l.run('a', 'fix', 'echo', {}) as unknown as Promise<Answer>])
    expect(results.map((r) => r.text)).toEqual(['echo', 'echo', 'echo'])
  })
})

describe('errors and stopped workers', () => {
  test('an error the job throws is the job\'s, and an input error stays one', async () => {
    const l = start()
    await expect(lint(l, 'a', 'throw')).rejects.toMatchObject({message: 'it broke', name: 'Error'})
    await expect(lint(l, 'a', 'throw:input')).rejects.toMatchObject({message: 'it broke', name: 'InputError'})
  })

  test('a worker that stops under a job is replaced and the job runs once more', async () => {
    const l = start()
    const flag = path.join(dir, 'stopped-once')
    const answer = await lint(l, 'a', `stop-once:${flag}`)
    expect(existsSync(flag)).toBe(true)
    expect(answer.text).toBe(`stop-once:${flag}`)
    expect(logged).toEqual([expect.stringMatching(/^soplint: the lint worker thread stopped \(exit code 3\) while linting a; linting it again$/)])
    expect((await lint(l, 'b', 'echo')).text).toBe('echo')
  })

  test('a job that stops two workers fails; the next job is linted', async () => {
    const l = start()
    expect(await outcome(lint(l, 'a', 'stop'))).toBe('rejected: the lint worker thread stopped twice linting this document (exit code 3)')
    expect((await lint(l, 'b', 'echo')).text).toBe('echo')
  })

  test('with workers that die before they are ready, jobs run on the calling thread', async () => {
    const l = start({entry: dying})
    expect((await lint(l, 'a', 'echo')).thread).toBe(0)
    expect(ranHere).toEqual(['echo'])
    expect(logged.at(-1)).toMatch(/stopped before it was ready 3 times .*; linting on the main thread from now on$/)
  })

  test('without a worker entry, jobs run on the calling thread, and a superseded one is dropped before it runs', async () => {
    const l = start({entry: undefined})
    const old = lint(l, 'a', 'first')
    const next = lint(l, 'a', 'second')
    expect(await outcome(old)).toBe('cancelled')
    expect((await next).text).toBe('second')
    expect(ranHere).toEqual(['second'])
  })

  test('after close, jobs are refused as cancelled', async () => {
    const l = start()
    await l.close()
    expect(await outcome(lint(l, 'a', 'echo'))).toBe('cancelled')
  })
})
