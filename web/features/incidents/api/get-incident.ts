// GET /api/incidents/:id: one incident, read when its point on the map is clicked (the tiles carry only what the
// map draws).
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { incidentKeys } from './keys.ts'

export const getIncident = (id: string) => parseResponse(client.api.incidents[':id'].$get({ param: { id } }))

export type Incident = Awaited<ReturnType<typeof getIncident>>

// staleTime 0: a popup opened again shows the incident as it is now, not as it was when first clicked (cases move on)
export const incidentQueryOptions = (id: string) => queryOptions({ queryKey: incidentKeys.detail(id), queryFn: () => getIncident(id), staleTime: 0 })

export const useIncident = (id: string) => useQuery(incidentQueryOptions(id))
