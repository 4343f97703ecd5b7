// Streets: hands the OSM streets to the basemap (white lines and name labels) and draws them coloured by category.
import { useMemo } from 'react'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { BASEMAP_SOURCES } from '../../../map/offline-style.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useStreets } from '../api/get-streets.ts'
import { StreetPopup } from './street-popup.tsx'
import { streetsCategoryLayer } from './street-style.ts'

export interface StreetsLayerProps {
  visible: boolean
  /** When given, a click picks the street (the planning view opens it in its panel) instead of opening a popup. */
  onSelect?: ((streetId: string) => void) | undefined
}

export function StreetsLayer({ visible, onSelect }: StreetsLayerProps) {
  const streets = useStreets()
  useGeoJsonSource(BASEMAP_SOURCES.streets, { data: streets.data, status: streets.status })
  const byId = useMemo(() => indexById(streets.data), [streets.data])
  useMapLayer(streetsCategoryLayer, {
    visible,
    onClick: (feature) => {
      const street = byId.get(readFeatureId(feature) ?? '')
      if (street && onSelect) {
        onSelect(street.id)
        return undefined
      }
      return street && <StreetPopup street={street} />
    },
  })
  return null
}
