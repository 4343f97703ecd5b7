// GET /api/meta: the district's bounds and the taxonomies (incident categories, statuses) the legends are built from.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { districtCalendar } from '../../../lib/district-calendar.ts'
import { metaKeys } from './keys.ts'

export async function getMeta() {
  const meta = await parseResponse(client.api.meta.$get())
  // Days, months and clock times count in the district's zone from the moment the app knows it
  districtCalendar.use(meta.district.time_zone)
  return meta
}

export type Meta = Awaited<ReturnType<typeof getMeta>>
export type IncidentCategoryInfo = Meta['incident_categories'][number]

export const metaQueryOptions = () => queryOptions({ queryKey: metaKeys.all, queryFn: getMeta })

export const useMeta = () => useQuery(metaQueryOptions())
