// GET /api/cases-overview (leader, admin, dispatcher, inspector): open, overdue, escalated and awaiting-verification
// counts now, the escalated cases (many reports, no fix) and overdue cases per unit.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { KPI_STALE_MS } from './kpi-staleness.ts'
import { casesOverviewKeys } from './keys.ts'

export const getCasesOverview = () => parseResponse(client.api['cases-overview'].$get())

export type CasesOverview = Awaited<ReturnType<typeof getCasesOverview>>
export type EscalatedCase = CasesOverview['escalated_cases'][number]

export const casesOverviewQueryOptions = () =>
  queryOptions({ queryKey: casesOverviewKeys.all, queryFn: getCasesOverview, staleTime: KPI_STALE_MS })

export const useCasesOverview = () => useQuery(casesOverviewQueryOptions())
