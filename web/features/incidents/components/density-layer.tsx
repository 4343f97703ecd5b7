// Incident density: a heatmap of how closely reported points lie together. It is not a hotspot analysis
// (no significance test), and the legend says so.
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useIncidents } from '../api/get-incidents.ts'
import { INCIDENTS_DENSITY_SOURCE, incidentDensityLayer } from './incident-style.ts'

export function DensityLayer({ visible }: { visible: boolean }) {
  const incidents = useIncidents()
  // its own unclustered source: a heatmap over a clustered source would weigh each cluster as one point
  useGeoJsonSource(INCIDENTS_DENSITY_SOURCE, { data: incidents.data, status: incidents.status })
  useMapLayer(incidentDensityLayer, { visible })
  return null
}
