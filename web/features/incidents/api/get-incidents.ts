// GET /api/incidents: reported incidents (demonstration data), the points behind the cluster and density layers.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { incidentKeys } from './keys.ts'

export type IncidentsQuery = InferRequestType<typeof client.api.incidents.$get>['query']

export const getIncidents = (query: IncidentsQuery) => parseResponse(client.api.incidents.$get({ query }))

export type Incidents = Awaited<ReturnType<typeof getIncidents>>
export type IncidentFeature = Incidents['features'][number]

// No query means the whole district: the server answers up to its ceiling (50,000; the demo has ~12,000) and
// refuses more with a `too-large` problem instead of cutting the answer silently.
export const incidentsQueryOptions = (query: IncidentsQuery = {}) =>
  queryOptions({ queryKey: incidentKeys.list(query), queryFn: () => getIncidents(query) })

export const useIncidents = (query: IncidentsQuery = {}) => useQuery(incidentsQueryOptions(query))
