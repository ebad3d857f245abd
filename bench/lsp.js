// Language server latency and memory: the time from a didChange on a 1,000-word statement to
// the publishDiagnostics for that version, and the server's resident memory over a long
// editing session. A benchmark, not a test: it prints figures and asserts nothing.
//
//   npm run build && node bench/lsp.js [--edits 300] [--session 3000]
//
// Plain node: a minimal JSON-RPC client over the server's stdio, no dependencies.
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const EDITS = arg('edits', 300)
const SESSION = arg('session', 3000)

// A statement of about 1,000 words, written for this benchmark: varied sentences, a few of the
// slips the rules look for, Markdown paragraphs and a heading.
function statement(words) {
  const subjects = ['My research', 'The project', 'Our team', 'This work', 'The thesis', 'My internship', 'The lab', 'That course']
  const verbs = ['measured', 'improved', 'replaced', 'modelled', 'documented', 'tested', 'reduced', 'extended']
  const objects = ['the latency of a sensor network', 'the error rate of a speech model', 'a survey of 400 farmers', 'the cost of cloud storage', 'a parser for legal contracts', 'the memory use of a compiler', 'a study of river pollution', 'the accuracy of crop forecasts']
  const tails = ['by 30 percent in six months.', 'with a team of four students.', 'and the results were quite good.', 'using open data from the city.', 'which taught me to test every claim.', 'and I presented it at a workshop.', 'although the the first version failed.', 'in a way I think that others can reuse.']
  const paragraphs = ['# Statement of purpose']
  let count = 3
  let i = 0
  while (count < words) {
    const sentences = []
    for (let s = 0; s < 6 && count < words; s++, i++) {
      const sentence = `${subjects[i % 8]} ${verbs[(i * 3) % 8]} ${objects[(i * 5) % 8]} ${tails[(i * 7) % 8]}`
      sentences.push(sentence)
      count += sentence.split(/\s+/).length
    }
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n') + '\n'
}

function startServer(initializationOptions) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'soplint.js'), 'lsp', '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  let buffer = Buffer.alloc(0)
  let nextId = 1
  const pending = new Map()
  const listeners = new Set()
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1])
      if (buffer.length < end + 4 + length) return
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
      buffer = buffer.subarray(end + 4 + length)
      const now = performance.now()
      if (message.id !== undefined && message.method) {
        // A request from the server: answer configuration with nothing, everything else with null.
        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null
        send({jsonrpc: '2.0', id: message.id, result})
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message)
        pending.delete(message.id)
      } else {
        for (const listener of listeners) listener(message, now)
      }
    }
  })
  const send = (message) => {
    const body = JSON.stringify(message)
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }
  const server = {
    child,
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++
        pending.set(id, resolve)
        send({jsonrpc: '2.0', id, method, params})
      }),
    notify: (method, params) => send({jsonrpc: '2.0', method, params}),
    /** Resolves with the time the diagnostics for `uri` at `version` arrived. */
    diagnostics: (uri, version) =>
      new Promise((resolve) => {
        const listener = (message, at) => {
          if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri && message.params.version === version) {
            listeners.delete(listener)
            resolve({at, count: message.params.diagnostics.length})
          }
        }
        listeners.add(listener)
      }),
    async close() {
      await server.request('shutdown')
      server.notify('exit')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  }
  return server
}

async function initialize(server, folder) {
  await server.request('initialize', {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: server.options})
  server.notify('initialized', {})
}

function rss(pid) {
  const status = `/proc/${pid}/status`
  if (!existsSync(status)) return NaN
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))
  return match ? Number(match[1]) / 1024 : NaN
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const ms = (value) => value.toFixed(1) + ' ms'

/** Edit, wait for that version's diagnostics, repeat; returns the latencies. */
async function editLoop(server, uri, text, version, count) {
  const latencies = []
  let current = text
  for (let i = 0; i < count; i++) {
    // Alternately type a word at the end of the first paragraph and delete it again.
    const line = 2
    const at = current.split('\n')[line].length
    const insert = i % 2 === 0
    const change = insert
      ? {range: {start: {line, character: at}, end: {line, character: at}}, text: ' extra'}
      : {range: {start: {line, character: at - 6}, end: {line, character: at}}, text: ''}
    const lines = current.split('\n')
    lines[line] = insert ? lines[line] + ' extra' : lines[line].slice(0, -6)
    current = lines.join('\n')
    version++
    const arrived = server.diagnostics(uri, version)
    const sent = performance.now()
    server.notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
    const {at: time} = await arrived
    latencies.push(time - sent)
  }
  return {latencies, version}
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'soplint-bench-lsp-'))
const text = statement(1000)
const words = text.split(/\s+/).filter((w) => /\w/.test(w)).length
const uri = pathToFileURL(path.join(folder, 'statement.md')).href
console.log(`soplint language server benchmark: ${words}-word statement, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`)

// 1. Start-up and the first diagnostics.
{
  const t0 = performance.now()
  const server = startServer()
  server.options = {soplint: {debounce: 0}}
  await initialize(server, folder)
  const tInit = performance.now()
  const first = server.diagnostics(uri, 1)
  server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
  const {at, count} = await first
  console.log(`start-up: initialize answered ${ms(tInit - t0)} after spawn; first diagnostics (${count}) ${ms(at - tInit)} after didOpen`)

  // 2. didChange -> publishDiagnostics with the debounce set to 0: the server's own work.
  await editLoop(server, uri, text, 1, 20) // warm-up
  const {latencies} = await editLoop(server, uri, text, 21, EDITS)
  console.log(`didChange -> publishDiagnostics, debounce 0 (${EDITS} edits): median ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`)
  await server.close()
}

// 3. The same with the default debounce (200 ms), to show what an editor sees.
{
  const server = startServer()
  await initialize(server, folder)
  server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
  await server.diagnostics(uri, 1)
  const {latencies} = await editLoop(server, uri, text, 1, 40)
  console.log(`didChange -> publishDiagnostics, default debounce 200 ms (40 edits): median ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`)
  await server.close()
}

// 4. Memory over a long session: edits to one statement, and other documents opened and closed.
{
  const server = startServer()
  server.options = {soplint: {debounce: 0}}
  await initialize(server, folder)
  server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
  await server.diagnostics(uri, 1)
  let version = 1
  const samples = []
  const step = Math.max(1, Math.floor(SESSION / 10))
  for (let done = 0; done < SESSION; done += step) {
    ;({version} = await editLoop(server, uri, text, version, step))
    for (let k = 0; k < 20; k++) {
      const other = pathToFileURL(path.join(folder, `other-${done}-${k}.md`)).href
      const opened = server.diagnostics(other, 1)
      server.notify('textDocument/didOpen', {textDocument: {uri: other, languageId: 'markdown', version: 1, text: text.slice(0, 2000)}})
      await opened
      server.notify('textDocument/didClose', {textDocument: {uri: other}})
    }
    await server.request('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 5}})
    samples.push(rss(server.child.pid))
  }
  const opened = (SESSION / step) * 20
  console.log(`memory over ${SESSION} edits and ${opened} documents opened and closed: RSS ${samples.map((m) => m.toFixed(0)).join(', ')} MB`)
  await server.close()
}

rmSync(folder, {recursive: true, force: true})
