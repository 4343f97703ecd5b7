// GET /api/hotspots/intersections: intersections ranked by the incidents within a radius of them (50 m by default),
// for street vending by default (0501, 0504, 0510: what blocks crossings, docs/domain-notes.md §1). A count, not a statistic.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { HOTSPOT_STALE_MS } from './hotspot-staleness.ts'
import { intersectionHotspotKeys } from './keys.ts'

export type IntersectionHotspotsQuery = InferRequestType<typeof client.api.hotspots.intersections.$get>['query']

export const getIntersectionHotspots = (query: IntersectionHotspotsQuery) =>
  parseResponse(client.api.hotspots.intersections.$get({ query }))

export type IntersectionHotspot = Awaited<ReturnType<typeof getIntersectionHotspots>>['intersections'][number]

export const intersectionHotspotsQueryOptions = (query: IntersectionHotspotsQuery) =>
  queryOptions({ queryKey: intersectionHotspotKeys.list(query), queryFn: () => getIntersectionHotspots(query), staleTime: HOTSPOT_STALE_MS })

export const useIntersectionHotspots = (query: IntersectionHotspotsQuery) => useQuery(intersectionHotspotsQueryOptions(query))
