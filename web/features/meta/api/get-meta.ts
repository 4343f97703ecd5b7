// GET /api/meta: the district's bounds and the taxonomies (incident categories, statuses) the legends are built from.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { metaKeys } from './keys.ts'

export const getMeta = () => parseResponse(client.api.meta.$get())

export type Meta = Awaited<ReturnType<typeof getMeta>>
export type IncidentCategoryInfo = Meta['incident_categories'][number]

export const metaQueryOptions = () => queryOptions({ queryKey: metaKeys.all, queryFn: getMeta })

export const useMeta = () => useQuery(metaQueryOptions())
