// Health and the static facts the web app needs at start: bounds, taxonomies, whether this is demo data.
import { Hono } from 'hono'
import { INCIDENT_CATEGORIES } from '../kernel/categories.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES, STREET_CATEGORIES } from '../kernel/statuses.ts'
import type { AppEnv } from '../http/env.ts'
import type { Store } from '../store/store.ts'

export const metaRoutes = (store: Store, mode: 'demo' | 'production') =>
  new Hono<AppEnv>()
    .get('/health', async (c) => {
      const info = await store.info()
      return c.json({ status: 'ok' as const, mode, store: info.kind, schema_version: info.schemaVersion, demo: info.demo, counts: info.counts })
    })
    .get('/meta', async (c) => {
      const info = await store.info()
      const bounds = info.bounds ?? null
      return c.json({
        bounds,
        center: bounds ? ([(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] as [number, number]) : null,
        demo: info.demo,
        mode,
        incident_categories: INCIDENT_CATEGORIES.map((x) => ({ code: x.code, kind: x.kind, name: x.name, name_en: x.nameEn })),
        incident_statuses: INCIDENT_STATUSES,
        street_categories: STREET_CATEGORIES,
        lamp_statuses: LAMP_STATUSES,
      })
    })
