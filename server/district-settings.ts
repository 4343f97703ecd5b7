// At start, the stored district profile (written by an import) sets what the code otherwise assumes: the time zone
// days are counted in and the district's own incident categories. The demo district has none and keeps the defaults.
import { districtCalendar } from './domain/district-calendar.ts'
import { useOwnCategories, type OwnCategory } from './domain/district-categories.ts'
import type { Store } from './store/store.ts'

interface StoredCategory {
  code: string
  name: string
  name_en?: string
  kind?: 'event' | 'component'
  time_limit_hours?: number
  repeat_radius_m?: number
  unit?: string
  photo_evidence?: boolean
}

/** Applies the stored settings; returns them (undefined for a store never imported into). */
export async function applyDistrictSettings(store: Store) {
  const settings = await store.districtSettings()
  if (!settings) return undefined
  districtCalendar.use(settings.district.time_zone)
  const categories = Array.isArray(settings.categories) ? (settings.categories as StoredCategory[]) : []
  useOwnCategories(
    categories.map((c): OwnCategory => ({
      code: c.code,
      name: c.name,
      nameEn: c.name_en ?? c.name,
      kind: c.kind ?? 'event',
      ...(c.time_limit_hours !== undefined ? { timeLimitHours: c.time_limit_hours } : {}),
      ...(c.repeat_radius_m !== undefined ? { repeatRadiusM: c.repeat_radius_m } : {}),
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      ...(c.photo_evidence !== undefined ? { photoEvidence: c.photo_evidence } : {}),
    })),
  )
  return settings
}
