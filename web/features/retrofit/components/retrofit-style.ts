// Proposed lamps as hollow rings: a place where a lamp should go, not a lamp that exists.
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

export const RETROFIT_COLOR = '#39e5ff' // cyan: apart from the magenta dark stretches and the warm lit lamps

export const RETROFIT_SOURCE = 'retrofit-proposals'

export const retrofitLayer: MapLayerSpec = {
  id: 'retrofit-proposals',
  type: 'circle',
  source: RETROFIT_SOURCE,
  paint: {
    'circle-color': 'rgba(0, 0, 0, 0)',
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 15, 4, 18, 9],
    'circle-stroke-color': RETROFIT_COLOR,
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 16, 2],
  },
}
