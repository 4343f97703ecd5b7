// GET /api/coverage: how much street length working lamps light, for the district and per zone.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { LIGHTING_STALE_MS } from './lighting-staleness.ts'
import { coverageKeys } from './keys.ts'

export const getCoverage = () => parseResponse(client.api.coverage.$get())

export type Coverage = Awaited<ReturnType<typeof getCoverage>>
export type ZoneCoverage = Coverage['by_zone'][number]

export const coverageQueryOptions = () => queryOptions({ queryKey: coverageKeys.all, queryFn: getCoverage, staleTime: LIGHTING_STALE_MS })

export const useCoverage = () => useQuery(coverageQueryOptions())
