// GET /api/basemap/buildings: OSM building footprints for the offline basemap.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { buildingKeys } from './keys.ts'

export type BuildingsQuery = InferRequestType<typeof client.api.basemap.buildings.$get>['query']

export const getBuildings = (query: BuildingsQuery) => parseResponse(client.api.basemap.buildings.$get({ query }))

export const buildingsQueryOptions = (query: BuildingsQuery = {}) =>
  queryOptions({ queryKey: buildingKeys.list(query), queryFn: () => getBuildings(query) })

export const useBuildings = (query: BuildingsQuery = {}) => useQuery(buildingsQueryOptions(query))
