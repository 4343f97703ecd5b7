// Journey: a leader (领导) signs in, opens the overview, reads where incidents cluster significantly (Gi* hotspots
// with their legend, distance band and cell count), narrows the analysis to unlicensed street vending and sees the
// map follow, looks at the ten hottest cells and the twelve-month trend, and checks which units are named for
// lagging behind.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer, SCREENSHOT_DIR } from './harness.ts'

const skipReason = browserUnavailableReason()

async function signInThroughHeader(page: Page, username: string, displayName: string) {
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('gridwatch-demo')
  await page.getByRole('form', { name: '登录 Gridwatch' }).getByRole('button', { name: '登录', exact: true }).click()
  await page.getByText(displayName).waitFor()
}

interface RenderedCells {
  cells: number
  incidents: number
}

/** How many hotspot cells the map draws in view, and the incidents they hold. */
const readRenderedCells = (page: Page) =>
  page.evaluate((): RenderedCells => {
    type Rendered = { properties: Record<string, unknown> }
    const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (o: { layers: string[] }) => Rendered[] } } }).__gridwatch.map
    const features = map.queryRenderedFeatures({ layers: ['hotspots-fill'] })
    const incidents = features.reduce((sum, f) => sum + (typeof f.properties.count === 'number' ? f.properties.count : 0), 0)
    return { cells: features.length, incidents }
  })

/** Moves the map without animation, so a screenshot shows a settled view. */
const jumpTo = (page: Page, center: [number, number], zoom: number) =>
  page.evaluate(
    ([lng, lat, z]) => {
      const map = (window as unknown as { __gridwatch: { map: { jumpTo: (o: { center: [number, number]; zoom: number }) => void } } }).__gridwatch.map
      map.jumpTo({ center: [lng, lat], zoom: z })
    },
    [center[0], center[1], zoom] as const,
  )

const renderedCount = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (o: { layers: string[] }) => unknown[] } } }).__gridwatch.map
    return map.queryRenderedFeatures({ layers: [id] }).length
  }, layer)

// the middle of the demo district, zoomed so its hotspot pattern fills the map
const DISTRICT_CENTER: [number, number] = [104.086, 30.69]
const DISTRICT_ZOOM = 13.3

describe.skipIf(skipReason !== undefined)('a leader reviews the hotspots', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []
  const foreignRequests: string[] = []

  const bandLine = () => page.getByText(/^距离带 [\d,]+ m · [\d,]+ 个单元 · /)
  const incidentsLine = () => page.getByText(/^[\d,]+ 起事件 · /)

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    page.on('request', (req) => {
      const url = req.url()
      if (!url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url)
    })
    await page.goto(`${server.baseUrl}/`)
    await signInThroughHeader(page, 'leader', '演示领导')
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await page.getByRole('tab', { name: '领导总览' }).click()
    await bandLine().waitFor({ timeout: 60_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('shows the hotspot legend, the distance band and the cells on the map', async () => {
    const legend = page.getByRole('list', { name: '热点图例' })
    for (const label of ['99 % 热点', '95 % 热点', '90 % 热点', '不显著', '90 % 冷点', '95 % 冷点', '99 % 冷点']) {
      await expect(legend.getByText(label, { exact: true }).isVisible(), label).resolves.toBe(true)
    }
    expect(await bandLine().innerText()).toMatch(/^距离带 [\d,]+ m · [\d,]+ 个单元 · FDR 校正$/)
    await expect.poll(async () => (await readRenderedCells(page)).cells, { timeout: 30_000 }).toBeGreaterThan(0)
    // the density heatmap is a different picture and keeps its own name, out of the way in this view
    expect(await page.getByText('热点是统计检验的结果').isVisible()).toBe(true)
  })

  test('narrows the analysis to unlicensed street vending and sees the map follow', async () => {
    const before = await readRenderedCells(page)
    const incidentsBefore = await incidentsLine().innerText()
    await page.getByRole('checkbox', { name: '无照经营游商' }).check()
    await expect.poll(() => incidentsLine().innerText(), { timeout: 30_000 }).not.toBe(incidentsBefore)
    await expect.poll(async () => (await readRenderedCells(page)).incidents, { timeout: 30_000 }).toBeLessThan(before.incidents)
    expect((await readRenderedCells(page)).cells).toBeGreaterThan(0)
    // the analysis still speaks for itself: band and cell count for the new selection
    expect(await bandLine().innerText()).toMatch(/^距离带 [\d,]+ m · [\d,]+ 个单元 · FDR 校正$/)

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await jumpTo(page, DISTRICT_CENTER, DISTRICT_ZOOM)
    await page.getByRole('heading', { name: /^事件热点分析/ }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(1000)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'leader-reviews-hotspots.png') })
  })

  test('lists the ten hottest cells by street and zone, and a cell’s incidents on a click', async () => {
    const top = page.getByRole('list', { name: '热点前 10 位' })
    await expect.poll(() => top.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await top.getByRole('listitem').count()).toBeLessThanOrEqual(10)
    const first = top.getByRole('listitem').first()
    expect(await first.innerText()).toMatch(/演示街道/)
    await first.getByRole('button').click()
    const cellIncidents = page.getByText(/^单元内事件（共 [\d,]+ 起）$/)
    await cellIncidents.waitFor({ timeout: 30_000 })
    // every listed incident is street vending, the category picked
    const listed = page.getByRole('list', { name: /^单元内事件/ }).getByRole('listitem')
    expect(await listed.count()).toBeGreaterThan(0)
    expect(await listed.first().innerText()).toMatch(/无照经营游商/)
    // the picked cell is outlined on the map
    await expect.poll(() => renderedCount(page, 'hotspots-outline'), { timeout: 15_000 }).toBeGreaterThan(0)
    await cellIncidents.scrollIntoViewIfNeeded()
    await page.waitForTimeout(2000) // let the fly-to settle before the picture
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'leader-opens-hotspot-cell.png') })
  })

  test('shows the twelve-month trend as a chart and the units league table with laggards named', async () => {
    const chart = page.getByRole('img', { name: '近 12 个月各类事件数量的堆叠柱状图' })
    await chart.scrollIntoViewIfNeeded()
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const league = page.getByRole('table', { name: '责任单位考核排名' })
    await league.scrollIntoViewIfNeeded()
    await expect.poll(() => league.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1)
    expect(await league.getByRole('columnheader', { name: '按期结案率' }).isVisible()).toBe(true)
    expect(await league.getByText('通报').count()).toBeGreaterThan(0)
    const csv = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')
    expect(csv).toMatch(/^\/api\/kpis\?group=unit&format=csv&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/)
    const response = await page.request.get(`${server.baseUrl}${csv ?? ''}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^text\/csv/)
  })

  test('compares the period with the one before and sees the trend classes', async () => {
    await page.getByRole('checkbox', { name: '本期 vs 上期' }).check()
    const trends = page.getByRole('list', { name: '热点变化图例' })
    await trends.getByText('新增热点').waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => {
      const map = (window as unknown as { __gridwatch: { map: { getLayer: (id: string) => unknown } } }).__gridwatch.map
      return map.getLayer('hotspot-trends-fill') !== undefined
    })
    await expect.poll(() => renderedCount(page, 'hotspot-trends-fill'), { timeout: 15_000 }).toBeGreaterThan(0)
    await jumpTo(page, DISTRICT_CENTER, DISTRICT_ZOOM)
    await page.getByRole('checkbox', { name: '本期 vs 上期' }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(1000)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'leader-compares-periods.png') })
  })

  test('sees the rectification measures with the overdue ones flagged for the inspection office', async () => {
    const board = page.getByRole('region', { name: '整改措施推进' })
    await board.scrollIntoViewIfNeeded()
    for (const area of ['街面秩序', '队伍建设', '环境卫生', '市政照明']) {
      await expect(board.getByRole('region', { name: area }).isVisible(), area).resolves.toBe(true)
    }
    expect(await board.getByText('已逾期 · 执法监察科督办').count()).toBeGreaterThan(0)
    await page.getByRole('heading', { name: '责任单位考核排名' }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'leader-league-and-measures.png') })
  })

  test('reports progress on a measure, which the board and the API then show', async () => {
    const board = page.getByRole('region', { name: '整改措施推进' })
    await board.getByRole('button', { name: '更新进度' }).first().click()
    const form = board.getByRole('form', { name: '更新进度' })
    await form.getByLabel('进度').fill('60')
    await form.getByLabel('状态').selectOption('in_progress')
    await form.getByLabel('进展说明').fill('已完成六个街道的摸底')
    await form.getByRole('button', { name: '保存' }).click()
    await board.getByText('已完成六个街道的摸底').waitFor()
    const measures = (await (await page.request.get(`${server.baseUrl}/api/measures`)).json()) as { progress: number; notes: { note: string; username: string }[] }[]
    const updated = measures.find((m) => m.notes.some((n) => n.note === '已完成六个街道的摸底'))
    expect(updated?.progress).toBe(60)
    expect(updated?.notes.at(-1)?.username).toBe('leader')
  })

  test('reads the overview in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: 'Overview' }).waitFor()
    const legend = page.getByRole('list', { name: 'Hotspot change legend' })
    await expect(legend.getByText('New hotspot').isVisible()).resolves.toBe(true)
    await page.getByRole('checkbox', { name: 'This period vs the one before' }).uncheck()
    await page.getByRole('list', { name: 'Hotspot legend' }).getByText('99 % hot spot', { exact: true }).waitFor()
    expect(await page.getByText(/^Band [\d,]+ m · [\d,]+ cells · FDR corrected$/).isVisible()).toBe(true)
    await page.getByRole('heading', { name: /^Incident hotspots/ }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'leader-reviews-hotspots-en.png') })
    await page.getByRole('button', { name: '中文' }).click()
  })

  test('loads nothing from outside and throws no script errors', () => {
    expect(foreignRequests).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
