// Health and the static facts the web app needs at start: bounds, taxonomies, whether this is demo data.
import { Hono } from 'hono'
import { districtCategories } from '../domain/district-categories.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES, STREET_CATEGORIES } from '../kernel/statuses.ts'
import type { AppEnv } from '../http/env.ts'
import type { DistrictModel } from '../model/district-model.ts'
import type { Store } from '../store/store.ts'

export const metaRoutes = (store: Store, model: DistrictModel, mode: 'demo' | 'production') => {
  // the store's facts, with the counts from the model once built (see DistrictModel.counts)
  const about = async () => {
    const counts = model.counts()
    return counts ? { ...(await store.summary()), counts } : store.info()
  }
  return new Hono<AppEnv>()
    .get('/health', async (c) => {
      const info = await about()
      return c.json({ status: 'ok' as const, mode, store: info.kind, schema_version: info.schemaVersion, demo: info.demo, counts: info.counts })
    })
    .get('/meta', async (c) => {
      const [info, settings] = await Promise.all([about(), store.districtSettings()])
      const bounds = info.bounds ?? null
      return c.json({
        district: {
          name: settings?.district.name ?? null,
          name_en: settings?.district.name_en ?? null,
          time_zone: districtCalendar.timeZone,
          language: settings?.district.language ?? 'zh-CN',
        },
        bounds,
        center: bounds ? ([(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] as [number, number]) : null,
        demo: info.demo,
        mode,
        incident_categories: districtCategories().map((x) => ({ code: x.code, kind: x.kind, name: x.name, name_en: x.nameEn })),
        // what the district holds, so a view can say what is missing instead of showing an empty map
        counts: info.counts,
        incident_statuses: INCIDENT_STATUSES,
        street_categories: STREET_CATEGORIES,
        lamp_statuses: LAMP_STATUSES,
      })
    })
}
