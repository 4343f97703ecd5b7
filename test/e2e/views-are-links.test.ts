// Journey: every view is a URL. A leader opens the overview, compares periods and picks the hottest cell, reloads
// and finds the same view (tab, switch, cell, map position); Back and Forward step through the choices. A dispatcher
// opens a case and sends its link to a colleague, who signs in on a fresh browser and lands on that case.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer } from './harness.ts'

const skipReason = browserUnavailableReason()
const CATEGORY_FORM = '修改街道分类'
if (skipReason) console.warn(`views-are-links: skipped, ${skipReason}`)

async function signIn(page: Page, username: string, displayName: string | RegExp) {
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('gridwatch-demo')
  await page.getByRole('form', { name: '登录 Gridwatch' }).getByRole('button', { name: '登录', exact: true }).click()
  await page.getByText(displayName).first().waitFor()
}

const mapCenter = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as { __gridwatch: { map: { getCenter: () => { lng: number; lat: number }; getZoom: () => number } } }).__gridwatch.map
    const { lng, lat } = map.getCenter()
    return { lng, lat, zoom: map.getZoom() }
  })

describe.skipIf(skipReason !== undefined)('views are links', () => {
  let server: RunningServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const consoleErrors: string[] = []

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (err) => consoleErrors.push(String(err)))
    return page
  }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.stop()
  })

  test('a reload keeps the tab, the comparison, the picked hotspot and the map; Back and Forward step through', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await signIn(page, 'leader', '演示领导')
    await page.getByRole('tab', { name: '领导总览' }).click()
    await page.getByRole('checkbox', { name: '本期 vs 上期' }).check()
    const top = page.getByRole('list', { name: '热点前 10 位' })
    await expect.poll(() => top.getByRole('listitem').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    await top.getByRole('listitem').first().getByRole('button').click()
    const cellIncidents = page.getByText(/^单元内事件（共 [\d,]+ 起）$/)
    await cellIncidents.waitFor({ timeout: 30_000 })
    await expect.poll(() => new URL(page.url()).searchParams.get('hotspot')).not.toBeNull()
    const url = new URL(page.url())
    expect(url.searchParams.get('tab')).toBe('overview')
    expect(url.searchParams.get('compare')).toBe('true')
    const picked = url.searchParams.get('hotspot')
    await page.waitForTimeout(1500) // the fly-to the cell settles and the hash follows
    const before = await mapCenter(page)

    await page.reload()
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await expect(page.getByRole('tab', { name: '领导总览' }).getAttribute('aria-selected')).resolves.toBe('true')
    await expect(page.getByRole('checkbox', { name: '本期 vs 上期' }).isChecked()).resolves.toBe(true)
    await cellIncidents.waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).searchParams.get('hotspot')).toBe(picked)
    const after = await mapCenter(page)
    expect(Math.abs(after.lng - before.lng)).toBeLessThan(0.001)
    expect(Math.abs(after.lat - before.lat)).toBeLessThan(0.001)
    expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.05)

    // Back undoes the pick (the list of the cell's incidents goes), then the comparison; Forward brings both again
    await page.goBack()
    await cellIncidents.waitFor({ state: 'detached', timeout: 15_000 })
    await expect.poll(() => new URL(page.url()).searchParams.get('hotspot')).toBeNull()
    await page.goBack()
    await expect.poll(() => page.getByRole('checkbox', { name: '本期 vs 上期' }).isChecked()).toBe(false)
    await page.goForward()
    await page.goForward()
    await expect.poll(() => page.getByRole('checkbox', { name: '本期 vs 上期' }).isChecked()).toBe(true)
    await cellIncidents.waitFor({ timeout: 30_000 })
    // another tab is a step too
    await page.getByRole('tab', { name: '图层' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBeNull()
    await page.goBack()
    await expect.poll(() => page.getByRole('tab', { name: '领导总览' }).getAttribute('aria-selected')).toBe('true')
  }, 120_000)

  test('a case link sent to a colleague opens that case once they sign in', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await signIn(page, 'dispatcher', '演示指挥中心派遣员')
    await page.getByRole('tab', { name: '案件' }).click()
    const queue = page.getByRole('group', { name: '案件队列' }).getByRole('button', { name: /^待立案/ })
    await queue.click()
    const first = page.getByRole('list', { name: '待立案' }).getByRole('button').first()
    const label = await first.innerText()
    const caseId = /[A-Z]\d{7}/.exec(label)?.[0]
    expect(caseId, label).toBeDefined()
    await first.click()
    await page.getByRole('heading', { name: `案件 ${caseId}` }).waitFor()
    const link = new URL(page.url())
    expect(link.searchParams.get('case')).toBe(caseId)
    expect(link.searchParams.get('tab')).toBe('cases')

    const colleague = await newPage()
    await colleague.goto(link.toString())
    // signed out the link cannot show a case; the sign-in leads straight to it
    await expect(colleague.getByRole('heading', { name: `案件 ${caseId}` }).count()).resolves.toBe(0)
    await signIn(colleague, 'inspector', '演示监督员')
    await colleague.getByRole('heading', { name: `案件 ${caseId}` }).waitFor({ timeout: 30_000 })
    await expect(colleague.getByRole('tab', { name: '案件' }).getAttribute('aria-selected')).resolves.toBe('true')

    // signing out ends the view: the next person at this screen starts on the layers, not in the case
    await colleague.getByRole('button', { name: '退出' }).click()
    await expect.poll(() => new URL(colleague.url()).searchParams.get('case')).toBeNull()
    expect(consoleErrors).toEqual([])
  }, 120_000)
  test('the search box finds a junction by "A × B" from the keyboard and shows it close up', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    // a real junction of two named streets of the district
    const layer = (await (await page.request.get(`${server.baseUrl}/api/intersections`)).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { names: string[] } }[] }
    const junction = layer.features.find((f) => f.properties.names.length === 2)
    expect(junction).toBeDefined()
    const [a, b] = junction!.properties.names
    const box = page.getByRole('combobox', { name: '查找街道、路口或案件' })
    await box.fill(`${a} × ${b}`)
    const options = page.getByRole('listbox', { name: '查找街道、路口或案件' }).getByRole('option')
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await expect(options.first().innerText()).resolves.toMatch(/路口/)
    await box.press('Enter')
    // the map flies there and shows it close up
    await expect.poll(async () => (await mapCenter(page)).zoom, { timeout: 15_000 }).toBeGreaterThan(17)
    await page.waitForTimeout(1500)
    const center = await mapCenter(page)
    const found = (await (await page.request.get(`${server.baseUrl}/api/search?q=${encodeURIComponent(`${a} × ${b}`)}`)).json()) as { results: { center: [number, number] }[] }
    const [lng, lat] = found.results[0]!.center
    expect(Math.abs(center.lng - lng)).toBeLessThan(0.0005)
    expect(Math.abs(center.lat - lat)).toBeLessThan(0.0005)
    expect(consoleErrors).toEqual([])
  }, 120_000)
  test('slow map data is said on the map itself while it loads, and the note goes once it is drawn', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/?tab=overview`)
    await signIn(page, 'leader', '演示领导')
    await page.getByRole('tab', { name: '领导总览' }).waitFor()
    await expect.poll(() => page.getByRole('list', { name: '热点前 10 位' }).getByRole('listitem').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    // the hotspot answer takes three seconds from now on: the map must not pass the old cells off as the new ones
    await page.route('**/api/hotspots?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000))
      await route.continue()
    })
    const busy = page.getByRole('status').filter({ hasText: '正在加载地图数据…' })
    await page.getByLabel('单元大小').selectOption('h3-9')
    await busy.waitFor({ timeout: 5_000 })
    await busy.waitFor({ state: 'detached', timeout: 30_000 })
    expect(consoleErrors).toEqual([])
  }, 120_000)
  test('a planner picks a street and places a guidance point with the keyboard alone', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/`)
    await signIn(page, 'planner', '演示规划员')
    await page.getByRole('tab', { name: '街道与疏导点' }).click()
    await page.getByText('点击地图上的街道，查看其分类和修改记录。').waitFor()
    // a street by name from the search box: Enter picks it, and its category form opens
    const layer = (await (await page.request.get(`${server.baseUrl}/api/intersections`)).json()) as { features: { properties: { names: string[] } }[] }
    const name = layer.features.find((f) => f.properties.names.length > 0)!.properties.names[0]!
    const box = page.getByRole('combobox', { name: '查找街道、路口或案件' })
    await box.focus()
    await page.keyboard.type(name)
    await expect.poll(() => page.getByRole('listbox', { name: '查找街道、路口或案件' }).getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('street'), { timeout: 15_000 }).toMatch(/^w\d+$/)
    const categoryForm = page.getByRole('form', { name: CATEGORY_FORM })
    await categoryForm.waitFor({ timeout: 15_000 })
    await expect(page.locator('.side-panel__body').innerText()).resolves.toContain(name)

    // a new point: tab to the button, press it, then place it at the map's centre
    const place = page.getByRole('button', { name: '放置疏导点' })
    await place.focus()
    await page.keyboard.press('Enter')
    const atCentre = page.getByRole('button', { name: /放在地图中心/ })
    await atCentre.focus()
    await page.keyboard.press('Enter')
    // the draft is placed (its live rule check runs) and the form to name it opens
    await page.getByRole('form', { name: '新建疏导点信息' }).waitFor({ timeout: 15_000 })
    await page.getByText(/设点规则|符合设点规则/).first().waitFor({ timeout: 15_000 })
    expect(consoleErrors).toEqual([])
  }, 120_000)
  test('illegal construction: the unit records the stop in the case view, and the outcome is asked for next', async () => {
    const page = await newPage()
    const request = page.request
    const report = await request.post(`${server.baseUrl}/api/reports`, { data: { category: '0101', lon: 104.0586, lat: 30.6681, description: '楼顶正在加建彩钢棚' } })
    const { case_id: caseId } = (await report.json()) as { case_id: string }
    // the command centre accepts and dispatches it (through the API: the journey here is the unit's)
    expect((await request.post(`${server.baseUrl}/api/session`, { data: { username: 'dispatcher', password: 'gridwatch-demo' } })).status()).toBe(200)
    for (const action of ['accept', 'dispatch']) {
      const current = await request.get(`${server.baseUrl}/api/cases/${caseId}`)
      const moved = await request.post(`${server.baseUrl}/api/cases/${caseId}/transitions`, { data: { action }, headers: { 'if-match': current.headers()['etag'] ?? '' } })
      expect(moved.status(), action).toBe(200)
    }
    const unit = ((await (await request.get(`${server.baseUrl}/api/cases/${caseId}`)).json()) as { unit: { id: string } }).unit.id
    await request.delete(`${server.baseUrl}/api/session`, { headers: { origin: server.baseUrl } })

    await page.goto(`${server.baseUrl}/?tab=cases&case=${caseId}`)
    await signIn(page, unit, /处置员/)
    await page.getByRole('heading', { name: `案件 ${caseId}` }).waitFor({ timeout: 30_000 })
    const block = page.getByRole('region', { name: '违建查处：发现一起、制止一起、查处一起' })
    await expect(block.innerText()).resolves.toMatch(/制止\s*期限/)
    const stop = page.getByRole('form', { name: '记录制止' })
    await stop.getByLabel('日期').fill('2026-12-06')
    await stop.getByLabel('通知书编号').fill('责停〔2026〕88号')
    await stop.getByRole('button', { name: '记录制止' }).click()
    await block.getByText('2026-12-06 已送达责令停止通知书（责停〔2026〕88号）').waitFor({ timeout: 15_000 })
    await page.getByRole('form', { name: '记录查处结果' }).waitFor()
    // the timeline holds the stop as a step of its own
    await page.getByRole('list', { name: '办理过程' }).getByText('制止', { exact: true }).waitFor()
    expect(consoleErrors).toEqual([])
  }, 120_000)
  test('a citizen on the report page puts the pin on a junction found by name', async () => {
    const page = await newPage()
    await page.goto(`${server.baseUrl}/report/`)
    const layer = (await (await page.request.get(`${server.baseUrl}/api/intersections`)).json()) as { features: { properties: { names: string[] } }[] }
    const [a, b] = layer.features.find((f) => f.properties.names.length === 2)!.properties.names
    const box = page.getByRole('combobox', { name: '查找街道或路口' })
    await box.fill(`${a}和${b}`)
    await expect.poll(() => page.getByRole('listbox', { name: '查找街道或路口' }).getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await box.press('Enter')
    const found = (await (await page.request.get(`${server.baseUrl}/api/search?q=${encodeURIComponent(`${a} × ${b}`)}`)).json()) as { results: { center: [number, number] }[] }
    const [lon, lat] = found.results[0]!.center
    await page.getByText(`已选位置：北纬 ${lat.toFixed(5)}，东经 ${lon.toFixed(5)}`).waitFor({ timeout: 15_000 })
    expect(consoleErrors).toEqual([])
  }, 120_000)
})
