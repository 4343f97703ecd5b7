// Journey: a bureau starts from an empty database (GRIDWATCH_SEED=none). Its administrator opens the Data view
// (数据导入) and imports the small district's zones and streets, then its lamp ledger — which the preview flags as
// GCJ-02 when it is declared WGS84 — and its 12345 hotline history, each mapped as
// test/fixtures/import/small/profile.json maps it; reads the report (the CLI's counts, nothing rejected), saves the
// mapping as a profile. Then a crew sees the new district's dark streets and a leader its hotspots.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningServer, browserUnavailableReason, launchBrowser, startServer, SCREENSHOT_DIR } from './harness.ts'

const skipReason = browserUnavailableReason()
const SMALL = join(import.meta.dirname, '../fixtures/import/small')

async function signInThroughHeader(page: Page, username: string, displayName: string) {
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('gridwatch-demo')
  await page.getByRole('form', { name: '登录 Gridwatch' }).getByRole('button', { name: '登录', exact: true }).click()
  await page.getByText(displayName).waitFor()
}

/** The number in a text such as "154.90 公里" (grouping commas allowed). */
function readNumber(text: string): number {
  const match = /(\d[\d,]*(?:\.\d+)?)/.exec(text)
  if (!match?.[1]) throw new Error(`no number in "${text}"`)
  return Number(match[1].replaceAll(',', ''))
}

/** The report table's rows as [layer, file, read, accepted, rejected, stored]. */
const readReport = (page: Page) =>
  page
    .getByRole('table', { name: /导入报告/ })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())))

describe.skipIf(skipReason !== undefined)('an administrator imports a district through the Data view', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  const field = (label: string) => page.getByLabel(label, { exact: true })
  const kind = () => page.getByLabel('图层类型')
  const fileInput = () => page.getByLabel('数据文件')
  const preview = () => page.getByRole('button', { name: '预览' })
  const previewSummary = () => page.getByText(/^预览前 [\d,]+ 行/)

  async function uploadAs(layer: string, file: string) {
    await kind().selectOption({ label: layer })
    await fileInput().setInputFiles(join(SMALL, file))
    await page.getByText(new RegExp(`^${file.replace('.', '\\.')} · `)).waitFor({ timeout: 30_000 })
  }

  /** Runs the import and waits for the report saying `imported` rows came in. */
  async function runImportAndWait(imported: string) {
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByText(`已导入 ${imported} 条，未导入 0 条。`).waitFor({ timeout: 120_000 })
  }

  beforeAll(async () => {
    server = await startServer({ env: { GRIDWATCH_SEED: 'none' } })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    await page.goto(`${server.baseUrl}/`)
    await signInThroughHeader(page, 'admin', '演示管理员')
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await page.getByRole('tab', { name: '数据导入' }).click()
    await page.getByRole('heading', { name: '数据导入' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('starts from an empty district', async () => {
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { counts: { streets: number; lamps: number } }
    expect(health.counts).toMatchObject({ streets: 0, lamps: 0 })
  })

  test('uploads the zones, sees their first rows and guessed fields, previews them on the map and adds them', async () => {
    await uploadAs('片区（街道辖区）', 'zones.geojson')
    expect(await page.getByRole('table', { name: '前 2 行' }).getByRole('row').count()).toBe(3)
    expect(await field('编号字段').inputValue()).toBe('CODE')
    expect(await field('名称字段').inputValue()).toBe('NAME')
    expect(await field('英文名称字段').inputValue()).toBe('NAME_EN')
    await preview().click()
    await previewSummary().waitFor()
    expect(await previewSummary().innerText()).toMatch(/^预览前 2 行：可导入 2 行/)
    await page.waitForFunction(() => {
      const map = (window as unknown as { __gridwatch: { map: { querySourceFeatures: (id: string) => unknown[] } } }).__gridwatch.map
      return map.querySourceFeatures('import-preview').length > 0
    })
    await page.getByRole('button', { name: '加入配置' }).click()
    await page.getByRole('list', { name: '待导入的图层' }).getByText('zones.geojson').waitFor()
  }, 180_000)

  test('maps the road classes, imports zones and streets and reads the report', async () => {
    await uploadAs('街道', 'roads.geojson')
    expect(await field('编号字段').inputValue()).toBe('FID')
    expect(await field('名称字段').inputValue()).toBe('ROADNAME')
    expect(await field('道路等级字段').inputValue()).toBe('LEVEL')
    const classes = page.getByRole('group', { name: '道路等级取值对应' })
    await classes.getByLabel('1', { exact: true }).selectOption('arterial')
    await classes.getByLabel('2', { exact: true }).selectOption('secondary')
    await classes.getByLabel('3', { exact: true }).selectOption('branch')
    await classes.getByLabel('其他取值').selectOption('alley')
    await preview().click()
    await previewSummary().waitFor()
    expect(await previewSummary().innerText()).toMatch(/^预览前 369 行：可导入 369 行/)
    await page.getByRole('button', { name: '加入配置' }).click()
    await page.getByLabel('片区名称').fill('测试片区')
    await runImportAndWait('371')
    expect(await readReport(page)).toEqual([
      ['片区（街道辖区）', 'zones.geojson', '2', '2', '0', '2'],
      ['街道', 'roads.geojson', '369', '369', '0', '369'],
    ])
  }, 180_000)

  test('is warned that the lamp ledger looks like GCJ-02 when it is declared WGS84, and not once GCJ-02 is chosen', async () => {
    await uploadAs('路灯', 'lamps-gcj02.csv')
    expect(await field('经度字段').inputValue()).toBe('经度')
    expect(await field('纬度字段').inputValue()).toBe('纬度')
    expect(await field('编号字段').inputValue()).toBe('编号')
    expect(await field('灯高字段').inputValue()).toBe('灯高')
    const statuses = page.getByRole('group', { name: '状态取值对应' })
    expect(await statuses.getByLabel('正常', { exact: true }).inputValue()).toBe('ok')
    expect(await statuses.getByLabel('不亮', { exact: true }).inputValue()).toBe('defective_lamp')
    await statuses.getByLabel('其他取值').selectOption('ok')
    expect(await page.getByLabel('坐标系').inputValue()).toBe('wgs84')
    await preview().click()
    const warning = page.getByText(/看起来是 GCJ-02/)
    await warning.waitFor({ timeout: 30_000 })

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.waitForTimeout(800)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-imports-gcj-warning.png') })

    await page.getByLabel('坐标系').selectOption({ label: 'GCJ-02（高德/腾讯）' })
    await preview().click()
    await expect.poll(() => warning.count(), { timeout: 30_000 }).toBe(0)
    await previewSummary().waitFor()
    await page.getByRole('button', { name: '加入配置' }).click()
    await page.getByRole('list', { name: '待导入的图层' }).getByText(/lamps-gcj02\.csv · gcj02/).waitFor()
  }, 180_000)

  test('maps the hotline’s categories, statuses and date format, and imports the whole district with nothing rejected', async () => {
    await uploadAs('事件（投诉记录）', 'hotline.csv')
    for (const [label, column] of [['经度字段', 'LONGITUDE'], ['纬度字段', 'LATITUDE'], ['编号字段', 'CASE_ID'], ['上报时间字段', 'OPEN_DT'], ['类别字段', 'TYPE'], ['状态字段', 'STATUS'], ['描述字段', 'TITLE']] as const) {
      expect(await field(label).inputValue(), label).toBe(column)
    }
    const categories = page.getByRole('group', { name: '类别取值对应' })
    await categories.getByLabel('Street Light Outages', { exact: true }).selectOption('0118')
    await categories.getByLabel('Street Vending', { exact: true }).selectOption('0501')
    await categories.getByLabel('Garbage', { exact: true }).selectOption('0102')
    await categories.getByLabel('其他取值').selectOption('0104')
    const statuses = page.getByRole('group', { name: '状态取值对应' })
    expect(await statuses.getByLabel('Open', { exact: true }).inputValue()).toBe('reported')
    expect(await statuses.getByLabel('Closed', { exact: true }).inputValue()).toBe('closed')
    await page.getByLabel('日期格式').fill('MM/dd/yyyy hh:mm:ss a')
    await preview().click()
    await previewSummary().waitFor()
    expect(await previewSummary().innerText()).toMatch(/^预览前 1,200 行：可导入 1,200 行/)
    await page.getByRole('button', { name: '加入配置' }).click()

    await runImportAndWait('5,005')
    expect(await readReport(page)).toEqual([
      ['片区（街道辖区）', 'zones.geojson', '2', '2', '0', '2'],
      ['街道', 'roads.geojson', '369', '369', '0', '369'],
      ['路灯', 'lamps-gcj02.csv', '3,434', '3,434', '0', '3,434'],
      ['事件（投诉记录）', 'hotline.csv', '1,200', '1,200', '0', '1,200'],
    ])
    expect(await page.getByText(/^已导入 [\d,]+ 条，未导入 0 条。$/).isVisible()).toBe(true)
    // the rejects download is a CSV with nothing but its header
    const href = await page.getByRole('link', { name: '下载未导入记录 (CSV)' }).getAttribute('href')
    const rejects = await page.request.get(`${server.baseUrl}${href ?? ''}`)
    expect(rejects.status()).toBe(200)
    expect(rejects.headers()['content-type']).toMatch(/^text\/csv/)
    expect((await rejects.text()).replace(/^\uFEFF/, '').trim()).toBe('file,layer,row,id,field,reason,value')

    await page.getByRole('table', { name: /导入报告/ }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(1500)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-imports-report.png') })
  }, 180_000)

  test('saves the mapping as a profile and exports it as the JSON the CLI reads', async () => {
    await page.getByLabel('配置名称').fill('测试片区')
    await page.getByRole('button', { name: '保存为配置' }).click()
    await page.getByText('已保存配置“测试片区”。').waitFor()
    const exportLink = page.getByRole('link', { name: '导出 测试片区' })
    await exportLink.waitFor()
    const res = await page.request.get(`${server.baseUrl}${(await exportLink.getAttribute('href')) ?? ''}`)
    const profile = (await res.json()) as { district: { name: string }; layers: { layer: string; file: string; crs?: string }[] }
    expect(profile.district.name).toBe('测试片区')
    expect(profile.layers.map((l) => [l.layer, l.file])).toEqual([
      ['zones', 'zones.geojson'],
      ['streets', 'roads.geojson'],
      ['lamps', 'lamps-gcj02.csv'],
      ['incidents', 'hotline.csv'],
    ])
    expect(profile.layers[2]?.crs).toBe('gcj02')
  }, 180_000)

  test('speaks English when asked', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Data import' }).waitFor()
    expect(await page.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true')
    expect(await page.getByRole('table', { name: 'Import report' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Download rejected rows (CSV)' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: '数据导入' }).waitFor()
  })

  test('a crew sees the new district’s dark streets', async () => {
    const crewPage = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    crewPage.on('pageerror', (err) => pageErrors.push(String(err)))
    await crewPage.goto(`${server.baseUrl}/`)
    await signInThroughHeader(crewPage, 'crew', '演示路灯班组')
    await crewPage.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await crewPage.getByRole('tab', { name: '路灯巡修' }).click()
    const darkLength = crewPage.getByRole('group', { name: '黑暗长度' })
    await darkLength.waitFor({ timeout: 60_000 })
    await expect.poll(async () => readNumber(await darkLength.innerText()), { timeout: 30_000 }).toBeGreaterThan(0)
    await crewPage.waitForFunction(() => {
      const map = (window as unknown as { __gridwatch: { map: { querySourceFeatures: (id: string) => unknown[] } } }).__gridwatch.map
      return map.querySourceFeatures('dark-zones').length > 0
    }, undefined, { timeout: 30_000 })
    await crewPage.waitForTimeout(1500)
    await crewPage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-imports-crew-dark-zones.png') })
    await crewPage.close()
  }, 180_000)

  test('a leader sees the new district’s hotspots', async () => {
    const leaderPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    leaderPage.on('pageerror', (err) => pageErrors.push(String(err)))
    await leaderPage.goto(`${server.baseUrl}/`)
    await signInThroughHeader(leaderPage, 'leader', '演示领导')
    await leaderPage.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await leaderPage.getByRole('tab', { name: '领导总览' }).click()
    await leaderPage.getByText(/^距离带 [\d,]+ m · [\d,]+ 个单元 · /).waitFor({ timeout: 60_000 })
    const top = leaderPage.getByRole('list', { name: '热点前 10 位' })
    await expect.poll(() => top.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect
      .poll(
        () =>
          leaderPage.evaluate(() => {
            const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (o: { layers: string[] }) => unknown[] } } }).__gridwatch.map
            return map.queryRenderedFeatures({ layers: ['hotspots-fill'] }).length
          }),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0)
    await leaderPage.waitForTimeout(1500)
    await leaderPage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-imports-leader-hotspots.png') })
    await leaderPage.close()
  }, 180_000)

  test('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
