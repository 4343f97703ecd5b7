// GET /api/dark-zones: stretches of street centreline no working lamp covers (亮灯死角), as LineStrings with ids
// '<street_id>:<n>'. No bbox means the whole district (~0.6 MB for the demo).
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { LIGHTING_STALE_MS } from './lighting-staleness.ts'
import { darkZoneKeys } from './keys.ts'

export type DarkZonesQuery = InferRequestType<(typeof client.api)['dark-zones']['$get']>['query']

export const getDarkZones = (query: DarkZonesQuery) => parseResponse(client.api['dark-zones'].$get({ query }))

export type DarkZones = Awaited<ReturnType<typeof getDarkZones>>
export type DarkZoneFeature = DarkZones['features'][number]

export const darkZonesQueryOptions = (query: DarkZonesQuery = {}) =>
  queryOptions({ queryKey: darkZoneKeys.list(query), queryFn: () => getDarkZones(query), staleTime: LIGHTING_STALE_MS })

export const useDarkZones = (query: DarkZonesQuery = {}) => useQuery(darkZonesQueryOptions(query))
