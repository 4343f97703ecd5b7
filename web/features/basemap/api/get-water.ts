// GET /api/basemap/water: OSM rivers, canals and water areas for the offline basemap.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { waterKeys } from './keys.ts'

export type WaterQuery = InferRequestType<typeof client.api.basemap.water.$get>['query']

export const getWater = (query: WaterQuery) => parseResponse(client.api.basemap.water.$get({ query }))

export const waterQueryOptions = (query: WaterQuery = {}) =>
  queryOptions({ queryKey: waterKeys.list(query), queryFn: () => getWater(query) })

export const useWater = (query: WaterQuery = {}) => useQuery(waterQueryOptions(query))
