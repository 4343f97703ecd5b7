// Sub-district zones: a dashed boundary and one name label per zone.
import type { Locale } from '../../../lib/i18n.ts'
import { LABEL_FONT, localizedName } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

export const ZONES_SOURCE = 'zones'
/** One point per zone to hang its name on: labelling the polygons themselves repeats the name in every tile. */
export const ZONE_LABELS_SOURCE = 'zones-labels'

export const ZONE_COLOR = '#5b4a8b'

export const zonesOutlineLayer: MapLayerSpec = {
  id: 'zones-outline',
  type: 'line',
  source: ZONES_SOURCE,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': ZONE_COLOR,
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 16, 3],
    'line-dasharray': [3, 2],
    'line-opacity': 0.8,
  },
}

export function zonesLabelLayer(locale: Locale): MapLayerSpec {
  return {
    id: 'zones-label',
    type: 'symbol',
    source: ZONE_LABELS_SOURCE,
    layout: {
      'text-field': localizedName(locale),
      'text-font': LABEL_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 16, 17],
      'text-max-width': 8,
      'text-letter-spacing': 0.08,
      'text-allow-overlap': false,
    },
    paint: {
      'text-color': ZONE_COLOR,
      'text-halo-color': 'rgba(255, 255, 255, 0.92)',
      'text-halo-width': 2,
    },
  }
}
