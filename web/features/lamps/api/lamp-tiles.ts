// The lamp tiles (GET /api/tiles/lamps/{z}/{x}/{y}.mvt): their URL for a status filter, and a query that says when
// they were last declared current. The map fetches the tiles itself; the query exists so that a write can mark them
// stale like any other answer (lib/affects.ts names lampKeys.tiles), and the layer then has the map fetch the tiles
// in view again.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { buildTileUrl } from '../../../map/tile-url.ts'
import { lampKeys } from './keys.ts'

/** The filter the lamp tiles take, in the format of GET /api/lamps: statuses as a comma-separated list ('ok,column_issue'). */
export type LampTileFilters = { status?: string }

export const buildLampTileUrl = (origin: string, filters: LampTileFilters) => buildTileUrl(origin, 'lamps', filters)

/** When the lamp tiles were last declared current (ms since the epoch); every refetch moves it. */
export const lampTilesQueryOptions = () => queryOptions({ queryKey: lampKeys.tiles, queryFn: () => Date.now() })

export const useLampTilesRevision = () => useQuery(lampTilesQueryOptions()).data
