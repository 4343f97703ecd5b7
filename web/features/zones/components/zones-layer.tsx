// Sub-district zone boundaries and names.
import { pointOnFeature } from '@turf/turf'
import type { FeatureCollection, Point } from 'geojson'
import { useMemo } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { Zones } from '../api/get-zones.ts'
import { useZones } from '../api/get-zones.ts'
import { ZonePopup } from './zone-popup.tsx'
import { ZONE_LABELS_SOURCE, ZONES_SOURCE, zonesLabelLayer, zonesOutlineLayer } from './zone-style.ts'

/** A point inside each zone (its centroid when that falls inside), carrying the zone's id and names. */
function placeZoneLabels(zones: Zones): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: zones.features.map((zone) => ({ ...pointOnFeature(zone), id: zone.id, properties: zone.properties })),
  }
}

export function ZonesLayer({ visible }: { visible: boolean }) {
  const { locale } = useI18n()
  const zones = useZones()
  const labels = useMemo(() => (zones.data ? placeZoneLabels(zones.data) : undefined), [zones.data])
  useGeoJsonSource(ZONES_SOURCE, { data: zones.data, status: zones.status })
  useGeoJsonSource(ZONE_LABELS_SOURCE, { data: labels, status: zones.status })
  const byId = useMemo(() => indexById(zones.data), [zones.data])
  const showZone = (feature: { id?: string | number }) => {
    const zone = byId.get(readFeatureId(feature) ?? '')
    return zone && <ZonePopup zone={zone} />
  }
  useMapLayer(zonesOutlineLayer, { visible, onClick: showZone })
  useMapLayer(zonesLabelLayer(locale), { visible, onClick: showZone })
  return null
}
