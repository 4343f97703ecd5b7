// GET /api/streets: OSM streets with their management category (示范街 / 规范街 / 商业街).
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { streetsKeys } from './keys.ts'

export type StreetsQuery = InferRequestType<typeof client.api.streets.$get>['query']

export const getStreets = (query: StreetsQuery) => parseResponse(client.api.streets.$get({ query }))

export type Streets = Awaited<ReturnType<typeof getStreets>>
export type StreetFeature = Streets['features'][number]

export const streetsQueryOptions = (query: StreetsQuery = {}) =>
  queryOptions({ queryKey: streetsKeys.list(query), queryFn: () => getStreets(query) })

export const useStreets = (query: StreetsQuery = {}) => useQuery(streetsQueryOptions(query))
