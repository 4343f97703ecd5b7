// Journey: an administrator reads every tab in English, on a 1280 px screen and on a 390 px phone: no text is cut
// off. English labels run longer than Chinese ones, and a table or button row wider than the side panel hid its
// last columns ("Rework", "Overdue open") and buttons ("Download GeoJSON") before.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer } from './harness.ts'

const skipReason = browserUnavailableReason()
if (skipReason) console.warn(`english-text-fits: skipped, ${skipReason}`)

/** Every place in the side panel where text or a box is cut off: wider than its clipping box, or than the panel. */
const findClipped = (page: Page) =>
  page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.side-panel__body')
    if (!body) return ['no side panel']
    const panelRight = body.getBoundingClientRect().right
    const out: string[] = []
    for (const el of body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || el.closest('[hidden]')) continue
      const style = getComputedStyle(el)
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis'
      const text = (el.textContent ?? '').trim().slice(0, 40)
      // a one-line name shortened with an ellipsis on purpose keeps its whole text in a title
      const meant = style.textOverflow === 'ellipsis' && el.title !== ''
      if (clips && !meant && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className} cuts "${text}" (${el.scrollWidth} > ${el.clientWidth})`)
      // the outermost box that runs past the panel's edge (its children would only repeat it)
      const parent = el.parentElement
      if (box.right > panelRight + 1 && parent && parent.getBoundingClientRect().right <= panelRight + 1) out.push(`${el.tagName}.${el.className} runs past the panel: "${text}"`)
    }
    return out
  })

describe.skipIf(skipReason !== undefined)('English text fits', () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`nothing is cut off on any tab at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport, locale: 'en-US' })
      await page.goto(`${server.baseUrl}/`)
      await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByLabel('Username').fill('admin')
      await page.getByLabel('Password').fill('gridwatch-demo')
      await page.getByRole('form').getByRole('button', { name: 'Sign in', exact: true }).click()
      await page.getByRole('button', { name: 'Sign out' }).waitFor()
      const tabs = await page.getByRole('tab').allInnerTexts()
      expect(tabs.length).toBeGreaterThan(5)
      const clipped: string[] = []
      for (const tab of tabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click()
        // the slowest panel parts (the overview's league table and charts) have their data
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(500)
        for (const problem of await findClipped(page)) clipped.push(`${tab}: ${problem}`)
      }
      expect(clipped).toEqual([])
      await page.close()
    }, 180_000)
  }
})
