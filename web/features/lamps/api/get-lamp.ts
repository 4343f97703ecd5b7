// GET /api/lamps/:id: one street lamp (demonstration data) with its FIWARE-style status, whether it is lit, its
// zone and the version a status change must name (If-Match). Read when a lamp on the map is clicked: the tiles
// carry only what the map draws.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { lampKeys } from './keys.ts'

export const getLamp = (id: string) => parseResponse(client.api.lamps[':id'].$get({ param: { id } }))

export type LampFeature = Awaited<ReturnType<typeof getLamp>>

// staleTime 0: a popup opened again shows the lamp as it is now (other crews repair lamps too), and a repair
// button sends the version the crew really saw
export const lampQueryOptions = (id: string) => queryOptions({ queryKey: lampKeys.detail(id), queryFn: () => getLamp(id), staleTime: 0 })

export const useLamp = (id: string) => useQuery(lampQueryOptions(id))
