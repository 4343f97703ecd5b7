import { describe, expect, test } from 'vitest'
import { type CollectionJson, type TestApp, createTestApp, expectProblemResponse, getJson, signIn, TEST_STORE_KIND } from './helpers.ts'

/** A fresh app and a leader's session (lamps, incidents and the grid are staff-only reads). */
async function createSignedIn(): Promise<{ app: TestApp; get: (path: string) => Promise<{ res: Response; body: CollectionJson }> }> {
  const { app } = await createTestApp()
  const cookie = await signIn(app, 'leader')
  return { app, get: (path: string) => getJson<CollectionJson>(app, path, cookie) }
}

async function expectProblem(path: string, status: number, code: string) {
  const { app } = await createTestApp()
  const cookie = await signIn(app, 'leader')
  return expectProblemResponse(await app.request(path, { headers: { cookie } }), status, code)
}

describe('GET /api/health and /api/meta', () => {
  test('reports ok with the store kind and layer counts', async () => {
    const { app } = await createTestApp()
    const { res, body } = await getJson<{ status: string; store: string; demo: boolean; counts: Record<string, number> }>(app, '/api/health')
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', store: TEST_STORE_KIND, demo: true })
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(body.counts).toMatchObject({ streets: 3, lamps: 5, incidents: 6, zones: 1, intersections: 1, grid: 4 })
  })

  test('meta gives bounds, centre and the taxonomies', async () => {
    const { app } = await createTestApp()
    const { body } = await getJson<{ bounds: number[]; center: number[]; incident_categories: { code: string; name: string }[]; street_categories: string[] }>(app, '/api/meta')
    expect(body.bounds).toEqual([104.04, 30.65, 104.06, 30.67])
    expect(body.center[0]).toBeCloseTo(104.05, 9)
    expect(body.incident_categories.map((c) => c.code)).toContain('0501')
    expect(body.incident_categories.find((c) => c.code === '0501')?.name).toBe('无照经营游商')
    expect(body.street_categories).toEqual(['demonstration', 'regulated', 'commercial'])
  })
})

describe('layer endpoints return RFC 7946 FeatureCollections', () => {
  test('streets carry name, highway, category and length with stable ids', async () => {
    const { app } = await createTestApp()
    const { res, body } = await getJson(app, '/api/streets')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(body.type).toBe('FeatureCollection')
    expect(body.features.map((f) => f.id)).toEqual(['w1', 'w2', 'w3'])
    const w2 = body.features[1]
    expect(w2?.geometry.type).toBe('LineString')
    expect(w2?.properties).toMatchObject({ name: '春熙路', highway: 'pedestrian', category: 'commercial', length_m: 444 })
  })

  test('streets filter by category and by bbox', async () => {
    const { app } = await createTestApp()
    const byCategory = await getJson(app, '/api/streets?category=commercial,regulated')
    expect(byCategory.body.features.map((f) => f.id).sort()).toEqual(['w2', 'w3'])
    // Only w3 lies in the north-east corner box.
    const byBox = await getJson(app, '/api/streets?bbox=104.057,30.667,104.06,30.67')
    expect(byBox.body.features.map((f) => f.id)).toEqual(['w3'])
  })

  test('a single street and a missing one', async () => {
    const { app } = await createTestApp()
    const { res, body } = await getJson<{ id: string; properties: { name: string } }>(app, '/api/streets/w2')
    expect(res.status).toBe(200)
    expect(body.properties.name).toBe('春熙路')
    await expectProblem('/api/streets/w999', 404, 'not-found')
  })

  test('lamps carry status and street id, and filter by status and bbox', async () => {
    const { get } = await createSignedIn()
    const all = await get('/api/lamps')
    expect(all.body.features).toHaveLength(5)
    expect(all.body.features[0]?.properties).toMatchObject({ status: 'ok', street_id: 'w1', height_m: 12, zone_id: '001' })
    const broken = await get('/api/lamps?status=defective_lamp,broken_lantern,column_issue')
    expect(broken.body.features.map((f) => f.id)).toEqual(['L000002', 'L000004', 'L000005'])
    const boxed = await get('/api/lamps?bbox=104.045,30.659,104.047,30.661')
    expect(boxed.body.features.map((f) => f.id)).toEqual(['L000001'])
  })

  test('incidents carry category, status and reported_at with an offset', async () => {
    const { get } = await createSignedIn()
    const { body } = await get('/api/incidents')
    expect(body.features).toHaveLength(6)
    expect(body.total).toBe(6)
    expect(body.truncated).toBe(false)
    for (const f of body.features) {
      expect(f.geometry.type).toBe('Point')
      expect(String(f.properties.reported_at)).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
    }
    expect(body.features[0]?.properties).toMatchObject({ category: '0501', status: 'closed', source: 'patrol' })
  })

  test('incidents filter by category, status, bbox and a half-open time window', async () => {
    const { get } = await createSignedIn()
    const vending = await get('/api/incidents?category=0501')
    expect(vending.body.features.map((f) => f.id)).toEqual(['I0000001', 'I0000002'])
    const open = await get('/api/incidents?status=reported,dispatched')
    expect(open.body.features.map((f) => f.id)).toEqual(['I0000003', 'I0000002', 'I0000004'])
    // from is inclusive, to exclusive; a bare date is midnight China time (+08:00).
    const october = await get('/api/incidents?from=2026-10-01&to=2026-10-15T08:00:00%2B08:00')
    expect(october.body.features.map((f) => f.id)).toEqual(['I0000002', 'I0000004'])
    const boxed = await get('/api/incidents?bbox=104.058,30.667,104.06,30.67&category=0118')
    expect(boxed.body.features.map((f) => f.id)).toEqual(['I0000003', 'I0000004'])
  })

  test('incidents with an explicit limit say they are truncated', async () => {
    const { get } = await createSignedIn()
    const { body } = await get('/api/incidents?limit=2')
    expect(body.features).toHaveLength(2)
    expect(body).toMatchObject({ total: 6, truncated: true })
  })

  test('zones, intersections, grid and basemap layers', async () => {
    const { app, get } = await createSignedIn()
    const zones = await getJson(app, '/api/zones')
    expect(zones.body.features[0]).toMatchObject({ id: '001', properties: { name: '演示街道一', code: '510104001' } })
    expect(zones.body.features[0]?.geometry.type).toBe('Polygon')
    const crossings = await getJson(app, '/api/intersections')
    expect(crossings.body.features[0]?.properties).toMatchObject({ names: ['人民中路', '春熙路'], degree: 3 })
    const grid = await get('/api/grid?bbox=104.057,30.65,104.06,30.653')
    expect(grid.body.features.map((f) => f.id)).toEqual(['51010400100201', '51010400100202'])
    const buildings = await getJson(app, '/api/basemap/buildings')
    expect(buildings.body.features[0]?.properties.name).toBe('天府广场')
    const water = await getJson(app, '/api/basemap/water')
    expect(water.body.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon'])
  })

  test('an empty bbox result is an empty collection, not an error', async () => {
    const { get } = await createSignedIn()
    const { res, body } = await get('/api/lamps?bbox=0,0,1,1')
    expect(res.status).toBe(200)
    expect(body.features).toEqual([])
  })
})

describe('bad input is refused with 400 problem+json', () => {
  test.each([
    ['west > east', '/api/streets?bbox=104.06,30.65,104.04,30.67', 'west must not be greater than east'],
    ['south > north', '/api/lamps?bbox=104.04,30.67,104.06,30.65', 'south must not be greater than north'],
    ['latitude 95', '/api/incidents?bbox=104.04,30.65,104.06,95', 'latitudes must be within'],
    ['longitude 181', '/api/intersections?bbox=181,30,182,31', 'longitudes must be within'],
    ['non-numeric bbox', '/api/streets?bbox=a,b,c,d', 'is not a number'],
    ['three-number bbox', '/api/streets?bbox=1,2,3', 'four numbers'],
    ['unknown street category', '/api/streets?category=industrial', 'unknown category "industrial"'],
    ['unknown lamp status', '/api/lamps?status=flickering', 'unknown status "flickering"'],
    ['unknown incident category', '/api/incidents?category=9999', 'unknown category "9999"'],
    ['unknown incident status', '/api/incidents?status=lost', 'unknown status "lost"'],
    ['from > to', '/api/incidents?from=2026-10-02&to=2026-10-01', 'from must not be later than to'],
    ['non-date from', '/api/incidents?from=yesterday', 'is not an ISO 8601'],
    ['date-time without offset', '/api/incidents?to=2026-10-01T12:00:00', 'is not an ISO 8601'],
    ['non-numeric limit', '/api/incidents?limit=lots', 'limit must be a positive integer'],
    ['limit over the cap', '/api/incidents?limit=999999', 'at most 50000'],
    ['unknown parameter', '/api/zones?colour=red', ''],
    ['grid with bad bbox', '/api/grid?bbox=1,2,3,x', 'is not a number'],
  ])('rejects %s', async (_label, path, message) => {
    const body = await expectProblem(path, 400, 'invalid-query')
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(body.detail).toContain(message)
  })

  test('an unknown route is a 404 problem', async () => {
    await expectProblem('/api/no-such-layer', 404, 'not-found')
  })

  test('a refused request leaves stored data untouched', async () => {
    const { app, get } = await createSignedIn()
    await app.request('/api/incidents?from=2026-10-02&to=2026-10-01')
    const { body } = await get('/api/incidents')
    expect(body.features).toHaveLength(6)
  })
})

describe('staff-only layers', () => {
  test.each(['/api/lamps', '/api/lamps/L000001', '/api/incidents', '/api/incidents/I0000001', '/api/grid'])('%s needs a signed-in user (401)', async (path) => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request(path), 401, 'unauthenticated')
  })

  test.each(['/api/streets', '/api/zones', '/api/intersections', '/api/meta', '/api/basemap/water'])('%s is public for the citizen report page', async (path) => {
    const { app } = await createTestApp()
    expect((await app.request(path)).status).toBe(200)
  })
})
