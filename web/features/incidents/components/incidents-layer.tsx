// Reported incidents from their vector tiles: counted cells that zoom in on a click, and from z15 single incidents
// coloured by category that open their record.
import { useMemo } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { zoomIntoCell } from '../../../map/zoom-into-cell.ts'
import { useIncident } from '../api/get-incident.ts'
import type { IncidentTileFilters } from '../api/incident-tiles.ts'
import { IncidentPopup } from './incident-popup.tsx'
import type { IncidentCategory } from './incident-style.ts'
import { colorCategories, incidentClusterCountLayer, incidentClustersLayer, incidentPointsLayer } from './incident-style.ts'
import { useIncidentTilesSource } from './incident-tiles-source.ts'

type StreetLookup = (streetId: string | null) => LocalizedName | undefined

export interface IncidentsLayerProps {
  visible: boolean
  categories: readonly IncidentCategory[]
  street: StreetLookup
  /** Which incidents the tiles hold; none: every incident. */
  filters?: IncidentTileFilters
}

export function IncidentsLayer({ visible, categories, street, filters }: IncidentsLayerProps) {
  useIncidentTilesSource(filters)
  const colors = useMemo(() => colorCategories(categories), [categories])

  useMapLayer(incidentClustersLayer, { visible, onClick: zoomIntoCell })
  useMapLayer(incidentClusterCountLayer, { visible, onClick: zoomIntoCell })
  useMapLayer(incidentPointsLayer(colors), {
    visible,
    onClick: (feature) => {
      const id = readFeatureId(feature)
      return id !== undefined && <LiveIncidentPopup incidentId={id} categories={categories} street={street} />
    },
  })
  return null
}

/** The tile has only what the map draws: the popup reads the incident itself, and follows it while open. */
function LiveIncidentPopup({ incidentId, categories, street }: { incidentId: string; categories: readonly IncidentCategory[]; street: StreetLookup }) {
  const incident = useIncident(incidentId)
  if (!incident.data) return <QueryState isPending={incident.isPending} error={incident.error} onRetry={() => void incident.refetch()} />
  const { properties } = incident.data
  return (
    <IncidentPopup
      incident={incident.data}
      category={categories.find((c) => c.code === properties.category)}
      street={street(properties.street_id)}
    />
  )
}
