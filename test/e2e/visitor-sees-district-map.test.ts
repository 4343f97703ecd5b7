// Journey: a leader opens Gridwatch on an intranet with no internet, signs in, and sees the demo district drawn
// with every layer.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer, SCREENSHOT_DIR } from './harness.ts'

const skipReason = browserUnavailableReason()

async function signInThroughHeader(page: Page, username: string) {
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('gridwatch-demo')
  await page.getByRole('form', { name: '登录 Gridwatch' }).getByRole('button', { name: '登录', exact: true }).click()
  await page.getByText('演示领导').waitFor()
}

describe.skipIf(skipReason !== undefined)('a visitor opens the district map', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const foreignRequests: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    page.on('request', (req) => {
      const url = req.url()
      if (!url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url)
    })
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    await page.goto(`${server.baseUrl}/#14/30.6598/104.0633`)
    await signInThroughHeader(page, 'leader')
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const renderedCount = (layer: string) =>
    page.evaluate((id) => {
      const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (o: { layers: string[] }) => unknown[] } } }).__gridwatch.map
      return map.queryRenderedFeatures({ layers: [id] }).length
    }, layer)

  test('draws streets, lamps, incidents, density and zones from the local server', async () => {
    for (const layer of ['streets-category', 'lamps', 'zones-outline']) {
      expect(await renderedCount(layer), layer).toBeGreaterThan(0)
    }
    const incidents = (await renderedCount('incidents-clusters')) + (await renderedCount('incidents-points'))
    expect(incidents).toBeGreaterThan(0)
    expect(await renderedCount('incidents-density')).toBeGreaterThan(0)
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'district-map.png') })
  })

  test('draws the basemap offline and never asks the internet for anything', async () => {
    expect(await renderedCount('base-buildings')).toBeGreaterThan(0)
    expect(foreignRequests).toEqual([])
    expect(pageErrors).toEqual([])
  })

  test('speaks Chinese by default and labels the demonstration data', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await expect(page.getByText('演示数据').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('示范街').first().isVisible()).resolves.toBe(true)
  })
})
