// The language server, spoken to over stdio as an editor would: one real server process
// (bin/soplint.js lsp --stdio, after the build) for the whole file. Diagnostics are compared by
// code, severity and exact range; the anchors are `hedge` ("quite", info) and `repeated-word`
// ("the the", warning, fixable), so other rules may come and go without breaking these tests.
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit} from 'vscode-languageserver/node'
import {ruleMeta} from '../src/index.ts'
import {bin, shape, startClient, type Client} from './lsp-client.ts'

const workspace = mkdtempSync(path.join(os.tmpdir(), 'soplint-lsp-'))
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href
const spelled = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'spelling').map(shape)
const anchors = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'hedge' || d.code === 'repeated-word').map(shape)
const Severity = {Error: 1, Warning: 2, Information: 3} as const
const hedgeUrl = 'https://github.com/soplint/soplint/blob/main/docs/rules/hedge.md'

let client: Client

beforeAll(async () => {
  client = await startClient({rootDir: workspace})
})

afterAll(async () => {
  if (client.child.exitCode === null) client.child.kill()
  rmSync(workspace, {recursive: true, force: true})
})

/** Open a document and wait for its first diagnostics. */
async function open(name: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
  const uri = name.includes(':') ? name : uriOf(name)
  client.open(uri, text, languageId)
  return client.diagnostics(uri, (p) => p.version === 1)
}

/** Apply edits to an open document and wait for the diagnostics of the new version. */
async function change(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
  const doc = client.edit(uri, edits)
  return client.diagnostics(uri, (p) => p.version === doc.version)
}

/** Apply a workspace edit to the open documents and wait for the re-lint. */
async function apply(uri: string, edit: WorkspaceEdit): Promise<Diagnostic[]> {
  client.applyToDocs(edit)
  const version = client.docs.get(uri)!.version
  return client.diagnostics(uri, (p) => p.version === version)
}

/** Wait for the next diagnostics of `uri` published after now (a re-lint without an edit). */
function next(uri: string, ok: (ds: Diagnostic[]) => boolean = () => true): {wait: () => Promise<Diagnostic[]>} {
  const since = client.published.length
  return {wait: () => client.diagnostics(uri, (p) => ok(p.diagnostics), since)}
}

function codeActions(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: d.range, context: {diagnostics: [d], only}})
}

function find(ds: Diagnostic[], code: string, nth = 0): Diagnostic {
  const found = ds.filter((d) => d.code === code)[nth]
  if (!found) throw new Error(`no ${code} diagnostic #${nth} in ${JSON.stringify(ds.map(shape))}`)
  return found
}

/** Apply a workspace edit to files on disk, as an editor that saves refactorings does. */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create' && !existsSync(fileURLToPath(change.uri))) writeFileSync(fileURLToPath(change.uri), '')
      continue
    }
    const file = fileURLToPath(change.textDocument.uri)
    const doc = TextDocument.create(change.textDocument.uri, 'plaintext', 0, existsSync(file) ? readFileSync(file, 'utf8') : '')
    writeFileSync(file, TextDocument.applyEdits(doc, change.edits as TextEdit[]))
  }
}

describe('lifecycle and diagnostics', () => {
  test('initialize: incremental sync, code actions (quick fix, fix all), hover, the accept command', () => {
    const caps = client.initializeResult.capabilities
    expect(caps.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(caps.codeActionProvider).toMatchObject({codeActionKinds: ['quickfix', 'source.fixAll.soplint'], resolveProvider: true})
    expect(caps.hoverProvider).toBe(true)
    expect(caps.executeCommandProvider?.commands).toEqual(['soplint.accept'])
    expect(client.initializeResult.serverInfo?.name).toBe('soplint')
  })

  test('registers for configuration changes and for changes to config files', async () => {
    await expect.poll(() => client.registrations.map((r) => r.method)).toContain('workspace/didChangeWatchedFiles')
    const watched = JSON.stringify(client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions)
    for (const name of ['.soplintaccept', '.soplintrc', '.soplintrc.yml', 'package.json']) expect(watched).toContain(name)
    expect(client.registrations.map((r) => r.method)).toContain('workspace/didChangeConfiguration')
  })

  test('diagnostics on open: exact UTF-16 ranges with CRLF, emoji and non-Latin text; code, docs link, source, severity', async () => {
    const text = '# Título 🎓\r\n\r\nMy résumé 😀 is quite long; I love 数学 and the the proofs.\r\n\r\nI am quite sure.\r\n'
    const ds = await open('crlf.md', text)
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '2:16-2:21'},
      {code: 'repeated-word', severity: Severity.Warning, range: '2:42-2:49'},
      {code: 'hedge', severity: Severity.Information, range: '4:5-4:10'}
    ])
    const hedge = find(ds, 'hedge')
    expect(hedge).toMatchObject({source: 'soplint', codeDescription: {href: hedgeUrl}, message: '`quite` hedges the claim; delete it'})
    // The range points at the flagged text in the editor's own lines.
    const lines = text.split('\r\n')
    expect(lines[2].slice(hedge.range.start.character, hedge.range.end.character)).toBe('quite')
    const repeated = find(ds, 'repeated-word')
    expect(lines[2].slice(repeated.range.start.character, repeated.range.end.character)).toBe('the the')
  })

  test('a byte order mark shifts first-line positions by one', async () => {
    const ds = await open('bom.md', '\uFEFF😀 My work is quite good in the the end.\n')
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '0:15-0:20'},
      {code: 'repeated-word', severity: Severity.Warning, range: '0:29-0:36'}
    ])
  })

  test('diagnostics follow incremental changes, with the document version', async () => {
    const uri = uriOf('change.md')
    await open('change.md', 'Our method is quite fast.\n')
    let ds = await change(uri, [{range: {start: {line: 0, character: 14}, end: {line: 0, character: 19}}, newText: 'the the'}])
    expect(anchors(ds)).toEqual([{code: 'repeated-word', severity: Severity.Warning, range: '0:14-0:21'}])
    ds = await change(uri, [{range: {start: {line: 0, character: 27}, end: {line: 0, character: 27}}, newText: '\n\nIt is quite 好.'}])
    expect(client.docs.get(uri)!.getText()).toBe('Our method is the the fast.\n\nIt is quite 好.\n')
    expect(anchors(ds)).toEqual([
      {code: 'repeated-word', severity: Severity.Warning, range: '0:14-0:21'},
      {code: 'hedge', severity: Severity.Information, range: '2:6-2:11'}
    ])
  })

  test('LaTeX is linted by default, never its comments or preamble', async () => {
    const text = '\\documentclass{article}\n\\title{quite the the}\n\\begin{document}\nIt is quite simple. % quite the the\n\\end{document}\n'
    expect(anchors(await open('essay.tex', text, 'latex'))).toEqual([{code: 'hedge', severity: Severity.Information, range: '3:6-3:11'}])
  })

  test('plain text is linted by default; other languages are not', async () => {
    expect(anchors(await open('notes.txt', 'It is quite\nsimple.\n', 'plaintext'))).toEqual([{code: 'hedge', severity: Severity.Information, range: '0:6-0:11'}])
    expect(await open('script.py', '# It is quite the the thing\n', 'python')).toEqual([])
    // The project's accept file looks like plain text but is never linted as a statement.
    expect(await open('.soplintaccept', 'quite the the\n', 'plaintext')).toEqual([])
    client.close(uriOf('.soplintaccept'))
  })

  test('unsaved (untitled) documents are linted', async () => {
    expect(anchors(await open('untitled:Untitled-1', 'This is quite new.\n'))).toEqual([{code: 'hedge', severity: Severity.Information, range: '0:8-0:13'}])
  })

  test('malformed front matter is shown at the top instead of findings', async () => {
    const ds = await open('front.md', '---\nkind: [sop\n---\n\nThis is quite new.\n')
    expect(ds).toHaveLength(1)
    expect(ds[0]).toMatchObject({severity: Severity.Error, source: 'soplint', range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}})
    expect(ds[0].message).toMatch(/front matter/)
  })

  test('closing a document clears its diagnostics', async () => {
    const uri = uriOf('closing.md')
    await open('closing.md', 'It is quite so.\n')
    const since = client.published.length
    client.close(uri)
    expect(await client.diagnostics(uri, () => true, since)).toEqual([])
  })
})

describe('hover', () => {
  test('on a flagged range: the message, the rule rationale, its example and docs link', async () => {
    const uri = uriOf('hover.md')
    // Front matter sets the minimum length, so the `length` finding (the whole text) stays out of the way.
    await open('hover.md', '---\nminWords: 1\n---\n\nÜnïcode 😀 is quite fun.\n')
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {textDocument: {uri}, position: {line: 4, character: 16}})
    const meta = ruleMeta.find((m) => m.id === 'hedge')!
    expect(hover?.range).toEqual({start: {line: 4, character: 14}, end: {line: 4, character: 19}})
    const value = (hover?.contents as {kind: string; value: string}).value
    expect((hover?.contents as {kind: string}).kind).toBe('markdown')
    expect(value).toContain('**hedge**')
    expect(value).toContain(meta.rationale)
    expect(value).toContain(`Before: *${meta.example.before}*`)
    expect(value).toContain(`After: *${meta.example.after}*`)
    expect(value).toContain(`(${hedgeUrl})`)
  })

  test('elsewhere: nothing', async () => {
    const uri = uriOf('hover.md')
    expect(await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 4, character: 2}})).toBeNull()
  })
})

describe('code actions', () => {
  test('a quick fix per replacement, preferred when it is the only one; applied, then re-linted', async () => {
    const uri = uriOf('fix.md')
    const ds = await open('fix.md', 'Ich bin 😀 quite sure about the the result.\n')
    const repeated = find(ds, 'repeated-word')
    const actions = await codeActions(uri, repeated, ['quickfix'])
    const replace = actions.find((a) => a.title === 'Replace `the the` with `the`')!
    expect(replace).toMatchObject({kind: 'quickfix', isPreferred: true, diagnostics: [repeated]})
    const edit = replace.edit!.documentChanges![0] as {textDocument: {version: number}; edits: TextEdit[]}
    expect(edit.textDocument.version).toBe(1)
    expect(edit.edits).toEqual([{range: repeated.range, newText: 'the'}])
    const after = await apply(uri, replace.edit!)
    expect(client.docs.get(uri)!.getText()).toBe('Ich bin 😀 quite sure about the result.\n')
    expect(anchors(after)).toEqual([{code: 'hedge', severity: Severity.Information, range: '0:11-0:16'}])

    const del = (await codeActions(uri, find(after, 'hedge'))).find((a) => a.title === 'Delete `quite`')!
    expect(del.isPreferred).toBe(true)
    expect(anchors(await apply(uri, del.edit!))).toEqual([])
    expect(client.docs.get(uri)!.getText()).toBe('Ich bin 😀  sure about the result.\n')
  })

  test('disable a rule for one paragraph: an ignore comment before it, extended for a second rule', async () => {
    const uri = uriOf('ignore.md')
    const text = '# Aims\nThe aim is quite clear.\n\nThe plan is quite bold.\n'
    let ds = await open('ignore.md', text)
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '1:11-1:16'},
      {code: 'hedge', severity: Severity.Information, range: '3:12-3:17'}
    ])
    let disable = (await codeActions(uri, find(ds, 'hedge', 0))).find((a) => a.title === 'Disable hedge for this paragraph')!
    expect(disable.kind).toBe('quickfix')
    ds = await apply(uri, disable.edit!)
    expect(client.docs.get(uri)!.getText()).toBe('# Aims\n<!-- soplint ignore hedge -->\nThe aim is quite clear.\n\nThe plan is quite bold.\n')
    expect(anchors(ds)).toEqual([{code: 'hedge', severity: Severity.Information, range: '4:12-4:17'}])

    ds = await change(uri, [{range: {start: {line: 2, character: 4}, end: {line: 2, character: 4}}, newText: 'the '}])
    expect(anchors(ds)).toEqual([
      {code: 'repeated-word', severity: Severity.Warning, range: '2:0-2:7'},
      {code: 'hedge', severity: Severity.Information, range: '4:12-4:17'}
    ])
    disable = (await codeActions(uri, find(ds, 'repeated-word'))).find((a) => a.title === 'Disable repeated-word for this paragraph')!
    ds = await apply(uri, disable.edit!)
    expect(client.docs.get(uri)!.getText().split('\n')[1]).toBe('<!-- soplint ignore hedge repeated-word -->')
    expect(anchors(ds)).toEqual([{code: 'hedge', severity: Severity.Information, range: '4:12-4:17'}])
  })

  test('disable in plain text and in Markdown lists and quotes, with CRLF', async () => {
    const txt = uriOf('ignore.txt')
    let ds = await open('ignore.txt', 'First part.\r\n\r\nIt is quite\r\nwrapped here.\r\n', 'plaintext')
    let disable = (await codeActions(txt, find(ds, 'hedge'))).find((a) => a.title === 'Disable hedge for this paragraph')!
    ds = await apply(txt, disable.edit!)
    expect(client.docs.get(txt)!.getText()).toBe('First part.\r\n\r\n<!-- soplint ignore hedge -->\r\n\r\nIt is quite\r\nwrapped here.\r\n')
    expect(anchors(ds)).toEqual([])

    const md = uriOf('lists.md')
    ds = await open('lists.md', 'Intro.\n\n- one item\n- a quite\n  long item\n\n> a quote\n> is quite long\n')
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '3:4-3:9'},
      {code: 'hedge', severity: Severity.Information, range: '7:5-7:10'}
    ])
    disable = (await codeActions(md, find(ds, 'hedge', 1))).find((a) => a.title === 'Disable hedge for this paragraph')!
    ds = await apply(md, disable.edit!)
    expect(client.docs.get(md)!.getText()).toContain('\n\n<!-- soplint ignore hedge -->\n> a quote\n')
    expect(anchors(ds)).toEqual([{code: 'hedge', severity: Severity.Information, range: '3:4-3:9'}])
    disable = (await codeActions(md, find(ds, 'hedge', 0))).find((a) => a.title === 'Disable hedge for this paragraph')!
    ds = await apply(md, disable.edit!)
    expect(anchors(ds)).toEqual([])
  })

  test('fix all (source.fixAll.soplint): one edit replacing the document, resolved lazily', async () => {
    const uri = uriOf('fixall.md')
    const ds = await open('fixall.md', 'I read the the paper.\r\n\r\nIt was quite long and and tiring 📚.\r\n')
    expect(anchors(ds).map((d) => d.code)).toEqual(['repeated-word', 'hedge', 'repeated-word'])
    const quick = await codeActions(uri, ds[0], ['quickfix'])
    expect(quick.some((a) => a.kind === 'source.fixAll.soplint')).toBe(false)
    const [action] = await codeActions(uri, ds[0], ['source.fixAll'])
    expect(action).toMatchObject({kind: 'source.fixAll.soplint', title: 'Fix all auto-fixable problems (soplint)'})
    expect(action.edit).toBeUndefined()
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', action)
    const edits = (resolved.edit!.documentChanges![0] as {edits: TextEdit[]}).edits
    expect(edits).toEqual([{range: {start: {line: 0, character: 0}, end: {line: 3, character: 0}}, newText: 'I read the paper.\r\n\r\nIt was quite long and tiring 📚.\r\n'}])
    const after = await apply(uri, resolved.edit!)
    expect(anchors(after)).toEqual([{code: 'hedge', severity: Severity.Information, range: '2:7-2:12'}])
  })

  test('accept a phrase and add a word: written to .soplintaccept through the editor, then re-linted; the CLI reads it too', async () => {
    const uri = uriOf('accept.md')
    const acceptFile = path.join(workspace, '.soplintaccept')
    const acceptUri = pathToFileURL(acceptFile).href
    let ds = await open('accept.md', 'I think that the model is quite good.\n')
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '0:0-0:12'},
      {code: 'hedge', severity: Severity.Information, range: '0:26-0:31'}
    ])
    // The repeated-word anchor is fixable: no accept action for a slip.
    const phrase = (await codeActions(uri, find(ds, 'hedge', 0))).find((a) => a.title === 'Accept `I think that` in this project (.soplintaccept)')!
    expect(phrase.command?.command).toBe('soplint.accept')

    // No accept file yet: the server asks the editor to create one at the workspace root.
    // This editor saves what it is given, as editors that save refactorings do.
    client.onApplyEdit = (params) => {
      applyToDisk(params.edit)
      return {applied: true}
    }
    let relint = next(uri, (d) => anchors(d).length === 1)
    await client.connection.sendRequest('workspace/executeCommand', {command: phrase.command!.command, arguments: phrase.command!.arguments})
    expect(client.applied.at(-1)!.edit.documentChanges).toEqual([
      {kind: 'create', uri: acceptUri, options: {ignoreIfExists: true}},
      {textDocument: {uri: acceptUri, version: null}, edits: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: '# Words and phrases soplint accepts in this project, one per line.\nI think that\n'}]}
    ])
    ds = await relint.wait()
    expect(anchors(ds)).toEqual([{code: 'hedge', severity: Severity.Information, range: '0:26-0:31'}])

    // Now the file exists: the word is appended. This editor leaves the file unsaved, and the
    // server still counts the entry at once.
    client.onApplyEdit = () => ({applied: true})
    const word = (await codeActions(uri, find(ds, 'hedge'))).find((a) => a.title === "Add `quite` to the project's words (.soplintaccept)")!
    relint = next(uri, (d) => anchors(d).length === 0)
    await client.connection.sendRequest('workspace/executeCommand', {command: word.command!.command, arguments: word.command!.arguments})
    const appended = client.applied.at(-1)!.edit
    expect(appended.documentChanges).toEqual([{textDocument: {uri: acceptUri, version: null}, edits: [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, newText: 'quite\n'}]}])
    expect(anchors(await relint.wait())).toEqual([])

    // Saved later: the file on disk is what the CLI (and the pre-commit hook) read.
    applyToDisk(appended)
    expect(readFileSync(acceptFile, 'utf8')).toBe('# Words and phrases soplint accepts in this project, one per line.\nI think that\nquite\n')
    relint = next(uri)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: acceptUri, type: 2}]})
    expect(anchors(await relint.wait())).toEqual([])
    writeFileSync(path.join(workspace, 'accept.md'), client.docs.get(uri)!.getText())
    const {stdout} = await promisify(execFile)(process.execPath, [bin, '-f', 'json', path.join(workspace, 'accept.md')], {cwd: workspace}).catch((e: {stdout: string}) => e)
    const ids = (JSON.parse(stdout) as Array<{messages: Array<{ruleId: string}>}>)[0].messages.map((m) => m.ruleId)
    expect(ids).not.toContain('hedge')
    rmSync(acceptFile)
    relint = next(uri, (d) => anchors(d).length === 2)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: acceptUri, type: 3}]})
    expect(anchors(await relint.wait())).toHaveLength(2)
  })
})

describe('code actions in LaTeX', () => {
  test('no quick fix writes through a command, which would break the file', async () => {
    const uri = uriOf('chapter.tex')
    const ds = await open('chapter.tex', 'I ran the \\emph{the} tests, and then the the plots.\n', 'latex')
    const repeated = ds.filter((d) => d.code === 'repeated-word')
    expect(repeated.map(shape)).toEqual([
      {code: 'repeated-word', severity: Severity.Warning, range: '0:6-0:19'},
      {code: 'repeated-word', severity: Severity.Warning, range: '0:37-0:44'}
    ])
    // `the \emph{the` -> `the` would leave `tests}`: no edit is offered, only the other actions.
    const across = await codeActions(uri, repeated[0], ['quickfix'])
    expect(across.filter((a) => a.title.startsWith('Replace'))).toEqual([])
    expect(across.map((a) => a.title)).toContain('Disable repeated-word for this paragraph')
    const plain = await codeActions(uri, repeated[1], ['quickfix'])
    expect(plain.find((a) => a.title === 'Replace `the the` with `the`')).toMatchObject({isPreferred: true})
  })
})

describe('spelling', () => {
  test('"add this word" for a word the dictionary lacks, even with a sure correction; accepted, it is never flagged again', async () => {
    const uri = uriOf('words.md')
    const acceptFile = path.join(workspace, '.soplintaccept')
    let ds = await open('words.md', 'I studied roboitcs with the tokamakx group.\n')
    expect(spelled(ds)).toEqual([
      {code: 'spelling', severity: Severity.Warning, range: '0:10-0:18'},
      {code: 'spelling', severity: Severity.Warning, range: '0:28-0:36'}
    ])
    const actions = await codeActions(uri, find(ds, 'spelling', 0))
    // The quick fix and the word: both offered, for the user to choose.
    expect(actions.map((a) => a.title)).toEqual(expect.arrayContaining(["Add `roboitcs` to the project's words (.soplintaccept)"]))
    expect(actions.some((a) => a.edit && JSON.stringify(a.edit).includes('robotics'))).toBe(true)
    const word = (await codeActions(uri, find(ds, 'spelling', 1))).find((a) => a.title === "Add `tokamakx` to the project's words (.soplintaccept)")!
    client.onApplyEdit = (params) => {
      applyToDisk(params.edit)
      return {applied: true}
    }
    const relint = next(uri, (d) => spelled(d).length === 1)
    await client.connection.sendRequest('workspace/executeCommand', {command: word.command!.command, arguments: word.command!.arguments})
    ds = await relint.wait()
    expect(spelled(ds)).toEqual([{code: 'spelling', severity: Severity.Warning, range: '0:10-0:18'}])
    expect(readFileSync(acceptFile, 'utf8')).toContain('tokamakx\n')
    rmSync(acceptFile)
  })
})

describe('configuration', () => {
  test('editor settings through workspace/configuration, re-read on didChangeConfiguration', async () => {
    const uri = uriOf('settings.md')
    await open('settings.md', 'It is quite good, the the best.\n')
    const relint = async (settings: Record<string, unknown>, ok: (ds: Diagnostic[]) => boolean) => {
      client.settings = settings
      const r = next(uri, ok)
      await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
      return r.wait()
    }
    let ds = await relint({rules: {hedge: 'error'}}, (d) => d.some((x) => x.code === 'hedge' && x.severity === Severity.Error))
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Error, range: '0:6-0:11'},
      {code: 'repeated-word', severity: Severity.Warning, range: '0:18-0:25'}
    ])
    ds = await relint({rules: {hedge: 'loud'}}, (d) => d.length === 1)
    expect(ds[0]).toMatchObject({severity: Severity.Error, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}})
    expect(ds[0].message).toMatch(/^editor settings \(soplint\): rules\.hedge: level must be one of/)
    ds = await relint({languages: ['plaintext']}, (d) => d.length === 0)
    expect(ds).toEqual([])
    ds = await relint({}, (d) => anchors(d).length === 2)
    expect(anchors(ds)).toEqual([
      {code: 'hedge', severity: Severity.Information, range: '0:6-0:11'},
      {code: 'repeated-word', severity: Severity.Warning, range: '0:18-0:25'}
    ])
  })

  test('config files: found per folder, re-read when they change; editor settings override them', async () => {
    const dir = path.join(workspace, 'project')
    mkdirSync(dir)
    const rc = path.join(dir, '.soplintrc.yml')
    const rcUri = pathToFileURL(rc).href
    writeFileSync(rc, 'rules:\n  hedge: warn\n')
    const uri = pathToFileURL(path.join(dir, 'sop.md')).href
    let ds = await open(uri, 'It is quite right.\n')
    expect(anchors(ds)).toEqual([{code: 'hedge', severity: Severity.Warning, range: '0:6-0:11'}])

    // A broken config file: one line naming it, at the top of the document.
    writeFileSync(rc, 'rules: [hedge\n')
    let relint = next(uri, (d) => d.length === 1 && d[0].code === undefined)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: rcUri, type: 2}]})
    ds = await relint.wait()
    expect(ds[0]).toMatchObject({severity: Severity.Error, source: 'soplint'})
    expect(ds[0].message).toContain(rc)

    // Saving a config file open in the editor re-reads it too (for editors that do not watch files).
    writeFileSync(rc, 'rules:\n  hedge: error\n')
    client.open(rcUri, 'rules:\n  hedge: error\n', 'yaml')
    relint = next(uri, (d) => anchors(d).length === 1)
    await client.connection.sendNotification('textDocument/didSave', {textDocument: {uri: rcUri}})
    expect(anchors(await relint.wait())).toEqual([{code: 'hedge', severity: Severity.Error, range: '0:6-0:11'}])
    client.close(rcUri)

    client.settings = {rules: {hedge: 'off'}}
    relint = next(uri, (d) => anchors(d).length === 0)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect(anchors(await relint.wait())).toEqual([])
    client.settings = {}
    relint = next(uri, (d) => anchors(d).length === 1)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect(anchors(await relint.wait())).toEqual([{code: 'hedge', severity: Severity.Error, range: '0:6-0:11'}])
  })
})

describe('shutdown', () => {
  test('shutdown then exit ends the process with code 0', async () => {
    expect(await client.shutdown()).toBe(0)
  })
})
