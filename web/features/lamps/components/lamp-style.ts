// How lamps are drawn by status: working lamps recede in a neutral grey (green would read as 示范街),
// the three fault kinds stand out and sit on top.
import { matchColor } from '../../../map/expressions.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import type { LampFeature } from '../api/get-lamps.ts'

export type LampStatus = LampFeature['properties']['status']

export const LAMP_FAULTS: readonly LampStatus[] = ['defective_lamp', 'column_issue', 'broken_lantern']

export const LAMP_STATUS_COLORS: Record<LampStatus, string> = {
  ok: '#a39e93',
  defective_lamp: '#d62839',
  column_issue: '#7b2cbf',
  broken_lantern: '#f77f00',
}

export const LAMPS_SOURCE = 'lamps'

export const lampsLayer: MapLayerSpec = {
  id: 'lamps',
  type: 'circle',
  source: LAMPS_SOURCE,
  layout: { 'circle-sort-key': ['match', ['get', 'status'], 'ok', 0, 1] },
  paint: {
    'circle-color': matchColor(
      'status',
      (['ok', ...LAMP_FAULTS] as const).map((status) => [status, LAMP_STATUS_COLORS[status]]),
      '#999999',
    ),
    'circle-radius': [
      'interpolate',
      ['linear'],
      ['zoom'],
      12,
      ['match', ['get', 'status'], 'ok', 0.6, 2],
      14,
      ['match', ['get', 'status'], 'ok', 1.2, 3],
      17,
      ['match', ['get', 'status'], 'ok', 4, 6],
    ],
    'circle-opacity': ['match', ['get', 'status'], 'ok', 0.75, 1],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 14, 0, 16, 1],
  },
}
