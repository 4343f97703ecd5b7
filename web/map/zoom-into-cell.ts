// What a click on a counted cell does (the vector tiles send one point per cell below DETAIL_ZOOM): zoom in towards it.
import type { MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl'

/** Zoom levels gained per click: two halve the cell's width twice, so a few clicks reach single points from a district view. */
export const CELL_ZOOM_STEP = 2

/** Eases the map `CELL_ZOOM_STEP` levels closer, centred on the clicked cell; opens no popup. */
export function zoomIntoCell(feature: MapGeoJSONFeature, map: MapLibreMap): undefined {
  const { geometry } = feature
  if (geometry.type !== 'Point') return undefined
  const [lng, lat] = geometry.coordinates
  if (lng === undefined || lat === undefined) return undefined
  map.easeTo({ center: [lng, lat], zoom: Math.min(map.getZoom() + CELL_ZOOM_STEP, map.getMaxZoom()) })
  return undefined
}
