// Street lamps as dots coloured by status.
import { useMemo } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useLamps } from '../api/get-lamps.ts'
import { LampPopup } from './lamp-popup.tsx'
import { LAMPS_SOURCE, lampsLayer } from './lamp-style.ts'

export interface LampsLayerProps {
  visible: boolean
  street: (streetId: string | null) => LocalizedName | undefined
}

export function LampsLayer({ visible, street }: LampsLayerProps) {
  const lamps = useLamps()
  useGeoJsonSource(LAMPS_SOURCE, { data: lamps.data, status: lamps.status })
  const byId = useMemo(() => indexById(lamps.data), [lamps.data])
  useMapLayer(lampsLayer, {
    visible,
    onClick: (feature) => {
      const lamp = byId.get(readFeatureId(feature) ?? '')
      return lamp && <LampPopup lamp={lamp} street={street(lamp.properties.street_id)} />
    },
  })
  return null
}
