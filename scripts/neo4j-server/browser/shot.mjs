// Drives Neo4j Browser with Debian's chromium through playwright-core:
// logs in, runs one query, waits for its result and saves a screenshot.
//
// usage: node shot.mjs BROWSER_URL BOLT_URL USER PASSWORD QUERY OUT.png
// Prints the text of the result frame on stdout. CHROMIUM overrides the
// path of the browser (default /usr/bin/chromium).
import { chromium } from 'playwright-core'

const [url, bolt, user, password, query, out] = process.argv.slice(2)
if (!out) {
  console.error('usage: node shot.mjs BROWSER_URL BOLT_URL USER PASSWORD QUERY OUT.png')
  process.exit(2)
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
})
const fail = async (what, err) => {
  try { await page.screenshot({ path: out }) } catch {}
  console.error(`shot: ${what}: ${err.message.split('\n')[0]}`)
  await browser.close()
  process.exit(1)
}
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.setDefaultTimeout(60000)
try {
  await page.goto(url)
  await page.fill('input[data-testid="boltaddress"]', bolt)
  await page.fill('input[data-testid="username"]', user)
  await page.fill('input[data-testid="password"]', password)
  await page.click('button[data-testid="connect"]')
  // Browser opens the start guide once it is connected and ready.
  await page.waitForSelector('[data-testid="frameCommand"]:has-text(":play start")')
  await page.waitForTimeout(1000)
} catch (err) {
  await fail('logging in', err)
}
try {
  await page.click('#monaco-main-editor')
  await page.keyboard.type(query)
  await page.click('[data-testid="editor-Run"]')
  const frame = page.locator('[data-testid="frame"]', {
    has: page.locator('[data-testid="frameCommand"]', { hasText: query.split('\n')[0] })
  }).first()
  await frame.locator('[data-testid="frame-loaded-contents"]').waitFor()
  await page.waitForTimeout(1500) // let the graph layout settle for the picture
  console.log(await frame.innerText())
  await page.screenshot({ path: out })
} catch (err) {
  await fail('running the query', err)
}
await browser.close()
