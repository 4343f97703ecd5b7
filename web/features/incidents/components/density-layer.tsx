// Incident density: a heatmap of how closely reported points lie together. It is not a hotspot analysis
// (no significance test), and the legend says so.
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { IncidentTileFilters } from '../api/incident-tiles.ts'
import { incidentDensityLayer } from './incident-style.ts'
import { useIncidentTilesSource } from './incident-tiles-source.ts'

export function DensityLayer({ visible, filters }: { visible: boolean; filters?: IncidentTileFilters }) {
  // the incidents layer's tiles: below z15 their cells carry counts, which weigh the heatmap (incident-style.ts)
  useIncidentTilesSource(filters)
  useMapLayer(incidentDensityLayer, { visible })
  return null
}
