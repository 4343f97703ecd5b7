// A fresh store and app per test: no state shared between tests. The store is an in-memory SQLite one, or — when
// GRIDWATCH_TEST_STORE=postgres (the `postgres` project of test/vitest.config.ts) — a fresh database on the
// run's throwaway PostgreSQL/PostGIS cluster, so the same API suites check both adapters.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AppDeps, createApp } from '../../server/app.ts'
import { ensureDemoAccounts } from '../../server/demo-accounts.ts'
import { seedDemoCases } from '../../server/demo-cases.ts'
import { DEMO_PASSWORD } from '../../server/domain/roles.ts'
import type { DemoDistrict } from '../../server/kernel/records.ts'
import { PostgresStore } from '../../server/store/postgres-store.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import type { Store } from '../../server/store/store.ts'
import { freshPostgresDatabase } from '../postgres/test-database.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'

export type TestApp = ReturnType<typeof createApp>

export async function createTestApp(options: { district?: DemoDistrict } & Omit<AppDeps, 'store'> = {}) {
  const store = await openTestStore()
  // Each app writes photos to its own folder.
  options = { photoDir: mkdtempSync(join(tmpdir(), 'gridwatch-test-photos-')), ...options }
  const district = options.district ?? createTinyDistrict()
  await store.seedDistrict(district, { demo: true })
  await seedDemoCases(store, district.zones, district.incidents, options.clock?.() ?? new Date('2026-11-01T00:00:00+08:00'))
  await ensureDemoAccounts(store)
  return { app: createApp({ ...options, store }), store }
}

/** Which adapter the API suites run on this time. */
export const TEST_STORE_KIND: 'sqlite' | 'postgres' = process.env.GRIDWATCH_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite'

/** Rows straight from the database, for tests that check what is (not) stored, whichever the adapter. */
export async function rawRows(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  if (store instanceof SqliteStore) return store.db.prepare(sql).all() as Record<string, unknown>[]
  if (store instanceof PostgresStore) return (await store.pool.query(sql)).rows as Record<string, unknown>[]
  throw new Error('rawRows: an adapter this helper does not know')
}

/** The store the API suites run on: see the header. */
export async function openTestStore(): Promise<Store> {
  return TEST_STORE_KIND === 'postgres' ? new PostgresStore(await freshPostgresDatabase(), { poolSize: 4 }) : new SqliteStore(':memory:')
}

/** Signs in a demo account and returns the Cookie header value to send with later requests. */
export async function signIn(app: TestApp, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed with ${res.status}: ${await res.text()}`)
  return cookieFrom(res)
}

export function cookieFrom(res: Response): string {
  const setCookie = res.headers.get('set-cookie') ?? ''
  const match = /gw_session=([^;]*)/.exec(setCookie)
  if (!match) throw new Error(`no session cookie in ${setCookie}`)
  return `gw_session=${match[1]}`
}

export interface FeatureJson {
  type: string
  id: string
  geometry: { type: string; coordinates: unknown }
  properties: Record<string, unknown>
}

export interface CollectionJson {
  type: string
  features: FeatureJson[]
  total?: number
  truncated?: boolean
}

export interface ProblemJson {
  type: string
  title: string
  status: number
  detail: string
  code: string
  errors?: { path: string; message: string }[]
}

export async function getJson<T = CollectionJson>(app: TestApp, path: string, cookie?: string) {
  const res = await app.request(path, cookie ? { headers: { cookie } } : {})
  const body = (await res.json()) as T
  return { res, body }
}

/** Asserts a problem+json response with the status and code, and returns its body. */
export async function expectProblemResponse(res: Response, status: number, code: string): Promise<ProblemJson> {
  const body = (await res.json()) as ProblemJson
  if (res.status !== status || body.code !== code) throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`)
  if (!res.headers.get('content-type')?.startsWith('application/problem+json')) throw new Error(`content-type ${res.headers.get('content-type')}`)
  if (!body.title || !body.detail || body.status !== status) throw new Error(`incomplete problem body ${JSON.stringify(body)}`)
  return body
}
