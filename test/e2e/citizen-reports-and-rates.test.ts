// Journey: a citizen on a phone, with no account, reports rubbish on the street from /report/ — category, a tap on
// the map, a description and a photo — and gets a tracking number that shows 已上报. A second citizen reporting the
// same spot is offered that case and joins it. Staff then accept, dispatch, handle, fail the inspection, rework and
// close the case (driven through the API); the first citizen looks the report up again, sees 已结案 and rates the
// fix four stars.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer, SCREENSHOT_DIR } from './harness.ts'

const skipReason = browserUnavailableReason()
const TRACKING_NUMBER = /GW\d{6}[A-Z2-9]{6}/

// A 1×1 PNG: the server sniffs the bytes, so the photo has to be a real image
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

const createdReport = z.object({ tracking_number: z.string(), case_id: z.string(), repeat_of: z.string().optional() })
const staffCase = z.object({ state: z.string(), unit: z.object({ id: z.string() }).nullable(), photos: z.array(z.unknown()) })

/** A phone-sized browser of its own: no cookies or storage shared with any other citizen. */
async function openPhone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // a phone set to another zone still reads China time (asserted on the timeline below)
    timezoneId: 'Europe/Berlin',
  })
}

/** Opens the report form and waits until the basemap is drawn, so a tap lands on the map. */
async function openReportForm(page: Page) {
  await page.goto('/report/')
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
}

/** Fills in a rubbish report at the middle of the district's map. */
async function describeRubbish(page: Page, description: string) {
  await page.getByLabel('类别').selectOption({ label: '暴露垃圾' })
  await page.getByRole('group', { name: '位置' }).getByRole('region', { name: '选择问题位置的地图' }).tap()
  await page.getByText(/已选位置：北纬 30\.\d+，东经 104\.\d+/).waitFor()
  await page.getByLabel('描述').fill(description)
}

/** Signs `username` in on the context's API client (its cookie jar is the page's), then takes `action` on the case. */
async function act(request: APIRequestContext, username: string, caseId: string, action: string) {
  const signIn = await request.post('/api/session', { data: { username, password: 'gridwatch-demo' } })
  expect(signIn.status(), `${username} signs in`).toBe(200)
  const current = await request.get(`/api/cases/${caseId}`)
  expect(current.status(), `${username} reads ${caseId}`).toBe(200)
  // handling and closing need this round's photo (server/domain/case-evidence.ts): the handler and the inspector add one
  if (action === 'handle' || action === 'verify_pass') {
    const photo = await request.post(`/api/cases/${caseId}/photos`, {
      multipart: { photo: { name: 'site.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') } },
    })
    expect(photo.status(), `${username} adds a photo to ${caseId}`).toBe(201)
  }
  const etag = (await request.get(`/api/cases/${caseId}`)).headers()['etag']
  if (!etag) throw new Error(`GET /api/cases/${caseId} sent no ETag`)
  const moved = await request.post(`/api/cases/${caseId}/transitions`, { data: { action }, headers: { 'if-match': etag } })
  expect(moved.status(), `${username}: ${action} → ${await moved.text()}`).toBe(200)
  return staffCase.parse(await moved.json())
}

describe.skipIf(skipReason !== undefined)('a citizen reports a problem from a phone and rates the fix', () => {
  let server: RunningServer
  let browser: Browser
  let phone: BrowserContext
  let page: Page
  let report: z.infer<typeof createdReport>
  const foreignRequests: string[] = []
  const pageErrors: string[] = []

  const watch = (target: Page) => {
    target.on('request', (req) => {
      const url = req.url()
      if (!url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url)
    })
    target.on('pageerror', (err) => pageErrors.push(String(err)))
  }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    phone = await openPhone(browser, server.baseUrl)
    page = await phone.newPage()
    watch(page)
    await openReportForm(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('reports rubbish with a photo, without signing in, and gets a tracking number', async () => {
    await expect(page.getByRole('tab', { name: '我要上报' }).getAttribute('aria-selected')).resolves.toBe('true')
    await describeRubbish(page, '路口东北角堆着几袋生活垃圾，已经两天没人清理。')
    await page.getByLabel('照片（选填）').setInputFiles({ name: 'rubbish.png', mimeType: 'image/png', buffer: TINY_PNG })
    await page.getByRole('img', { name: '所选照片' }).waitFor()
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'citizen-report-form.png'), fullPage: true })

    const sent = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/reports')
    await page.getByRole('button', { name: '提交' }).click()
    const response = await sent
    expect(response.status()).toBe(201)
    report = createdReport.parse(await response.json())
    expect(report.repeat_of).toBeUndefined()

    await page.getByRole('heading', { name: '上报成功' }).waitFor()
    expect(await page.getByRole('definition').filter({ hasText: TRACKING_NUMBER }).innerText()).toBe(report.tracking_number)
    await page.getByText('照片已上传。').waitFor()
  })

  test('looks the report up by its tracking number and sees 已上报', async () => {
    await page.getByRole('tab', { name: '查询进度' }).click()
    await page.getByLabel('查询编号').fill(report.tracking_number.toLowerCase())
    await page.getByRole('button', { name: '查询进度' }).click()
    await page.getByRole('heading', { name: '暴露垃圾' }).waitFor()
    await expect(page.getByText('已上报', { exact: true }).isVisible()).resolves.toBe(true)
    // the phone is set to Berlin time; the page shows the report's time as the bureau reads it, in China
    const { reported_at: reportedAt } = z.object({ reported_at: z.string() }).parse(await (await page.request.get(`/api/reports/${report.tracking_number}`)).json())
    const chinaTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(reportedAt))
    expect(await page.getByRole('listitem').filter({ hasText: '市民上报' }).innerText()).toContain(chinaTime)
    // the address now opens this report directly
    expect(new URL(page.url()).searchParams.get('track')).toBe(report.tracking_number)
  })

  test('a second citizen reporting the same spot is offered that case and joins it', async () => {
    const other = await openPhone(browser, server.baseUrl)
    try {
      const otherPage = await other.newPage()
      watch(otherPage)
      await openReportForm(otherPage)
      await describeRubbish(otherPage, '这里的垃圾堆还在。')
      await otherPage.getByRole('button', { name: '提交' }).click()
      await otherPage.getByRole('heading', { name: '附近已有相同问题的报告：这是同一个问题吗？' }).waitFor()
      const offered = otherPage.getByRole('listitem').filter({ hasText: '路口东北角堆着几袋生活垃圾' })
      await expect(offered.isVisible()).resolves.toBe(true)

      const sent = otherPage.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/reports')
      await offered.getByRole('button', { name: '是，把我的报告加入这个问题' }).click()
      const joined = createdReport.parse(await (await sent).json())
      expect(joined.repeat_of).toBe(report.case_id)
      await otherPage.getByRole('heading', { name: '上报成功' }).waitFor()
      await otherPage.getByText(/您的报告已并入附近已有的同一问题/).waitFor()
      expect(joined.tracking_number).not.toBe(report.tracking_number)
    } finally {
      await other.close()
    }
    // a second phone opens a fresh browser context: on 2 busy cores (the whole suite in parallel) that alone can
    // take most of the default 20 s
  }, 60_000)

  test('staff accept, dispatch, handle, fail the inspection, rework and close the case', async () => {
    const { request } = page
    expect((await act(request, 'dispatcher', report.case_id, 'accept')).state).toBe('accepted')
    const dispatched = await act(request, 'dispatcher', report.case_id, 'dispatch')
    expect(dispatched.state).toBe('dispatched')
    expect(dispatched.photos).toHaveLength(1)
    const unit = dispatched.unit?.id
    if (!unit) throw new Error('the dispatched case names no responsible unit')
    expect((await act(request, unit, report.case_id, 'handle')).state).toBe('handled')
    expect((await act(request, 'inspector', report.case_id, 'verify_fail')).state).toBe('in_handling')
    expect((await act(request, unit, report.case_id, 'handle')).state).toBe('handled')
    expect((await act(request, 'inspector', report.case_id, 'verify_pass')).state).toBe('closed')
    // the citizen's phone is nobody's session again
    expect((await request.delete('/api/session')).status()).toBe(204)
    expect((await request.get('/api/session')).status()).toBe(401)
  })

  test('the citizen sees 已结案 and the whole history, and rates the fix four stars', async () => {
    await page.getByRole('button', { name: '查询进度' }).click()
    await page.getByText('已结案', { exact: true }).waitFor()
    const history = page.getByRole('list').filter({ hasText: '市民上报' })
    await expect(history.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('市民上报'),
      expect.stringContaining('又有市民报告了同一问题'),
      expect.stringContaining('指挥中心立案'),
      expect.stringContaining('派给责任单位'),
      expect.stringContaining('责任单位处置完毕'),
      expect.stringContaining('监督员核查未通过，责任单位返工'),
      expect.stringContaining('责任单位处置完毕'),
      expect.stringContaining('监督员核查通过，结案'),
    ])

    await page.getByRole('radio', { name: '4 星' }).check()
    await page.getByLabel('留言（选填）').fill('处理得很及时，谢谢。')
    await page.getByRole('button', { name: '评价' }).click()
    await page.getByText('感谢您的评价！').waitFor()
    const shown = page.getByText('您的评价', { exact: true }).locator('..')
    expect(await shown.innerText()).toContain('4 星')
    await expect(page.getByRole('button', { name: '评价' }).count()).resolves.toBe(0)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'citizen-reports-and-rates.png'), fullPage: true })
  })

  test('speaks Chinese, asks the internet for nothing and throws no errors', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    expect(foreignRequests).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
