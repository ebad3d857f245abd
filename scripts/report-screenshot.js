// The screenshot in docs/report.md: the HTML report of the two drafts in test/report/, opened in
// Debian's Chromium (playwright-core), with the note of one highlight showing.
// Usage: npm run build && node scripts/report-screenshot.js [out.png]
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium} from 'playwright-core'

const out = path.resolve(process.argv[2] ?? 'docs/report-screenshot.png')
const dir = mkdtempSync(path.join(tmpdir(), 'soplint-shot-'))
const report = path.join(dir, 'report.html')
spawnSync(process.execPath, ['bin/soplint.js', '-f', 'html', '-o', report, 'test/report/draft-1.md', 'test/report/draft-2.md'], {stdio: 'inherit'})
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']})
try {
  const page = await browser.newPage({viewport: {width: 1000, height: 1250}, deviceScaleFactor: 1})
  await page.goto(pathToFileURL(report).href)
  await page.locator('#file-1 h2').scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#file-1').offsetTop - 10))
  await page.locator('#file-1 mark[data-rule="missing-specifics"]').first().hover()
  await page.screenshot({path: out})
  console.log(out)
} finally {
  await browser.close()
  rmSync(dir, {recursive: true, force: true})
}
