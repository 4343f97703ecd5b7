// How lamps are drawn by status: working lamps recede in a neutral grey (green would read as 示范街),
// the three fault kinds stand out and sit on top.
import { LAMP_STATUSES } from '../../../../server/kernel/statuses.ts'
import { matchColor } from '../../../map/expressions.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import type { LampFeature } from '../api/get-lamps.ts'

export type LampStatus = LampFeature['properties']['status']

/** Every status but ok, in the kernel's order. */
export const LAMP_FAULTS: readonly LampStatus[] = LAMP_STATUSES.filter((status) => status !== 'ok')

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

// At night a lit lamp is a warm point of light; an 'ok' lamp with an open outage report is not lit and shows grey.
export const LAMP_NIGHT_COLORS = { lit: '#ffd166', unlit: '#8d99ae' } as const

export const lampsNightLayer: MapLayerSpec = {
  ...lampsLayer,
  layout: { 'circle-sort-key': ['case', ['get', 'working'], 0, 1] },
  paint: {
    'circle-color': [
      'case',
      ['get', 'working'],
      LAMP_NIGHT_COLORS.lit,
      matchColor(
        'status',
        [['ok', LAMP_NIGHT_COLORS.unlit], ...LAMP_FAULTS.map((status) => [status, LAMP_STATUS_COLORS[status]] as const)],
        LAMP_NIGHT_COLORS.unlit,
      ),
    ],
    'circle-radius': [
      'interpolate',
      ['linear'],
      ['zoom'],
      12,
      ['case', ['get', 'working'], 0.6, 2],
      14,
      ['case', ['get', 'working'], 1.8, 3.5],
      17,
      ['case', ['get', 'working'], 4, 7],
    ],
    'circle-opacity': ['case', ['get', 'working'], 0.8, 1],
    'circle-blur': ['case', ['get', 'working'], 0.35, 0],
    'circle-stroke-color': '#10151e',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 14, 0, 16, 1],
  },
}
