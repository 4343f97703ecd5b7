// What <MapView> hands to the layer hooks below it: the live map and the two registries it keeps.
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl'
import { createContext, use } from 'react'
import type { ReactNode } from 'react'

/**
 * What a click on a layer's feature does: return popup content, or nothing when the handler acted itself
 * (a cluster zooms in instead of opening a popup).
 */
export type FeatureClickHandler = (feature: MapGeoJSONFeature, map: MapLibreMap) => ReactNode | undefined

/** A GeoJSON source's data as its query reports it; 'success' means the data has been handed to the map. */
export type SourceStatus = 'pending' | 'error' | 'success'

export interface MapHandle {
  map: MapLibreMap
  /** False once the map is being torn down: hooks then skip their clean-up, the whole map goes at once. */
  isAlive: () => boolean
  setSourceStatus: (sourceId: string, status: SourceStatus | undefined) => void
  setClickHandler: (layerId: string, handler: FeatureClickHandler | undefined) => void
}

export const MapContext = createContext<MapHandle | null>(null)

export function useMapHandle(): MapHandle {
  const handle = use(MapContext)
  if (!handle) throw new Error('map layer hooks need <MapView> above them')
  return handle
}
