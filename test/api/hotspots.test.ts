import { describe, expect, test } from 'vitest'
import type { DemoDistrict, Incident } from '../../server/kernel/records.ts'
import type { LngLat } from '../../server/kernel/geo.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'
import { createTestApp, expectProblemResponse, getJson, signIn } from './helpers.ts'

const CLUSTER: LngLat = [104.0503, 30.6603] // near the 人民中路 × 春熙路 crossing

/** The tiny district plus a seeded scatter: 300 vending reports in September spread evenly, and 120 more in
 * October packed within ~40 m of the crossing. */
function createClusteredDistrict(): DemoDistrict {
  const d = createTinyDistrict()
  let seed = 42
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const add = (coordinates: LngLat, reportedAt: string, category = '0501') => {
    const id = `X${String(d.incidents.length).padStart(7, '0')}`
    const incident: Incident = { id, category, status: 'closed', source: 'patrol', coordinates, reportedAt, updatedAt: reportedAt, closedAt: reportedAt, description: '测试', zoneId: '001', streetId: null, lampId: null }
    d.incidents.push(incident)
  }
  for (let i = 0; i < 300; i++) add([104.041 + rand() * 0.018, 30.651 + rand() * 0.018], `2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00`)
  for (let i = 0; i < 120; i++) add([CLUSTER[0] + (rand() - 0.5) * 0.0008, CLUSTER[1] + (rand() - 0.5) * 0.0008], `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T20:00:00+08:00`)
  return d
}

interface HotspotJson {
  type: string
  cell: string
  band_m: number
  n: number
  fdr: boolean
  incidents: number
  dropped: number
  top: { id: string; count: number; z: number; street: string | null; zone_name: string | null }[]
  features: { id: string; geometry: { coordinates: LngLat[][] }; properties: { count: number; z: number; p: number; bin: number; neighbors: number } }[]
}

async function setup() {
  const { app } = await createTestApp({ district: createClusteredDistrict(), clock: () => new Date('2026-11-01T00:00:00+08:00') })
  const cookie = await signIn(app, 'leader')
  return { app, get: <T>(path: string) => getJson<T>(app, path, cookie), cookie }
}

describe('GET /api/hotspots', () => {
  test('returns every study cell with count, z, p, bin and neighbours, and the band used', async () => {
    const { get } = await setup()
    const { res, body } = await get<HotspotJson>('/api/hotspots?from=2026-09-01&to=2026-11-01')
    expect(res.status).toBe(200)
    expect(body.cell).toBe('h3-10')
    expect(body.fdr).toBe(true)
    expect(body.features.length).toBe(body.n)
    expect(body.n).toBeGreaterThanOrEqual(30)
    expect(body.band_m).toBeGreaterThan(0)
    expect(body.features.reduce((a, f) => a + f.properties.count, 0)).toBe(body.incidents - body.dropped)
    for (const f of body.features.slice(0, 20)) {
      expect(f.properties.p).toBeGreaterThanOrEqual(0)
      expect(f.properties.p).toBeLessThanOrEqual(1)
      expect([-3, -2, -1, 0, 1, 2, 3]).toContain(f.properties.bin)
      expect(f.properties.neighbors).toBeGreaterThanOrEqual(1)
    }
  })

  test('finds the packed October cluster as a hot spot and names it first', async () => {
    const { get } = await setup()
    const { body } = await get<HotspotJson>('/api/hotspots?category=0501&from=2026-09-01&to=2026-11-01')
    const hottest = body.top[0]
    expect(hottest).toBeDefined()
    expect(hottest!.count).toBeGreaterThan(10)
    const cell = body.features.find((f) => f.id === hottest!.id)
    // skewed counts: p by conditional randomization, which holds the packed cell's own count fixed (95 % here)
    expect((body as unknown as { inference: string }).inference).toBe('exact-randomization')
    expect(cell?.properties.bin).toBeGreaterThanOrEqual(2)
    expect(['人民中路', '春熙路']).toContain(hottest!.street)
    expect(hottest!.zone_name).toBe('演示街道一')
  })

  test('z-scores can be recomputed from the response alone (grid cells, band from the response)', async () => {
    const { get } = await setup()
    const { body } = await get<HotspotJson>('/api/hotspots?cell=grid-100&band_m=250&fdr=false&from=2026-09-01&to=2026-11-01')
    expect(body.band_m).toBe(250)
    const cells = body.features.map((f) => {
      const ring = f.geometry.coordinates[0]!.slice(0, 4)
      return { y: f.properties.count, z: f.properties.z, lng: ring.reduce((a, p) => a + p[0], 0) / 4, lat: ring.reduce((a, p) => a + p[1], 0) / 4 }
    })
    const n = cells.length
    const mean = cells.reduce((a, c) => a + c.y, 0) / n
    const s = Math.sqrt(cells.reduce((a, c) => a + c.y * c.y, 0) / n - mean * mean)
    const kx = 111_195 * Math.cos((30.66 * Math.PI) / 180)
    for (const i of [0, Math.floor(n / 3), Math.floor(n / 2), n - 1]) {
      const ci = cells[i]!
      let sum = 0
      let w = 0
      for (const cj of cells) {
        if (Math.hypot((cj.lng - ci.lng) * kx, (cj.lat - ci.lat) * 111_195) <= body.band_m) {
          sum += cj.y
          w += 1
        }
      }
      const z = (sum - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)))
      expect(ci.z).toBeCloseTo(z, 3) // the layer prints z to four decimals
    }
  })

  test('refuses with 422 when nothing matches, so no cell can stand out', async () => {
    const { app, cookie } = await setup()
    const res = await app.request('/api/hotspots?category=0510&from=2026-01-01&to=2026-02-01', { headers: { cookie } })
    const body = await expectProblemResponse(res, 422, 'zero-variance')
    expect(body.detail).toContain('refused')
  })

  test.each([
    ['an unknown cell scheme', '/api/hotspots?cell=hex-7'],
    ['from after to', '/api/hotspots?from=2026-10-02&to=2026-10-01'],
    ['a negative band', '/api/hotspots?band_m=-5'],
    ['an unknown source', '/api/hotspots?source=twitter'],
  ])('rejects %s with 400', async (_label, path) => {
    const { app, cookie } = await setup()
    await expectProblemResponse(await app.request(path, { headers: { cookie } }), 400, 'invalid-query')
  })

  test('needs a signed-in user', async () => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request('/api/hotspots'), 401, 'unauthenticated')
  })
})

describe('period comparison, intersections, cell incidents and stats', () => {
  test('classifies the October cluster as new against September', async () => {
    const { get } = await setup()
    const { body } = await get<{ summary: Record<string, number>; features: { id: string; properties: { trend: string; bin: number; before_bin: number } }[] }>(
      '/api/hotspots/compare?category=0501&from=2026-10-01&to=2026-11-01&before_from=2026-09-01&before_to=2026-10-01',
    )
    expect(body.summary.new).toBeGreaterThan(0)
    const trends = new Set(body.features.map((f) => f.properties.trend))
    expect(trends.has('new')).toBe(true)
    for (const f of body.features.filter((f) => f.properties.trend === 'new')) {
      expect(f.properties.bin).toBeGreaterThan(0)
      expect(f.properties.before_bin).toBeLessThanOrEqual(0)
    }
  })

  test('ranks the crossing where vending packs, named by its streets', async () => {
    const { get } = await setup()
    const { body } = await get<{ intersections: { id: string; name: string; count: number }[] }>('/api/hotspots/intersections?from=2026-09-01&to=2026-11-01')
    expect(body.intersections[0]).toMatchObject({ id: 'n10', name: '人民中路 × 春熙路' })
    expect(body.intersections[0]!.count).toBeGreaterThan(50)
  })

  test('lists the incidents inside one hot cell', async () => {
    const { get } = await setup()
    const hot = await get<HotspotJson>('/api/hotspots?category=0501&from=2026-09-01&to=2026-11-01')
    const top = hot.body.top[0]!
    const { res, body } = await get<{ total: number; features: { properties: { category: string } }[] }>(`/api/hotspots/cells/${top.id}/incidents?category=0501&from=2026-09-01&to=2026-11-01`)
    expect(res.status).toBe(200)
    expect(body.total).toBe(top.count)
    expect(body.features.every((f) => f.properties.category === '0501')).toBe(true)
  })

  test('an unknown cell id is a 404', async () => {
    const { app, cookie } = await setup()
    await expectProblemResponse(await app.request('/api/hotspots/cells/nope/incidents', { headers: { cookie } }), 404, 'not-found')
  })

  test('counts incidents by category and by China-time month', async () => {
    const { get } = await setup()
    const { body } = await get<{ total: number; by_category: { category: string; count: number }[]; by_month: { month: string; total: number }[] }>('/api/stats/incidents?from=2026-09-01&to=2026-11-01')
    expect(body.by_category.reduce((a, c) => a + c.count, 0)).toBe(body.total)
    expect(body.by_month.reduce((a, m) => a + m.total, 0)).toBe(body.total)
    expect(body.by_month.map((m) => m.month)).toEqual(['2026-09', '2026-10'])
    expect(body.by_category[0]).toMatchObject({ category: '0501', count: 422 }) // 420 added + 2 in the tiny district
  })

  test('a new report counts at once in statistics and hotspots already computed', async () => {
    const { app, get } = await setup()
    type Stats = { total: number; by_category: { category: string; count: number }[] }
    const STATS = '/api/stats/incidents?from=2026-09-01&to=2026-11-02'
    const HOTSPOTS = '/api/hotspots?cell=grid-250&from=2026-09-01&to=2026-11-02&category=0501'
    const before = (await get<Stats>(STATS)).body
    const hotBefore = (await get<HotspotJson>(HOTSPOTS)).body
    const res = await app.request('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: '0501', lon: CLUSTER[0], lat: CLUSTER[1], description: '路口占道经营' }) })
    expect(res.status).toBe(201)
    const after = (await get<Stats>(STATS)).body
    expect(after.total).toBe(before.total + 1)
    expect(after.by_category.find((x) => x.category === '0501')?.count).toBe(before.by_category.find((x) => x.category === '0501')!.count + 1)
    expect((await get<HotspotJson>(HOTSPOTS)).body.incidents).toBe(hotBefore.incidents + 1)
  })
})
