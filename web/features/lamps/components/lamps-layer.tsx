// Street lamps from their vector tiles: counted cells that zoom in on a click, and from z15 single lamps coloured by
// status (by day) or lit / unlit (in the night view of the lighting panels) that open their record.
import type { ReactNode } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useVectorSource } from '../../../map/use-vector-source.ts'
import { zoomIntoCell } from '../../../map/zoom-into-cell.ts'
import type { LampFeature } from '../api/get-lamp.ts'
import { useLamp } from '../api/get-lamp.ts'
import type { LampTileFilters } from '../api/lamp-tiles.ts'
import { buildLampTileUrl, useLampTilesRevision } from '../api/lamp-tiles.ts'
import { LampPopup } from './lamp-popup.tsx'
import { LAMPS_MAX_TILE_ZOOM, LAMPS_SOURCE, lampCellsLayer, lampCellsNightLayer, lampsLayer, lampsNightLayer } from './lamp-style.ts'

export type StreetLookup = (streetId: string | null) => LocalizedName | undefined

const NO_FILTERS: LampTileFilters = {}

export interface LampsLayerProps {
  visible: boolean
  street: StreetLookup
  /** Lit lamps glow warm on the night basemap; broken ones keep their fault colours. */
  night?: boolean
  /** Buttons for the lamp's popup, from the feature that owns lamp repairs; none for who may not change lamps. */
  renderActions?: ((lamp: LampFeature) => ReactNode) | undefined
  /** Which lamps the tiles hold; none: every lamp. */
  filters?: LampTileFilters
  /** The popup lists the lamp's status changes (for the roles that may read them). */
  showHistory?: boolean
}

export function LampsLayer({ visible, street, night = false, renderActions, filters = NO_FILTERS, showHistory = false }: LampsLayerProps) {
  useVectorSource(LAMPS_SOURCE, {
    tiles: [buildLampTileUrl(window.location.origin, filters)],
    revision: useLampTilesRevision(),
    maxzoom: LAMPS_MAX_TILE_ZOOM,
  })
  useMapLayer(night ? lampCellsNightLayer : lampCellsLayer, { visible, onClick: zoomIntoCell })
  useMapLayer(night ? lampsNightLayer : lampsLayer, {
    visible,
    onClick: (feature) => {
      const id = readFeatureId(feature)
      return id !== undefined && <LiveLampPopup lampId={id} street={street} renderActions={renderActions} showHistory={showHistory} />
    },
  })
  return null
}

/**
 * The tile has only what the map draws: the popup reads the lamp itself (with the version a repair must name), and a
 * status change written into the cache (features/lighting) shows in it at once.
 */
function LiveLampPopup({ lampId, street, renderActions, showHistory }: { lampId: string; street: StreetLookup; renderActions: LampsLayerProps['renderActions']; showHistory: boolean }) {
  const lamp = useLamp(lampId)
  if (!lamp.data) return <QueryState isPending={lamp.isPending} error={lamp.error} onRetry={() => void lamp.refetch()} />
  return <LampPopup lamp={lamp.data} street={street(lamp.data.properties.street_id)} actions={renderActions?.(lamp.data)} showHistory={showHistory} />
}
