// The incident tiles as a map source, shared by the incident and density layers: one set of tiles feeds both.
import { useVectorSource } from '../../../map/use-vector-source.ts'
import type { IncidentTileFilters } from '../api/incident-tiles.ts'
import { buildIncidentTileUrl, useIncidentTilesRevision } from '../api/incident-tiles.ts'
import { INCIDENTS_MAX_TILE_ZOOM, INCIDENTS_SOURCE } from './incident-style.ts'

const NO_FILTERS: IncidentTileFilters = {}

/** Adds (or joins) the incidents' vector source, pointed at the tiles for `filters`. */
export function useIncidentTilesSource(filters: IncidentTileFilters = NO_FILTERS): void {
  useVectorSource(INCIDENTS_SOURCE, {
    tiles: [buildIncidentTileUrl(window.location.origin, filters)],
    revision: useIncidentTilesRevision(),
    maxzoom: INCIDENTS_MAX_TILE_ZOOM,
  })
}
