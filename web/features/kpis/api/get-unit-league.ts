// GET /api/kpis/league: responsible units ranked by 按期结案率 (then 结案率, then cases) for a period, laggards
// flagged for public naming (通报批评, docs/domain-notes.md §1).
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { KPI_STALE_MS } from './kpi-staleness.ts'
import { unitLeagueKeys } from './keys.ts'

export type UnitLeagueQuery = InferRequestType<typeof client.api.kpis.league.$get>['query']

export const getUnitLeague = (query: UnitLeagueQuery) => parseResponse(client.api.kpis.league.$get({ query }))

export type UnitLeague = Awaited<ReturnType<typeof getUnitLeague>>
export type LeagueRow = UnitLeague['units'][number]

export const unitLeagueQueryOptions = (query: UnitLeagueQuery) =>
  queryOptions({ queryKey: unitLeagueKeys.list(query), queryFn: () => getUnitLeague(query), staleTime: KPI_STALE_MS })

export const useUnitLeague = (query: UnitLeagueQuery) => useQuery(unitLeagueQueryOptions(query))

/** Where the browser downloads the KPIs per unit for the period as CSV (UTF-8 with BOM, so Excel reads the Chinese). */
export const unitKpisCsvPath = (query: { from: string; to: string }) =>
  client.api.kpis.$path({ query: { group: 'unit', format: 'csv', from: query.from, to: query.to } })
