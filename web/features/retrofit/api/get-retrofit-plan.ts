// GET /api/retrofit-plan (planner, leader, admin): phase-2 small-street lighting retrofit, the lamps proposed for
// the dark stretches at standard spacing, and the lit share before and after. Also as CSV and GeoJSON downloads.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { retrofitPlanKeys } from './keys.ts'

export type RetrofitPlanQuery = InferRequestType<(typeof client.api)['retrofit-plan']['$get']>['query']

export const getRetrofitPlan = (query: RetrofitPlanQuery) => parseResponse(client.api['retrofit-plan'].$get({ query }))

export type RetrofitPlan = Awaited<ReturnType<typeof getRetrofitPlan>>
export type ProposedLamp = RetrofitPlan['features'][number]

export const retrofitPlanQueryOptions = (query: RetrofitPlanQuery) =>
  queryOptions({ queryKey: retrofitPlanKeys.list(query), queryFn: () => getRetrofitPlan(query) })

export const useRetrofitPlan = (query: RetrofitPlanQuery) => useQuery(retrofitPlanQueryOptions(query))

/** Where the browser downloads the plan as a file (the server sends it as an attachment, named by zone). */
export const retrofitPlanDownloadPaths = (query: RetrofitPlanQuery) => ({
  csv: client.api['retrofit-plan.csv'].$path({ query }),
  geojson: client.api['retrofit-plan.geojson'].$path({ query }),
})
