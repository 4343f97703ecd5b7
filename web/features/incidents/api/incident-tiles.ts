// The incident tiles (GET /api/tiles/incidents/{z}/{x}/{y}.mvt): their URL for the filters, and a query that says
// when they were last declared current. The map fetches the tiles itself; the query exists so that a write can
// mark them stale like any other answer (lib/affects.ts names incidentKeys.all), and the layers then have the map
// fetch the tiles in view again.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { buildTileUrl } from '../../../map/tile-url.ts'
import { incidentKeys } from './keys.ts'

/**
 * The filters the incident tiles take, in the formats of GET /api/incidents: category and status as comma-separated
 * codes ('0118,0104'), from and to as ISO 8601 dates or instants.
 */
export type IncidentTileFilters = { category?: string; status?: string; from?: string; to?: string }

export const buildIncidentTileUrl = (origin: string, filters: IncidentTileFilters) => buildTileUrl(origin, 'incidents', filters)

/** When the incident tiles were last declared current (ms since the epoch); every refetch moves it. */
export const incidentTilesQueryOptions = () => queryOptions({ queryKey: incidentKeys.tiles, queryFn: () => Date.now() })

export const useIncidentTilesRevision = () => useQuery(incidentTilesQueryOptions()).data
