// Dark stretches (亮灯死角) for the lighting views: a magenta glow under a bright core line, and the stretch picked
// in the priority list outlined in yellow.
import { useMemo } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { DarkZoneFeature } from '../api/get-dark-zones.ts'
import { useDarkZones } from '../api/get-dark-zones.ts'
import { DARK_ZONES_SOURCE, darkZonesGlowLayer, darkZonesLayer, darkZonesSelectedLayer } from './lighting-style.ts'

export function DarkZonesLayer({ selectedId }: { selectedId: string | undefined }) {
  const darkZones = useDarkZones()
  useGeoJsonSource(DARK_ZONES_SOURCE, { data: darkZones.data, status: darkZones.status })
  const byId = useMemo(() => indexById(darkZones.data), [darkZones.data])
  const onClick = (feature: { id?: string | number | undefined }) => {
    const zone = byId.get(readFeatureId(feature) ?? '')
    return zone && <DarkZonePopup zone={zone} />
  }
  useMapLayer(darkZonesGlowLayer)
  useMapLayer(darkZonesLayer, { onClick })
  useMapLayer(darkZonesSelectedLayer(selectedId), { onClick })
  return null
}

function DarkZonePopup({ zone }: { zone: DarkZoneFeature }) {
  const { t, lookup, formatMeters } = useI18n()
  const { name, highway, zone_id, length_m } = zone.properties
  return (
    <FeatureCard
      title={name ?? t('value.unnamed')}
      subtitle={t('lighting.darkStretch')}
      rows={[
        [t('field.length'), formatMeters(length_m)],
        [t('field.highway'), lookup(`highway.${highway}`, highway)],
        [t('field.zone'), zone_id ?? t('value.none')],
      ]}
    />
  )
}
