// Malformed requests the route fuzzing (fuzz.test.ts) turned up, each pinned as its own case with the exact answer
// expected, so a regression names the input rather than a random seed.
import { readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { photoForm } from './fuzz-inputs.ts'
import { NOW, createFixture } from './fuzz-fixture.ts'
import { createTestApp, signIn } from './helpers.ts'
import { snapshotStore } from './store-snapshot.ts'

describe('malformed inputs the route fuzzing once found mishandled', () => {
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  async function expectProblem(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(((await res.json()) as { code: string }).code).toBe(code)
  }

  test('a multipart upload without a boundary or with a garbled body is 400 invalid-body', async () => {
    const f = await createFixture()
    const dispatcher = await f.cookie('dispatcher')
    for (const [path, cookie] of [[`/api/cases/${f.ids.reportedCase}/photos`, dispatcher], [`/api/reports/${f.ids.openTracking}/photos`, undefined]] as const) {
      for (const [contentType, body] of [['multipart/form-data', 'xx'], ['multipart/form-data; boundary=abc', '--abc\r\ngarbage']] as const) {
        await expectProblem(await f.app.request(path, { method: 'POST', headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) }, body }), 400, 'invalid-body')
      }
    }
    expect(readdirSync(f.photoDir)).toHaveLength(1) // the fixture's own photo only
  })

  test('a 6 MB photo is 413 too-large', async () => {
    const f = await createFixture()
    await expectProblem(await f.app.request(`/api/reports/${f.ids.openTracking}/photos`, { method: 'POST', body: photoForm('photo', new Uint8Array(6_000_000)) }), 413, 'too-large')
  })

  test.each([
    ['an offset past 2^53', '/api/cases?offset=99999999999999999999'],
    ['30 February', '/api/cases?from=2024-02-30'],
    ['hour 24', '/api/incidents?to=2026-01-01T24:00:00Z'],
    ['a hex bbox', '/api/streets?bbox=0x10,0,20,10'],
    ['an exponent bbox', '/api/streets?bbox=1e2,0,2e2,10'],
    ['an exponent longitude', '/api/reports/similar?category=0501&lon=1.04e2&lat=30.66'],
    ['an empty latitude', '/api/reports/similar?category=0501&lon=104.05&lat='],
    ['a hex walking radius', '/api/guidance-points/suggestions?walk_radius_m=0x100'],
    ['an audit cursor past 2^53', '/api/audit?before=99999999999999999999'],
  ])('%s in a query is 400 invalid-query', async (_, path) => {
    const { app } = await createTestApp({ clock: () => NOW })
    await expectProblem(await app.request(path, { headers: { cookie: await signIn(app, 'admin') } }), 400, 'invalid-query')
  })

  test('a measure deadline that does not exist is refused and nothing is stored', async () => {
    const f = await createFixture()
    const leader = (await f.cookie('leader'))!
    const before = await snapshotStore(f.store, f.photoDir)
    const measure = { area: 'sanitation', title: '背街小巷保洁', unit_id: 'SAN', person: '陈处长', deadline: '2026-02-31' }
    await expectProblem(await f.app.request('/api/measures', json('POST', measure, { cookie: leader })), 400, 'invalid-body')
    await expectProblem(await f.app.request(`/api/measures/${f.ids.measure}`, json('PATCH', { deadline: '2026-04-31' }, { cookie: leader })), 400, 'invalid-body')
    expect((await snapshotStore(f.store, f.photoDir)).hash).toBe(before.hash)
    expect((await f.app.request('/api/measures', json('POST', { ...measure, deadline: '2028-02-29' }, { cookie: leader }))).status).toBe(201)
  })

  test('If-Match with an unbalanced quote is 400 invalid-header and the case stays as it was', async () => {
    const f = await createFixture()
    const dispatcher = (await f.cookie('dispatcher'))!
    const before = await snapshotStore(f.store, f.photoDir)
    for (const ifMatch of ['"1', '1"', 'W/"1']) {
      await expectProblem(await f.app.request(`/api/cases/${f.ids.reportedCase}/transitions`, json('POST', { action: 'accept' }, { cookie: dispatcher, 'if-match': ifMatch })), 400, 'invalid-header')
    }
    expect((await snapshotStore(f.store, f.photoDir)).hash).toBe(before.hash)
  })

  test('a citizen\'s report is stored without its control characters', async () => {
    const f = await createFixture()
    const res = await f.app.request('/api/reports', json('POST', { category: '0104', lon: 104.0585, lat: 30.668, description: '路面\u0000很脏\u0007\u001b[31m\n第二行', phone: '138\u00000000\u00000000' }))
    expect(res.status, await res.clone().text()).toBe(201)
    const { case_id } = (await res.json()) as { case_id: string }
    const stored = await f.store.case(case_id)
    expect(stored?.description).toBe('路面很脏[31m\n第二行')
    expect(stored?.phone).toBe('13800000000')
  })
})
