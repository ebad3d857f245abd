// The language server while a long lint runs, spoken to over stdio as an editor would: a document
// of 600 KB (soplint.maxLength raised) lints for seconds on a worker thread, and meanwhile the server
// answers hover and code actions and lints other documents (a hover on the big document itself
// waits for its findings until the client cancels it); an edit or a close cancels that lint
// (its worker is ended), and nothing of the superseded version is ever published. Times are
// compared with the time the CLI takes to lint the same document, measured here, never with a
// fixed number: a loaded machine makes both slower.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {CancellationTokenSource} from 'vscode-jsonrpc/node'
import type {CodeAction, Diagnostic, Hover, PublishDiagnosticsParams} from 'vscode-languageserver/node'
import {bin, soplint} from './helpers.ts'
import {startClient, type Client} from './lsp-client.ts'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'soplint-lsp-cancel-'))
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href

const small = 'My aim is quite simple: to study the the structure of proteins.\n\nI think that I am ready.\n'
/** About 600 KB of ordinary statement prose (over the 250,000 characters that make a lint long from its start): the example statement without its front matter and bold, over and over. */
function prose(bytes: number): string {
  const body = readFileSync('examples/statement.md', 'utf8').replace(/^---[\s\S]*?\n---\n/, '').replace(/\*\*/g, '')
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < bytes; i++) {
    const part = body.replace(/Priya Nair/g, `Student ${i}`) + '\n'
    parts.push(part)
    length += part.length
  }
  return parts.join('')
}
const big = prose(600 * 1024)
/** About 2 MB: more than a worker with a 100 MB heap can lint (a smaller heap on a smaller text thrashes longer before it stops). */
const huge = prose(2 * 1024 * 1024)

/** The findings of a fresh CLI run on this text, as `rule line:col-line:col` (0-based, as in the protocol). */
function cli(text: string): string[] {
  const file = path.join(workspace, `cli-${Date.now()}.md`)
  writeFileSync(file, text)
  const r = soplint(['--format', 'json', file], {cwd: workspace})
  rmSync(file)
  const [result] = JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; endLine: number; endColumn: number}>}>
  return result.messages.map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`).sort()
}

/** The wall time, in ms, of the CLI linting this text to JSON (the report itself is not kept). */
function cliTime(text: string): number {
  const file = path.join(workspace, 'timed.md')
  writeFileSync(file, text)
  const started = performance.now()
  const r = spawnSync(process.execPath, [bin, '--format', 'json', file], {cwd: workspace, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  const ms = performance.now() - started
  rmSync(file)
  if (r.status !== 1) throw new Error(`the CLI did not lint the big document (exit ${r.status}): ${r.stderr}`)
  return ms
}
const seen = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort()

/** CPU time (user and system, every thread) the server process has used, in ms, from /proc. */
function cpu(): number {
  const stat = readFileSync(`/proc/${client.child.pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime, fields 14 and 15 of the line, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Wait until the server has spent `ms` of CPU since now: the lint just asked for is under way. */
async function busyFor(ms: number): Promise<void> {
  const start = cpu()
  while (cpu() - start < ms) await sleep(20)
}

/** Wait until the server does nothing for half a second; resolves with the time its work stopped. */
async function idle(): Promise<number> {
  let last = cpu()
  let stoppedAt = performance.now()
  for (;;) {
    await sleep(250)
    const now = cpu()
    if (now - last > 20) stoppedAt = performance.now()
    else if (performance.now() - stoppedAt >= 500) return stoppedAt
    last = now
  }
}

let client: Client
/** Wall time of the CLI linting the big document, in ms. */
let lintMs: number

beforeAll(async () => {
  lintMs = cliTime(big)
  client = await startClient({rootDir: workspace, settings: {maxLength: 10_000_000, debounce: 0}})
}, 600_000)

afterAll(() => {
  if (client.child.exitCode === null) client.child.kill()
  rmSync(workspace, {recursive: true, force: true})
})

describe('a long lint does not hold the server up', () => {
  test('hover, code actions and another document are answered while a 600 KB document lints', async () => {
    expect(big.length).toBeGreaterThan(250_000)
    const smallUri = uriOf('small.md')
    client.open(smallUri, small)
    const smallDs = await client.diagnostics(smallUri)
    const hedge = smallDs.find((d) => d.code === 'hedge')!

    const bigUri = uriOf('big.md')
    const since = client.published.length
    client.open(bigUri, big)
    await busyFor(500)
    const sent = performance.now()
    const at: Record<string, number> = {}
    const stamp = <T>(name: string, promise: Promise<T>) => promise.then((value) => ((at[name] = performance.now() - sent), value))
    const secondUri = uriOf('second.md')
    client.open(secondUri, 'It is quite short, and and clear.\n')
    const [hover, actions, second] = await Promise.all([
      stamp('hover', client.connection.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri: smallUri}, position: hedge.range.start})),
      stamp('code actions', client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri: smallUri}, range: hedge.range, context: {diagnostics: [hedge]}})),
      stamp('another document', client.diagnostics(secondUri, () => true, since))
    ])
    // Answered while the big document was still being linted: nothing of it was published yet.
    expect(client.published.slice(since).filter((p) => p.uri === bigUri)).toEqual([])
    for (const [what, ms] of Object.entries(at)) expect(ms, `${what}: ${ms.toFixed(0)} ms, against ${lintMs.toFixed(0)} ms for the CLI to lint the big document`).toBeLessThan(lintMs / 2)
    expect(hover?.range).toEqual(hedge.range)
    expect(actions.map((a) => a.title)).toContain('Disable hedge for this paragraph')
    expect(second.map((d) => d.code)).toEqual(expect.arrayContaining(['hedge', 'repeated-word']))

    // A hover on the big document waits for its findings, until the client gives up on it.
    const source = new CancellationTokenSource()
    const waiting = client.connection.sendRequest('textDocument/hover', {textDocument: {uri: bigUri}, position: {line: 0, character: 0}}, source.token).then(
      () => 'answered',
      (error: {code: number}) => error.code
    )
    await sleep(200)
    source.cancel()
    expect(await waiting).toBe(-32800)
    expect(client.published.slice(since).filter((p) => p.uri === bigUri)).toEqual([])

    const closed = performance.now()
    client.close(bigUri)
    client.close(secondUri)
    // The big lint was ended with its document, not run to the end.
    expect((await idle()) - closed).toBeLessThan(lintMs / 2)
    expect(client.published.slice(since).filter((p) => p.uri === bigUri).map((p) => p.diagnostics)).toEqual([[]])
  }, 300_000)
})

describe('a superseded lint is cancelled', () => {
  test('a big document changed to a small one: the small text is published, equal to the CLI, and nothing of the big one, ever', async () => {
    const uri = uriOf('shrinks.md')
    const since = client.published.length
    client.open(uri, big)
    await busyFor(500)
    const changed = performance.now()
    const doc = client.replace(uri, small)
    const ds = await client.diagnostics(uri, (p) => p.version === doc.version)
    expect(seen(ds)).toEqual(cli(small))
    const stopped = await idle()
    // The big lint was ended rather than waited for.
    expect(stopped - changed).toBeLessThan(lintMs / 2)
    // By now the big lint would have published, had it been left to run.
    const mine = client.published.slice(since).filter((p) => p.uri === uri)
    expect(mine.map((p: PublishDiagnosticsParams) => p.version)).toEqual([doc.version])

    // Code actions use the findings of the version they name.
    const repeated = ds.find((d) => d.code === 'repeated-word')!
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: repeated.range, context: {diagnostics: [repeated]}})
    expect(actions.find((a) => a.isPreferred)?.edit).toEqual({documentChanges: [{textDocument: {uri, version: doc.version}, edits: [{range: repeated.range, newText: 'the'}]}]})
    client.close(uri)
  }, 300_000)

  test('a big document closed while it lints: only its empty diagnostics are published, and the server lives on', async () => {
    const uri = uriOf('closes.md')
    const since = client.published.length
    client.open(uri, big)
    await busyFor(500)
    const closed = performance.now()
    client.close(uri)
    expect((await idle()) - closed).toBeLessThan(lintMs / 2)
    expect(client.published.slice(since).filter((p) => p.uri === uri).map((p) => p.diagnostics)).toEqual([[]])

    const after = uriOf('after.md')
    client.open(after, small)
    const ds = await client.diagnostics(after)
    expect(seen(ds)).toEqual(cli(small))
    expect(client.child.exitCode).toBeNull()
    expect(client.stderr()).not.toMatch(/uncaught|unhandled/i)
    client.close(after)
  }, 300_000)
})

describe('a worker thread that stops', () => {
  test('out of memory on a document: logged, tried once more on a fresh worker, then an error at the top; the next document is linted', async () => {
    // Node's heap limit applies to each thread: the main thread holds the text, a worker cannot lint it.
    const limited = await startClient({rootDir: workspace, settings: {maxLength: 10_000_000, debounce: 0}, nodeArgs: ['--max-old-space-size=100']})
    try {
      const uri = uriOf('heavy.md')
      const died = new Promise<never>((_, reject) => limited.child.once('exit', (code, signal) => reject(new Error(`the server stopped (${code ?? signal}): ${limited.stderr().slice(-500)}`))))
      limited.open(uri, huge)
      const ds = await Promise.race([limited.diagnostics(uri, (p) => p.version === 1, 0, 300_000), died])
      expect(ds).toHaveLength(1)
      expect(ds[0]).toMatchObject({severity: 1, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}})
      expect(ds[0].message).toMatch(/^soplint: internal error: the lint worker thread stopped twice linting this document \(.*out of memory\)$/)
      const stops = limited.logged.filter((line) => line.startsWith('soplint: the lint worker thread stopped'))
      expect(stops, stops.join("\n")).toHaveLength(2)
      expect(stops[0]).toMatch(/out of memory.*heavy\.md; linting it again$/)

      const light = uriOf('light.md')
      limited.open(light, small)
      expect(seen(await limited.diagnostics(light))).toEqual(cli(small))
      expect(limited.child.exitCode).toBeNull()
      expect(limited.stderr()).not.toMatch(/uncaught|unhandled/i)
      expect(await limited.shutdown()).toBe(0)
    } finally {
      if (limited.child.exitCode === null) limited.child.kill()
    }
  }, 300_000)
})
