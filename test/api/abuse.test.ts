// The limits and scopes a hostile user or a careless integrator would try first: padded usernames, forged
// forwarding headers, multi-role accounts, points far outside the district, enumeration of public look-ups.
import { describe, expect, test } from 'vitest'
import { hashPassword } from '../../server/auth/passwords.ts'
import { WindowCounter } from '../../server/http/rate-limit.ts'
import { forwardedHop, trustedProxyHops } from '../../server/http/auth.ts'
import { createTestApp, expectProblemResponse, getJson, rawRows, signIn } from './helpers.ts'

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0))
const photoForm = () => {
  const form = new FormData()
  form.append('photo', new File([PNG], 'p.png', { type: 'image/png' }))
  return form
}

describe('sign-in limits', () => {
  test('padding or re-writing a username does not earn fresh guesses, and the locked name stays locked', async () => {
    const { app } = await createTestApp({ signInLimit: { windowMs: 60_000, max: 3 } })
    for (let i = 0; i < 3; i++) expect((await app.request('/api/session', json('POST', { username: 'leader', password: `wrong-${i}` }))).status).toBe(401)
    for (const variant of ['leader', ' leader', 'leader ', '\tleader', 'LEADER', 'ｌｅａｄｅｒ', ' Leader\n']) {
      const res = await app.request('/api/session', json('POST', { username: variant, password: 'gridwatch-demo' }))
      await expectProblemResponse(res, 429, 'rate-limited')
    }
  })

  test('successful sign-ins do not use up the failure budget (an office behind one address)', async () => {
    const { app } = await createTestApp({ signInLimit: { windowMs: 60_000, max: 3 } })
    for (let i = 0; i < 8; i++) expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }))).status).toBe(200)
    expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'wrong' }))).status).toBe(401)
    expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }))).status).toBe(200)
  })

  test('one address spraying passwords over many usernames is stopped too', async () => {
    const { app } = await createTestApp({ signInLimit: { windowMs: 60_000, max: 2 } })
    // 2 per name × 10 = 20 failures allowed per address; the 21st is refused whatever the name.
    for (let i = 0; i < 20; i++) expect((await app.request('/api/session', json('POST', { username: `nobody${i}`, password: 'x' }))).status).toBe(401)
    await expectProblemResponse(await app.request('/api/session', json('POST', { username: 'someone-new', password: 'x' })), 429, 'rate-limited')
  })

  test('an oversized username is refused as invalid before any limiter or lookup sees it', async () => {
    const { app } = await createTestApp({ signInLimit: { windowMs: 60_000, max: 1 } })
    for (let i = 0; i < 5; i++) {
      await expectProblemResponse(await app.request('/api/session', json('POST', { username: `${i}${'x'.repeat(100_000)}`, password: 'p' })), 400, 'invalid-body')
    }
    // none of them counted as a failure of this address
    expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }))).status).toBe(200)
  })

  test('the counter keeps at most maxKeys windows, whatever the keys, and forgets the oldest first', () => {
    const now = new Date('2026-11-02T09:00:00Z')
    const counter = new WindowCounter({ windowMs: 60_000, max: 1 }, () => now, 100)
    counter.hit('first')
    for (let i = 0; i < 1000; i++) counter.hit(`${i}:${'k'.repeat(10_000)}`)
    expect(counter.size).toBe(100)
    expect(counter.retryAfter('first')).toBe(0) // evicted: the oldest went first
    expect(counter.hit('999:' + 'k'.repeat(10_000))).toBeGreaterThan(0) // a recent key is still counted
  })

  test('expired sessions are deleted at the next sign-in', async () => {
    let now = Date.parse('2026-11-02T09:00:00+08:00')
    const { app, store } = await createTestApp({ clock: () => new Date(now) })
    await signIn(app, 'leader')
    await signIn(app, 'crew')
    const count = async () => Number((await rawRows(store, 'SELECT count(*) AS n FROM sessions'))[0]?.n)
    expect(await count()).toBe(2)
    now += 13 * 3_600_000 // past the 12 h absolute expiry
    await signIn(app, 'planner')
    expect(await count()).toBe(1)
  })
})

describe('behind a reverse proxy', () => {
  test('TRUST_PROXY=N takes the N-th entry from the right: what the client wrote is never believed', () => {
    expect(trustedProxyHops(undefined)).toBe(0)
    expect(trustedProxyHops('1')).toBe(1)
    expect(trustedProxyHops('true')).toBe(1)
    expect(trustedProxyHops('2')).toBe(2)
    expect(() => trustedProxyHops('yes please')).toThrow(/TRUST_PROXY/)
    expect(forwardedHop('6.6.6.6, 10.0.0.7', 1)).toBe('10.0.0.7')
    expect(forwardedHop('6.6.6.6, 10.0.0.7, 172.16.0.2', 2)).toBe('10.0.0.7')
    expect(forwardedHop('10.0.0.7', 3)).toBe('10.0.0.7')
    expect(forwardedHop('6.6.6.6', 0)).toBeUndefined()
  })

  test('forged X-Forwarded-For entries neither bypass the report limit nor land in the audit log', async () => {
    const saved = process.env.TRUST_PROXY
    process.env.TRUST_PROXY = '1'
    try {
      const { app, store } = await createTestApp({ publicReportLimit: { windowMs: 60_000, max: 2 } })
      const report = (forged: string) =>
        app.request('/api/reports', json('POST', { category: '0104', lon: 104.0585, lat: 30.668, description: '巷子很脏' }, { 'x-forwarded-for': `${forged}, 192.0.2.10` }))
      expect((await report('1.1.1.1')).status).toBe(201)
      expect((await report('2.2.2.2')).status).toBe(201)
      await expectProblemResponse(await report('3.3.3.3'), 429, 'rate-limited')
      const ips = (await rawRows(store, "SELECT DISTINCT ip FROM audit_log WHERE username = 'citizen'")).map((r) => r.ip)
      expect(ips).toEqual(['192.0.2.10'])
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY
      else process.env.TRUST_PROXY = saved
    }
  })
})

describe('public look-ups are limited', () => {
  test('tracking look-ups and similar-report queries get 429 past the read limit', async () => {
    const { app, store } = await createTestApp({ publicReadLimit: { windowMs: 60_000, max: 3 } })
    const tracking = (await store.case('I0000002'))?.trackingNumber
    for (let i = 0; i < 3; i++) expect((await app.request(`/api/reports/${tracking}`)).status).toBe(200)
    const limited = await app.request('/api/reports/similar?category=0501&lon=104.05&lat=30.66')
    await expectProblemResponse(limited, 429, 'rate-limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('authorization by every role a user holds', () => {
  async function multiRoleApp() {
    const { app, store } = await createTestApp()
    // Two open cases dispatched to two different units.
    const { items } = await store.cases({ limit: 1000, statuses: ['reported', 'accepted', 'dispatched', 'in_handling'] })
    if (items.length < 2) throw new Error('the test district needs two open cases')
    const actor = { userId: null, username: 'test' }
    const dispatchTo = async (id: string, unitId: string) => {
      const c = (await store.case(id))!
      return store.transitionCase(id, c.version, { action: 'dispatch', toStatus: 'dispatched', note: null, set: { unitId, dispatchedMs: Date.now() } }, actor, new Date())
    }
    const own = await dispatchTo(items[0]!.id, 'SD001')
    const other = await dispatchTo(items[1]!.id, 'SD002')
    await store.createUser({ username: 'unitcrew', displayName: '双角色', passwordHash: await hashPassword('pw-unitcrew-1'), roles: ['unit', 'crew'], unitId: 'SD001' }, { userId: null, username: 'test' })
    const cookie = await signIn(app, 'unitcrew', 'pw-unitcrew-1')
    return { app, store, own, other, cookie }
  }

  test('a [unit, crew] account lists only its unit’s cases and cannot read, handle, return or add photos to another unit’s', async () => {
    const { app, store, own, other, cookie } = await multiRoleApp()
    const list = await getJson<{ items: { unit: { id: string } | null }[] }>(app, '/api/cases?limit=1000', cookie)
    expect(list.res.status).toBe(200)
    expect(list.body.items.length).toBeGreaterThan(0)
    expect(new Set(list.body.items.map((x) => x.unit?.id))).toEqual(new Set(['SD001']))
    await expectProblemResponse(await app.request(`/api/cases/${other.id}`, { headers: { cookie } }), 403, 'forbidden')
    for (const action of ['handle', 'return', 'request_extension']) {
      const res = await app.request(`/api/cases/${other.id}/transitions`, json('POST', { action }, { cookie, 'if-match': `"${other.version}"` }))
      await expectProblemResponse(res, 403, 'forbidden')
    }
    await expectProblemResponse(await app.request(`/api/cases/${other.id}/photos`, { method: 'POST', body: photoForm(), headers: { cookie } }), 403, 'forbidden')
    expect((await store.case(other.id))?.version).toBe(other.version)
    expect(await store.photos(other.id)).toEqual([])
    // its own unit's case: allowed (with a photo of the work, as every handling needs)
    expect((await app.request(`/api/cases/${own.id}/photos`, { method: 'POST', body: photoForm(), headers: { cookie } })).status).toBe(201)
    const version = (await store.case(own.id))?.version
    const handled = await app.request(`/api/cases/${own.id}/transitions`, json('POST', { action: 'handle', note: '已处置' }, { cookie, 'if-match': `"${version}"` }))
    expect(handled.status).toBe(200)
  })

  test('a photo is readable by exactly those who may read its case', async () => {
    const { app, store, own, other, cookie } = await multiRoleApp()
    const dispatcher = await signIn(app, 'dispatcher')
    const uploaded = await app.request(`/api/cases/${other.id}/photos`, { method: 'POST', body: photoForm(), headers: { cookie: dispatcher } })
    expect(uploaded.status).toBe(201)
    const { id } = (await uploaded.json()) as { id: string }
    expect((await app.request(`/api/photos/${id}`, { headers: { cookie: dispatcher } })).status).toBe(200)
    expect((await app.request(`/api/photos/${id}`, { headers: { cookie: await signIn(app, 'leader') } })).status).toBe(200)
    for (const who of ['planner', 'crew']) await expectProblemResponse(await app.request(`/api/photos/${id}`, { headers: { cookie: await signIn(app, who) } }), 403, 'forbidden')
    await expectProblemResponse(await app.request(`/api/photos/${id}`, { headers: { cookie } }), 403, 'forbidden')
    expect(own.unitId).not.toBe((await store.case(other.id))?.unitId)
  })
})

describe('intake refuses points outside the district', () => {
  test('public report, staff case: 422 outside-district and nothing stored', async () => {
    const { app, store } = await createTestApp()
    const before = (await store.info()).counts.incidents
    const far = { category: '0104', lon: 0, lat: 30.69, description: '很远的地方' }
    const problem = await expectProblemResponse(await app.request('/api/reports', json('POST', far)), 422, 'outside-district')
    expect(problem.errors?.map((e) => e.path)).toEqual(['lon', 'lat'])
    const inspector = await signIn(app, 'inspector')
    await expectProblemResponse(await app.request('/api/cases', json('POST', far, { cookie: inspector })), 422, 'outside-district')
    // just past the edge is still taken (the 1 km margin): the district's east edge + ~500 m
    const { bounds } = await store.info()
    const nearEdge = { ...far, lon: bounds![2] + 0.005, lat: (bounds![1] + bounds![3]) / 2 }
    expect((await app.request('/api/reports', json('POST', nearEdge))).status).toBe(201)
    expect((await store.info()).counts.incidents).toBe(before + 1)
  })
})

describe('other refusals', () => {
  test('zones take a bbox like every layer', async () => {
    const { app, store } = await createTestApp()
    const all = await getJson<{ features: { id: string }[] }>(app, '/api/zones')
    expect(all.body.features.length).toBe((await store.zones()).length)
    const none = await getJson<{ features: unknown[] }>(app, '/api/zones?bbox=0,0,1,1')
    expect(none.res.status).toBe(200)
    expect(none.body.features).toEqual([])
    const { bounds } = await store.info()
    const some = await getJson<{ features: unknown[] }>(app, `/api/zones?bbox=${bounds!.join(',')}`)
    expect(some.body.features.length).toBe(all.body.features.length)
  })

  test('a measure for an unknown unit is refused and not stored', async () => {
    const { app, store } = await createTestApp()
    const leader = await signIn(app, 'leader')
    const before = (await store.measures()).length
    const res = await app.request('/api/measures', json('POST', { area: 'sanitation', title: '清扫', unit_id: 'NOPE', person: '某人', deadline: '2026-12-31' }, { cookie: leader }))
    await expectProblemResponse(res, 422, 'unknown-unit')
    expect((await store.measures()).length).toBe(before)
  })
})
