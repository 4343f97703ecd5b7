// kill -9 in the middle of a write load: every write the server acknowledged must be in the database file afterwards,
// and the file must be intact. The server runs as a child process over a file-backed SQLite store; over loopback the
// test sends public reports, dispatcher acceptances and crew lamp changes, kills the child with SIGKILL at a random
// moment, reopens the file and checks. A killed process loses nothing SQLite has committed (the kernel still holds
// its writes), so this proves the app acknowledges only committed writes and that WAL recovery leaves a consistent
// file. Surviving power loss is the job of `synchronous` (docs/storage-durability.md), which no process kill can show.
// The same load and checks run against PostgreSQL/PostGIS: there the killed process is the Gridwatch instance, and
// every write it acknowledged must be in the database the next instance opens.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { PROJECT_ROOT } from '../../server/build-web.ts'
import { ensureDemoAccounts } from '../../server/demo-accounts.ts'
import { seedDemoCases } from '../../server/demo-cases.ts'
import { DEMO_PASSWORD } from '../../server/domain/roles.ts'
import { LAMP_STATUSES, type LampStatus } from '../../server/kernel/statuses.ts'
import { PostgresStore } from '../../server/store/postgres-store.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import type { Store } from '../../server/store/store.ts'
import { freshPostgresDatabase, postgresUnavailableReason } from '../postgres/test-database.ts'
import { cookieFrom } from '../api/helpers.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'

const ROUNDS = 3
const KILL_WINDOW_MS = { from: 200, to: 1500 } // the kill falls at a random moment this long into the warm load
const WARM_AFTER_ACKS = 6 // the first requests compile code and build the lighting index; the kill clock starts after
const MAX_REQUESTS_PER_WORKER = 2_000 // bounds every loop should the kill never come
const SERVER_START_TIMEOUT_MS = 60_000 // tsx compiling the app on a busy 2-core CI machine
// Not the lamp-outage category: a lamp report joins the lamp's open case, and crew lamp changes close such cases.
const REPORT_CATEGORIES = ['0101', '0102', '0104', '0501', '0507']

interface AckedReport {
  trackingNumber: string
  caseId: string
  category: string
  description: string
  coordinates: [number, number]
  phone: string | null
}

/** What the server acknowledged over all rounds so far, and so what the database file must hold. */
interface Ledger {
  reports: AckedReport[]
  acceptNotes: Map<string, string> // case id → note of its acknowledged acceptance
  lampStatuses: Map<string, Set<LampStatus>> // lamp id → the statuses it may have (two when a change was cut off)
  lampVersions: Map<string, number> // lamp id → the version the next change must name in If-Match
}

interface ChildServer {
  baseUrl: string
  child: ChildProcess
  exited: Promise<void>
  output: () => string
}

const reportAck = z.object({ tracking_number: z.string(), case_id: z.string() })
const lampAck = z.object({ id: z.string(), properties: z.object({ status: z.enum(LAMP_STATUSES) }) })
const caseAck = z.object({ id: z.string(), state: z.string() })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Kind = 'sqlite' | 'postgres'
const openDatabase = (kind: Kind, url: string): Store => (kind === 'sqlite' ? new SqliteStore(url.slice('file:'.length)) : new PostgresStore(url, { poolSize: 2 }))

/** A temp folder (photos; the SQLite file) and a database seeded with the tiny district, its cases and the demo accounts. */
async function createSeededDatabase(kind: Kind) {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-durability-'))
  const dbPath = kind === 'sqlite' ? `file:${join(dir, 'gridwatch.db')}` : await freshPostgresDatabase()
  const photoDir = join(dir, 'photos')
  mkdirSync(photoDir)
  const district = createTinyDistrict()
  const store = openDatabase(kind, dbPath)
  await store.seedDistrict(district, { demo: true })
  await seedDemoCases(store, district.zones, district.incidents, new Date())
  await ensureDemoAccounts(store)
  const lamps = await store.lamps({})
  await store.close()
  return {
    dir,
    dbPath,
    photoDir,
    lampIds: lamps.map((l) => l.id),
    lampStatuses: new Map(lamps.map((l) => [l.id, new Set([l.status])])),
    lampVersions: new Map(lamps.map((l) => [l.id, l.version])),
  }
}

async function startServer(dbPath: string, photoDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/durability/serve-file-store.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: dbPath, PHOTO_DIR: photoDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within ${SERVER_START_TIMEOUT_MS} ms:\n${output}`)), SERVER_START_TIMEOUT_MS)
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
      const m = /listening (\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  return { baseUrl: `http://127.0.0.1:${port}`, child, exited, output: () => output }
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}: ${await res.text()}`)
  return cookieFrom(res)
}

/**
 * Runs public reporters, a dispatcher and a crew member against the server until it is killed `killAfterMs` into the
 * warm load, adding every acknowledged write to the ledger. A request counts as acknowledged only once its whole 2xx
 * response has arrived; one cut off by the kill may or may not have been committed, so the ledger allows both.
 */
async function runLoadUntilKilled(server: ChildServer, ledger: Ledger, lampIds: readonly string[], round: number, killAfterMs: number) {
  const [crewCookie, dispatcherCookie] = await Promise.all([signIn(server.baseUrl, 'crew'), signIn(server.baseUrl, 'dispatcher')])
  let killed = false
  let inFlight = 0
  let acknowledged = 0
  const counts = { reports: 0, accepts: 0, lampChanges: 0 }
  const toAccept: AckedReport[] = []
  let lampChange: { lampId: string; status: LampStatus } | undefined

  /** The parsed 2xx body, or undefined when the kill cut the request off; any other failure fails the test. */
  async function send<T>(schema: z.ZodType<T>, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ body: T; etag: string | null } | undefined> {
    inFlight++
    try {
      const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
      const json: unknown = await res.json()
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`)
      acknowledged++
      return { body: schema.parse(json), etag: res.headers.get('etag') }
    } catch (error) {
      if (killed) return undefined
      throw new Error(`${method} ${path}: ${String(error)}\nserver output:\n${server.output()}`, { cause: error })
    } finally {
      inFlight--
    }
  }

  async function report(worker: number) {
    for (let i = 0; i < MAX_REQUESTS_PER_WORKER && !killed; i++) {
      const category = REPORT_CATEGORIES[i % REPORT_CATEGORIES.length]!
      // Inside the tiny district's one zone; Chinese text checks the content survives byte for byte.
      const coordinates: [number, number] = [104.041 + Math.random() * 0.018, 30.651 + Math.random() * 0.018]
      const description = `第${round}轮 reporter ${worker} #${i}: 路面脏 ${Math.random().toString(36).slice(2)}`
      const phone = i % 2 === 0 ? `138${String(round * 10_000 + worker * 1_000 + (i % 1_000)).padStart(8, '0')}` : null
      const ack = await send(reportAck, 'POST', '/api/reports', { category, lon: coordinates[0], lat: coordinates[1], description, ...(phone ? { phone } : {}) })
      if (!ack) return
      const acked = { trackingNumber: ack.body.tracking_number, caseId: ack.body.case_id, category, description, coordinates, phone }
      ledger.reports.push(acked)
      toAccept.push(acked)
      counts.reports++
    }
  }

  async function dispatch() {
    for (let i = 0; i < MAX_REQUESTS_PER_WORKER && !killed; i++) {
      const next = toAccept.shift()
      if (!next) {
        await sleep(5)
        continue
      }
      const note = `round ${round}: accepted ${next.caseId}`
      const headers = { cookie: dispatcherCookie, 'if-match': '"1"' }
      const ack = await send(caseAck, 'POST', `/api/cases/${next.caseId}/transitions`, { action: 'accept', note }, headers)
      if (!ack) return
      expect(ack.body, `acceptance of ${next.caseId}`).toMatchObject({ id: next.caseId, state: 'accepted' })
      ledger.acceptNotes.set(next.caseId, note)
      counts.accepts++
    }
  }

  async function changeLamps() {
    for (let i = 0; i < MAX_REQUESTS_PER_WORKER && !killed; i++) {
      const lampId = lampIds[i % lampIds.length]!
      const status = LAMP_STATUSES[(Math.floor(i / lampIds.length) + round) % LAMP_STATUSES.length]!
      const version = ledger.lampVersions.get(lampId) ?? 1
      lampChange = { lampId, status }
      const ack = await send(lampAck, 'PATCH', `/api/lamps/${lampId}`, { status }, { cookie: crewCookie, 'if-match': `"${version}"` })
      if (!ack) return
      expect(ack.body.properties.status).toBe(status)
      ledger.lampStatuses.set(lampId, new Set([status]))
      ledger.lampVersions.set(lampId, Number(/\d+/.exec(ack.etag ?? '')?.[0] ?? version + 1))
      lampChange = undefined
      counts.lampChanges++
    }
  }

  let settled = false
  const load = Promise.all([report(1), report(2), dispatch(), changeLamps()]).finally(() => (settled = true))
  load.catch(() => {}) // awaited below; a failure before the kill ends the waits at once
  while (acknowledged < WARM_AFTER_ACKS && !settled) await sleep(10)
  await Promise.race([sleep(killAfterMs), load])
  killed = true
  const inFlightAtKill = inFlight
  const cutOffLampChange = lampChange
  server.child.kill('SIGKILL')
  await server.exited
  await load
  if (cutOffLampChange) ledger.lampStatuses.get(cutOffLampChange.lampId)?.add(cutOffLampChange.status)
  return { ...counts, inFlightAtKill }
}

/** Reopens the file as the server would and checks it against the ledger; the lamps' next round starts from what it finds. */
async function expectDatabaseHoldsLedger(kind: Kind, dbPath: string, ledger: Ledger, round: string) {
  const store = openDatabase(kind, dbPath)
  try {
    if (store instanceof SqliteStore) {
      expect(store.db.pragma('integrity_check', { simple: true }), round).toBe('ok')
      expect(store.db.pragma('foreign_key_check'), round).toEqual([])
    }
    for (const r of ledger.reports) {
      const found = await store.caseByTracking(r.trackingNumber)
      expect(found, `${round}: report ${r.trackingNumber} (case ${r.caseId}) was acknowledged but is missing`).toBeDefined()
      expect({ id: found?.id, category: found?.category, description: found?.description, coordinates: found?.coordinates, phone: found?.phone, source: found?.source }, round).toEqual({
        id: r.caseId,
        category: r.category,
        description: r.description,
        coordinates: r.coordinates,
        phone: r.phone,
        source: 'public_web',
      })
    }
    for (const [caseId, note] of ledger.acceptNotes) {
      const events = await store.caseEvents(caseId)
      expect(events.filter((e) => e.action === 'accept').map((e) => e.note), `${round}: acceptance of ${caseId}`).toEqual([note])
      expect((await store.case(caseId))?.status, `${round}: ${caseId}`).toBe('accepted')
    }
    for (const [lampId, allowed] of ledger.lampStatuses) {
      const lamp = await store.lamp(lampId)
      expect([...allowed], `${round}: lamp ${lampId} is ${lamp?.status}`).toContain(lamp?.status)
      if (!lamp) continue
      ledger.lampStatuses.set(lampId, new Set([lamp.status]))
      ledger.lampVersions.set(lampId, lamp.version)
    }
  } finally {
    await store.close()
  }
}

const postgresReason = postgresUnavailableReason()
if (postgresReason) console.warn(`[durability] the PostgreSQL round is skipped: ${postgresReason}`)

describe.each([
  { kind: 'sqlite' as const, skip: undefined },
  { kind: 'postgres' as const, skip: postgresReason },
])('durability under kill -9 on $kind', ({ kind, skip }) => {
  test.skipIf(skip !== undefined)('keeps every acknowledged write, and an intact database, when the server is killed mid-load', async () => {
    const db = await createSeededDatabase(kind)
    const ledger: Ledger = { reports: [], acceptNotes: new Map(), lampStatuses: db.lampStatuses, lampVersions: db.lampVersions }
    const totals = { reports: 0, accepts: 0, lampChanges: 0 }
    let server: ChildServer | undefined
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const killAfterMs = Math.round(KILL_WINDOW_MS.from + Math.random() * (KILL_WINDOW_MS.to - KILL_WINDOW_MS.from))
        const label = `round ${round}, killed ${killAfterMs} ms into the load`
        server = await startServer(db.dbPath, db.photoDir)
        const { inFlightAtKill, ...acknowledged } = await runLoadUntilKilled(server, ledger, db.lampIds, round, killAfterMs)
        // The kill must land mid-load, with writes behind it and requests on the wire, and leave the WAL unmerged.
        expect(acknowledged.reports + acknowledged.accepts + acknowledged.lampChanges, label).toBeGreaterThan(0)
        expect(inFlightAtKill, label).toBeGreaterThan(0)
        if (kind === 'sqlite') expect(existsSync(`${db.dbPath.slice('file:'.length)}-wal`), `${label}: no WAL left behind, so the server did not die mid-write`).toBe(true)
        await expectDatabaseHoldsLedger(kind, db.dbPath, ledger, label)
        for (const kind of ['reports', 'accepts', 'lampChanges'] as const) totals[kind] += acknowledged[kind]
      }
      // Every kind of write was acknowledged at least once, or the checks above proved nothing about it.
      expect(Object.values(totals).every((n) => n > 0), JSON.stringify(totals)).toBe(true)
    } finally {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL')
        await server.exited
      }
      rmSync(db.dir, { recursive: true, force: true })
    }
  }, 120_000)
})
