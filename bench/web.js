// The web page in Chromium, served by `soplint web`: what it transfers (gzip, as the server sends
// it), the time to the first findings on a cold load, and the time from a keystroke to updated
// findings on a 1,000-word statement (the lint runs in the page's Web Worker). A benchmark, not a
// test: it prints figures and asserts nothing.
//
//   npm run build && node bench/web.js [--cold 7] [--keys 80] [--json file]
//
// It needs playwright-core (a devDependency) and a Chromium: /usr/bin/chromium (Debian's
// package), or the path in SOPLINT_CHROMIUM. It downloads no browser.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {countWords, document} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const COLD = Number(arg('cold', 7))
const KEYS = Number(arg('keys', 80))
const chromiumPath = process.env.SOPLINT_CHROMIUM ?? '/usr/bin/chromium'
const log = (line = '') => process.stdout.write(line + '\n')

if (!existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
  log('the web page is not built: run `npm run build`')
  process.exit(2)
}
if (!existsSync(chromiumPath)) {
  log(`no Chromium at ${chromiumPath} (apt-get install chromium, or set SOPLINT_CHROMIUM)`)
  process.exit(2)
}

const {chromium} = await import('playwright-core')
const server = spawn(process.execPath, [path.join(root, 'bin', 'soplint.js'), 'web', '--port', '0'], {stdio: ['ignore', 'pipe', 'inherit']})
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => resolve(String(chunk).trim().replace(/^soplint: /, '')))
  server.once('exit', (code) => reject(new Error(`soplint web exited with ${code}`)))
})
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})

// The 1,000-word statement: the benchmark corpus's generator, seeded.
const statement = document(1000, 23)
const results = {statementWords: countWords(statement)}

try {
  results.transfer = await transfer()
  results.cold = await cold()
  results.keystroke = await keystrokes()
} finally {
  await browser.close()
  server.kill('SIGINT')
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
const ms = (value) => `${value.toFixed(0)} ms`
log(`transfer, gzip (what soplint web sends; ${results.transfer.files} files for a Markdown draft):`)
log(`  page (HTML, CSS, editor script)                 ${kB(results.transfer.page).padStart(10)}`)
log(`  linting worker (core, rules, phrase lists)      ${kB(results.transfer.worker).padStart(10)}`)
log(`  misspellings list (fetched after the first lint) ${kB(results.transfer.misspellings).padStart(9)}`)
log(`  total before the first findings                 ${kB(results.transfer.beforeFirstFindings).padStart(10)}`)
log(`  total for every rule                            ${kB(results.transfer.total).padStart(10)}`)
log(`  on first use: LaTeX reader ${kB(results.transfer.latex)}, Word reader ${kB(results.transfer.docx)}`)
log(`cold load to first findings (${results.statementWords}-word draft in local storage, empty cache; median of ${COLD}):`)
log(`  editor ready ${ms(results.cold.editor)}, first findings ${ms(results.cold.firstFindings)}, every rule ${ms(results.cold.allFindings)}`)
log(`keystroke -> updated findings on the ${results.statementWords}-word statement (${KEYS} keystrokes): median ${results.keystroke.median.toFixed(1)} ms, p95 ${results.keystroke.p95.toFixed(1)} ms`)
log(`  of which the lint in the worker: median ${results.keystroke.lintInWorker.median.toFixed(1)} ms, p95 ${results.keystroke.lintInWorker.p95.toFixed(1)} ms`)
const json = arg('json')
if (json) writeFileSync(json, JSON.stringify(results, null, 2) + '\n')

/** A fresh profile (empty cache, no service worker yet) with the statement as the saved draft. */
async function freshPage() {
  const context = await browser.newContext({serviceWorkers: 'block'})
  await context.addInitScript((text) => {
    localStorage.setItem('soplint.draft.v1', JSON.stringify({text, format: 'md', settings: {kind: 'sop', target: '', limit: 0}}))
    // The moment the first finding is in the list, in the page's own clock.
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=finding]')) {
        window.firstFindingAt = performance.now()
        observer.disconnect()
      }
    }).observe(document, {childList: true, subtree: true})
  }, statement)
  return {context, page: await context.newPage()}
}

async function settled(page) {
  await page.waitForFunction(() => typeof window.soplintPage?.settled === 'function')
  await page.evaluate(() => window.soplintPage.settled())
}

async function transfer() {
  const {context, page: tab} = await freshPage()
  // Requests of the page and of its workers, in order; sizes are what the server sends for each.
  const requested = []
  let firstFindings = Infinity
  context.on('request', (request) => requested.push({url: request.url().slice(url.length), at: Date.now()}))
  await tab.goto(url)
  await tab.waitForSelector('[data-testid=finding]')
  firstFindings = Date.now()
  await settled(tab)
  // The two readers load on the first file of their format.
  await tab.selectOption('[data-testid=format]', 'tex')
  await settled(tab)
  await tab.setInputFiles('[data-testid=open-file]', path.join(root, 'fixtures', '_formats', 'statement.docx'))
  await tab.waitForFunction(() => window.soplintPage.text().includes('motion planning'))
  await settled(tab)
  await context.close()
  const seen = new Map()
  for (const r of requested) if (!seen.has(r.url)) seen.set(r.url, {...r, bytes: await gzipSize(r.url)})
  const sizes = [...seen.values()]
  const sum = (set) => sizes.filter((s) => set.has(s.url)).reduce((total, s) => total + s.bytes, 0)
  // Which file loads with which part, from the build's own import graph (dist/web-meta.json).
  const graph = JSON.parse(readFileSync(path.join(root, 'dist', 'web-meta.json'), 'utf8')).outputs
  const closure = (entries, exclude = new Set()) => {
    const out = new Set()
    const visit = (file) => {
      if (out.has(file) || exclude.has(file)) return
      out.add(file)
      for (const i of graph[`dist/web/${file}`]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path.replace(/^dist\/web\//, ''))
    }
    entries.forEach(visit)
    return out
  }
  const named = (name) => Object.keys(graph).map((f) => f.replace(/^dist\/web\//, '')).filter((f) => new RegExp(`^chunks/${name}-[A-Z0-9]+\\.js$`).test(f))
  const page = closure(['', 'index.html', 'style.css', 'icon.svg', 'boot.js', 'main.js'])
  const worker = closure(['worker.js'], page)
  const misspellings = closure(named('misspellings'), new Set([...page, ...worker]))
  const latex = closure(named('latex'), new Set([...page, ...worker]))
  const docx = closure([...named('docx'), ...named('markdown')], new Set([...page, ...worker]))
  const before = new Set(sizes.filter((s) => s.at <= firstFindings).map((s) => s.url))
  return {
    files: page.size + worker.size - 1,
    page: sum(page),
    worker: sum(worker),
    misspellings: sum(misspellings),
    latex: sum(latex),
    docx: sum(docx),
    beforeFirstFindings: sum(new Set([...before].filter((f) => page.has(f) || worker.has(f)))),
    total: sum(new Set([...page, ...worker, ...misspellings])),
    requests: sizes.map(({url, bytes}) => ({url, bytes}))
  }
}

/** The bytes soplint web sends for a path to a browser that accepts gzip. */
async function gzipSize(file) {
  const response = await fetch(url + file, {headers: {'Accept-Encoding': 'gzip'}})
  const body = await response.arrayBuffer()
  return Number(response.headers.get('content-length') ?? body.byteLength)
}

async function cold() {
  const runs = []
  for (let i = 0; i < COLD; i++) {
    const {context, page} = await freshPage()
    await page.goto(url)
    await page.waitForSelector('.cm-content')
    const editor = await page.evaluate(() => performance.now())
    await page.waitForSelector('[data-testid=finding]')
    await settled(page)
    const [firstFindings, allFindings] = await page.evaluate(() => [window.firstFindingAt, performance.now()])
    runs.push({editor, firstFindings, allFindings})
    await context.close()
  }
  const med = (key) => median(runs.map((r) => r[key]))
  return {editor: med('editor'), firstFindings: med('firstFindings'), allFindings: med('allFindings'), runs}
}

async function keystrokes() {
  const {context, page} = await freshPage()
  await page.goto(url)
  await settled(page)
  await page.evaluate(() => {
    window.keyTimes = []
    let pressed
    document.addEventListener('keydown', () => (pressed = performance.now()), true)
    addEventListener('soplint:findings', () => {
      if (pressed !== undefined) {
        window.keyTimes.push(performance.now() - pressed)
        pressed = undefined
      }
    })
  })
  // Type inside a paragraph near the top (the click puts the cursor there): a letter, then delete
  // it, each keystroke waiting for its findings, as a writer pausing between words.
  await page.click('.cm-line:nth-child(3)')
  const lints = []
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'KeyS')
    await settled(page)
    lints.push(await page.evaluate(() => window.soplintPage.lastLintMs()))
  }
  const times = await page.evaluate(() => window.keyTimes)
  await context.close()
  return {...percentiles(times), samples: times.length, lintInWorker: percentiles(lints)}
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return {median: median(sorted), p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]}
}

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return NaN
  const mid = v.length >> 1
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}
