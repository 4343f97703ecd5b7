// How streets are drawn by management category; the legend reads the same table so the two never disagree.
import { STREET_CATEGORIES } from '../../../../server/kernel/statuses.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import { matchColor } from '../../../map/expressions.ts'
import { BASEMAP_SOURCES } from '../../../map/offline-style.ts'
import type { StreetFeature } from '../api/get-streets.ts'

export type StreetCategory = StreetFeature['properties']['category']

// Legend order is the kernel's: strictest rule first (示范街 bans vending, 规范街 mixes, 商业街 guides it)
export { STREET_CATEGORIES }

export const STREET_CATEGORY_COLORS: Record<StreetCategory, string> = {
  demonstration: '#2e7d32',
  regulated: '#1e63c4',
  commercial: '#e07a00',
}

const categoryColor = matchColor(
  'category',
  STREET_CATEGORIES.map((category) => [category, STREET_CATEGORY_COLORS[category]]),
  '#888888',
)

export const streetsCategoryLayer: MapLayerSpec = {
  id: 'streets-category',
  type: 'line',
  source: BASEMAP_SOURCES.streets,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: {
    'line-color': categoryColor,
    'line-width': [
      'interpolate',
      ['exponential', 1.6],
      ['zoom'],
      12,
      ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], 2, ['secondary', 'tertiary'], 1.4, 0.8],
      18,
      ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], 9, ['secondary', 'tertiary'], 7, 4],
    ],
    'line-opacity': 0.85,
  },
}
