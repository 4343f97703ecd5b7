import { describe, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts'
import { findActiveDemoAccounts } from '../../server/demo-accounts.ts'
import { ROLES, type Role } from '../../server/kernel/permissions.ts'
import type { Store } from '../../server/store/store.ts'
import { type TestApp, cookieFrom, createTestApp, expectProblemResponse, getJson, rawRows, signIn } from './helpers.ts'

const json = (method: string, body: unknown, cookie?: string, extra: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...extra },
  body: JSON.stringify(body),
})

type Who = Role | 'anonymous'
const EVERYONE: Who[] = [...ROLES, 'anonymous']

interface WriteRouteCase {
  /** Who gets a 2xx; everyone else gets 401 (anonymous) or 403 (signed in). */
  allowed: Who[] | 'everyone'
  /** Data the request needs, written straight to the store before it. */
  prepare?: (store: Store) => Promise<void>
  /** A valid request for this route, made fresh for each caller. */
  request: (ctx: { app: TestApp; who: Who; userIds: Record<string, string>; store: Store }) => { path: string; init: RequestInit } | Promise<{ path: string; init: RequestInit }>
}

// Every write route the app registers must appear here: the test below fails for any route missing from this
// table, so the matrix cannot fall behind the app.
const WRITE_ROUTES: Record<string, WriteRouteCase> = {
  'POST /api/imports/uploads': {
    allowed: ['admin'],
    request: () => ({ path: '/api/imports/uploads?name=ledger.csv', init: { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: '编号,经度,纬度\nL1,104.05,30.66\n' } }),
  },
  'POST /api/imports/preview': {
    allowed: ['admin'],
    request: async ({ app }) => ({ path: '/api/imports/preview', init: json('POST', { upload_id: await adminUpload(app), layer: { layer: 'lamps', id: '编号', lon: '经度', lat: '纬度' } }) }),
  },
  'POST /api/imports/runs': {
    allowed: ['admin'],
    request: async ({ app }) => ({ path: '/api/imports/runs', init: json('POST', { profile: { district: { name: '测试' }, layers: [{ layer: 'lamps', file: await adminUpload(app), id: '编号', lon: '经度', lat: '纬度' }] }, dry_run: true }) }),
  },
  'PUT /api/imports/profiles/:name': {
    allowed: ['admin'],
    request: () => ({ path: '/api/imports/profiles/test-city', init: json('PUT', { district: { name: '测试' } }) }),
  },
  'POST /api/session': { allowed: 'everyone', request: () => ({ path: '/api/session', init: json('POST', { username: 'leader', password: 'gridwatch-demo' }) }) },
  'DELETE /api/session': { allowed: 'everyone', request: () => ({ path: '/api/session', init: { method: 'DELETE' } }) },
  'POST /api/users': {
    allowed: ['admin'],
    request: ({ who }) => ({ path: '/api/users', init: json('POST', { username: `new-${who}`, display_name: '新用户', password: 'correct horse battery', roles: ['crew'], zone_ids: ['001'] }) }),
  },
  'PATCH /api/lamps/:id': {
    allowed: ['crew', 'admin'],
    request: () => ({ path: '/api/lamps/L000004', init: json('PATCH', { status: 'ok' }, undefined, { 'if-match': '"1"' }) }),
  },
  'PATCH /api/streets/:id': {
    allowed: ['planner', 'admin'],
    request: () => ({ path: '/api/streets/w3', init: json('PATCH', { category: 'commercial', reason: '夜市试点' }) }),
  },
  'POST /api/guidance-points/check': {
    allowed: 'everyone',
    request: () => ({ path: '/api/guidance-points/check', init: json('POST', { geometry: { type: 'Point', coordinates: [104.05, 30.663] } }) }),
  },
  'POST /api/guidance-points': {
    allowed: ['planner', 'admin'],
    request: () => ({ path: '/api/guidance-points', init: json('POST', { name: '点', geometry: { type: 'Point', coordinates: [104.05, 30.663] }, capacity: 5, unit: '大队' }) }),
  },
  'PATCH /api/guidance-points/:id': {
    allowed: ['planner', 'admin'],
    prepare: async (store) => {
      await store.createGuidancePoint({ name: '点', geometry: { type: 'Point', coordinates: [104.05, 30.663] }, capacity: 5, openingHours: '', allowedGoods: '', unit: '大队', offStreet: false }, { userId: null, username: 'test' }, new Date())
    },
    request: () => ({ path: '/api/guidance-points/G0001', init: json('PATCH', { name: '新名字', version: 1 }) }),
  },
  'POST /api/cases': {
    allowed: ['inspector', 'dispatcher'],
    request: () => ({ path: '/api/cases', init: json('POST', { category: '0102', lon: 104.052, lat: 30.662, description: '巡查发现暴露垃圾' }) }),
  },
  'POST /api/cases/:id/transitions': {
    allowed: ['dispatcher'],
    request: () => ({ path: '/api/cases/I0000002/transitions', init: json('POST', { action: 'accept' }, undefined, { 'if-match': '"1"' }) }),
  },
  'POST /api/cases/:id/merge': {
    allowed: ['dispatcher', 'inspector'],
    request: () => ({ path: '/api/cases/I0000004/merge', init: json('POST', { into: 'I0000003' }, undefined, { 'if-match': '"1"' }) }),
  },
  'POST /api/cases/:id/photos': {
    // The demo 'unit' account handles the enforcement squad's cases; I0000002 (vending) is routed there.
    allowed: ['unit', 'inspector', 'dispatcher'],
    request: () => ({ path: '/api/cases/I0000002/photos', init: { method: 'POST', body: photoForm() } }),
  },
  'POST /api/cases/:id/enforcement': {
    // illegal construction dispatched to the demo 'unit' account's unit: only a unit handler records its stop
    allowed: ['unit'],
    prepare: async (store) => {
      const unitId = (await store.users()).find((u) => u.username === 'unit')?.unitId ?? null
      const actor = { userId: null, username: 'test' }
      const at = new Date()
      const reported = await store.createReport(
        { trackingNumber: 'GW261101TEST01', status: 'reported', repeatOf: null, category: '0101', coordinates: [104.0586, 30.6681], description: '加建', source: 'patrol', phone: null, zoneId: null, unitId, lampId: null, streetId: null, deadlineMs: at.getTime() + 86_400_000 },
        actor,
        at,
      )
      const accepted = await store.transitionCase(reported.id, reported.version, { action: 'accept', toStatus: 'accepted', note: null, set: { acceptedMs: at.getTime() } }, actor, at)
      await store.transitionCase(accepted.id, accepted.version, { action: 'dispatch', toStatus: 'dispatched', note: null, set: { unitId, dispatchedMs: at.getTime() } }, actor, at)
    },
    request: async ({ store }) => {
      const construction = (await store.cases({ categories: ['0101'], statuses: ['dispatched'], limit: 100 })).items.find((x) => x.trackingNumber === 'GW261101TEST01')
      if (!construction) throw new Error('the prepared 0101 case is missing')
      return { path: `/api/cases/${construction.id}/enforcement`, init: json('POST', { step: 'stop', date: '2026-11-01', notice_number: '责停〔2026〕1号' }) }
    },
  },
  'POST /api/reports': {
    allowed: 'everyone',
    request: () => ({ path: '/api/reports', init: json('POST', { category: '0104', lon: 104.0585, lat: 30.668, description: '巷子很脏' }) }),
  },
  'POST /api/reports/:tracking/rating': {
    allowed: 'everyone',
    request: async ({ store }) => {
      const unrated = (await store.cases({ statuses: ['closed'], limit: 100 })).items.find((x) => x.rating === null)
      if (!unrated) throw new Error('the tiny district has no unrated closed case')
      return { path: `/api/reports/${unrated.trackingNumber}/rating`, init: json('POST', { stars: 4 }) }
    },
  },
  'POST /api/reports/:tracking/photos': {
    allowed: 'everyone',
    request: async ({ store }) => ({ path: `/api/reports/${(await store.case('I0000002'))?.trackingNumber}/photos`, init: { method: 'POST', body: photoForm() } }),
  },
  'POST /api/open311/v2/:file': {
    allowed: 'everyone',
    request: () => ({
      path: '/api/open311/v2/requests.json',
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'service_code=0104&lat=30.668&long=104.0585&description=dirty' },
    }),
  },
  'POST /api/measures': {
    allowed: ['leader', 'admin', 'inspector'],
    request: () => ({ path: '/api/measures', init: json('POST', { area: 'sanitation', title: '小巷保洁', unit_id: 'SAN', person: '陈处长', deadline: '2026-12-31' }) }),
  },
  'PATCH /api/measures/:id': {
    allowed: ['leader', 'admin', 'inspector', 'unit'],
    prepare: async (store) => {
      await store.createMeasure({ area: 'street_order', title: '疏导点', description: '', unitId: 'ENF', person: '王队长', deadline: '2026-12-31' }, { userId: null, username: 'test' }, new Date())
    },
    request: async ({ store }) => ({ path: `/api/measures/${(await store.measures()).find((m) => m.title === '疏导点')?.id}`, init: json('PATCH', { progress: 50, note: '已完成一半' }) }),
  },
  'POST /api/briefings': {
    allowed: ['leader'],
    request: () => ({ path: '/api/briefings', init: json('POST', { from: '2026-10-01', to: '2026-11-01' }) }),
  },
  'POST /api/briefings/:id/issue': {
    allowed: ['leader'],
    request: async ({ app }) => {
      // a draft made by a leader, for whoever is asked to issue it
      const res = await app.request('/api/briefings', json('POST', { from: '2026-10-26', to: '2026-11-02' }, await signIn(app, 'leader')))
      const { id } = (await res.json()) as { id: string }
      return { path: `/api/briefings/${id}/issue`, init: { method: 'POST' } }
    },
  },
  'PATCH /api/users/:id': {
    allowed: ['admin'],
    request: ({ userIds }) => ({ path: `/api/users/${userIds.planner}`, init: json('PATCH', { display_name: '改名的规划员' }) }),
  },
}

/** A 1×1 PNG as a multipart form, the smallest real image. */
function photoForm(): FormData {
  const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0))
  const form = new FormData()
  form.append('photo', new File([png], 'photo.png', { type: 'image/png' }))
  return form
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** An upload made by the administrator, for the routes that read one. */
async function adminUpload(app: TestApp): Promise<string> {
  const res = await app.request('/api/imports/uploads?name=ledger.csv', { method: 'POST', headers: { cookie: await signIn(app, 'admin'), 'content-type': 'application/octet-stream' }, body: '编号,经度,纬度\nL1,104.05,30.66\n' })
  return ((await res.json()) as { upload_id: string }).upload_id
}

async function registeredWriteRoutes(): Promise<string[]> {
  const { app } = await createTestApp()
  return [...new Set(app.routes.filter((r) => WRITE_METHODS.has(r.method)).map((r) => `${r.method} ${r.path}`))].sort()
}

describe('permission matrix over every registered write route', () => {
  test('every write route has an entry in the matrix', async () => {
    const routes = await registeredWriteRoutes()
    expect(routes.length).toBeGreaterThan(0)
    expect(routes.filter((r) => !(r in WRITE_ROUTES))).toEqual([])
  })

  const cases = Object.entries(WRITE_ROUTES).flatMap(([route, c]) => EVERYONE.map((who) => [route, who, c] as const))
  test.each(cases)('%s as %s', async (route, who, c) => {
    const { app, store } = await createTestApp()
    const userIds = Object.fromEntries((await store.users()).map((u) => [u.username, u.id]))
    await c.prepare?.(store)
    const cookie = who === 'anonymous' ? undefined : await signIn(app, who)
    const { path, init } = await c.request({ app, who, userIds, store })
    const res = await app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } })
    const allowed = c.allowed === 'everyone' || c.allowed.includes(who)
    if (allowed) {
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(200)
      expect(res.status).toBeLessThan(300)
    } else if (who === 'anonymous') {
      await expectProblemResponse(res, 401, 'unauthenticated')
    } else {
      await expectProblemResponse(res, 403, 'forbidden')
    }
    expect(route).toMatch(/^(POST|PUT|PATCH|DELETE) \/api\//)
  })
})

describe('sessions', () => {
  test('signing in returns the user and roles and sets a hardened cookie', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/session', json('POST', { username: 'dispatcher', password: 'gridwatch-demo' }))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { user: { username: string; demo: boolean }; roles: string[] }
    expect(body.user.username).toBe('dispatcher')
    expect(body.user.demo).toBe(true)
    expect(body.roles).toEqual(['dispatcher'])
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/gw_session=[A-Za-z0-9_-]{43}/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/i)
  })

  test('the cookie is Secure when served over HTTPS', async () => {
    const { app } = await createTestApp()
    const res = await app.request('https://gridwatch.example/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }, undefined, { origin: 'https://gridwatch.example' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/Secure/i)
  })

  test('GET /api/session returns the current user, or 401 without one', async () => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request('/api/session'), 401, 'unauthenticated')
    const cookie = await signIn(app, 'crew')
    const { res, body } = await getJson<{ user: { username: string } }>(app, '/api/session', cookie)
    expect(res.status).toBe(200)
    expect(body.user.username).toBe('crew')
    // the web app's question: a visitor is an answer, not a 401
    const visitor = await getJson<{ user: null; roles: string[] }>(app, '/api/session?visitor=ok')
    expect(visitor.res.status).toBe(200)
    expect(visitor.body).toEqual({ user: null, roles: [] })
    expect((await getJson<{ user: { username: string } }>(app, '/api/session?visitor=ok', cookie)).body.user.username).toBe('crew')
    await expectProblemResponse(await app.request('/api/session?visitor=yes'), 400, 'invalid-query')
  })

  test('a wrong password, an unknown user and a disabled user are all 401 invalid-credentials', async () => {
    const { app, store } = await createTestApp()
    await expectProblemResponse(await app.request('/api/session', json('POST', { username: 'leader', password: 'wrong-password' })), 401, 'invalid-credentials')
    await expectProblemResponse(await app.request('/api/session', json('POST', { username: 'nobody', password: 'gridwatch-demo' })), 401, 'invalid-credentials')
    const planner = (await store.users()).find((u) => u.username === 'planner')
    if (!planner) throw new Error('no planner')
    await store.updateUser(planner.id, { disabled: true }, { userId: null, username: 'test' })
    await expectProblemResponse(await app.request('/api/session', json('POST', { username: 'planner', password: 'gridwatch-demo' })), 401, 'invalid-credentials')
  })

  test('a malformed sign-in body is a 400 problem', async () => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request('/api/session', json('POST', { username: 'leader' })), 400, 'invalid-body')
  })

  test('signing in again rotates the session id and retires the old one', async () => {
    const { app } = await createTestApp()
    const first = await signIn(app, 'leader')
    const res = await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }, first))
    const second = cookieFrom(res)
    expect(second).not.toBe(first)
    expect((await app.request('/api/session', { headers: { cookie: first } })).status).toBe(401)
    expect((await app.request('/api/session', { headers: { cookie: second } })).status).toBe(200)
  })

  test('signing out ends the session', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    expect((await app.request('/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(204)
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(401)
  })

  test('a session expires after the idle time without requests', async () => {
    let now = Date.parse('2026-11-02T09:00:00+08:00')
    const { app } = await createTestApp({ clock: () => new Date(now), sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 } })
    const cookie = await signIn(app, 'leader')
    now += 29 * 60_000
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200)
    now += 29 * 60_000 // active 29 min ago: still alive
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200)
    now += 31 * 60_000
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(401)
  })

  test('a session expires at the absolute limit however active it is', async () => {
    let now = Date.parse('2026-11-02T09:00:00+08:00')
    const { app } = await createTestApp({ clock: () => new Date(now), sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 2 * 3_600_000 } })
    const cookie = await signIn(app, 'leader')
    for (let i = 0; i < 7; i++) {
      now += 15 * 60_000
      expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200)
    }
    now += 16 * 60_000 // 2 h 1 min after sign-in
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(401)
  })
})

describe('CSRF, body size and rate limits', () => {
  test('refuses a write from another origin', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'admin')
    const body = { username: 'mallory', display_name: 'M', password: 'correct horse battery', roles: ['admin'] }
    await expectProblemResponse(await app.request('http://localhost/api/users', json('POST', body, cookie, { origin: 'http://evil.example' })), 403, 'csrf')
    await expectProblemResponse(await app.request('http://localhost/api/users', json('POST', body, cookie, { 'sec-fetch-site': 'cross-site' })), 403, 'csrf')
    expect((await store_users(app, cookie)).includes('mallory')).toBe(false)
    const ok = await app.request('http://localhost/api/users', json('POST', body, cookie, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }))
    expect(ok.status).toBe(201)
  })

  test('refuses a body over 1 MiB with 413', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/session', json('POST', { username: 'leader', password: 'x'.repeat(1_100_000) }))
    await expectProblemResponse(res, 413, 'too-large')
  })

  test('limits sign-in attempts with 429 and Retry-After, and lets the client in again after the window', async () => {
    let now = Date.parse('2026-11-02T09:00:00+08:00')
    const { app } = await createTestApp({ clock: () => new Date(now), signInLimit: { windowMs: 60_000, max: 3 } })
    for (let i = 0; i < 3; i++) {
      expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'guess-' + i }))).status).toBe(401)
    }
    const limited = await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }))
    await expectProblemResponse(limited, 429, 'rate-limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    now += 61_000
    expect((await app.request('/api/session', json('POST', { username: 'leader', password: 'gridwatch-demo' }))).status).toBe(200)
  })
})

async function store_users(app: TestApp, cookie: string): Promise<string[]> {
  const { body } = await getJson<{ username: string }[]>(app, '/api/users', cookie)
  return body.map((u) => u.username)
}

describe('passwords and accounts', () => {
  test('hashes with argon2id and verifies the round trip', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/)
    expect(hash).not.toContain('correct horse battery')
    await expect(verifyPassword(hash, 'correct horse battery')).resolves.toBe(true)
    await expect(verifyPassword(hash, 'correct horse batterY')).resolves.toBe(false)
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false)
  })

  test('stores no plaintext password anywhere', async () => {
    const { app, store } = await createTestApp()
    const cookie = await signIn(app, 'admin')
    await app.request('/api/users', json('POST', { username: 'wang', display_name: '王', password: 'plain-text-canary-42', roles: ['leader'] }, cookie))
    const dump = JSON.stringify(await rawRows(store, 'SELECT * FROM users')) + JSON.stringify(await rawRows(store, 'SELECT * FROM audit_log'))
    expect(dump).toContain('wang')
    expect(dump).not.toContain('plain-text-canary-42')
    expect(dump).not.toContain('gridwatch-demo')
  })

  test('refuses the demo password and short passwords for real accounts', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'admin')
    const demo = await app.request('/api/users', json('POST', { username: 'li', display_name: '李', password: 'gridwatch-demo', roles: ['leader'] }, cookie))
    await expectProblemResponse(demo, 400, 'invalid-body')
    const short = await app.request('/api/users', json('POST', { username: 'li', display_name: '李', password: 'short', roles: ['leader'] }, cookie))
    expect((await expectProblemResponse(short, 400, 'invalid-body')).errors?.[0]?.path).toBe('password')
  })

  test('a duplicate username is a 409 and leaves the first account intact', async () => {
    const { app, store } = await createTestApp()
    const cookie = await signIn(app, 'admin')
    const res = await app.request('/api/users', json('POST', { username: 'leader', display_name: 'X', password: 'correct horse battery', roles: ['admin'] }, cookie))
    await expectProblemResponse(res, 409, 'conflict')
    const leader = (await store.users()).find((u) => u.username === 'leader')
    expect(leader?.roles).toEqual(['leader'])
    expect(await signIn(app, 'leader')).toMatch(/^gw_session=/)
  })

  test('production mode finds the demo accounts that block start-up, and none once they are disabled', async () => {
    const { store } = await createTestApp()
    const units = (await store.units()).map((u) => u.id)
    expect(units).toEqual(['ENF', 'LGT', 'SAN', 'SD001'])
    expect((await findActiveDemoAccounts(store)).map((u) => u.username).sort()).toEqual([...ROLES, ...units].sort())
    for (const u of await store.users()) await store.updateUser(u.id, { disabled: true }, { userId: null, username: 'test' })
    expect(await findActiveDemoAccounts(store)).toEqual([])
  })
})

describe('audit log', () => {
  test('records who changed what, before and after, readable by admin and leader only', async () => {
    const { app, store } = await createTestApp()
    const admin = await signIn(app, 'admin')
    const planner = (await store.users()).find((u) => u.username === 'planner')
    const res = await app.request(`/api/users/${planner?.id}`, json('PATCH', { display_name: '张规划', zone_ids: ['002'] }, admin))
    expect(res.status).toBe(200)
    const { body } = await getJson<{ action: string; username: string; entity_id: string; before: { displayName: string }; after: { displayName: string; zoneIds: string[] } }[]>(app, '/api/audit?entity=user', admin)
    const entry = body.find((e) => e.action === 'user.update')
    expect(entry).toMatchObject({ username: 'admin', entity_id: planner?.id })
    expect(entry?.before.displayName).toBe('演示规划员')
    expect(entry?.after).toMatchObject({ displayName: '张规划', zoneIds: ['002'] })
    const leader = await signIn(app, 'leader')
    expect((await app.request('/api/audit', { headers: { cookie: leader } })).status).toBe(200)
    const crew = await signIn(app, 'crew')
    await expectProblemResponse(await app.request('/api/audit', { headers: { cookie: crew } }), 403, 'forbidden')
  })

  test('records sign-in and sign-out', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'admin')
    await app.request('/api/session', { method: 'DELETE', headers: { cookie } })
    const again = await signIn(app, 'admin')
    const { body } = await getJson<{ action: string; username: string }[]>(app, '/api/audit', again)
    expect(body.map((e) => e.action).slice(0, 3)).toEqual(['session.create', 'session.delete', 'session.create'])
  })

  test('filters by who, by type and by time', async () => {
    const { app, store } = await createTestApp()
    const admin = await signIn(app, 'admin')
    await signIn(app, 'crew')
    const planner = (await store.users()).find((u) => u.username === 'planner')
    expect((await app.request(`/api/users/${planner?.id}`, json('PATCH', { display_name: '张规划' }, admin))).status).toBe(200)
    type Entry = { action: string; username: string; entity: string; at: string }
    const byCrew = (await getJson<Entry[]>(app, '/api/audit?username=crew', admin)).body
    expect(byCrew.length).toBeGreaterThan(0)
    expect(new Set(byCrew.map((e) => e.username))).toEqual(new Set(['crew']))
    const users = (await getJson<Entry[]>(app, '/api/audit?entity=user&username=admin', admin)).body
    expect(users.map((e) => e.action)).toContain('user.update')
    expect(users.every((e) => e.entity === 'user' && e.username === 'admin')).toBe(true)
    // a window that ends before everything finds nothing; one around now finds the update
    const now = Date.now()
    expect((await getJson<Entry[]>(app, '/api/audit?to=2020-01-01', admin)).body).toEqual([])
    const recent = (await getJson<Entry[]>(app, `/api/audit?from=${new Date(now - 60_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`, admin)).body
    expect(recent.map((e) => e.action)).toContain('user.update')
    expect(recent.every((e) => Math.abs(Date.parse(e.at) - now) < 60_000)).toBe(true)
    await expectProblemResponse(await app.request('/api/audit?from=yesterday', { headers: { cookie: admin } }), 400, 'invalid-query')
  })
})
