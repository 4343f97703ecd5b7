// Reported incidents as clusters that split as the user zooms in; single incidents coloured by category.
import type { MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl'
import { useMemo } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { findGeoJsonSource, useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useIncidents } from '../api/get-incidents.ts'
import { IncidentPopup } from './incident-popup.tsx'
import type { IncidentCategory } from './incident-style.ts'
import {
  INCIDENTS_SOURCE,
  colorCategories,
  incidentClusterCountLayer,
  incidentClustersLayer,
  incidentPointsLayer,
} from './incident-style.ts'

// Points closer than this many pixels merge into a cluster; above CLUSTER_MAX_ZOOM every incident stands alone.
const CLUSTER_RADIUS_PX = 50
const CLUSTER_MAX_ZOOM = 16

export interface IncidentsLayerProps {
  visible: boolean
  categories: readonly IncidentCategory[]
  street: (streetId: string | null) => LocalizedName | undefined
}

/** Zooms to where the clicked cluster falls apart; opens no popup. */
function zoomIntoCluster(feature: MapGeoJSONFeature, map: MapLibreMap): undefined {
  const clusterId: unknown = feature.properties.cluster_id
  const { geometry } = feature
  if (typeof clusterId !== 'number' || geometry.type !== 'Point') return undefined
  const [lng, lat] = geometry.coordinates
  if (lng === undefined || lat === undefined) return undefined
  void findGeoJsonSource(map, INCIDENTS_SOURCE)
    ?.getClusterExpansionZoom(clusterId)
    .then((zoom) => map.easeTo({ center: [lng, lat], zoom }))
  return undefined
}

export function IncidentsLayer({ visible, categories, street }: IncidentsLayerProps) {
  const incidents = useIncidents()
  useGeoJsonSource(INCIDENTS_SOURCE, {
    data: incidents.data,
    status: incidents.status,
    options: { cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: CLUSTER_MAX_ZOOM },
  })
  const byId = useMemo(() => indexById(incidents.data), [incidents.data])
  const colors = useMemo(() => colorCategories(categories), [categories])

  useMapLayer(incidentClustersLayer, { visible, onClick: zoomIntoCluster })
  useMapLayer(incidentClusterCountLayer, { visible, onClick: zoomIntoCluster })
  useMapLayer(incidentPointsLayer(colors), {
    visible,
    onClick: (feature) => {
      const incident = byId.get(readFeatureId(feature) ?? '')
      return (
        incident && (
          <IncidentPopup
            incident={incident}
            category={categories.find((c) => c.code === incident.properties.category)}
            street={street(incident.properties.street_id)}
          />
        )
      )
    },
  })
  return null
}
