// GET /api/hotspots: Getis-Ord Gi* over hexagon (or square) cells for a category, source and period: every cell with
// its count, z, p and confidence bin (−3..3), the distance band and cell count used, and the ten hottest cells named
// by the nearest street and zone. A 422 (too-few-cells, zero-variance) is the statistic refusing, not a failure.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse, readRequestFailure } from '../../../lib/api.ts'
import { HOTSPOT_STALE_MS } from './hotspot-staleness.ts'
import { hotspotKeys } from './keys.ts'

export type HotspotsQuery = InferRequestType<typeof client.api.hotspots.$get>['query']
export type HotspotCell = NonNullable<HotspotsQuery['cell']>

export const getHotspots = (query: HotspotsQuery) => parseResponse(client.api.hotspots.$get({ query }))

export type Hotspots = Awaited<ReturnType<typeof getHotspots>>
export type TopHotspot = Hotspots['top'][number]

export const hotspotsQueryOptions = (query: HotspotsQuery) =>
  queryOptions({
    queryKey: hotspotKeys.list(query),
    queryFn: () => getHotspots(query),
    staleTime: HOTSPOT_STALE_MS,
    // a filter change keeps the last map on screen until the new one arrives, instead of flashing an empty district
    placeholderData: keepPreviousData,
  })

export const useHotspots = (query: HotspotsQuery) => useQuery(hotspotsQueryOptions(query))

/** Why the server declined to compute Gi* (docs/domain-notes.md §4), as its problem codes. */
export const HOTSPOT_REFUSALS = ['too-few-cells', 'zero-variance', 'no-study-area'] as const
export type HotspotRefusal = (typeof HOTSPOT_REFUSALS)[number]

/** The refusal behind a failed hotspot request (a 422 with one of HOTSPOT_REFUSALS), or undefined for a real failure. */
export function readHotspotRefusal(error: unknown): HotspotRefusal | undefined {
  const { status, code } = readRequestFailure(error)
  if (status !== 422) return undefined
  return HOTSPOT_REFUSALS.find((refusal) => refusal === code)
}
