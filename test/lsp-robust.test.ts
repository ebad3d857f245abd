// The language server under abuse, and with an editor that supports little: no settings pull,
// no versioned edits, no workspace/applyEdit, no lazy code actions. One real server process
// for the whole file.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {CodeAction, Diagnostic, TextEdit} from 'vscode-languageserver/node'
import {lintSync, prepare, type LintMessage} from '../src/index.ts'
import {shape, startClient, type Client} from './lsp-client.ts'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'soplint-lsp-robust-'))
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href
const anchors = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'hedge' || d.code === 'repeated-word').map(shape)
const severity = {error: 1, warning: 2, info: 3} as const

/** What the core says about a text, in the shape the tests compare (a conversion of its own). */
const expected = (text: string) =>
  lintSync(text, {format: 'md'}).messages.map((m: LintMessage) => ({
    code: m.ruleId,
    severity: severity[m.level],
    range: `${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`
  }))

let client: Client

beforeAll(async () => {
  await prepare()
  // An editor that announces no capabilities at all, sets the debounce at start-up, and passes
  // a flag of its own on the command line (as VS Code does).
  client = await startClient({rootDir: workspace, capabilities: {}, initializationOptions: {soplint: {debounce: 100}}, args: ['--stdio', `--clientProcessId=${process.pid}`]})
})

afterAll(() => {
  if (client.child.exitCode === null) client.child.kill()
  rmSync(workspace, {recursive: true, force: true})
})

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

describe('an editor with few capabilities', () => {
  test('settings pushed with didChangeConfiguration', async () => {
    const uri = uriOf('push.md')
    client.open(uri, 'This is quite good, the the best.\n')
    expect(anchors(await client.diagnostics(uri))).toEqual([
      {code: 'hedge', severity: 3, range: '0:8-0:13'},
      {code: 'repeated-word', severity: 2, range: '0:20-0:27'}
    ])
    let since = client.published.length
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {soplint: {rules: {hedge: 'error', 'repeated-word': 'off'}}}})
    expect(anchors(await client.diagnostics(uri, () => true, since))).toEqual([{code: 'hedge', severity: 1, range: '0:8-0:13'}])
    since = client.published.length
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {soplint: {}}})
    expect(anchors(await client.diagnostics(uri, () => true, since))).toHaveLength(2)
  })

  test('edits come as `changes`; fix all is computed at once; accept writes the file itself', async () => {
    const uri = uriOf('plain.md')
    client.open(uri, 'I think that the the model works.\n')
    const ds = await client.diagnostics(uri)
    const repeated = ds.find((d) => d.code === 'repeated-word')!
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: repeated.range, context: {diagnostics: [repeated]}})
    expect(actions.find((a) => a.title === 'Replace `the the` with `the`')?.edit).toEqual({changes: {[uri]: [{range: repeated.range, newText: 'the'}]}})
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.soplint')!
    expect(fixAll.edit).toEqual({changes: {[uri]: [{range: {start: {line: 0, character: 0}, end: {line: 1, character: 0}}, newText: 'I think that the model works.\n'}]}})

    const hedge = ds.find((d) => d.code === 'hedge')!
    const [accept] = (await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: hedge.range, context: {diagnostics: [hedge]}})).filter((a) => a.command)
    const since = client.published.length
    await client.connection.sendRequest('workspace/executeCommand', accept.command)
    expect(client.applied).toEqual([])
    expect(readFileSync(path.join(workspace, '.soplintaccept'), 'utf8')).toBe('# Words and phrases soplint accepts in this project, one per line.\nI think that\n')
    expect(anchors(await client.diagnostics(uri, () => true, since))).toEqual([{code: 'repeated-word', severity: 2, range: '0:13-0:20'}])
    // Clients watch files their own way (a VS Code extension's fileEvents, say) and still notify.
    rmSync(path.join(workspace, '.soplintaccept'))
    const after = client.published.length
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uriOf('.soplintaccept'), type: 3}]})
    expect(anchors(await client.diagnostics(uri, () => true, after))).toHaveLength(2)
  })
})

describe('bad input', () => {
  test('malformed frames, malformed JSON, unknown methods and bad params do not stop the server', async () => {
    const uri = uriOf('alive.md')
    client.open(uri, 'Still quite alive.\n')
    await client.diagnostics(uri)
    await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}})
    // Written between whole messages: the previous request has been answered.
    client.child.stdin.write(frame('{"jsonrpc": "2.0", "id": 99, "method": '))
    client.child.stdin.write('Content-Type: text/plain\r\n\r\n')
    client.child.stdin.write('Content-Length: twelve\r\n\r\n{"a": 1}')
    client.child.stdin.write(frame('[1, 2, 3]'))
    client.child.stdin.write(frame('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 5}}'))
    client.child.stdin.write(frame('{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nowhere.md", "version": 2}, "contentChanges": [{"text": "x"}]}}'))

    const unknown = await client.connection.sendRequest('soplint/noSuchMethod', {}).catch((e: {code: number}) => e)
    expect((unknown as {code: number}).code).toBe(-32601)
    expect(await client.connection.sendRequest('textDocument/hover', {})).toBeNull()
    expect(await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}})).toEqual([])
    const badCommand = await client.connection.sendRequest('workspace/executeCommand', {command: 'soplint.accept', arguments: [{uri, entry: 'a # b'}]}).catch((e: {code: number}) => e)
    expect((badCommand as {code: number}).code).toBe(-32602)
    await client.connection.sendNotification('soplint/noSuchNotification', {x: 1})

    const hover = await client.connection.sendRequest<{range: unknown} | null>('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 8}})
    expect(hover?.range).toEqual({start: {line: 0, character: 6}, end: {line: 0, character: 11}})
    expect(client.child.exitCode).toBeNull()
    expect(client.stderr()).not.toMatch(/uncaught|unhandled/i)
  })

  test('a document of 5 MB is not linted, says so, and the server stays responsive', async () => {
    const uri = uriOf('huge.md')
    const sentence = 'The results were quite good in the end. '
    const huge = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length))
    client.open(uri, huge)
    const ds = await client.diagnostics(uri, (p) => p.version === 1)
    expect(ds).toHaveLength(1)
    expect(ds[0]).toMatchObject({severity: 3, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}})
    expect(ds[0].message).toMatch(/^This document has 5,2\d\d,\d\d\d characters; soplint lints documents of up to 100,000/)
    expect(await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 20}})).toBeNull()
    // Cut down to a statement's size, it is linted again.
    const doc = client.replace(uri, 'It is quite short now.\n')
    expect(anchors(await client.diagnostics(uri, (p) => p.version === doc.version))).toEqual([{code: 'hedge', severity: 3, range: '0:6-0:11'}])
    client.close(uri)
  })

  test('1,000 rapid edits: superseded lints are dropped and the final diagnostics match the final text', async () => {
    const uri = uriOf('burst.md')
    const target = '# Plan 🎯\r\n\r\nMy aim is quite simple: to study the the structure of 量子 systems.\r\n\r\nI think that I am ready, and and I will work hard. '
    let doc = client.open(uri, '')
    await client.diagnostics(uri, (p) => p.version === 1)
    const since = client.published.length
    let edits = 0
    const type = (text: string) => {
      const end = doc.positionAt(doc.getText().length)
      doc = client.edit(uri, [{range: {start: end, end}, newText: text}])
      edits++
    }
    const backspace = (units: number) => {
      const length = doc.getText().length
      doc = client.edit(uri, [{range: {start: doc.positionAt(length - units), end: doc.positionAt(length)}, newText: ''}] satisfies TextEdit[])
      edits++
    }
    // Type the text one character (code point, CRLF as one) at a time, with typos put right.
    const characters = target.match(/\r\n|[\s\S]/gu)!
    for (const [i, ch] of characters.entries()) {
      type(ch)
      if (i % 3 === 0 && edits < 1000 - 2) {
        type('x')
        backspace(1)
      }
    }
    while (edits < 1000) {
      type('zz')
      backspace(2)
    }
    expect(edits).toBe(1000)
    expect(doc.getText()).toBe(target)
    const ds = await client.diagnostics(uri, (p) => p.version === doc.version)
    expect(ds.map(shape)).toEqual(expected(target))
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: 3, range: '2:10-2:15'},
      {code: 'repeated-word', severity: 2, range: '2:33-2:40'},
      {code: 'hedge', severity: 3, range: '4:0-4:12'},
      {code: 'repeated-word', severity: 2, range: '4:25-4:32'}
    ])
    // Debounced: a handful of lints, not a thousand.
    expect(client.published.filter((p, i) => i >= since && p.uri === uri).length).toBeLessThan(20)
    client.close(uri)
  })

  test('the server exits when its input closes (the editor went away)', async () => {
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve))
    // A round trip first, so that nothing is still being written when the input closes.
    await client.connection.sendRequest('textDocument/hover', {})
    client.connection.dispose()
    client.child.stdin.end()
    expect(await exited).toBe(1)
    expect(existsSync(path.join(workspace, '.soplintaccept'))).toBe(false)
  })
})
