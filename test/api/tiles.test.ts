// Vector tiles: decoded with @mapbox/vector-tile (MapLibre's own reader) and checked against the GeoJSON endpoints
// of the same layers — the same points, the same filters, the same access rules; cells at low zooms that add up to
// the layer's count; ETag and 304; gzip; and clear 4xx answers for what is not a tile.
import { VectorTile } from '@mapbox/vector-tile'
import Pbf from 'pbf'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { createTestApp, expectProblemResponse, getJson, signIn, type TestApp } from './helpers.ts'

/** The tile holding lon/lat at zoom z (the usual Web Mercator tiling). */
function tileOf(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)]
}

async function tile(app: TestApp, cookie: string, layer: string, [z, x, y]: [number, number, number], query = '', headers: Record<string, string> = {}) {
  const res = await app.request(`/api/tiles/${layer}/${z}/${x}/${y}.mvt${query}`, { headers: { cookie, ...headers } })
  const raw = new Uint8Array(await res.arrayBuffer())
  const bytes = res.headers.get('content-encoding') === 'gzip' ? new Uint8Array(gunzipSync(raw)) : raw
  const decoded = res.status === 200 ? new VectorTile(new Pbf(bytes)) : undefined
  const features = (name: string) => {
    const l = decoded?.layers[name]
    return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : []
  }
  return { res, features }
}

const CENTRE = [104.05, 30.66] as const

/** A crew marks the lamp repaired, with the version it just read. */
async function repair(app: TestApp, cookie: string, id: string): Promise<Response> {
  const lamp = await app.request(`/api/lamps/${id}`, { headers: { cookie } })
  return app.request(`/api/lamps/${id}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json', 'if-match': lamp.headers.get('etag') ?? '' },
    body: JSON.stringify({ status: 'ok' }),
  })
}

describe('vector tiles', () => {
  test('an incident tile at a detail zoom holds exactly the incidents the GeoJSON endpoint lists for its box, filters included', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const listed = (await getJson(app, '/api/incidents', cookie)).body.features.map((f) => f.id)
    const outage = (await getJson(app, '/api/incidents?category=0118', cookie)).body.features[0]!
    const [lon, lat] = outage.geometry.coordinates as [number, number]
    const t = tileOf(lon, lat, 15)
    const all = await tile(app, cookie, 'incidents', t)
    expect(all.res.status).toBe(200)
    expect(all.res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    const ids = all.features('incidents').map((f) => f.properties.id).sort()
    expect(ids.length).toBeGreaterThan(0)
    expect(ids.every((id) => listed.includes(String(id)))).toBe(true)
    const outages = await tile(app, cookie, 'incidents', t, '?category=0118')
    const outageIds = outages.features('incidents').map((f) => String(f.properties.id))
    expect(outageIds.length).toBeGreaterThan(0)
    expect(outageIds.length).toBeLessThan(ids.length)
    expect(outages.features('incidents').every((f) => f.properties.category === '0118')).toBe(true)
    // each point sits where the incident is: decode to lon/lat and compare
    const [z, x, y] = t
    for (const f of outages.features('incidents')) {
      const geo = f.toGeoJSON(x, y, z)
      const incident = (await getJson<{ geometry: { coordinates: [number, number] } }>(app, `/api/incidents/${String(f.properties.id)}`, cookie)).body
      const [tileLon, tileLat] = (geo.geometry as unknown as { coordinates: [number, number] }).coordinates
      expect(tileLon).toBeCloseTo(incident.geometry.coordinates[0], 4)
      expect(tileLat).toBeCloseTo(incident.geometry.coordinates[1], 4)
    }
  })

  test('at low zooms points come counted per cell, and the counts add up to the layer', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const t = tileOf(CENTRE[0], CENTRE[1], 10)
    const incidents = await tile(app, cookie, 'incidents', t)
    const cells = incidents.features('incidents')
    expect(cells.every((f) => f.properties.cluster === true)).toBe(true)
    const total = (await getJson(app, '/api/incidents', cookie)).body.features.length
    expect(cells.reduce((n, f) => n + Number(f.properties.count), 0)).toBe(total)
    const lamps = await tile(app, cookie, 'lamps', t)
    const lampCells = lamps.features('lamps')
    expect(lampCells.reduce((n, f) => n + Number(f.properties.count), 0)).toBe(5)
    expect(lampCells.reduce((n, f) => n + Number(f.properties.broken), 0)).toBe(3) // L000002, L000004, L000005
    const okOnly = await tile(app, cookie, 'lamps', t, '?status=ok')
    expect(okOnly.features('lamps').reduce((n, f) => n + Number(f.properties.count), 0)).toBe(2)
  })

  test('a lamp tile answers 304 to its ETag until a repair changes it', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const t = tileOf(104.048, 30.66, 16)
    const first = await tile(app, crew, 'lamps', t)
    const etag = first.res.headers.get('etag') ?? ''
    expect(first.features('lamps').find((f) => f.properties.id === 'L000002')?.properties.working).toBe(false)
    expect((await tile(app, crew, 'lamps', t, '', { 'if-none-match': etag })).res.status).toBe(304)
    expect((await repair(app, crew, 'L000002')).status).toBe(200)
    const after = await tile(app, crew, 'lamps', t, '', { 'if-none-match': etag })
    expect(after.res.status).toBe(200)
    expect(after.features('lamps').find((f) => f.properties.id === 'L000002')?.properties.working).toBe(true)
  })

  test('a kept incident tile is made again once a new report arrives', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const t = tileOf(CENTRE[0], CENTRE[1], 10)
    const count = (r: Awaited<ReturnType<typeof tile>>) => r.features('incidents').reduce((n, f) => n + Number(f.properties.count), 0)
    const before = await tile(app, cookie, 'incidents', t)
    const etag = before.res.headers.get('etag') ?? ''
    expect((await tile(app, cookie, 'incidents', t, '', { 'if-none-match': etag })).res.status).toBe(304)
    const report = await app.request('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: '0104', lon: 104.0585, lat: 30.668, description: '巷子很脏' }) })
    expect(report.status).toBe(201)
    const after = await tile(app, cookie, 'incidents', t, '', { 'if-none-match': etag })
    expect(after.res.status).toBe(200)
    expect(count(after)).toBe(count(before) + 1)
  })

  test('streets thin out by class at low zooms; dark zones come as lines', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'crew')
    const near = await tile(app, cookie, 'streets', tileOf(CENTRE[0], CENTRE[1], 14))
    expect(near.features('streets').map((f) => f.properties.id).sort()).toEqual(['w1', 'w2', 'w3'])
    const far = await tile(app, cookie, 'streets', tileOf(CENTRE[0], CENTRE[1], 11))
    // the primary road stays; the pedestrian street and the residential alley wait for closer zooms
    expect(far.features('streets').map((f) => f.properties.id)).toEqual(['w1'])
    const dark = await tile(app, cookie, 'dark-zones', tileOf(CENTRE[0], CENTRE[1], 14))
    const lines = dark.features('dark-zones')
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((f) => f.type === 2)).toBe(true)
    const coverage = (await getJson<{ dark_length_m: number }>(app, '/api/coverage', cookie)).body
    expect(lines.reduce((m, f) => m + Number(f.properties.length_m), 0)).toBeCloseTo(coverage.dark_length_m, 0)
  })

  test('a repair remakes the dark-zone and lamp tiles it touches, at every zoom, and they match the coverage', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const darkLength = async (z: number) => (await tile(app, crew, 'dark-zones', tileOf(CENTRE[0], CENTRE[1], z))).features('dark-zones').reduce((m, f) => m + Number(f.properties.length_m), 0)
    const coverage = async () => (await getJson<{ dark_length_m: number }>(app, '/api/coverage', crew)).body.dark_length_m
    const zooms = [12, 14, 16]
    const before = await Promise.all(zooms.map(darkLength))
    expect(before[1]).toBeCloseTo(await coverage(), 0)
    expect((await repair(app, crew, 'L000002')).status).toBe(200)
    const lit = await coverage()
    expect(lit).toBeLessThan(before[1]! - 1) // the repair lit something
    expect(await darkLength(14)).toBeCloseTo(lit, 0)
    // the lamp's own tiles at every zoom say it works now
    for (const z of [15, 16]) {
      const lamps = (await tile(app, crew, 'lamps', tileOf(104.048, 30.66, z))).features('lamps')
      expect(lamps.find((f) => f.properties.id === 'L000002')?.properties.working).toBe(true)
    }
    expect((await darkLength(12)) - lit).toBeCloseTo(before[0]! - before[1]!, 0)
  })

  test('tiles are gzipped for a client that accepts it', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const res = await tile(app, cookie, 'streets', tileOf(CENTRE[0], CENTRE[1], 14), '', { 'accept-encoding': 'gzip' })
    expect(res.res.headers.get('content-encoding')).toBe('gzip')
    expect(res.features('streets').length).toBe(3)
  })

  test('same access rules and clear 4xx answers', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const [z, x, y] = tileOf(CENTRE[0], CENTRE[1], 15)
    await expectProblemResponse(await app.request(`/api/tiles/incidents/${z}/${x}/${y}.mvt`), 401, 'unauthenticated')
    await expectProblemResponse(await app.request(`/api/tiles/buildings/${z}/${x}/${y}.mvt`, { headers: { cookie } }), 400, 'invalid-param')
    await expectProblemResponse(await app.request(`/api/tiles/incidents/3/8/1.mvt`, { headers: { cookie } }), 400, 'invalid-param')
    await expectProblemResponse(await app.request(`/api/tiles/incidents/${z}/${x}/${y}.png`, { headers: { cookie } }), 400, 'invalid-param')
    await expectProblemResponse(await app.request(`/api/tiles/lamps/${z}/${x}/${y}.mvt?category=0104`, { headers: { cookie } }), 400, 'invalid-query')
    await expectProblemResponse(await app.request(`/api/tiles/incidents/${z}/${x}/${y}.mvt?status=lost`, { headers: { cookie } }), 400, 'invalid-query')
    await expectProblemResponse(await app.request(`/api/tiles/incidents/${z}/${x}/${y}.mvt?category=9999`, { headers: { cookie } }), 400, 'invalid-query')
  })
})
