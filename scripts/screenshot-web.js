// The README's picture of the web page (docs/web.png): the example statement in Chromium, served
// by soplint web, with a hover explanation open. Run after npm run build:
//
//   node scripts/screenshot-web.js [out.png]
//
// Needs playwright-core (a devDependency) and Chromium at /usr/bin/chromium or SOPLINT_CHROMIUM.
import {spawn} from 'node:child_process'
import path from 'node:path'
import {chromium} from 'playwright-core'

const out = path.resolve(process.argv[2] ?? 'docs/web.png')
const server = spawn(process.execPath, ['bin/soplint.js', 'web', '--port', '0'], {stdio: ['ignore', 'pipe', 'inherit']})
const url = await new Promise((resolve) => server.stdout.on('data', (chunk) => resolve(String(chunk).trim().replace(/^soplint: /, ''))))
const browser = await chromium.launch({
  executablePath: process.env.SOPLINT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 860}, colorScheme: 'light'})
  await page.goto(url)
  await page.click('[data-testid=example]')
  await page.waitForFunction(() => typeof window.soplintPage?.settled === 'function')
  await page.evaluate(() => window.soplintPage.settled())
  await page.click('[data-testid=editor]')
  await page.keyboard.press('Control+Home')
  await page.evaluate(() => window.scrollTo(0, 0))
  // Hover a flagged phrase so the picture shows an explanation with its fix.
  const mark = page.locator('.cm-lintRange-warning', {hasText: 'As we all know that'})
  await mark.hover()
  await page.waitForSelector('.cm-tooltip-hover')
  await page.screenshot({path: out})
  console.log(`wrote ${path.relative(process.cwd(), out)}`)
} finally {
  await browser.close()
  server.kill('SIGINT')
}
