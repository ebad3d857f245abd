// The web page in a real browser: Debian's Chromium driven by playwright-core, the page served by
// the real `soplint web` (bin/soplint.js), the core running in the page's Web Worker. The
// findings are compared with the CLI's on the same text, so the page is held to the same core.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type Browser, type BrowserContext, type Page, type Request} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bin, soplint} from './helpers.ts'

const chromiumPath = process.env.SOPLINT_CHROMIUM ?? '/usr/bin/chromium'
const artifacts = path.resolve('test/artifacts')
const example = readFileSync('examples/statement.md', 'utf8')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let server: ChildProcess
let origin: string
let browser: Browser
const requests: Request[] = []

interface PageFinding {
  ruleId: string
  level: string
  offset: number
  endOffset: number
  actual: string
  expected: string[]
  line: number
  column: number
}

beforeAll(async () => {
  server = spawn(process.execPath, [bin, 'web', '--port', '0'], {stdio: ['ignore', 'pipe', 'pipe']})
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout!.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve(out)
    })
    server.once('exit', (code) => reject(new Error(`soplint web exited with ${code}`)))
  })
  expect(line).toMatch(/^soplint: http:\/\/127\.0\.0\.1:\d+\/\n$/)
  origin = new URL(line.slice('soplint: '.length).trim()).origin
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
})

afterAll(async () => {
  await browser?.close()
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGINT')
    expect(await exited).toBe(0)
  }
})

/** A fresh browser profile (its own local storage) on the page, every request recorded. */
async function open(options: {colorScheme?: 'light' | 'dark'} = {}): Promise<{context: BrowserContext; page: Page}> {
  const context = await browser.newContext({colorScheme: options.colorScheme ?? 'light', viewport: {width: 1360, height: 900}})
  context.on('request', (request) => requests.push(request))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(origin + '/')
  await settled(page)
  expect(errors).toEqual([])
  return {context, page}
}

/** Wait until the findings shown are those of the editor's current text and settings. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as any).soplintPage?.settled === 'function')
  await page.evaluate(() => (window as any).soplintPage.settled())
}

const text = (page: Page) => page.evaluate<string>(() => (window as any).soplintPage.text())
const pageFindings = (page: Page) => page.evaluate<PageFinding[]>(() => (window as any).soplintPage.findings())
const listed = (page: Page) => page.$$eval('[data-testid=finding]', (items) => items.map((item) => ({rule: (item as HTMLElement).dataset.rule!, severity: (item as HTMLElement).dataset.severity!})))

/** Type into the editor as a user does: click it, then keys (the bulk as one input event, the end key by key). */
async function typeStatement(page: Page, statement: string): Promise<void> {
  await page.click('[data-testid=editor]')
  const tail = statement.slice(statement.lastIndexOf('\n', statement.length - 2) + 1)
  await page.keyboard.insertText(statement.slice(0, statement.length - tail.length))
  await page.keyboard.type(tail)
  await settled(page)
}

/** The CLI's findings for a file, as JSON (one run per file). */
const cliRuns = new Map<string, PageFinding[]>()
function cliFindings(file: string): PageFinding[] {
  if (!cliRuns.has(file)) cliRuns.set(file, JSON.parse(soplint(['-f', 'json', '--no-config-lookup', file]).stdout)[0].messages)
  return cliRuns.get(file)!
}

const key = (m: {ruleId: string; offset: number; endOffset: number; actual: string; level: string}) => `${m.ruleId} ${m.offset}-${m.endOffset} ${m.level} ${JSON.stringify(m.actual)}`

describe('the web page', {timeout: 60_000}, () => {
  it('finds in the example statement, typed into the editor, exactly what the CLI finds, and applies a fix', async () => {
    const {context, page} = await open()
    await typeStatement(page, example)
    expect(await text(page)).toBe(example)
    const expected = cliFindings('examples/statement.md').map(key).sort()
    expect(expected.length).toBeGreaterThan(20)
    expect((await pageFindings(page)).map(key).sort()).toEqual(expected)
    const items = await listed(page)
    expect(items.length).toBe(expected.length)
    expect(new Set(items.map((i) => i.rule))).toEqual(new Set(cliFindings('examples/statement.md').map((m) => m.ruleId)))
    for (const item of items) expect(['error', 'warning', 'info']).toContain(item.severity)
    // Inline highlights in the editor, one kind per level.
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0)
    await page.locator('[data-testid=word-count]').filter({hasText: /^\d/}).waitFor()
    expect(Number((await page.textContent('[data-testid=word-count]'))!.replace(/,/g, ''))).toBeGreaterThan(200)

    mkdirSync(artifacts, {recursive: true})
    await page.screenshot({path: path.join(artifacts, 'web.png')})
    await page.emulateMedia({colorScheme: 'dark'})
    await page.screenshot({path: path.join(artifacts, 'web-dark.png')})
    await page.emulateMedia({colorScheme: 'light'})

    // A fix from the list changes the text there and nowhere else, and its finding goes away.
    const finding = page.locator('[data-testid=finding][data-rule=repeated-word]')
    await expect.poll(() => finding.count(), {timeout: 20_000}).toBe(1)
    const before = await text(page)
    const [target] = (await pageFindings(page)).filter((f) => f.ruleId === 'repeated-word')
    expect(target.actual).toBe('The the')
    await finding.locator('[data-testid=fix]').click()
    await settled(page)
    const after = await text(page)
    expect(after).toBe(before.slice(0, target.offset) + target.expected[0] + before.slice(target.endOffset))
    expect(after).not.toContain('The the')
    expect(await finding.count()).toBe(0)
    // Ignore hides a finding from the list and the editor.
    const placeholders = await page.locator('[data-testid=finding][data-rule=placeholder]').count()
    await page.locator('[data-testid=finding][data-rule=placeholder] [data-testid=ignore]').first().click()
    expect(await page.locator('[data-testid=finding][data-rule=placeholder]').count()).toBe(placeholders - 1)
    await context.close()
  })

  it('opens a Word document and lints it as the CLI does', async () => {
    const {context, page} = await open()
    await page.setInputFiles('[data-testid=open-file]', 'fixtures/_formats/statement.docx')
    await expect.poll(() => text(page), {timeout: 20_000}).toContain('motion planning')
    await settled(page)
    // Word's bold survives as Markdown.
    expect(await text(page)).toContain('**motion planning**')
    const cli = cliFindings('fixtures/_formats/statement.docx')
    expect((await listed(page)).map((f) => f.rule).sort()).toEqual(cli.map((m) => m.ruleId).sort())
    const repeated = (await pageFindings(page)).filter((f) => f.ruleId === 'repeated-word').map((f) => f.actual)
    expect(repeated).toEqual(cli.filter((m) => m.ruleId === 'repeated-word').map((m) => m.actual))
    await context.close()
  })

  it('opens a LaTeX file, lints only its prose and points into the source', async () => {
    const dir = path.join(tmpdir(), `soplint-web-${process.pid}`)
    mkdirSync(dir, {recursive: true})
    const file = path.join(dir, 'statement.tex')
    const tex = [
      '\\documentclass{article}',
      '\\usepackage{hyperref} % the the',
      '\\begin{document}',
      '\\section{Motivation}',
      'During my internship I learned to cope up with deadlines, and the the results were \\textbf{state of art} for',
      'our team. I built a parser in C++ that reads $x_1$ and \\cite{knuth84} in under a second.',
      '\\end{document}',
      ''
    ].join('\n')
    writeFileSync(file, tex)
    const {context, page} = await open()
    await page.setInputFiles('[data-testid=open-file]', file)
    await expect.poll(() => text(page), {timeout: 20_000}).toBe(tex)
    await settled(page)
    expect(await page.inputValue('[data-testid=format]')).toBe('tex')
    const found = await pageFindings(page)
    expect(found.map(key).sort()).toEqual(cliFindings(file).map(key).sort())
    for (const f of found) expect(tex.slice(f.offset, f.endOffset)).toBe(f.actual)
    const rules = found.map((f) => f.ruleId)
    expect(rules).toContain('grammar-slip')
    expect(rules).toContain('repeated-word')
    // The comment in the preamble is not prose.
    expect(found.every((f) => f.offset > tex.indexOf('\\begin{document}'))).toBe(true)
    await context.close()
  })

  it('judges the length by the kind chosen', async () => {
    const {context, page} = await open()
    const sentence = 'My thesis measured how soil moisture sensors drift over a growing season in three fields near Pune. '
    const statement = Array.from({length: 30}, (_, i) => (i % 5 === 4 ? sentence + '\n\n' : sentence)).join('')
    await page.click('[data-testid=editor]')
    await page.keyboard.insertText(statement)
    await settled(page)
    const words = Number((await page.textContent('[data-testid=word-count]'))!.replace(/,/g, ''))
    expect(words).toBeGreaterThan(400)
    expect(words).toBeLessThan(1000)
    expect(await page.locator('[data-testid=finding][data-rule=length]').count()).toBe(0)
    await page.selectOption('[data-testid=kind]', 'cover-letter')
    await settled(page)
    const length = page.locator('[data-testid=finding][data-rule=length]')
    expect(await length.count()).toBe(1)
    expect(await length.textContent()).toContain('cover-letter')
    // A limit of the writer's own makes it a warning.
    await page.fill('[data-testid=limit]', '450')
    await settled(page)
    expect(await length.getAttribute('data-severity')).toBe('warning')
    await page.selectOption('[data-testid=kind]', 'research-statement')
    await page.fill('[data-testid=limit]', '')
    await settled(page)
    // Too short for a research statement (600 words at least).
    expect(await length.textContent()).toContain('fewer than the 600 usual for a research-statement')
    expect(await length.getAttribute('data-severity')).toBe('info')
    await page.selectOption('[data-testid=kind]', 'personal-statement')
    await settled(page)
    expect(await length.count()).toBe(0)
    await context.close()
  })

  it('keeps the draft over a reload, and forgets it on clear', async () => {
    const {context, page} = await open()
    await page.click('[data-testid=editor]')
    await page.keyboard.type('I am writing to express my interest in the program.')
    await page.selectOption('[data-testid=kind]', 'personal-statement')
    await settled(page)
    await page.waitForFunction(() => localStorage.length > 0)
    await page.reload()
    await settled(page)
    expect(await text(page)).toBe('I am writing to express my interest in the program.')
    expect(await page.inputValue('[data-testid=kind]')).toBe('personal-statement')
    expect((await listed(page)).length).toBeGreaterThan(0)
    // Download gives the text as a Markdown file, made in the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download]')])
    expect(download.suggestedFilename()).toBe('statement.md')
    expect(readFileSync((await download.path())!, 'utf8')).toBe('I am writing to express my interest in the program.')
    await page.click('[data-testid=clear]')
    await settled(page)
    await page.reload()
    await settled(page)
    expect(await text(page)).toBe('')
    expect(await listed(page)).toEqual([])
    await context.close()
  })

  it('turns rich text pasted from Google Docs into Markdown that keeps bold and italics', async () => {
    const {context, page} = await open()
    await page.click('[data-testid=editor]')
    // What Google Docs puts on the clipboard: a bold wrapper that is not bold, styles on spans.
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400;">I built a </span><span style="font-weight:700;">sensor network</span><span style="font-weight:400;"> for </span><span style="font-style:italic;font-weight:400;">three farms</span><span style="font-weight:400;">.</span></p></b>'
    await page.evaluate((value) => {
      const data = new DataTransfer()
      data.setData('text/html', value)
      data.setData('text/plain', 'I built a sensor network for three farms.')
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}))
    }, html)
    await expect.poll(() => text(page), {timeout: 20_000}).toBe('I built a **sensor network** for *three farms*.')
    // A file dropped on the page opens as if picked.
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['We we measured the drift.\n'], 'notes.txt', {type: 'text/plain'}))
      document.querySelector('.editor')!.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}))
    })
    await expect.poll(() => text(page), {timeout: 20_000}).toBe('We we measured the drift.\n')
    expect(await page.inputValue('[data-testid=format]')).toBe('txt')
    await settled(page)
    expect((await listed(page)).map((f) => f.rule)).toContain('repeated-word')
    await context.close()
  })

  it('is accessible: axe-core finds nothing serious in light or dark mode, and the fix is reachable by keyboard', async () => {
    const {context, page} = await open()
    await page.click('[data-testid=editor]')
    await page.keyboard.insertText(example)
    await settled(page)
    await page.evaluate(axeSource)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme})
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, {resultTypes: ['violations']})
        return result.violations.map((v: any) => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' '))}))
      })
      expect(violations.filter((v: {impact: string}) => v.impact === 'serious' || v.impact === 'critical'), colorScheme).toEqual([])
    }
    // Keyboard only: from the editor, Tab reaches the findings' buttons; Enter applies a fix.
    await page.click('[data-testid=editor]')
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.closest('[data-testid=finding]') != null)
    }
    expect(reached).toBe(true)
    const fixes = await page.locator('[data-testid=fix]').count()
    await page.locator('[data-testid=finding] [data-testid=fix]').first().focus()
    await page.keyboard.press('Enter')
    await settled(page)
    expect(await page.locator('[data-testid=fix]').count()).toBeLessThan(fixes)
    await context.close()
  })

  it('reports what needs no large data before the misspellings list arrives, then the rest', async () => {
    const context = await browser.newContext({serviceWorkers: 'block'})
    context.on('request', (request) => requests.push(request))
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let asked = false
    await context.route(/\/chunks\/misspellings-[A-Z0-9]+\.js$/, async (route) => {
      asked = true
      await held
      await route.continue()
    })
    const page = await context.newPage()
    await page.goto(origin + '/')
    await page.click('[data-testid=editor]')
    await page.keyboard.insertText('I recieved the the award in 2024.')
    await page.locator('[data-testid=finding][data-rule=repeated-word]').waitFor()
    expect(asked).toBe(true)
    expect(await page.textContent('[data-testid=status]')).toContain('more checks loading')
    // Typing still gets findings while the list is on its way.
    await page.keyboard.insertText(' We we won.')
    await expect.poll(() => page.locator('[data-testid=finding][data-rule=repeated-word]').count(), {timeout: 20_000}).toBe(2)
    expect(await page.locator('[data-testid=finding][data-rule=spelling]').count()).toBe(0)
    release()
    await settled(page)
    expect(await page.locator('[data-testid=finding][data-rule=spelling]').count()).toBe(1)
    expect(await page.textContent('[data-testid=status]')).not.toContain('loading')
    await context.close()
  })

  it('works offline after the first visit', async () => {
    const {context, page} = await open()
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || caches.keys().then((k) => k.length > 0))
    await context.setOffline(true)
    await page.reload()
    await settled(page)
    await page.click('[data-testid=editor]')
    await page.keyboard.insertText('I am writing to express my interest in the the program.')
    await settled(page)
    expect((await listed(page)).map((f) => f.rule)).toContain('repeated-word')
    await context.close()
  })

  it('sends no request to any origin but its own', () => {
    expect(requests.length).toBeGreaterThan(10)
    const elsewhere = requests.map((r) => r.url()).filter((url) => !url.startsWith(origin + '/') && !url.startsWith('blob:') && !url.startsWith('data:'))
    expect(elsewhere).toEqual([])
  })
})
