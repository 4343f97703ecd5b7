// GET /api/cases (dispatcher, inspector, unit, leader, admin): cases with the actions the caller may take on each.
// A unit handler gets only its own unit's cases (the server enforces it). The server answers at most 1000 a page,
// ordered by priority (escalated first) then deadline.
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { OPEN_INCIDENT_STATUSES } from '../../../../server/kernel/statuses.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import { caseKeys } from './keys.ts'

export type CasesQuery = NonNullable<InferRequestType<typeof client.api.cases.$get>['query']>

export const getCases = (query: CasesQuery) => parseResponse(client.api.cases.$get({ query }))

export type CasePage = Awaited<ReturnType<typeof getCases>>
export type CaseSummary = CasePage['items'][number]
export type CaseState = CaseSummary['state']
export type CaseActionName = CaseSummary['available_actions'][number]

// the server's page limit (server/routes/cases.ts limitParam(1000))
const MAX_PAGE_SIZE = 1000
// The demo district has ~1,700 open cases; a city with far more would want a bbox query, not a bigger cap.
const MAX_OPEN_CASES = 10_000

// Cases change under the user's feet (citizens report, other staff act): refetch what is older than this on
// opening a view, and poll while the queues or the map show them.
export const CASES_STALE_MS = 30_000
export const CASES_POLL_MS = 60_000

export interface CaseList {
  total: number
  items: CaseSummary[]
}

/** Every case the query matches, page by page, up to `maxItems`; `total` says how many there were in all. */
export async function listAllCases(query: Omit<CasesQuery, 'limit' | 'offset'>, maxItems = MAX_OPEN_CASES): Promise<CaseList> {
  const items: CaseSummary[] = []
  for (;;) {
    const page = await getCases({ ...query, limit: String(MAX_PAGE_SIZE), offset: String(items.length) })
    items.push(...page.items)
    if (page.items.length === 0 || items.length >= page.total || items.length >= maxItems) return { total: page.total, items }
  }
}

// the states still in the loop, as the kernel lists them; closed, rejected and merged cases are done
const OPEN_CASES_QUERY = { state: OPEN_INCIDENT_STATUSES.join(',') }

/**
 * Every open case the user may see: the map draws them, and the role queues (待立案, 待派遣, 待核查, a unit's own
 * work) are slices of them, so one answer feeds both and they never disagree.
 */
export const openCasesQueryOptions = () =>
  queryOptions({
    queryKey: caseKeys.open(OPEN_CASES_QUERY),
    queryFn: () => listAllCases(OPEN_CASES_QUERY),
    staleTime: CASES_STALE_MS,
    refetchInterval: CASES_POLL_MS,
  })

export const useOpenCases = () => useQuery(openCasesQueryOptions())

// the leader's browsing list: a screenful or two at a time, the rest a click away
const BROWSE_PAGE_SIZE = 100

/** The leader's and administrator's view of all cases, narrowed by the server's filters, a page at a time. */
export const browseCasesQueryOptions = (query: Omit<CasesQuery, 'limit' | 'offset'>) =>
  infiniteQueryOptions({
    queryKey: caseKeys.browse(query),
    queryFn: ({ pageParam }) => getCases({ ...query, limit: String(BROWSE_PAGE_SIZE), offset: String(pageParam) }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0)
      return last.items.length > 0 && loaded < last.total ? loaded : undefined
    },
    staleTime: CASES_STALE_MS,
  })

export const useBrowseCases = (query: Omit<CasesQuery, 'limit' | 'offset'>) => useInfiniteQuery(browseCasesQueryOptions(query))
