// The language server under abuse, one real server process: edits out of range, with stale
// versions and inside surrogate pairs; a 50 MB message; a document closed while it is linted;
// requests after shutdown. It stays alive, answers with JSON-RPC errors, keeps its memory flat,
// and its last diagnostics are those of a fresh CLI lint of the text it holds.
import {readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {Diagnostic} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {soplint} from './helpers.ts'
import {startClient, type Client} from './lsp-client.ts'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'soplint-lsp-abuse-'))
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href
let client: Client

/** Resident memory of the server process in MB, from /proc. */
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.child.pid}/status`, 'utf8'))![1]) / 1024

/** The findings of a fresh CLI run on this text, as `rule line:col-line:col` (0-based, as in the protocol). */
function cli(text: string): string[] {
  const file = path.join(workspace, `cli-${Date.now()}.md`)
  writeFileSync(file, text)
  const r = soplint(['--format', 'json', file], {cwd: workspace})
  const [result] = JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; endLine: number; endColumn: number}>}>
  return result.messages.map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`).sort()
}
const seen = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort()

beforeAll(async () => {
  client = await startClient({rootDir: workspace, initializationOptions: {soplint: {debounce: 50}}})
})

afterAll(() => {
  if (client.child.exitCode === null) client.child.kill()
  rmSync(workspace, {recursive: true, force: true})
})

describe('edits no editor should send', () => {
  test('out-of-range positions, stale versions and positions inside surrogate pairs: alive, memory flat, and the CLI agrees at the end', async () => {
    const uri = uriOf('abuse.md')
    const start = 'My aim is quite simple: to study the the structure of 🎓 systems.\n\nI think that I am ready. 👩‍🔬 and and more.\n'
    client.open(uri, start)
    await client.diagnostics(uri, (p) => p.version === 1)
    const before = rss()
    // The server's own document model, fed the same changes, is what the server holds.
    let mirror = TextDocument.create(uri, 'markdown', 1, start)
    let version = 1
    const send = (changes: Array<{range: {start: {line: number; character: number}; end: {line: number; character: number}}; text: string}>, v: number) => {
      mirror = TextDocument.update(mirror, changes, v)
      void client.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: v}, contentChanges: changes})
    }
    for (let i = 0; i < 1000; i++) {
      const text = mirror.getText()
      const lines = text.split('\n').length
      const at = i % 7
      if (at === 0) send([{range: {start: {line: lines + 5, character: 0}, end: {line: lines + 9, character: 3}}, text: ' far'}], ++version)
      else if (at === 1) send([{range: {start: {line: 0, character: 9999}, end: {line: 0, character: 10005}}, text: 'x'}], ++version)
      else if (at === 2) {
        // Inside the first surrogate pair: between the two halves of 🎓.
        const k = text.indexOf('\uD83C')
        const p = mirror.positionAt(k >= 0 ? k + 1 : 0)
        send([{range: {start: p, end: p}, text: 'y'}], ++version)
      } else if (at === 3) send([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'z'}], Math.max(1, version - 5))
      else if (at === 4) send([{range: {start: {line: 2, character: 5}, end: {line: 1, character: 0}}, text: ''}], ++version)
      else if (at === 5) send([{range: {start: {line: -1, character: -4}, end: {line: 0, character: 2}}, text: 'Q'}], ++version)
      else send([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, text: ''}], ++version)
    }
    // A last, ordinary edit so that the final version is the highest one sent.
    send([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'Done. '}], ++version)
    const final = mirror.getText()
    const ds = await client.diagnostics(uri, (p) => p.version === version, undefined, 60_000)
    expect(seen(ds)).toEqual(cli(final))
    expect(client.child.exitCode).toBeNull()
    expect(client.stderr()).not.toMatch(/uncaught|unhandled/i)
    // Flat: a thousand edits leave no more than a little garbage behind.
    expect(rss() - before).toBeLessThan(80)
    client.close(uri)
  }, 120_000)
})

describe('messages no editor should send', () => {
  test('a 50 MB message is read, refused politely, and the server answers the next request', async () => {
    const uri = uriOf('fifty.md')
    const text = 'The results were quite good in the end. '.repeat(Math.ceil((50 * 1024 * 1024) / 40))
    client.open(uri, text)
    const ds = await client.diagnostics(uri, (p) => p.version === 1, undefined, 60_000)
    expect(ds).toHaveLength(1)
    expect(ds[0].message).toMatch(/^This document has 52,4\d\d,\d\d\d characters; soplint lints documents of up to/)
    const small = uriOf('after.md')
    client.open(small, 'It is quite short.\n')
    expect((await client.diagnostics(small)).map((d) => d.code)).toContain('hedge')
    client.close(uri)
    client.close(small)
  }, 120_000)

  test('a document closed while it is linted gets no diagnostics after its empty ones', async () => {
    const uri = uriOf('closed.md')
    const text = 'I think this is quite a very good plan, and and I will study it. '.repeat(1200)
    const since = client.published.length
    client.open(uri, text)
    client.close(uri)
    // A round trip on another document: by then the server has handled the open and the close.
    const other = uriOf('other.md')
    client.open(other, 'It is quite short.\n')
    await client.diagnostics(other)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const mine = client.published.slice(since).filter((p) => p.uri === uri)
    expect(mine.at(-1)?.diagnostics).toEqual([])
    client.close(other)
  }, 60_000)

  test('requests after shutdown get a JSON-RPC error; exit ends the process', async () => {
    await client.connection.sendRequest('shutdown')
    const after = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: uriOf('x.md')}, position: {line: 0, character: 0}}).then(
      () => undefined,
      (e: {code: number}) => e
    )
    expect(after?.code).toBe(-32600)
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(0)
  })
})
