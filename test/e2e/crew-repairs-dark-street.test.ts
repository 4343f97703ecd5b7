// Journey: a streetlight crew (路灯班组) signs in, opens its view, sees how much of the district is dark and the
// broken lamps to visit, repairs the first one, and sees the totals, the list, the lamp and the dark line on the map
// change without reloading the page — and without the browser fetching the district's dark zones or lamps again
// (the map asks only for the lamp tiles in view again).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
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

/** A dark stretch as the map's 'dark-zones' source holds it. */
interface DarkLine {
  id: string
  streetId: string
  lengthM: number
}

/** The dark stretches the map draws now, read from its GeoJSON source. */
async function readDarkLines(page: Page): Promise<DarkLine[]> {
  return page.evaluate(async () => {
    const map = (window as unknown as { __gridwatch: { map: { getSource: (id: string) => { getData: () => Promise<unknown> } | undefined } } }).__gridwatch.map
    const data = (await map.getSource('dark-zones')?.getData()) as { features: { id?: unknown; properties: Record<string, unknown> }[] } | undefined
    return (data?.features ?? []).map((f) => ({ id: String(f.id ?? f.properties.id), streetId: String(f.properties.street_id), lengthM: Number(f.properties.length_m) }))
  })
}

/** The lamp `id` as the map draws it now (a lamp of its own, from zoom 15), or undefined while it is not drawn. */
async function readDrawnLamp(page: Page, id: string): Promise<{ status: string; working: boolean } | undefined> {
  return page.evaluate((lampId) => {
    type Feature = { id?: string | number; properties: Record<string, unknown> }
    const map = (window as unknown as { __gridwatch: { map: { queryRenderedFeatures: (o: { layers: string[] }) => Feature[] } } }).__gridwatch.map
    const lamp = map.queryRenderedFeatures({ layers: ['lamps'] }).find((f) => f.id === lampId)
    return lamp && { status: String(lamp.properties.status), working: lamp.properties.working === true }
  }, id)
}

/** The number in a text such as "154.90 公里" or "130 盏故障路灯待修" (grouping commas allowed). */
function readNumber(text: string): number {
  const match = /(\d[\d,]*(?:\.\d+)?)/.exec(text)
  if (!match?.[1]) throw new Error(`no number in "${text}"`)
  return Number(match[1].replaceAll(',', ''))
}

describe.skipIf(skipReason !== undefined)('a crew repairs a lamp on a dark street', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []
  // every API request the page makes, in order: the repair must not refetch the district's layers
  const requests: { method: string; path: string }[] = []

  // what the crew reads in its view
  const darkLength = () => page.getByRole('group', { name: '黑暗长度' })
  const litShare = () => page.getByRole('group', { name: '亮灯率' })
  const workList = () => page.getByRole('list', { name: '维修清单' })
  const workListCount = () => page.getByText(/盏故障路灯待修/)
  const readText = async (locator: Locator) => (await locator.innerText()).trim()

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/api/')) requests.push({ method: request.method(), path: url.pathname })
    })
    await page.goto(`${server.baseUrl}/#14/30.6598/104.0633`)
    await signInThroughHeader(page, 'crew', '演示路灯班组')
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 90_000 })
    await page.getByRole('tab', { name: '路灯巡修' }).click()
    await workListCount().waitFor({ timeout: 60_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('shows the lighting coverage and the broken lamps in visiting order', async () => {
    expect(await readText(darkLength())).toMatch(/黑暗长度\s*[\d,.]+ 公里/)
    expect(await readText(litShare())).toMatch(/亮灯率\s*[\d.]+%/)
    expect(await readText(page.getByRole('group', { name: '街道总长' }))).toMatch(/[\d,.]+ 公里/)
    expect(readNumber(await readText(workListCount()))).toBeGreaterThan(0)
    const first = workList().getByRole('listitem').first()
    expect(await readText(first)).toMatch(/起点/)
    await expect(first.getByRole('button', { name: '标记已修复' }).isVisible()).resolves.toBe(true)
    // the same order is drawn on the map as a route with numbered stops
    await page.waitForFunction(() => {
      const map = (window as unknown as { __gridwatch: { map: { getLayer: (id: string) => unknown } } }).__gridwatch.map
      return map.getLayer('work-stops') !== undefined && map.getLayer('dark-zones') !== undefined
    })
  })

  test('marks the first lamp repaired and sees the dark length and the work list shrink without a reload', async () => {
    const darkBefore = readNumber(await readText(darkLength()))
    const countBefore = readNumber(await readText(workListCount()))
    const first = workList().getByRole('listitem').first()
    const lampId = /L\d+/.exec(await readText(first))?.[0]
    if (!lampId) throw new Error('the first stop names no lamp')
    // a marker on the page's window: a reload would wipe it
    await page.evaluate(() => Object.assign(window, { __beforeRepair: true }))

    // show the stop on the map, where the lamp is drawn broken (not lit), then repair it
    await first.getByRole('button', { name: /起点/ }).click()
    await expect.poll(() => readDrawnLamp(page, lampId), { timeout: 15_000 }).toMatchObject({ working: false })
    expect((await readDrawnLamp(page, lampId))?.status).not.toBe('ok')
    const linesBefore = await readDarkLines(page)
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/lamps/${lampId}`)
    await first.getByRole('button', { name: '标记已修复' }).click()
    const answer = (await (await patched).json()) as { dark_zones: { street_ids: string[]; features: { id: string }[] } }
    const patchAt = requests.findIndex((r) => r.method === 'PATCH' && r.path === `/api/lamps/${lampId}`)
    expect(patchAt).toBeGreaterThanOrEqual(0)

    await expect.poll(async () => readNumber(await readText(workListCount())), { timeout: 15_000 }).toBe(countBefore - 1)
    await expect.poll(() => workList().getByText(lampId).count(), { timeout: 15_000 }).toBe(0)
    const darkAfter = readNumber(await readText(darkLength()))
    expect(darkAfter).toBeLessThanOrEqual(darkBefore)
    expect(await page.evaluate(() => (window as unknown as { __beforeRepair?: boolean }).__beforeRepair)).toBe(true)
    // the map draws the lamp lit: its tile was asked for again behind the patch
    await expect.poll(() => readDrawnLamp(page, lampId), { timeout: 15_000 }).toEqual({ status: 'ok', working: true })
    expect(requests.slice(patchAt + 1).some((r) => r.method === 'GET' && r.path.startsWith('/api/tiles/lamps/'))).toBe(true)

    // the map draws exactly the stretches the answer gave for the streets the repair touched
    const touched = new Set(answer.dark_zones.street_ids)
    const answered = answer.dark_zones.features.map((f) => f.id).sort()
    await expect
      .poll(async () => (await readDarkLines(page)).filter((l) => touched.has(l.streetId)).map((l) => l.id).sort(), { timeout: 15_000 })
      .toEqual(answered)
    const darkOnTouched = (lines: DarkLine[]) => lines.filter((l) => touched.has(l.streetId)).reduce((sum, l) => sum + l.lengthM, 0)
    // the stretch around the repaired lamp shrinks (or goes): the demo's first stop cuts a 38 m stretch to 10 m
    expect(darkOnTouched(await readDarkLines(page)), 'the repaired lamp lit some of its dark street').toBeLessThan(darkOnTouched(linesBefore))
    // lines on streets the repair did not touch are all still there
    const untouchedBefore = linesBefore.filter((l) => !touched.has(l.streetId)).length
    expect((await readDarkLines(page)).filter((l) => !touched.has(l.streetId))).toHaveLength(untouchedBefore)

    // the derived work list is refetched behind the patch; the district's dark zones and lamps never are
    await expect
      .poll(() => requests.slice(patchAt + 1).some((r) => r.method === 'GET' && r.path === '/api/lamps/work-list'), { timeout: 15_000 })
      .toBe(true)
    await page.waitForTimeout(1000) // room for any stray refetch to show up
    const refetchedLayers = requests.slice(patchAt + 1).filter((r) => r.method === 'GET' && (r.path === '/api/dark-zones' || r.path === '/api/lamps'))
    expect(refetchedLayers).toEqual([])

    // the server agrees: the lamp is ok and counts as lit
    const response = await page.request.get(`${server.baseUrl}/api/lamps/${lampId}`)
    expect(response.status()).toBe(200)
    const lamp: unknown = await response.json()
    expect(lamp).toMatchObject({ id: lampId, properties: { status: 'ok', working: true } })

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.waitForTimeout(1500) // let the fly-to settle before the picture
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'crew-repairs-dark-street.png') })
    expect(pageErrors).toEqual([])
  }, 60_000)
  test('repairing stop 2 keeps the order of the rest, the map numbers agree with the list, and an undo puts it back', async () => {
    const stopIds = async (n: number) =>
      (await workList().getByRole('listitem').allInnerTexts()).slice(0, n).map((text) => /L\d+/.exec(text)?.[0] ?? '')
    /** The stop numbers the map draws, by lamp id. */
    const mapNumbers = () =>
      page.evaluate(async () => {
        // the source's own data (every stop, in view or not), as the map last received it
        type Stops = { features: { properties: Record<string, unknown> & { order: number } }[] }
        const map = (window as unknown as { __gridwatch: { map: { getSource: (id: string) => { getData: () => Promise<Stops> } } } }).__gridwatch.map
        const data = await map.getSource('work-stops').getData()
        return Object.fromEntries(data.features.map((f) => [String(f.properties['id']), f.properties.order]))
      })
    const before = await stopIds(5)
    expect(before.every(Boolean)).toBe(true)
    const second = workList().getByRole('listitem').nth(1)
    const listed = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/lamps/work-list')
    await second.getByRole('button', { name: '标记已修复' }).click()
    await listed // the server's fresh (re-optimised) list has arrived, and the order still holds
    const expected = [before[0], ...before.slice(2)]
    await expect.poll(() => stopIds(4), { timeout: 15_000 }).toEqual(expected)
    await page.waitForTimeout(500)
    expect(await stopIds(4)).toEqual(expected)
    // the map's numbered stops are the list's numbers
    const numbers = await mapNumbers()
    expect(expected.map((id) => numbers[id!])).toEqual([1, 2, 3, 4])
    expect(numbers[before[1]!]).toBeUndefined()

    // a mis-tap: the undo (offered for a few seconds) puts the lamp back where it was
    const undo = page.getByRole('button', { name: '撤销' })
    await expect(page.getByRole('status').filter({ hasText: `已将路灯 ${before[1]} 标记为` }).count()).resolves.toBe(1)
    await undo.click()
    await page.getByText(`已撤销：路灯 ${before[1]} 恢复为`).waitFor({ timeout: 15_000 })
    await expect.poll(() => stopIds(5), { timeout: 15_000 }).toEqual(before)
    await expect.poll(async () => (await mapNumbers())[before[1]!], { timeout: 15_000 }).toBe(2)
    const lamp = (await (await page.request.get(`${server.baseUrl}/api/lamps/${before[1]}`)).json()) as { properties: { status: string } }
    expect(lamp.properties.status).not.toBe('ok')
    // the lamp's history names both changes and who made them
    const history = (await (await page.request.get(`${server.baseUrl}/api/lamps/${before[1]}/history`)).json()) as { to_status: string; display_name: string }[]
    expect(history.slice(0, 2).map((h) => h.to_status)).toEqual([lamp.properties.status, 'ok'])
    expect(history[0]!.display_name).toMatch(/演示/)
    expect(pageErrors).toEqual([])
  }, 60_000)
})
