// GET /api/lamps/work-list (crew, leader, admin): the lamps that are not working, in visiting order
// (nearest neighbour + 2-opt); leg_m is the straight-line distance from the previous stop.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { LIGHTING_STALE_MS } from './lighting-staleness.ts'
import { workListKeys } from './keys.ts'

export type WorkListQuery = InferRequestType<(typeof client.api.lamps)['work-list']['$get']>['query']

export const getWorkList = (query: WorkListQuery) => parseResponse(client.api.lamps['work-list'].$get({ query }))

export type WorkList = Awaited<ReturnType<typeof getWorkList>>
export type WorkStop = WorkList['stops'][number]

export const workListQueryOptions = (query: WorkListQuery) =>
  queryOptions({ queryKey: workListKeys.list(query), queryFn: () => getWorkList(query), staleTime: LIGHTING_STALE_MS })

export const useWorkList = (query: WorkListQuery) => useQuery(workListQueryOptions(query))
