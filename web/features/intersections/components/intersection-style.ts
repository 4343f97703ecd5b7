// Intersections as small dots, only when zoomed in far enough to tell them apart.
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

export const INTERSECTIONS_SOURCE = 'intersections'
export const INTERSECTION_COLOR = '#3c3c3c'
/** Below this zoom the dots would only cover the streets. */
export const INTERSECTIONS_MIN_ZOOM = 16

export const intersectionsLayer: MapLayerSpec = {
  id: 'intersections',
  type: 'circle',
  source: INTERSECTIONS_SOURCE,
  minzoom: INTERSECTIONS_MIN_ZOOM,
  paint: {
    'circle-color': INTERSECTION_COLOR,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 16, 2.5, 19, 5],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
  },
}
