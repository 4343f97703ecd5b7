// GET /api/hotspots/compare: the period against the one before it (same length by default), each cell classed new,
// intensifying, persistent, diminishing or gone, with the count of each class. One distance band serves both periods.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { HOTSPOT_STALE_MS } from './hotspot-staleness.ts'
import { hotspotTrendKeys } from './keys.ts'

export type HotspotTrendsQuery = InferRequestType<typeof client.api.hotspots.compare.$get>['query']

export const getHotspotTrends = (query: HotspotTrendsQuery) => parseResponse(client.api.hotspots.compare.$get({ query }))

export type HotspotTrends = Awaited<ReturnType<typeof getHotspotTrends>>

export const hotspotTrendsQueryOptions = (query: HotspotTrendsQuery) =>
  queryOptions({ queryKey: hotspotTrendKeys.list(query), queryFn: () => getHotspotTrends(query), staleTime: HOTSPOT_STALE_MS })

export const useHotspotTrends = (query: HotspotTrendsQuery, enabled: boolean) => useQuery({ ...hotspotTrendsQueryOptions(query), enabled })
