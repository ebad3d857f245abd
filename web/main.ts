// The page: a CodeMirror editor, the findings list, the writer's choices and the document's
// figures. It only translates: text and settings go to the linting worker (worker.ts), findings
// come back as the core's LintMessages and become editor diagnostics and list entries. Nothing is
// sent anywhere else; the draft is kept in this browser's local storage.
import {ChangeSet, EditorState, type Text} from '@codemirror/state'
import {EditorView, keymap, placeholder, drawSelection} from '@codemirror/view'
import {defaultKeymap, history, historyKeymap} from '@codemirror/commands'
import {lintKeymap, setDiagnostics, type Diagnostic} from '@codemirror/lint'
import type {Kind, LintMessage, TextStats} from '../src/index.ts'
import example from '../examples/statement.md'
import type {PageSettings, Reply, Request, RuleInfo} from './protocol.ts'

declare const SOPLINT_VERSION: string
type Format = 'md' | 'txt' | 'tex'

const storageKey = 'soplint.draft.v1'
const ignoredKey = 'soplint.ignored.v1'

/** What the page keeps in local storage. */
interface Draft {
  text: string
  format: Format
  settings: PageSettings
}

/** A finding placed in the current text (its offsets mapped through edits made while it was linted). */
interface Placed {
  message: LintMessage
  from: number
  to: number
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const kindSelect = $<HTMLSelectElement>('kind')
const targetInput = $<HTMLInputElement>('target')
const limitInput = $<HTMLInputElement>('limit')
const formatSelect = $<HTMLSelectElement>('format')
const fileInput = $<HTMLInputElement>('open-file')
const list = $<HTMLOListElement>('findings')
const status = $<HTMLParagraphElement>('status')
$('version').textContent = SOPLINT_VERSION

// boot.ts started the worker before this script loaded; without it (a page that omits boot.js), start it here.
const boot = (globalThis as unknown as {soplintBoot?: {worker: Worker; pending?: Extract<Request, {type: 'lint'}>; take(): MessageEvent[]}}).soplintBoot
const worker = boot?.worker ?? new Worker(new URL('./worker.js', import.meta.url), {type: 'module'})
let rules = new Map<string, RuleInfo>()
let requestId = 0
let shownId = 0
let statsId = 0
let lastLintMs = 0
let lastPartial = false
let dataLoaded = false
let ready = false
// The lint in flight, and every edit made since its text was sent; at most one lint runs at a
// time and the latest text is sent when it finishes, so typing never queues work.
let inflight: {id: number; changes: ChangeSet} | undefined
let dirty = false
let placed: Placed[] = []
// The message each item of the findings list stands for, by position, and what the list shows.
let listedMessages: LintMessage[] = []
let listSignature = ''
let lastRange = {min: 0, max: 0, kind: 'sop' as Kind}
let lastStats: TextStats | undefined
const ignored = new Set<string>(readJson<string[]>(ignoredKey) ?? [])
const pending = new Map<number, (reply: Reply) => void>()

const saved = readJson<Draft>(storageKey)
const editor = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: saved?.text ?? '',
    extensions: [
      history(),
      drawSelection(),
      EditorView.lineWrapping,
      placeholder('Type or paste your statement here, or open a file.'),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({tabindex: '0', 'data-testid': 'editor', 'aria-label': 'Your statement', 'aria-describedby': 'editor-hint', spellcheck: 'true'}),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return
        if (inflight) inflight.changes = inflight.changes.compose(update.changes)
        placed = placed.flatMap((p) => (update.changes.touchesRange(p.from, p.to) ? [] : [{...p, from: update.changes.mapPos(p.from, 1), to: update.changes.mapPos(p.to, -1)}]))
        requestLint()
        saveSoon()
      }),
      EditorView.domEventHandlers({paste: onPaste})
    ]
  })
})

if (saved) {
  kindSelect.value = saved.settings.kind
  targetInput.value = saved.settings.target
  limitInput.value = saved.settings.limit > 0 ? String(saved.settings.limit) : ''
  formatSelect.value = saved.format
}

/** The page's handle for tests and scripts: the editor's whole text (a virtualised editor renders only what is on screen). */
;(window as unknown as {soplintPage: object}).soplintPage = {
  text: () => editor.state.doc.toString(),
  findings: () => placed.filter(shown).map((p) => ({...p.message, offset: p.from, endOffset: p.to})),
  /** How long the worker took over the last lint, in ms (for the benchmark). */
  lastLintMs: () => lastLintMs,
  /** Resolves once the findings and figures shown are those of the current text and choices. */
  settled: () => new Promise<void>((resolve) => waitSettled(resolve))
}

// boot.ts asked for the saved draft's first lint; it is this page's first lint when the editor
// starts with that text and those settings (it does, unless storage changed in between).
if (boot?.pending) {
  requestId = boot.pending.id
  const same = boot.pending.text === editor.state.doc.toString() && boot.pending.format === formatSelect.value && JSON.stringify(boot.pending.settings) === JSON.stringify(settings())
  if (same) inflight = {id: boot.pending.id, changes: ChangeSet.empty(editor.state.doc.length)}
}

worker.onmessage = (event: MessageEvent<Reply>) => onReply(event.data)
for (const event of boot?.take() ?? []) onReply(event.data as Reply)

function onReply(reply: Reply): void {
  if (reply.type === 'ready') {
    rules = new Map(reply.rules.map((r) => [r.id, r]))
    ready = true
    if (!inflight) requestLint()
    return
  }
  if (reply.type === 'loaded') {
    // Every rule can run now: lint again if what is shown came from the others only.
    dataLoaded = true
    if (lastPartial) requestLint()
    return
  }
  const waiter = pending.get(reply.id)
  if (waiter) {
    pending.delete(reply.id)
    waiter(reply)
    return
  }
  // Figures arrive after the findings they belong with; only the latest lint's are shown.
  if (reply.type === 'stats') {
    if (reply.id === requestId || reply.id === shownId) {
      lastStats = reply.stats
      statsId = reply.id
      renderStats()
      if (isSettled()) for (const resolve of settledWaiters.splice(0)) resolve()
    }
    return
  }
  if (!inflight || reply.id !== inflight.id) return
  if (reply.type === 'findings') {
    shownId = reply.id
    lastLintMs = reply.lintMs
    lastPartial = reply.partial
    const changes = inflight.changes
    placed = reply.messages.flatMap((message) =>
      changes.touchesRange(message.offset, message.endOffset) && !changes.empty ? [] : [{message, from: changes.mapPos(message.offset, 1), to: changes.mapPos(message.endOffset, -1)}]
    )
    lastRange = {min: reply.minWords, max: reply.maxWords, kind: reply.kind}
    status.classList.remove('problem')
    render(reply.partial)
    // A lint that started before the data arrived ran without it: run it again, with every rule.
    if (reply.partial && dataLoaded) dirty = true
    finishLint()
  } else if (reply.type === 'problem') {
    placed = []
    statsId = shownId = reply.id
    render(false)
    status.textContent = reply.message
    status.classList.add('problem')
    finishLint()
  }
}

function finishLint(): void {
  inflight = undefined
  if (dirty) requestLint()
  else if (isSettled()) for (const resolve of settledWaiters.splice(0)) resolve()
}

const settledWaiters: Array<() => void> = []
function waitSettled(resolve: () => void): void {
  if (isSettled()) resolve()
  else settledWaiters.push(resolve)
}

// Settled: every rule has reported on the current text and choices, and the figures are its own.
function isSettled(): boolean {
  return ready && !inflight && !dirty && !lastPartial && statsId === shownId
}

function settings(): PageSettings {
  const limit = Number(limitInput.value)
  return {kind: kindSelect.value as Kind, target: targetInput.value, limit: Number.isFinite(limit) && limit > 0 ? Math.round(limit) : 0}
}

function requestLint(): void {
  if (!ready || inflight) {
    dirty = true
    return
  }
  dirty = false
  const text = editor.state.doc.toString()
  inflight = {id: ++requestId, changes: ChangeSet.empty(text.length)}
  post({type: 'lint', id: inflight.id, text, format: formatSelect.value as Format, settings: settings()})
}

function post(request: Request, transfer: Transferable[] = []): void {
  worker.postMessage(request, transfer)
}

/** Ask the worker for something that answers once (a .docx or pasted HTML as Markdown). */
function ask(request: Request, transfer: Transferable[] = []): Promise<Reply> {
  return new Promise((resolve) => {
    pending.set(request.id, resolve)
    post(request, transfer)
  })
}

const key = (m: LintMessage) => `${m.ruleId}\u0000${m.actual}`
const shown = (p: Placed) => !ignored.has(key(p.message))

// --- rendering ---

function render(partial: boolean): void {
  const visible = placed.filter(shown)
  editor.dispatch(setDiagnostics(editor.state, visible.map(diagnostic)))
  // The list is rebuilt only when what it shows changed: typing that moves findings without
  // changing them keeps the list as it is, with its open explanations and focus.
  const signature = visible.map((p) => `${key(p.message)}\u0000${p.message.message}\u0000${p.message.level}\u0000${lineOf(p)}\u0000${p.message.expected.join('\u0001')}`).join('\n')
  listedMessages = visible.map((p) => p.message)
  const focused = document.activeElement?.closest<HTMLElement>('.finding')
  const focusKey = focused ? `${focused.dataset.key}|${(document.activeElement as HTMLElement).dataset.testid ?? ''}` : undefined
  if (signature !== listSignature) list.replaceChildren(...visible.map((p, i) => findingItem(p, i)))
  listSignature = signature
  if (focusKey && !list.contains(document.activeElement)) {
    const [k, testid] = focusKey.split('|')
    const item = [...list.children].find((el) => (el as HTMLElement).dataset.key === k) as HTMLElement | undefined
    const target = (testid && item?.querySelector<HTMLElement>(`[data-testid="${testid}"]`)) || item?.querySelector<HTMLElement>('button')
    target?.focus()
  }
  const counts = {error: 0, warning: 0, info: 0}
  for (const p of visible) counts[p.message.level]++
  status.textContent =
    visible.length === 0
      ? partial
        ? 'Checking…'
        : editor.state.doc.length === 0
          ? 'Type or paste a statement to check it.'
          : 'No findings.'
      : `${visible.length} finding${visible.length === 1 ? '' : 's'}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info${partial ? ' (more checks loading…)' : ''}`
  const hidden = placed.length - visible.length
  $('ignored-line').hidden = hidden === 0
  $('ignored-count').textContent = `${hidden} ignored.`
  renderStats()
  // For scripts and the benchmark: the findings shown are now those of a new lint (or a change of what is ignored).
  dispatchEvent(new CustomEvent('soplint:findings', {detail: {count: visible.length, partial}}))
}

function diagnostic(p: Placed): Diagnostic {
  const m = p.message
  const actions = m.expected.length > 0 ? [{name: fixLabel(m.expected[0]), apply: (view: EditorView, from: number, to: number) => applyFix(view, from, to, m.actual, m.expected[0])}] : []
  return {
    from: p.from,
    to: Math.max(p.to, p.from),
    severity: m.level,
    source: m.ruleId,
    message: m.message,
    renderMessage: () => {
      const box = document.createElement('div')
      box.append(richText(m.message))
      const rationale = rules.get(m.ruleId)?.description
      if (rationale) box.append(element('p', {class: 'hover-rationale'}, rationale))
      return box
    },
    actions
  }
}

function fixLabel(replacement: string): string {
  return replacement === '' ? 'Delete' : `Replace with “${replacement}”`
}

function applyFix(view: EditorView, from: number, to: number, actual: string, replacement: string): void {
  if (view.state.sliceDoc(from, to) !== actual) return
  view.dispatch({changes: {from, to, insert: replacement}, selection: {anchor: from + replacement.length}, userEvent: 'input.fix'})
}

function lineOf(p: Placed): number {
  return editor.state.doc.lineAt(Math.min(p.from, editor.state.doc.length)).number
}

/** Where the finding shown at `index` in the list is now (the text may have changed since it was drawn). */
function currentAt(index: number): Placed | undefined {
  const message = listedMessages[index]
  return placed.find((p) => p.message === message)
}

function findingItem(p: Placed, index: number): HTMLLIElement {
  const m = p.message
  const rule = rules.get(m.ruleId)
  const item = element('li', {class: 'finding', 'data-testid': 'finding', 'data-rule': m.ruleId, 'data-severity': m.level, 'data-key': `${key(m)}\u0000${index}`})
  const head = element('div', {class: 'head'}, element('span', {class: 'level'}, m.level), element('span', {class: 'rule'}, m.ruleId), element('span', {class: 'where'}, `line ${lineOf(p)}`))
  const message = element('button', {type: 'button', class: 'message', 'data-testid': 'message', title: 'Show in the text'}, richText(m.message))
  message.addEventListener('click', () => {
    const now = currentAt(index)
    if (!now) return
    editor.dispatch({selection: {anchor: now.from, head: now.to}, effects: EditorView.scrollIntoView(now.from, {y: 'center'})})
    editor.focus()
  })
  item.append(head, message)
  if (rule) {
    const details = element('details', {}, element('summary', {}, 'Why'), element('p', {}, rule.rationale))
    if (rule.example.before) details.append(element('p', {class: 'example'}, element('strong', {}, 'Before: '), rule.example.before), element('p', {class: 'example'}, element('strong', {}, 'After: '), rule.example.after))
    item.append(details)
  }
  const buttons = element('div', {class: 'buttons'})
  m.expected.forEach((replacement, i) => {
    const button = element('button', {type: 'button', 'data-testid': i === 0 ? 'fix' : 'fix-alternative'}, fixLabel(replacement))
    button.addEventListener('click', () => {
      const now = currentAt(index)
      if (now) applyFix(editor, now.from, now.to, now.message.actual, replacement)
      editor.focus()
    })
    buttons.append(button)
  })
  const ignore = element('button', {type: 'button', 'data-testid': 'ignore', 'aria-label': `Ignore: ${m.message.replace(/`/g, '')}`}, 'Ignore')
  ignore.addEventListener('click', () => {
    ignored.add(key(m))
    writeJson(ignoredKey, [...ignored])
    render(false)
    list.querySelector<HTMLElement>('.finding button')?.focus()
  })
  buttons.append(ignore)
  item.append(buttons)
  return item
}

function renderStats(): void {
  const stats = lastStats
  const words = stats?.words ?? 0
  const wordCount = $('word-count')
  // Plain digits: scripts read this number (no thousands separator to trip a parseInt).
  wordCount.textContent = String(words)
  const limit = settings().limit
  const max = limit || lastRange.max
  $('word-range').textContent = limit ? `of ${limit.toLocaleString('en-US')}` : lastRange.max ? `(usual: ${lastRange.min.toLocaleString('en-US')}–${lastRange.max.toLocaleString('en-US')})` : ''
  wordCount.classList.toggle('over', max > 0 && words > max)
  $('sentence-count').textContent = String(stats?.sentences ?? 0)
  $('grade').textContent = stats?.grade == null ? '–' : stats.grade.toFixed(1)
  $('bold-share').textContent = `${Math.round((stats?.boldShare ?? 0) * 100)}%`
}

/** Text with `code` spans, as the core writes messages. */
function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment()
  text.split(/(`[^`]+`)/).forEach((part) => fragment.append(part.startsWith('`') && part.endsWith('`') && part.length > 1 ? element('code', {}, part.slice(1, -1)) : part))
  return fragment
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value)
  el.append(...children)
  return el
}

// --- files, paste, storage ---

async function openFile(file: File): Promise<void> {
  const name = file.name.toLowerCase()
  const ext = name.slice(name.lastIndexOf('.'))
  status.classList.remove('problem')
  // The CLI's limit too: a statement is never this long, and a file this large is not one.
  if (file.size > 5 * 1024 * 1024) return showProblem(`${file.name}: over 5 MB, too large for a statement`)
  if (ext === '.docx') {
    const reply = await ask({type: 'docx', id: ++requestId, bytes: await file.arrayBuffer()})
    if (reply.type === 'markdown') replaceText(reply.markdown, 'md')
    else if (reply.type === 'problem') showProblem(`${file.name}: ${reply.message}`)
    return
  }
  const format: Format | undefined = ext === '.tex' ? 'tex' : ext === '.txt' || ext === '.text' ? 'txt' : ext === '.md' || ext === '.markdown' ? 'md' : undefined
  if (!format) return showProblem(`${file.name}: soplint reads .md, .txt, .tex and .docx files`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return showProblem(`${file.name}: not UTF-8 text; save it as UTF-8 and open it again`)
  }
  replaceText(text, format)
}

function showProblem(message: string): void {
  status.textContent = message
  status.classList.add('problem')
}

function replaceText(text: string, format: Format): void {
  formatSelect.value = format
  // Replacing the whole text touches every finding in flight, so none is mapped onto the new one.
  editor.dispatch({changes: {from: 0, to: editor.state.doc.length, insert: text.replace(/^\uFEFF/, '')}, selection: {anchor: 0}, scrollIntoView: true})
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0]
  if (file) void openFile(file).finally(() => (fileInput.value = ''))
})

const editorBox = $('editor')
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return
  event.preventDefault()
  editorBox.classList.add('dragging')
})
document.addEventListener('dragleave', () => editorBox.classList.remove('dragging'))
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0]
  editorBox.classList.remove('dragging')
  if (!file) return
  event.preventDefault()
  void openFile(file)
})

// Rich text from Word or Google Docs arrives as HTML; its bold and italics become Markdown.
function onPaste(event: ClipboardEvent, view: EditorView): boolean {
  const html = event.clipboardData?.getData('text/html')
  if (!html || formatSelect.value !== 'md' || !/<(b|strong|i|em|h[1-6])\b|font-(weight|style)/i.test(html)) return false
  event.preventDefault()
  const {from, to} = view.state.selection.main
  const doc: Text = view.state.doc
  void ask({type: 'html', id: ++requestId, html}).then((reply) => {
    if (reply.type !== 'markdown') return
    // The text under the selection may have changed while converting; paste where it is now.
    const same = view.state.doc === doc
    const range = same ? {from, to} : view.state.selection.main
    view.dispatch({changes: {from: range.from, to: range.to, insert: reply.markdown}, selection: {anchor: range.from + reply.markdown.length}, userEvent: 'input.paste', scrollIntoView: true})
  })
  return true
}

let saveTimer: ReturnType<typeof setTimeout> | undefined
function saveSoon(): void {
  clearTimeout(saveTimer)
  saveTimer = setTimeout(save, 250)
}
function save(): void {
  const text = editor.state.doc.toString()
  if (text === '') return void forget(storageKey)
  writeJson(storageKey, {text, format: formatSelect.value as Format, settings: settings()} satisfies Draft)
}
addEventListener('pagehide', save)

function readJson<T>(name: string): T | undefined {
  try {
    const value = localStorage.getItem(name)
    return value ? (JSON.parse(value) as T) : undefined
  } catch {
    return undefined
  }
}
function forget(name: string): void {
  try {
    localStorage.removeItem(name)
  } catch {
    // Nothing was stored.
  }
}
function writeJson(name: string, value: unknown): void {
  try {
    localStorage.setItem(name, JSON.stringify(value))
  } catch {
    // Storage full or disabled (private windows): the page works, the draft is just not kept.
  }
}

for (const control of [kindSelect, formatSelect]) control.addEventListener('change', () => (requestLint(), save()))
for (const control of [targetInput, limitInput]) control.addEventListener('input', () => (requestLint(), saveSoon()))

$('download').addEventListener('click', () => {
  const format = formatSelect.value as Format
  const url = URL.createObjectURL(new Blob([editor.state.doc.toString()], {type: format === 'tex' ? 'application/x-tex' : format === 'txt' ? 'text/plain' : 'text/markdown'}))
  const link = element('a', {href: url, download: `statement.${format}`})
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
})

$('example').addEventListener('click', () => replaceText(example, 'md'))

$('clear').addEventListener('click', () => {
  editor.dispatch({changes: {from: 0, to: editor.state.doc.length, insert: ''}})
  ignored.clear()
  clearTimeout(saveTimer)
  forget(storageKey)
  forget(ignoredKey)
  status.textContent = 'Cleared: the draft is forgotten in this browser (Ctrl+Z in the editor brings the text back).'
  status.classList.remove('problem')
  editor.focus()
})

$('restore').addEventListener('click', () => {
  ignored.clear()
  writeJson(ignoredKey, [])
  render(false)
})

// Offline after the first visit: the service worker keeps a copy of every file of this build.
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
  navigator.serviceWorker.register('./sw.js').catch(() => undefined)
}
