// Journey: a citizen reports a dirty road; the command centre's dispatcher finds it in 待立案 (to accept),
// accepts it and — after a second citizen's call about it changed the case under their eyes — dispatches it to
// the routed sub-district office; the office's handler reports it handled; the inspector sends it back for rework;
// the handler handles it again; the inspector passes it. The case ends 已结案 with one rework and its whole history.
// On the way, the dispatcher sees the open cases on the map, the repeatedly reported ones as bubbles with their counts.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer, SCREENSHOT_DIR } from './harness.ts'

// a 1 × 1 PNG, the site photo every handling and closing needs
const SITE_PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const skipReason = browserUnavailableReason()
// a point on a street inside the demo district (zone 001's sub-district office sweeps it)
const PLACE = { lon: 104.065, lat: 30.665 }
// each step signs in, finds the case and acts: more than the default 20 s on a slow software-rendered map
const STEP_TIMEOUT_MS = 90_000

async function signIn(page: Page, username: string, displayName: string | RegExp) {
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('gridwatch-demo')
  await page.getByRole('form', { name: '登录 Gridwatch' }).getByRole('button', { name: '登录', exact: true }).click()
  await page.getByText(displayName).first().waitFor()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出' }).click()
  await page.getByRole('button', { name: '登录' }).waitFor()
}

const readText = async (locator: Locator) => (await locator.innerText()).trim()

describe.skipIf(skipReason !== undefined)('a dispatcher runs a case to closure', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let caseId: string
  let unitId: string
  const pageErrors: string[] = []

  // what each user reads in the side panel's case view (a map popup may name the same case)
  const panel = () => page.getByRole('complementary')
  const detailHeading = (id = caseId) => panel().getByRole('heading', { name: `案件 ${id}` })
  const fact = (name: string) => panel().getByRole('group', { name, exact: true })
  const button = (name: string) => panel().getByRole('button', { name, exact: true })
  const timeline = () => panel().getByRole('list', { name: '办理过程' })

  /** Opens the case view, picks `queue`, searches the case by id and opens it from the list. */
  async function openFromQueue(queue: string) {
    await page.getByRole('tab', { name: '案件' }).click()
    await page.getByRole('group', { name: '案件队列' }).getByRole('button', { name: new RegExp(`^${queue}`) }).click()
    await panel().getByLabel('查找').fill(caseId)
    await page.getByRole('list', { name: queue }).getByRole('button', { name: new RegExp(caseId) }).click()
    await detailHeading().waitFor()
  }

  async function act(action: string, note?: string) {
    // handling and closing need this round's photo: the hint says so, and the photo is added from the case's photos
    if (action === '处置反馈' || action === '核查通过（结案）') {
      await expect(panel().getByText('请先在下方“照片”中上传本次现场照片').count()).resolves.toBe(1)
      const photos = panel().getByRole('img')
      const before = await photos.count()
      await panel().getByLabel('添加照片').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: SITE_PHOTO })
      await expect.poll(() => photos.count(), { timeout: 15_000 }).toBe(before + 1)
    }
    if (note !== undefined) await page.getByLabel('说明', { exact: true }).fill(note)
    await button(action).click()
    await page.getByText(`已完成：${action}`).waitFor()
  }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    page = await context.newPage()
    page.on('pageerror', (err) => pageErrors.push(String(err)))

    // a citizen's report on the public endpoint: a fresh case, 待立案
    const report = await page.request.post('/api/reports', {
      data: { category: '0104', ...PLACE, description: '人民路口路面有大片油污，行人易滑倒' },
    })
    expect(report.status()).toBe(201)
    const body: unknown = await report.json()
    const created = typeof body === 'object' && body !== null && 'case_id' in body ? body.case_id : undefined
    if (typeof created !== 'string') throw new Error(`the report answered no case id: ${JSON.stringify(body)}`)
    caseId = created

    await page.goto('/#14/30.6598/104.0633')
    await signIn(page, 'dispatcher', '演示指挥中心派遣员')
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.stop()
  })

  test(
    'shows the dispatcher the open cases on the map, the many-times-reported ones as bubbles with their counts',
    async () => {
      await page.getByRole('tab', { name: '案件' }).click()
      await page.getByRole('group', { name: '案件队列' }).getByRole('button', { name: /^待立案/ }).waitFor()
      // an escalated case drawn as a bubble: click it, and it opens in the panel with its report count
      const bubble = await page.waitForFunction(
        () => {
          type Feature = { layer: { id: string }; properties: { id?: string; report_count?: number }; geometry: { type: string; coordinates: [number, number] } }
          type Point = { x: number; y: number }
          const map = (window as unknown as {
            __gridwatch: {
              map: {
                queryRenderedFeatures: (...args: [{ layers: string[] }] | [[number, number], { layers: string[] }]) => Feature[]
                project: (c: [number, number]) => Point
                getCanvas: () => { clientWidth: number; clientHeight: number }
              }
            }
          }).__gridwatch.map
          if (map.queryRenderedFeatures({ layers: ['cases-open'] }).length === 0) return undefined
          // the bubble nearest the middle whose own spot shows it on top: clear of the map's edge, its controls
          // and the demo notice, and of the bubbles crowding it
          const { clientWidth: width, clientHeight: height } = map.getCanvas()
          const layers = ['cases-open', 'cases-escalated'] // the clickable ones; a count label passes its click through
          const candidates = map
            .queryRenderedFeatures({ layers: ['cases-escalated'] })
            .filter((f) => f.geometry.type === 'Point')
            .map((f) => ({ feature: f, at: map.project(f.geometry.coordinates) }))
            .filter(({ at }) => at.x > 40 && at.y > 140 && at.x < width - 60 && at.y < height - 40)
            .sort((a, b) => Math.hypot(a.at.x - width / 2, a.at.y - height / 2) - Math.hypot(b.at.x - width / 2, b.at.y - height / 2))
          const clear = candidates.find(({ feature, at }) => map.queryRenderedFeatures([at.x, at.y], { layers })[0]?.properties.id === feature.properties.id)
          if (!clear) return undefined
          return { id: clear.feature.properties.id, count: clear.feature.properties.report_count, x: clear.at.x, y: clear.at.y }
        },
        undefined,
        { timeout: 30_000 },
      )
      const hit = await bubble.jsonValue()
      if (!hit?.id || hit.count === undefined) throw new Error('no escalated case drawn')
      expect(hit.count).toBeGreaterThanOrEqual(3)

      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'dispatcher-case-queues.png') })

      const canvas = await page.locator('.maplibregl-canvas').boundingBox()
      if (!canvas) throw new Error('no map canvas')
      await page.mouse.click(canvas.x + hit.x, canvas.y + hit.y)
      await detailHeading(hit.id).waitFor()
      expect(await readText(fact('上报次数'))).toContain(String(hit.count))
      await expect(panel().getByRole('note').innerText()).resolves.toMatch(/多次上报仍未解决/)
      await button('← 返回列表').click()
    },
    STEP_TIMEOUT_MS,
  )

  test(
    'accepts the new case from 待立案, is told when a citizen’s call changed it, and dispatches it to the routed unit',
    async () => {
      await openFromQueue('待立案')
      expect(await readText(fact('状态'))).toContain('已上报')
      await act('立案')
      await expect.poll(() => readText(fact('状态'))).toContain('已立案')

      // while the dispatcher looks at it, a second citizen reports the same spot and joins the case (its version moves on)
      const repeat = await page.request.post('/api/reports', { data: { category: '0104', ...PLACE, description: '还是很脏', repeat_of: caseId } })
      expect(repeat.status()).toBe(201)

      const unitSelect = page.getByLabel('派遣至')
      unitId = await unitSelect.inputValue()
      expect(unitId).toMatch(/^SD\d{3}$/) // a dirty road is swept by the sub-district office
      await button('派遣').click()
      await page.getByText('案件已被他人更新').waitFor()
      // reloaded: the second call is there, and the same dispatch now goes through with the fresh version
      await expect.poll(() => readText(fact('上报次数'))).toContain('2')
      await act('派遣')
      await expect.poll(() => readText(fact('状态'))).toContain('已派遣')
      await signOut(page)
    },
    STEP_TIMEOUT_MS,
  )

  test(
    "lets the unit's handler find it in its own queue and report it handled",
    async () => {
      await signIn(page, unitId, /处置员/)
      await openFromQueue('本单位待处置')
      await act('处置反馈', '已组织清扫，路面油污已清除')
      await expect.poll(() => readText(fact('状态'))).toContain('已处置')
      await signOut(page)
    },
    STEP_TIMEOUT_MS,
  )

  test(
    'lets the inspector send it back for rework, and the unit handle it again',
    async () => {
      await signIn(page, 'inspector', '演示监督员')
      await openFromQueue('待核查')
      await act('核查不通过（返工）', '现场仍有油污，需重新处置')
      await expect.poll(() => readText(fact('状态'))).toContain('处置中')
      expect(await readText(fact('返工次数'))).toContain('1')
      await signOut(page)

      await signIn(page, unitId, /处置员/)
      await openFromQueue('本单位待处置')
      await act('处置反馈', '已用清洗剂二次清洗')
      await expect.poll(() => readText(fact('状态'))).toContain('已处置')
      await signOut(page)
    },
    STEP_TIMEOUT_MS,
  )

  test(
    'lets the inspector pass it: the case is closed with one rework and its whole history',
    async () => {
      await signIn(page, 'inspector', '演示监督员')
      await openFromQueue('待核查')
      await act('核查通过（结案）', '复核合格')
      await expect.poll(() => readText(fact('状态'))).toContain('已结案')
      expect(await readText(fact('返工次数'))).toContain('1')

      const events = await timeline().getByRole('listitem').allInnerTexts()
      expect(events.map((text) => text.split('\n')[0]?.trim()).filter((step) => step !== '照片')).toEqual(['上报', '立案', '合并', '派遣', '处置反馈', '核查不通过（返工）', '处置反馈', '核查通过（结案）'])
      await expect(timeline().getByText('现场仍有油污，需重新处置').isVisible()).resolves.toBe(true)
      // closed: no step left to take
      await expect(panel().getByRole('button', { name: /核查/ }).count()).resolves.toBe(0)

      // the server agrees
      const response = await page.request.get(`/api/cases/${caseId}`)
      expect(response.status()).toBe(200)
      expect(await response.json()).toMatchObject({ id: caseId, state: 'closed', rework_count: 1, report_count: 2, unit: { id: unitId } })

      await page.waitForTimeout(1000) // let the fly-to settle before the picture
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'dispatcher-runs-case-to-closure.png') })
      expect(pageErrors).toEqual([])
    },
    STEP_TIMEOUT_MS,
  )

  test(
    'lets the dispatcher file a hotline call as a new case, its spot picked on the map',
    async () => {
      await signOut(page)
      await signIn(page, 'dispatcher', '演示指挥中心派遣员')
      await page.getByRole('tab', { name: '案件' }).click()
      await button('新建案件').click()
      const form = panel().getByRole('form', { name: '新建案件' })
      await form.getByLabel('来源').selectOption({ label: '热线' })
      await form.getByLabel('类别').selectOption({ label: '道路不洁' })
      await form.getByLabel('描述').fill('市民来电：路口有垃圾堆放')
      await form.getByLabel('来电号码').fill('13800000000')
      await form.getByRole('button', { name: '在地图上选点' }).click()
      await form.getByText('请在地图上点击').waitFor()

      const canvas = await page.locator('.maplibregl-canvas').boundingBox()
      if (!canvas) throw new Error('no map canvas')
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
      await form.getByText(/经度 [\d.]+，纬度 [\d.]+/).waitFor()
      // the picked spot is marked on the map
      await page.waitForFunction(
        () => {
          const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (options: { layers: string[] }) => unknown[] } } }).__gridwatch.map
          return map.queryRenderedFeatures({ layers: ['cases-picked-point'] }).length === 1
        },
        undefined,
        { timeout: 10_000 },
      )
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'new-case-form.png') })

      await form.getByRole('button', { name: '提交' }).click()
      const notice = panel().getByText(/已创建案件 I\d+/)
      await notice.waitFor()
      const newId = /I\d+/.exec(await readText(notice))?.[0]
      if (!newId) throw new Error('no new case id shown')

      const response = await page.request.get(`/api/cases/${newId}`)
      expect(response.status()).toBe(200)
      expect(await response.json()).toMatchObject({ id: newId, source: 'hotline', category: '0104' })
      expect(pageErrors).toEqual([])
    },
    STEP_TIMEOUT_MS,
  )
})
