// Journey: a leader opens Gridwatch on an intranet with no internet, signs in, sees the demo district drawn with
// the layers a leader starts with, and switches on the rest.
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
    // a leader starts with streets, zones and incidents; lamps and the heatmap are a switch away
    const lamps = page.getByRole('checkbox', { name: '路灯' })
    const density = page.getByRole('checkbox', { name: '事件密度' })
    expect(await lamps.isChecked()).toBe(false)
    expect(await density.isChecked()).toBe(false)
    expect(await page.getByRole('checkbox', { name: '事件上报' }).isChecked()).toBe(true)
    await lamps.check()
    await density.check()
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
    for (const layer of ['streets-category', 'zones-outline']) {
      expect(await renderedCount(layer), layer).toBeGreaterThan(0)
    }
    // at district zoom the vector tiles count lamps and incidents per cell; single ones come from zoom 15
    expect(await renderedCount('lamps-cells'), 'lamps-cells').toBeGreaterThan(0)
    expect(await renderedCount('incidents-clusters'), 'incidents-clusters').toBeGreaterThan(0)
    expect(await renderedCount('incidents-density')).toBeGreaterThan(0)
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'district-map.png') })
  })

  test('draws single lamps and incidents at street zoom, and opens a lamp’s record from the map', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as { __gridwatch: { map: { jumpTo: (o: { center: [number, number]; zoom: number }) => void; once: (e: 'idle', f: () => void) => void } } }).__gridwatch.map
          map.once('idle', () => resolve())
          map.jumpTo({ center: [104.0633, 30.6598], zoom: 17 })
        }),
    )
    await expect.poll(() => renderedCount('lamps'), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await renderedCount('incidents-points')).toBeGreaterThan(0)
    expect(await renderedCount('lamps-cells')).toBe(0)
    expect(await renderedCount('incidents-clusters')).toBe(0)

    // a lamp nearest the middle that is on top where it is drawn: clicking it opens its record
    const hit = await page.evaluate(() => {
      type Feature = { layer: { id: string }; id?: string | number; geometry: { type: string; coordinates: [number, number] } }
      const map = (window as unknown as {
        __gridwatch: {
          map: {
            queryRenderedFeatures: (...args: [{ layers: string[] }] | [[number, number]]) => Feature[]
            project: (c: [number, number]) => { x: number; y: number }
            getCanvas: () => { clientWidth: number; clientHeight: number }
          }
        }
      }).__gridwatch.map
      const { clientWidth: width, clientHeight: height } = map.getCanvas()
      const clear = map
        .queryRenderedFeatures({ layers: ['lamps'] })
        .map((f) => ({ id: f.id, at: map.project(f.geometry.coordinates) }))
        .filter(({ at }) => at.x > 40 && at.y > 200 && at.x < width - 60 && at.y < height - 40)
        .sort((a, b) => Math.hypot(a.at.x - width / 2, a.at.y - height / 2) - Math.hypot(b.at.x - width / 2, b.at.y - height / 2))
        .find(({ id, at }) => {
          const top = map.queryRenderedFeatures([at.x, at.y])[0]
          return top?.layer.id === 'lamps' && top.id === id
        })
      return clear && { id: String(clear.id), x: clear.at.x, y: clear.at.y }
    })
    if (!hit) throw new Error('no lamp drawn clear of others')
    const canvas = await page.locator('.maplibregl-canvas').boundingBox()
    if (!canvas) throw new Error('no map canvas')
    await page.mouse.click(canvas.x + hit.x, canvas.y + hit.y)
    await page.locator('.map-popup').getByText(`路灯 ${hit.id}`).waitFor({ timeout: 15_000 })
    await page.waitForTimeout(500) // let the popup settle before the picture
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'district-map-street.png') })
    await page.keyboard.press('Escape')
  }, 90_000)

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

  test('closing the sign-in dialog gives the focus back to the button that opened it', async () => {
    // an earlier step signed in to read a lamp's record: sign out first
    const signOut = page.getByRole('button', { name: '退出' })
    if (await signOut.count()) await signOut.click()
    const open = page.getByRole('button', { name: '登录' })
    await open.click({ timeout: 10_000 })
    await page.getByRole('form', { name: '登录 Gridwatch' }).waitFor({ timeout: 10_000 })
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null, undefined, { timeout: 10_000 })
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('登录')
  }, 30_000)

  test('the demonstration note folds to its badge, stays folded after a reload, and the badge opens it again', async () => {
    const note = page.locator('.demo-notice')
    await note.getByRole('button', { name: '收起' }).click()
    await expect(note.locator('.demo-notice__text').count()).resolves.toBe(0)
    await page.reload()
    const badge = page.locator('.demo-notice--folded').getByRole('button', { name: /演示数据/ })
    await badge.waitFor({ timeout: 15_000 })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'district-map-demo-note-folded.png') })
    await badge.click()
    await page.locator('.demo-notice__text').waitFor()
    expect(await page.locator('.demo-notice__text').innerText()).toContain('OpenStreetMap')
  }, 60_000)
})
