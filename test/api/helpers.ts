// A fresh in-memory store and app per test: no state shared between tests.
import { createApp } from '../../server/app.ts'
import type { DemoDistrict } from '../../server/domain/types.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'

export async function createTestApp(district: DemoDistrict = createTinyDistrict()) {
  const store = new SqliteStore(':memory:')
  await store.seedDistrict(district, { demo: true })
  return { app: createApp({ store }), store }
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

export async function getJson<T = CollectionJson>(app: { request: (path: string) => Response | Promise<Response> }, path: string) {
  const res = await app.request(path)
  const body = (await res.json()) as T
  return { res, body }
}
