// Two Gridwatch server processes on one PostgreSQL/PostGIS database, as behind the bureau's reverse proxy: a
// session from one is good on the other; a lamp repaired through A shows in B's coverage within a second (the
// change feed); a case edited on A is 409 stale on B; sign-in failures count across both; and both write one audit
// log. Skipped, saying why, only where no PostgreSQL server is installed; CI installs one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freshPostgresDatabase, postgresUnavailableReason } from '../postgres/test-database.ts'
import { type RunningServer, startServerProcess } from '../server-process.ts'

const reason = postgresUnavailableReason()
if (reason) console.warn(`[multi-instance] skipped: ${reason}`)

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

async function signIn(baseUrl: string, username: string, password = 'gridwatch-demo'): Promise<Response> {
  return fetch(`${baseUrl}/api/session`, json('POST', { username, password }))
}

async function cookieOf(baseUrl: string, username: string): Promise<string> {
  const res = await signIn(baseUrl, username)
  expect(res.status, `sign-in as ${username}`).toBe(200)
  const match = /gw_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')
  if (!match) throw new Error('no session cookie')
  return `gw_session=${match[1]}`
}

/** Asks until the answer has `status` or `ms` have passed; the last status seen. */
async function statusWithin(ms: number, status: number, ask: () => Promise<Response>): Promise<number> {
  const started = Date.now()
  let seen = (await ask()).status
  while (seen !== status && Date.now() - started < ms) {
    await new Promise((r) => setTimeout(r, 25))
    seen = (await ask()).status
  }
  return seen
}

interface Coverage {
  dark_length_m: number
}

describe.skipIf(reason !== undefined)('two instances on one PostgreSQL database', () => {
  let a: RunningServer
  let b: RunningServer

  beforeAll(async () => {
    const databaseUrl = await freshPostgresDatabase()
    // Started together: one seeds the empty database, the other waits for it (the startup lock) and finds it seeded.
    ;[a, b] = await Promise.all([
      startServerProcess({ tempPrefix: 'gridwatch-instance-a-', timeoutMs: 150_000, databaseUrl }),
      startServerProcess({ tempPrefix: 'gridwatch-instance-b-', timeoutMs: 150_000, databaseUrl }),
    ])
  }, 200_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  test('both serve the one seeded district', async () => {
    const [ha, hb] = await Promise.all([a, b].map(async (s) => (await (await fetch(`${s.baseUrl}/api/health`)).json()) as { store: string; counts: { lamps: number; incidents: number } }))
    expect(ha?.store).toBe('postgres')
    expect(hb?.counts).toEqual(ha?.counts)
    expect(ha?.counts.lamps).toBeGreaterThan(1000)
    // seeded once: the second start found the district there
    expect([a.log(), b.log()].filter((log) => log.includes('seeded the demo district')).length).toBe(1)
  })

  test('a session started on A is good on B, and signing out on B ends it on A within one second', async () => {
    const cookie = await cookieOf(a.baseUrl, 'leader')
    const onB = await fetch(`${b.baseUrl}/api/session`, { headers: { cookie } })
    expect(onB.status).toBe(200)
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe('leader')
    // A has resolved (and keeps, for a few seconds) the session before it ends on B; the first lookup starts the
    // instance listening for account changes, the one after it is answered from memory
    for (const pause of [200, 0]) {
      expect((await fetch(`${a.baseUrl}/api/session`, { headers: { cookie } })).status).toBe(200)
      await new Promise((r) => setTimeout(r, pause))
    }
    expect((await fetch(`${b.baseUrl}/api/session`, { method: 'DELETE', headers: { cookie, origin: b.baseUrl } })).status).toBe(204)
    expect(await statusWithin(1_000, 401, () => fetch(`${a.baseUrl}/api/session`, { headers: { cookie } })), 'A one second after the sign-out on B').toBe(401)
    // and on B itself at once
    expect((await fetch(`${b.baseUrl}/api/session`, { headers: { cookie } })).status).toBe(401)
  })

  test('an account disabled on B is signed out on A within one second', async () => {
    const inspector = await cookieOf(a.baseUrl, 'inspector')
    expect((await fetch(`${a.baseUrl}/api/cases?limit=1`, { headers: { cookie: inspector } })).status).toBe(200)
    const admin = await cookieOf(b.baseUrl, 'admin')
    const users = (await (await fetch(`${b.baseUrl}/api/users`, { headers: { cookie: admin } })).json()) as { id: string; username: string }[]
    const id = users.find((u) => u.username === 'inspector')?.id
    expect(id).toBeDefined()
    expect((await fetch(`${b.baseUrl}/api/users/${id}`, json('PATCH', { disabled: true }, { cookie: admin, origin: b.baseUrl }))).status).toBe(200)
    expect(await statusWithin(1_000, 401, () => fetch(`${a.baseUrl}/api/cases?limit=1`, { headers: { cookie: inspector } })), 'A one second after B disabled the account').toBe(401)
  })

  test('a lamp repaired through A shows in B’s coverage within one second', async () => {
    const crewA = await cookieOf(a.baseUrl, 'crew')
    const crewB = await cookieOf(b.baseUrl, 'crew')
    // B builds its lighting state before the repair: it must be updated, not merely built fresh later
    const before = (await (await fetch(`${b.baseUrl}/api/coverage`, { headers: { cookie: crewB } })).json()) as Coverage
    const work = (await (await fetch(`${a.baseUrl}/api/lamps/work-list`, { headers: { cookie: crewA } })).json()) as { stops: { lamp_id: string }[] }
    const lampId = work.stops[0]?.lamp_id
    expect(lampId).toBeDefined()
    const lamp = await fetch(`${a.baseUrl}/api/lamps/${lampId}`, { headers: { cookie: crewA } })
    const repaired = await fetch(`${a.baseUrl}/api/lamps/${lampId}`, json('PATCH', { status: 'ok' }, { cookie: crewA, origin: a.baseUrl, 'if-match': lamp.headers.get('etag') ?? '' }))
    expect(repaired.status).toBe(200)
    const repairedAt = Date.now()
    const expected = ((await repaired.json()) as { coverage: Coverage }).coverage.dark_length_m
    expect(expected).toBeLessThan(before.dark_length_m)
    let seen = before.dark_length_m
    while (Date.now() - repairedAt < 1_000 && seen !== expected) {
      seen = ((await (await fetch(`${b.baseUrl}/api/coverage`, { headers: { cookie: crewB } })).json()) as Coverage).dark_length_m
      if (seen !== expected) await new Promise((r) => setTimeout(r, 25))
    }
    expect(seen, 'B’s dark length one second after the repair on A').toBe(expected)
    // and the lamp itself, read on B, is the repaired one at its new version
    const onB = await fetch(`${b.baseUrl}/api/lamps/${lampId}`, { headers: { cookie: crewB } })
    expect(onB.headers.get('etag')).toBe(repaired.headers.get('etag'))
  })

  test('a case edited on A is 409 stale on B', async () => {
    const dispatcherA = await cookieOf(a.baseUrl, 'dispatcher')
    const dispatcherB = await cookieOf(b.baseUrl, 'dispatcher')
    const list = (await (await fetch(`${a.baseUrl}/api/cases?state=reported&limit=5`, { headers: { cookie: dispatcherA } })).json()) as { items: { id: string }[] }
    const id = list.items[0]?.id
    expect(id).toBeDefined()
    const onA = await fetch(`${a.baseUrl}/api/cases/${id}`, { headers: { cookie: dispatcherA } })
    const onB = await fetch(`${b.baseUrl}/api/cases/${id}`, { headers: { cookie: dispatcherB } })
    const etag = onA.headers.get('etag') ?? ''
    expect(onB.headers.get('etag')).toBe(etag)
    const accepted = await fetch(`${a.baseUrl}/api/cases/${id}/transitions`, json('POST', { action: 'accept' }, { cookie: dispatcherA, origin: a.baseUrl, 'if-match': etag }))
    expect(accepted.status).toBe(200)
    const stale = await fetch(`${b.baseUrl}/api/cases/${id}/transitions`, json('POST', { action: 'reject', note: 'duplicate' }, { cookie: dispatcherB, origin: b.baseUrl, 'if-match': etag }))
    expect(stale.status).toBe(409)
    const after = (await (await fetch(`${b.baseUrl}/api/cases/${id}`, { headers: { cookie: dispatcherB } })).json()) as { state: string }
    expect(after.state).toBe('accepted')
  })

  test('sign-in failures count across both instances', async () => {
    // The limit is 10 failures per client and username per window: five on each instance use it up together.
    for (const server of [a, b, a, b, a, b, a, b, a, b]) expect((await signIn(server.baseUrl, 'planner', 'wrong password')).status).toBe(401)
    expect((await signIn(a.baseUrl, 'planner', 'wrong password')).status).toBe(429)
    expect((await signIn(b.baseUrl, 'planner')).status).toBe(429)
  })

  test('both write one audit log', async () => {
    const admin = await cookieOf(b.baseUrl, 'admin')
    const entries = (await (await fetch(`${a.baseUrl}/api/audit?limit=200`, { headers: { cookie: admin } })).json()) as { items?: { action: string }[] } | { action: string }[]
    const actions = (Array.isArray(entries) ? entries : (entries.items ?? [])).map((e) => e.action)
    expect(actions).toContain('lamp.update')
    expect(actions).toContain('case.accept')
  })
})
