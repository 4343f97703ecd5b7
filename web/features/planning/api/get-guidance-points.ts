// GET /api/guidance-points (planner, leader, admin, …): vendor guidance points (流动摊贩有序疏导点) with their status
// and the rules each currently breaks. The planning view lists retired points too, so their history stays visible.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { guidancePointKeys } from './keys.ts'

export type GuidancePointsQuery = InferRequestType<(typeof client.api)['guidance-points']['$get']>['query']

export const getGuidancePoints = (query: GuidancePointsQuery) => parseResponse(client.api['guidance-points'].$get({ query }))

export type GuidancePoints = Awaited<ReturnType<typeof getGuidancePoints>>
export type GuidancePoint = GuidancePoints['features'][number]
export type GuidanceStatus = GuidancePoint['properties']['status']
export type GuidanceGeometry = GuidancePoint['geometry']

// Other planners change points too: an answer older than this is refetched when the view opens again
export const GUIDANCE_STALE_MS = 60_000

export const ALL_GUIDANCE_POINTS: GuidancePointsQuery = { include_retired: 'true' }

export const guidancePointsQueryOptions = (query: GuidancePointsQuery = ALL_GUIDANCE_POINTS) =>
  queryOptions({ queryKey: guidancePointKeys.list(query), queryFn: () => getGuidancePoints(query), staleTime: GUIDANCE_STALE_MS })

export const useGuidancePoints = (query: GuidancePointsQuery = ALL_GUIDANCE_POINTS) => useQuery(guidancePointsQueryOptions(query))
