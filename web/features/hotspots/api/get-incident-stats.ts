// GET /api/stats/incidents: incident counts per category and per China month for a period (default the last twelve
// months), the numbers behind the overview's category list and trend chart.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { HOTSPOT_STALE_MS } from './hotspot-staleness.ts'
import { incidentStatKeys } from './keys.ts'

export type IncidentStatsQuery = InferRequestType<typeof client.api.stats.incidents.$get>['query']

export const getIncidentStats = (query: IncidentStatsQuery) => parseResponse(client.api.stats.incidents.$get({ query }))

export type IncidentStats = Awaited<ReturnType<typeof getIncidentStats>>

export const incidentStatsQueryOptions = (query: IncidentStatsQuery) =>
  queryOptions({ queryKey: incidentStatKeys.list(query), queryFn: () => getIncidentStats(query), staleTime: HOTSPOT_STALE_MS })

export const useIncidentStats = (query: IncidentStatsQuery) => useQuery(incidentStatsQueryOptions(query))
