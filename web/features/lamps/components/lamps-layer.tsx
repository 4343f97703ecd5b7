// Street lamps as dots coloured by status (by day) or lit / unlit (in the night view of the lighting panels).
import { useMemo } from 'react'
import type { ReactNode } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { LampFeature } from '../api/get-lamps.ts'
import { useLamps } from '../api/get-lamps.ts'
import { LampPopup } from './lamp-popup.tsx'
import { LAMPS_SOURCE, lampsLayer, lampsNightLayer } from './lamp-style.ts'

export type StreetLookup = (streetId: string | null) => LocalizedName | undefined

export interface LampsLayerProps {
  visible: boolean
  street: StreetLookup
  /** Lit lamps glow warm on the night basemap; broken ones keep their fault colours. */
  night?: boolean
  /** Buttons for the lamp's popup, from the feature that owns lamp repairs; none for who may not change lamps. */
  renderActions?: ((lamp: LampFeature) => ReactNode) | undefined
}

export function LampsLayer({ visible, street, night = false, renderActions }: LampsLayerProps) {
  const lamps = useLamps()
  useGeoJsonSource(LAMPS_SOURCE, { data: lamps.data, status: lamps.status })
  useMapLayer(night ? lampsNightLayer : lampsLayer, {
    visible,
    onClick: (feature) => {
      const id = readFeatureId(feature)
      return id !== undefined && <LiveLampPopup lampId={id} street={street} renderActions={renderActions} />
    },
  })
  return null
}

/** The popup reads the lamp from the cache while it is open, so a status change shows in it at once. */
function LiveLampPopup({ lampId, street, renderActions }: { lampId: string; street: StreetLookup; renderActions: LampsLayerProps['renderActions'] }) {
  const lamps = useLamps()
  const byId = useMemo(() => indexById(lamps.data), [lamps.data])
  const lamp = byId.get(lampId)
  return lamp ? <LampPopup lamp={lamp} street={street(lamp.properties.street_id)} actions={renderActions?.(lamp)} /> : null
}
