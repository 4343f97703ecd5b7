// GET /api/intersections: nodes where three or more street arms meet, with the names of the streets there.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { intersectionKeys } from './keys.ts'

export type IntersectionsQuery = InferRequestType<typeof client.api.intersections.$get>['query']

export const getIntersections = (query: IntersectionsQuery) =>
  parseResponse(client.api.intersections.$get({ query }))

export type Intersections = Awaited<ReturnType<typeof getIntersections>>
export type IntersectionFeature = Intersections['features'][number]

export const intersectionsQueryOptions = (query: IntersectionsQuery = {}) =>
  queryOptions({ queryKey: intersectionKeys.list(query), queryFn: () => getIntersections(query) })

export const useIntersections = (query: IntersectionsQuery = {}) => useQuery(intersectionsQueryOptions(query))
