// GET /api/dark-zones/ranked: dark stretches by priority, score = length_m × (1 + night incidents + outage reports)
// within 50 m (night: 19:00–06:00 China time, last 90 days), highest first.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { LIGHTING_STALE_MS } from './lighting-staleness.ts'
import { darkZoneRankingKeys } from './keys.ts'

export type DarkZoneRankingQuery = InferRequestType<(typeof client.api)['dark-zones']['ranked']['$get']>['query']

export const getDarkZoneRanking = (query: DarkZoneRankingQuery) => parseResponse(client.api['dark-zones'].ranked.$get({ query }))

export type RankedDarkStretch = Awaited<ReturnType<typeof getDarkZoneRanking>>[number]

export const darkZoneRankingQueryOptions = (query: DarkZoneRankingQuery) =>
  queryOptions({ queryKey: darkZoneRankingKeys.list(query), queryFn: () => getDarkZoneRanking(query), staleTime: LIGHTING_STALE_MS })

export const useDarkZoneRanking = (query: DarkZoneRankingQuery) => useQuery(darkZoneRankingQueryOptions(query))
