// How the planning view draws: guidance points and areas coloured by status with a red ring or outline where they
// break a rule, suggested sites as numbered white markers, the street open in the panel outlined in yellow, and the
// draft terra-draw draws in amber. The legend reads the same tables.
import type { ExpressionSpecification } from 'maplibre-gl'
import { byZoom, matchColor } from '../../../map/expressions.ts'
import { BASEMAP_SOURCES, LABEL_FONT } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import { GUIDANCE_STATUSES, GUIDANCE_STATUS_COLORS, VIOLATION_COLOR } from './guidance-status.ts'

export const GUIDANCE_POINTS_SOURCE = 'guidance-points'
export const GUIDANCE_SUGGESTIONS_SOURCE = 'guidance-suggestions'
/** terra-draw's layer and source ids start with this (see layer-order.ts). */
export const GUIDANCE_DRAW_PREFIX = 'guidance-draw'

export const PLANNING_COLORS = {
  selected: '#ffd600', // yellow, as the crew view's selected stretch
  suggestion: '#37474f', // slate: apart from every status and category colour
  suggestionFill: '#ffffff',
  label: '#26231f',
  halo: '#ffffff',
  // terra-draw takes hex colours only
  draft: '#ffb300', // amber: something not yet saved
  draftOutline: '#e65100',
  draftHandle: '#ffffff',
} as const

const statusColor = matchColor(
  'status',
  GUIDANCE_STATUSES.map((status) => [status, GUIDANCE_STATUS_COLORS[status]]),
  GUIDANCE_STATUS_COLORS.retired,
)
const isSelected = (id: string | undefined): ExpressionSpecification => ['==', ['get', 'id'], id ?? '']
const breaksRules: ExpressionSpecification = ['>', ['get', 'violation_count'], 0]
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon']
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point']

/** The street open in the panel: a yellow line on both sides of its category colour. */
export const streetsSelectedLayer = (streetId: string | undefined): MapLayerSpec => ({
  id: 'streets-selected',
  type: 'line',
  source: BASEMAP_SOURCES.streets,
  filter: isSelected(streetId),
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': PLANNING_COLORS.selected, 'line-width': byZoom(2, 3, 5), 'line-gap-width': byZoom(2, 4, 9) },
})

export const guidancePointsFillLayer: MapLayerSpec = {
  id: 'guidance-points-fill',
  type: 'fill',
  source: GUIDANCE_POINTS_SOURCE,
  filter: isPolygon,
  paint: { 'fill-color': statusColor, 'fill-opacity': 0.35 },
}

export const guidancePointsOutlineLayer = (selectedId: string | undefined): MapLayerSpec => ({
  id: 'guidance-points-outline',
  type: 'line',
  source: GUIDANCE_POINTS_SOURCE,
  filter: isPolygon,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': ['case', isSelected(selectedId), PLANNING_COLORS.selected, statusColor],
    'line-width': ['case', isSelected(selectedId), 3, 1.5],
  },
})

export const guidancePointsViolationsOutlineLayer: MapLayerSpec = {
  id: 'guidance-points-violations-outline',
  type: 'line',
  source: GUIDANCE_POINTS_SOURCE,
  filter: ['all', isPolygon, breaksRules],
  layout: { 'line-join': 'round' },
  paint: { 'line-color': VIOLATION_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1] },
}

const POINT_RADIUS = byZoom(4, 6, 9)

export const guidancePointsCircleLayer = (selectedId: string | undefined): MapLayerSpec => ({
  id: 'guidance-points-circle',
  type: 'circle',
  source: GUIDANCE_POINTS_SOURCE,
  filter: isPoint,
  paint: {
    'circle-color': statusColor,
    'circle-radius': POINT_RADIUS,
    'circle-stroke-color': ['case', isSelected(selectedId), PLANNING_COLORS.selected, '#ffffff'],
    'circle-stroke-width': ['case', isSelected(selectedId), 3, 1.5],
  },
})

/** A red ring just outside the point: the status colour stays readable inside it. */
export const guidancePointsViolationsLayer: MapLayerSpec = {
  id: 'guidance-points-violations',
  type: 'circle',
  source: GUIDANCE_POINTS_SOURCE,
  filter: ['all', isPoint, breaksRules],
  paint: {
    'circle-color': 'rgba(0, 0, 0, 0)',
    'circle-radius': byZoom(7, 10, 14),
    'circle-stroke-color': VIOLATION_COLOR,
    'circle-stroke-width': 2.5,
  },
}

export const guidancePointsLabelLayer: MapLayerSpec = {
  id: 'guidance-points-label',
  type: 'symbol',
  source: GUIDANCE_POINTS_SOURCE,
  minzoom: 15, // below this the names crowd the street labels
  layout: {
    'text-field': ['get', 'name'],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-anchor': 'top',
    'text-offset': [0, 1.1],
    'text-max-width': 8,
  },
  paint: { 'text-color': PLANNING_COLORS.label, 'text-halo-color': PLANNING_COLORS.halo, 'text-halo-width': 1.5 },
}

export const guidanceSuggestionsLayer: MapLayerSpec = {
  id: 'guidance-suggestions',
  type: 'circle',
  source: GUIDANCE_SUGGESTIONS_SOURCE,
  paint: {
    'circle-color': PLANNING_COLORS.suggestionFill,
    'circle-radius': byZoom(8, 11, 13),
    'circle-stroke-color': PLANNING_COLORS.suggestion,
    'circle-stroke-width': 2.5,
  },
}

export const guidanceSuggestionsLabelLayer: MapLayerSpec = {
  id: 'guidance-suggestions-label',
  type: 'symbol',
  source: GUIDANCE_SUGGESTIONS_SOURCE,
  layout: {
    'text-field': ['to-string', ['get', 'rank']],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
    'symbol-sort-key': ['get', 'rank'],
  },
  paint: { 'text-color': PLANNING_COLORS.suggestion },
}

/**
 * How many more reports each site takes in, under its marker. `template` is the message with a `{count}`
 * placeholder ("{count} 起"), built into the expression so the label follows the interface language.
 */
export const guidanceSuggestionsServedLayer = (template: string): MapLayerSpec => {
  const [before = '', after = ''] = template.split('{count}')
  return {
    id: 'guidance-suggestions-served',
    type: 'symbol',
    source: GUIDANCE_SUGGESTIONS_SOURCE,
    minzoom: 13, // below this the district's sites crowd each other
    layout: {
      'text-field': ['concat', before, ['to-string', ['get', 'served']], after],
      'text-font': LABEL_FONT,
      'text-size': 11,
      'text-anchor': 'top',
      'text-offset': [0, 1.3],
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': PLANNING_COLORS.suggestion, 'text-halo-color': PLANNING_COLORS.halo, 'text-halo-width': 1.5 },
  }
}
