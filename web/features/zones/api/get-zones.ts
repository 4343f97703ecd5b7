// GET /api/zones: the sub-district (街道) zones, demonstration boundaries.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { zoneKeys } from './keys.ts'

export const getZones = () => parseResponse(client.api.zones.$get({ query: {} }))

export type Zones = Awaited<ReturnType<typeof getZones>>
export type ZoneFeature = Zones['features'][number]

export const zonesQueryOptions = () => queryOptions({ queryKey: zoneKeys.list(), queryFn: getZones })

export const useZones = () => useQuery(zonesQueryOptions())
