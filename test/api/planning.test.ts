import { describe, expect, test } from 'vitest'
import { type CollectionJson, createTestApp, expectProblemResponse, getJson, signIn } from './helpers.ts'

const send = (method: string, body: unknown, cookie?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})

// In the tiny district 人民中路 (w1) is a demonstration street along 30.66° N and 春熙路 (w2) a commercial one
// running north from the crossing at 104.05.
const ON_DEMONSTRATION = { type: 'Point', coordinates: [104.047, 30.66] }
const ON_COMMERCIAL = { type: 'Point', coordinates: [104.05, 30.663] }

interface PointJson {
  id: string
  properties: { status: string; version: number; violations: { code: string; message: string; message_en: string }[] }
}

describe('street categories', () => {
  test('a planner changes a category with a reason; history keeps who, when, from → to', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const res = await app.request('/api/streets/w3', send('PATCH', { category: 'commercial', reason: '夜市试点' }, planner))
    expect(res.status).toBe(200)
    const body = (await res.json()) as CollectionJson
    expect(body.features.map((f) => [f.id, f.properties.category])).toEqual([['w3', 'commercial']])
    const street = await getJson(app, '/api/streets?category=commercial')
    expect(street.body.features.map((f) => f.id).sort()).toEqual(['w2', 'w3'])
    const history = await getJson<{ from: string; to: string; reason: string; username: string; at: string }[]>(app, '/api/streets/w3/history', planner)
    expect(history.body).toHaveLength(1)
    expect(history.body[0]).toMatchObject({ from: 'regulated', to: 'commercial', reason: '夜市试点', username: 'planner' })
  })

  test('scope "name" changes every way of the named street', async () => {
    const district = (await import('../fixtures/tiny-district.ts')).createTinyDistrict()
    district.streets.push({ ...district.streets[0]!, id: 'w4', osmId: 4, coordinates: [[104.055, 30.66], [104.058, 30.66]] })
    const { app } = await createTestApp({ district })
    const planner = await signIn(app, 'planner')
    const res = await app.request('/api/streets/w1', send('PATCH', { category: 'regulated', reason: '改为规范街', scope: 'name' }, planner))
    const body = (await res.json()) as CollectionJson
    expect(body.features.map((f) => f.id).sort()).toEqual(['w1', 'w4'])
  })

  test('refuses an unknown category, a missing reason, another role and an unknown street', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    await expectProblemResponse(await app.request('/api/streets/w3', send('PATCH', { category: 'industrial', reason: 'x1' }, planner)), 400, 'invalid-body')
    await expectProblemResponse(await app.request('/api/streets/w3', send('PATCH', { category: 'commercial' }, planner)), 400, 'invalid-body')
    await expectProblemResponse(await app.request('/api/streets/w999', send('PATCH', { category: 'commercial', reason: '试点' }, planner)), 404, 'not-found')
    const crew = await signIn(app, 'crew')
    await expectProblemResponse(await app.request('/api/streets/w3', send('PATCH', { category: 'commercial', reason: '试点' }, crew)), 403, 'forbidden')
    const { body } = await getJson(app, '/api/streets/w3')
    expect((body as unknown as { properties: { category: string } }).properties.category).toBe('regulated')
  })
})

describe('guidance points', () => {
  test('checks a position without sign-in and explains each broken rule in zh and en', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/guidance-points/check', send('POST', { geometry: ON_DEMONSTRATION }))
    expect(res.status).toBe(200)
    const { violations } = (await res.json()) as { violations: { code: string; message: string; message_en: string }[] }
    expect(violations.map((v) => v.code).sort()).toEqual(['not-beside-allowed-street', 'on-demonstration-street'])
    for (const v of violations) {
      expect(v.message.length).toBeGreaterThan(0)
      expect(v.message_en.length).toBeGreaterThan(0)
    }
    const ok = await app.request('/api/guidance-points/check', send('POST', { geometry: ON_COMMERCIAL }))
    expect(((await ok.json()) as { violations: unknown[] }).violations).toEqual([])
  })

  test('a malformed geometry is a 400; a ring that is no valid polygon is a 422 naming what is wrong', async () => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request('/api/guidance-points/check', send('POST', { geometry: { type: 'Point', coordinates: [200, 30] } })), 400, 'invalid-body')
    await expectProblemResponse(await app.request('/api/guidance-points/check', send('POST', { geometry: { type: 'Polygon', coordinates: [[104, 30]] } })), 400, 'invalid-body')
    const polygonProblem = async (ring: number[][]) =>
      (await expectProblemResponse(await app.request('/api/guidance-points/check', send('POST', { geometry: { type: 'Polygon', coordinates: [ring] } })), 422, 'invalid-geometry')).detail
    expect(await polygonProblem([[104, 30], [104.001, 30], [104, 30.001]])).toMatch(/at least 4/)
    expect(await polygonProblem([[104, 30], [104.001, 30], [104.001, 30.001], [104, 30.001]])).toMatch(/closed/)
    expect(await polygonProblem([[104.05, 30.663], [104.051, 30.664], [104.051, 30.663], [104.05, 30.664], [104.05, 30.663]])).toMatch(/crosses itself/)
    const circle = Array.from({ length: 250 }, (_, i) => [104.05 + 0.001 * Math.cos(i / 40), 30.663 + 0.001 * Math.sin(i / 40)])
    expect(await polygonProblem([...circle, circle[0]!])).toMatch(/at most 200/)
  })

  test('a guidance point outside the district is a 422 and is not stored', async () => {
    const { app, store } = await createTestApp()
    const planner = await signIn(app, 'planner')
    await expectProblemResponse(await app.request('/api/guidance-points', send('POST', { name: '远方', geometry: { type: 'Point', coordinates: [0, 30.69] }, capacity: 5, unit: '大队' }, planner)), 422, 'outside-district')
    expect(await store.guidancePoints({ includeRetired: true })).toEqual([])
  })

  test('every edit carries the version it was made from', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const created = (await (await app.request('/api/guidance-points', send('POST', { name: '点', geometry: ON_COMMERCIAL, capacity: 5, unit: '大队' }, planner))).json()) as PointJson
    const problem = await expectProblemResponse(await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { name: '新名字' }, planner)), 400, 'invalid-body')
    expect(problem.errors?.map((e) => e.path)).toContain('version')
  })

  test('journey: propose on a demonstration street, approval refused with the violations, move, approve', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const created = await app.request('/api/guidance-points', send('POST', { name: '春熙路夜市点', geometry: ON_DEMONSTRATION, capacity: 12, unit: '锦江区城管执法大队', opening_hours: '18:00-22:00' }, planner))
    expect(created.status).toBe(201)
    const point = (await created.json()) as PointJson
    expect(point.id).toBe('G0001')
    expect(point.properties.status).toBe('proposed')
    expect(point.properties.violations.map((v) => v.code)).toContain('on-demonstration-street')

    const refused = await app.request(`/api/guidance-points/${point.id}`, send('PATCH', { status: 'approved', version: point.properties.version }, planner))
    const problem = (await expectProblemResponse(refused, 422, 'rule-violations')) as unknown as { violations: { code: string }[] }
    expect(problem.violations.map((v) => v.code)).toContain('on-demonstration-street')

    const moved = await app.request(`/api/guidance-points/${point.id}`, send('PATCH', { geometry: ON_COMMERCIAL, version: point.properties.version }, planner))
    expect(moved.status).toBe(200)
    const movedBody = (await moved.json()) as PointJson
    expect(movedBody.properties.violations).toEqual([])
    const approved = await app.request(`/api/guidance-points/${point.id}`, send('PATCH', { status: 'approved', version: movedBody.properties.version }, planner))
    expect(approved.status).toBe(200)
    expect(((await approved.json()) as PointJson).properties.status).toBe('approved')

    const leader = await signIn(app, 'leader')
    const list = await getJson<CollectionJson>(app, '/api/guidance-points', leader)
    expect(list.body.features.map((f) => [f.id, f.properties.status])).toEqual([['G0001', 'approved']])
    const audit = await getJson<{ action: string }[]>(app, '/api/audit?entity=guidance-point', leader)
    expect(audit.body.map((e) => e.action)).toEqual(['guidance-point.update', 'guidance-point.update', 'guidance-point.create'])
  })

  test('moving an approved point onto a demonstration street is refused and leaves it where it was', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const created = (await (await app.request('/api/guidance-points', send('POST', { name: '点', geometry: ON_COMMERCIAL, capacity: 5, unit: '大队' }, planner))).json()) as PointJson
    await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { status: 'approved', version: 1 }, planner))
    await expectProblemResponse(await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { geometry: ON_DEMONSTRATION, version: 2 }, planner)), 422, 'rule-violations')
    const list = await getJson<CollectionJson>(app, '/api/guidance-points', planner)
    expect(list.body.features[0]?.geometry.coordinates).toEqual(ON_COMMERCIAL.coordinates)
  })

  test('a stale version is a 409 and an impossible status change is a 409', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const created = (await (await app.request('/api/guidance-points', send('POST', { name: '点', geometry: ON_COMMERCIAL, capacity: 5, unit: '大队' }, planner))).json()) as PointJson
    expect((await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { name: '新名字', version: 1 }, planner))).status).toBe(200)
    await expectProblemResponse(await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { name: '别的名字', version: 1 }, planner)), 409, 'conflict')
    expect((await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { status: 'retired', version: 2 }, planner))).status).toBe(200)
    await expectProblemResponse(await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { status: 'active', version: 3 }, planner)), 409, 'conflict')
  })

  test('zero capacity cannot be approved', async () => {
    const { app } = await createTestApp()
    const planner = await signIn(app, 'planner')
    const created = (await (await app.request('/api/guidance-points', send('POST', { name: '点', geometry: ON_COMMERCIAL, capacity: 0, unit: '大队' }, planner))).json()) as PointJson
    const problem = (await expectProblemResponse(await app.request(`/api/guidance-points/${created.id}`, send('PATCH', { status: 'approved', version: 1 }, planner)), 422, 'rule-violations')) as unknown as { violations: { code: string }[] }
    expect(problem.violations.map((v) => v.code)).toEqual(['no-capacity'])
  })
})
