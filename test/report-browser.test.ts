// The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser
// download; .ci/run installs chromium when it is missing). The report is made by the real bin.
import {readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {chromium, type Browser, type Page} from 'playwright-core'
import {soplint, workspace} from './helpers.ts'

const draft1 = readFileSync('test/report/draft-1.md', 'utf8')
// A byte order mark, CRLF line ends, a tab, emoji and non-Latin text before the findings.
const awkward = '\uFEFF# Заявление 研究\r\n\r\nI study\tparsing 🎓 of Czech 👩‍🔬 text. I ran the the tests and published in a reputed journal.\r\n\r\nMy goal is to change the world with better parsers.\r\n'

let browser: Browser
let page: Page
let dir: string
let results: Array<{filePath: string; messages: Array<{ruleId: string; actual: string; message: string}>}>
const requests: string[] = []

beforeAll(async () => {
  dir = workspace({'draft.md': draft1, 'awkward.md': awkward})
  const made = soplint(['-f', 'html', '-o', 'report.html', 'draft.md', 'awkward.md'], {cwd: dir})
  expect(made.stderr).toBe('')
  results = JSON.parse(soplint(['-f', 'json', 'draft.md', 'awkward.md'], {cwd: dir}).stdout)
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  page = await browser.newPage({viewport: {width: 1100, height: 900}})
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(pathToFileURL(path.join(dir, 'report.html')).href)
})

afterAll(async () => {
  await browser?.close()
})

describe('html report', () => {
  it('marks every finding where it is: each highlight\'s text is the flagged text', async () => {
    for (const [n, result] of results.entries()) {
      const marks = await page.$$eval(`#file-${n + 1} mark.hl`, (els) => els.map((el) => ({id: el.id, rule: el.getAttribute('data-rule'), text: el.textContent})))
      const unmarked = await page.$$eval(`#file-${n + 1} ol.findings li span.place`, (els) => els.length)
      expect(marks.length + unmarked).toBe(result.messages.length)
      expect(marks.length).toBeGreaterThan(3)
      for (const mark of marks) {
        const index = Number(mark.id.split('-')[1])
        const m = result.messages[index]
        expect(mark.rule).toBe(m.ruleId)
        expect(mark.text).toBe(m.actual)
      }
    }
    const rules = await page.$$eval('#file-2 mark.hl', (els) => els.map((el) => `${el.getAttribute('data-rule')}:${el.textContent}`))
    expect(rules).toEqual(expect.arrayContaining(['repeated-word:the the', 'missing-specifics:a reputed journal', 'stock-phrase:change the world']))
  })

  it('shows a highlight\'s message on hover', async () => {
    const mark = page.locator('#file-1 mark[data-rule="repeated-word"]')
    await mark.hover()
    const tip = page.locator('#tip')
    await expect.poll(() => tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toBe('`the the` repeats a word; write `the` [repeated-word]')
    // The tip sits below the highlight.
    const [m, t] = await Promise.all([mark.boundingBox(), tip.boundingBox()])
    expect(t!.y).toBeGreaterThan(m!.y)
  })

  it('works with the keyboard: Tab reaches a highlight and shows its message, Enter goes to its entry', async () => {
    await page.locator('#file-1 h2').click()
    let active = ''
    for (let i = 0; i < 40 && !active.startsWith('MARK'); i++) {
      await page.keyboard.press('Tab')
      active = await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`)
    }
    expect(active).toMatch(/^MARK#f1-\d+$/)
    expect(await page.locator('#tip').isVisible()).toBe(true)
    const id = active.split('#')[1]
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${id}-item`)
    await page.keyboard.press('Enter') // the entry's link goes back to the highlight
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id)
    await page.keyboard.press('j')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK')
    await page.keyboard.press('Escape')
    expect(await page.locator('#tip').isVisible()).toBe(false)
  })

  it('groups findings by rule with rationale and example, and gives stats, score and a table of contents', async () => {
    expect(await page.locator('nav a').allTextContents()).toEqual(['draft.md', 'awkward.md'])
    const stock = page.locator('#f1-rule-stock-phrase')
    expect(await stock.locator('h4').textContent()).toBe('stock-phrase (7)')
    expect(await stock.locator('dl.example dt').allTextContents()).toEqual(['Before', 'After'])
    expect(await stock.locator('li').count()).toBe(7)
    expect(await page.locator('#file-1 .score .big span').textContent()).toMatch(/^\d+$/)
    expect(await page.locator('#file-1 .deductions li').first().textContent()).toMatch(/^-15 /)
    expect(await page.locator('#file-1 dl.stats').textContent()).toContain('123 / 400 (at least 300)')
  })

  it('makes no request beyond its own file', () => {
    expect(requests).toEqual([pathToFileURL(path.join(dir, 'report.html')).href])
  })

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.addScriptTag({content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8')})
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as {axe: {run(): Promise<{violations: Array<{id: string; impact: string; nodes: unknown[]}>}>}}).axe.run()
      return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))
    })
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })

  it('prints without the contents, the note and the highlight colours', async () => {
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('nav').isVisible()).toBe(false)
    const background = await page.locator('mark.hl').first().evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgba(0, 0, 0, 0)')
    await page.emulateMedia({media: 'screen'})
  })

  it('saves a screenshot to look at', async () => {
    await page.locator('#file-1 mark[data-rule="stock-phrase"]').first().hover()
    const file = path.join(tmpdir(), 'soplint-report.png')
    await page.screenshot({path: file})
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG')
    writeFileSync(path.join(tmpdir(), 'soplint-report-path.txt'), file)
  })
})
