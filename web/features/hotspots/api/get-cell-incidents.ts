// GET /api/hotspots/cells/:id/incidents: the incidents inside one analysis cell for the same filters, so a leader
// can read what makes a hotspot hot.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { HOTSPOT_STALE_MS } from './hotspot-staleness.ts'
import { cellIncidentKeys } from './keys.ts'

type CellIncidentsEndpoint = (typeof client.api.hotspots.cells)[':id']['incidents']['$get']
export type CellIncidentsQuery = InferRequestType<CellIncidentsEndpoint>['query']

export const getCellIncidents = (id: string, query: CellIncidentsQuery) =>
  parseResponse(client.api.hotspots.cells[':id'].incidents.$get({ param: { id }, query }))

export type CellIncidents = Awaited<ReturnType<typeof getCellIncidents>>
export type CellIncident = CellIncidents['features'][number]

export const cellIncidentsQueryOptions = (id: string, query: CellIncidentsQuery) =>
  queryOptions({ queryKey: cellIncidentKeys.list(id, query), queryFn: () => getCellIncidents(id, query), staleTime: HOTSPOT_STALE_MS })

export const useCellIncidents = (id: string, query: CellIncidentsQuery) => useQuery(cellIncidentsQueryOptions(id, query))
