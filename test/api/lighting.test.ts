import { describe, expect, test } from 'vitest'
import { computeDarkZones } from '../../server/analysis/dark-zones.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'
import { type CollectionJson, createTestApp, expectProblemResponse, getJson, signIn } from './helpers.ts'

interface Coverage {
  total_length_m: number
  dark_length_m: number
  lit_share: number
  radius_m_by_highway: Record<string, number>
  by_zone: { zone_id: string; name: string; length_m: number; dark_length_m: number; lit_share: number }[]
  working_lamps: number
  lamps: number
}

// Every lamp of a fresh test district is at version 1.
const patch = (body: unknown, cookie: string, ifMatch: string | null = '"1"'): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', cookie, ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
  body: JSON.stringify(body),
})

/** The tiny district's dark length computed independently of the app, from its own data and a working-lamp set. */
function expectedDarkLengthM(workingIds: string[]): number {
  const d = createTinyDistrict()
  const result = computeDarkZones(
    d.streets.map((s) => ({ id: s.id, name: s.name, highway: s.highway, zoneId: s.zoneId, coordinates: s.coordinates })),
    d.lamps.map((l) => ({ id: l.id, coordinates: l.coordinates, working: workingIds.includes(l.id) })),
  )
  return result.totals.darkLengthM
}

describe('lighting coverage and dark zones', () => {
  test('coverage reports totals, the radius table used and each zone', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'crew')
    const { res, body } = await getJson<Coverage>(app, '/api/coverage', cookie)
    expect(res.status).toBe(200)
    expect(body.radius_m_by_highway).toMatchObject({ primary: 18, residential: 15, pedestrian: 10 })
    expect(body.dark_length_m).toBeCloseTo(expectedDarkLengthM(['L000001', 'L000003']), 0)
    expect(body.dark_length_m).toBeLessThan(body.total_length_m)
    expect(body.lit_share).toBeCloseTo(1 - body.dark_length_m / body.total_length_m, 4)
    expect(body.by_zone).toHaveLength(1)
    expect(body.by_zone[0]).toMatchObject({ zone_id: '001', name: '演示街道一' })
    expect(body).toMatchObject({ working_lamps: 2, lamps: 5 })
  })

  test('lamps carry `working`: status ok and no open outage report', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const { body } = await getJson<CollectionJson>(app, '/api/lamps', cookie)
    expect(Object.fromEntries(body.features.map((f) => [f.id, f.properties.working]))).toEqual({
      L000001: true,
      L000002: false,
      L000003: true,
      L000004: false,
      L000005: false,
    })
  })

  test('an ok lamp with an open outage report is not working', async () => {
    const district = createTinyDistrict()
    const report = district.incidents.find((x) => x.id === 'I0000004')
    if (!report) throw new Error('fixture changed')
    report.lampId = 'L000001'
    const { app } = await createTestApp({ district })
    const cookie = await signIn(app, 'leader')
    const { body } = await getJson<CollectionJson>(app, '/api/lamps/L000001' as string, cookie)
    expect((body as unknown as { properties: { working: boolean } }).properties.working).toBe(false)
  })

  test('dark zones are LineStrings with street id and length, filterable by bbox', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'crew')
    const all = await getJson<CollectionJson>(app, '/api/dark-zones', cookie)
    expect(all.body.features.length).toBeGreaterThan(0)
    for (const f of all.body.features) {
      expect(f.geometry.type).toBe('LineString')
      expect(typeof f.properties.street_id).toBe('string')
      expect(f.properties.length_m).toBeGreaterThan(0)
    }
    const total = all.body.features.reduce((sum, f) => sum + Number(f.properties.length_m), 0)
    expect(total).toBeCloseTo(expectedDarkLengthM(['L000001', 'L000003']), 0)
    const w3 = await getJson<CollectionJson>(app, '/api/dark-zones?bbox=104.0575,30.6675,104.0595,30.6685', cookie)
    expect(new Set(w3.body.features.map((f) => f.properties.street_id))).toEqual(new Set(['w3']))
  })
})

describe('PATCH /api/lamps/:id', () => {
  test('marking a lamp repaired closes its outage reports and updates coverage and dark zones at once', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const before = (await getJson<Coverage>(app, '/api/coverage', crew)).body
    const res = await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { id: string; properties: { status: string; working: boolean }; closed_incident_ids: string[]; coverage: { dark_length_m: number }; dark_zones: CollectionJson }
    expect(body).toMatchObject({ id: 'L000004', properties: { status: 'ok', working: true } })
    expect(body.closed_incident_ids).toEqual(['I0000003', 'I0000004'])
    const expected = expectedDarkLengthM(['L000001', 'L000003', 'L000004'])
    expect(body.coverage.dark_length_m).toBeCloseTo(expected, 0)
    expect(body.coverage.dark_length_m).toBeLessThan(before.dark_length_m)
    expect(body.dark_zones.type).toBe('FeatureCollection')

    const after = (await getJson<Coverage>(app, '/api/coverage', crew)).body
    expect(after.dark_length_m).toBeCloseTo(expected, 0)
    expect(after.working_lamps).toBe(before.working_lamps + 1)
    const lamp = await getJson<{ properties: { working: boolean } }>(app, '/api/lamps/L000004', crew)
    expect(lamp.body.properties.working).toBe(true)
    const report = await getJson<{ properties: { status: string; closed_at: string | null } }>(app, '/api/incidents/I0000003', crew)
    expect(report.body.properties.status).toBe('closed')
    expect(report.body.properties.closed_at).not.toBeNull()
  })

  test('marking a working lamp broken darkens its stretch', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const res = await app.request('/api/lamps/L000001', patch({ status: 'defective_lamp' }, crew))
    const body = (await res.json()) as { properties: { working: boolean }; coverage: { dark_length_m: number } }
    expect(body.properties.working).toBe(false)
    expect(body.coverage.dark_length_m).toBeCloseTo(expectedDarkLengthM(['L000003']), 0)
  })

  test('records the change in the audit log', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    await app.request('/api/lamps/L000002', patch({ status: 'ok' }, crew))
    const admin = await signIn(app, 'admin')
    const { body } = await getJson<{ action: string; username: string; entity_id: string; before: { status: string }; after: { status: string } }[]>(app, '/api/audit?entity=lamp', admin)
    expect(body[0]).toMatchObject({ action: 'lamp.update', username: 'crew', entity_id: 'L000002', before: { status: 'defective_lamp' }, after: { status: 'ok' } })
  })

  test('a lamp write needs the version it was made from: 428 without, 409 when stale, and nothing changes', async () => {
    const { app, store } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const loaded = await app.request('/api/lamps/L000004', { headers: { cookie: crew } })
    expect(loaded.headers.get('etag')).toBe('"1"')
    expect(((await loaded.json()) as { properties: { version: number } }).properties.version).toBe(1)
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew, null)), 428, 'precondition-required')
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew, '"1')), 400, 'invalid-header')
    const first = await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew))
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toBe('"2"')
    // A second crew that loaded version 1 does not overwrite the repair.
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'broken_lantern' }, crew)), 409, 'conflict')
    expect((await store.lamp('L000004'))?.status).toBe('ok')
    expect((await store.lamp('L000004'))?.version).toBe(2)
  })

  test('a repair records the lamp history and closes its outage cases with a timeline step and a new version', async () => {
    const { app, store } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const before = await Promise.all(['I0000003', 'I0000004'].map((id) => store.case(id)))
    await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew))
    for (const [i, id] of ['I0000003', 'I0000004'].entries()) {
      const after = await store.case(id)
      expect(after?.status).toBe('closed')
      expect(after?.version).toBe((before[i]?.version ?? 0) + 1)
      const last = (await store.caseEvents(id)).at(-1)
      expect(last).toMatchObject({ action: 'lamp_repair', toStatus: 'closed', username: 'crew' })
    }
    const leader = await signIn(app, 'leader')
    const { body } = await getJson<{ from_status: string; to_status: string; username: string; closed_case_ids: string[] }[]>(app, '/api/lamps/L000004/history', leader)
    const crewName = (await store.users()).find((u) => u.username === 'crew')?.displayName
    expect(crewName).toBeTruthy()
    expect(body).toEqual([{ at: expect.any(String), from_status: 'broken_lantern', to_status: 'ok', username: 'crew', display_name: crewName, closed_case_ids: ['I0000003', 'I0000004'] }])
  })

  test('refuses an unknown status, an unknown lamp, the wrong role and a crew outside its zones', async () => {
    const { app, store } = await createTestApp()
    const crew = await signIn(app, 'crew')
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'fixed' }, crew)), 400, 'invalid-body')
    await expectProblemResponse(await app.request('/api/lamps/L999999', patch({ status: 'ok' }, crew)), 404, 'not-found')
    const planner = await signIn(app, 'planner')
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'ok' }, planner)), 403, 'forbidden')
    const crewUser = (await store.users()).find((u) => u.username === 'crew')
    if (!crewUser) throw new Error('no crew')
    await store.updateUser(crewUser.id, { zoneIds: ['002'] }, { userId: null, username: 'test' })
    await expectProblemResponse(await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew)), 403, 'forbidden')
    expect((await store.lamp('L000004'))?.status).toBe('broken_lantern')
  })
})

describe('crew work list, priorities and the retrofit plan', () => {
  test('the work list holds exactly the lamps that are not working, with legs summing to the total', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    const { body } = await getJson<{ stops: { lamp_id: string; leg_m: number }[]; total_m: number }>(app, '/api/lamps/work-list', crew)
    expect(body.stops.map((s) => s.lamp_id).sort()).toEqual(['L000002', 'L000004', 'L000005'])
    expect(body.stops.reduce((a, s) => a + s.leg_m, 0)).toBeCloseTo(body.total_m, 0)
    await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew))
    const after = await getJson<{ stops: { lamp_id: string }[] }>(app, '/api/lamps/work-list', crew)
    expect(after.body.stops.map((s) => s.lamp_id).sort()).toEqual(['L000002', 'L000005'])
  })

  test('the work list after a repair no longer holds the lamp (second write at the new version)', async () => {
    const { app } = await createTestApp()
    const crew = await signIn(app, 'crew')
    expect((await app.request('/api/lamps/L000004', patch({ status: 'ok' }, crew))).status).toBe(200)
    expect((await app.request('/api/lamps/L000004', patch({ status: 'column_issue' }, crew, '"2"'))).status).toBe(200)
    const after = await getJson<{ stops: { lamp_id: string }[] }>(app, '/api/lamps/work-list', crew)
    expect(after.body.stops.map((s) => s.lamp_id)).toContain('L000004')
  })

  test('ranks dark stretches by length × (1 + night incidents + outage reports)', async () => {
    const { app } = await createTestApp({ clock: () => new Date('2026-10-25T12:00:00+08:00') })
    const cookie = await signIn(app, 'leader')
    const { body } = await getJson<{ id: string; length_m: number; night_incidents: number; outage_reports: number; score: number }[]>(app, '/api/dark-zones/ranked', cookie)
    expect(body.length).toBeGreaterThan(0)
    for (const r of body) expect(r.score).toBeCloseTo(r.length_m * (1 + r.night_incidents + r.outage_reports), 0)
    for (let i = 1; i < body.length; i++) expect(body[i - 1]!.score).toBeGreaterThanOrEqual(body[i]!.score)
    // 小通巷 (w3) has the two outage reports of lamp L000004 on it.
    expect(body.find((r) => r.id.startsWith('w3:'))?.outage_reports).toBe(2)
  })

  test('the retrofit plan closes every dark stretch and exports CSV and GeoJSON', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const { res, body } = await getJson<{ features: { properties: { street_id: string; spacing_m: number } }[]; lit_share_before: number; lit_share_after: number; proposed_count: number }>(app, '/api/retrofit-plan', planner)
    expect(res.status).toBe(200)
    expect(body.proposed_count).toBe(body.features.length)
    expect(body.proposed_count).toBeGreaterThan(0)
    expect(body.lit_share_before).toBeLessThan(1)
    expect(body.lit_share_after).toBeCloseTo(1, 9)
    for (const f of body.features) expect(f.properties.spacing_m).toBeLessThanOrEqual(36)
    const csv = await app.request('/api/retrofit-plan.csv', { headers: { cookie: planner } })
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="retrofit-plan.csv"/)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM, so Excel reads UTF-8
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    expect(lines[0]).toBe('id,lng,lat,street_id,street_name,highway,spacing_m')
    expect(lines).toHaveLength(body.proposed_count + 1)
    const geojson = await app.request('/api/retrofit-plan.geojson', { headers: { cookie: planner } })
    expect(geojson.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    const crew = await signIn(app, 'crew')
    await expectProblemResponse(await app.request('/api/retrofit-plan', { headers: { cookie: crew } }), 403, 'forbidden')
  })
})
