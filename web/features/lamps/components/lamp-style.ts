// How lamps are drawn from their vector tiles, by status: working lamps recede in a neutral grey (green would read
// as 示范街), the three fault kinds stand out and sit on top. Below z15 a tile counts lamps per cell instead; a cell
// is drawn as a dot sized by its count and reddened by its share of broken lamps.
import type { ExpressionSpecification } from 'maplibre-gl'
import { LAMP_STATUSES } from '../../../../server/kernel/statuses.ts'
import { byCellCount, matchColor } from '../../../map/expressions.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import type { LampFeature } from '../api/get-lamp.ts'

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
/** The layer inside each tile (server/routes/tiles.ts names it after the tiled layer). */
export const LAMPS_SOURCE_LAYER = 'lamps'
/** Closest zoom the server is asked for: it sends single lamps from z15, and z16 tiles are small enough to cut further. */
export const LAMPS_MAX_TILE_ZOOM = 16

// A cell is {cluster: true, count, broken}; a lamp is {id, status, working}.
const IS_CELL: ExpressionSpecification = ['==', ['get', 'cluster'], true]
const IS_LAMP: ExpressionSpecification = ['!=', ['get', 'cluster'], true]
const HAS_BROKEN: ExpressionSpecification = ['>', ['get', 'broken'], 0]
const BROKEN_SHARE: ExpressionSpecification = ['/', ['get', 'broken'], ['max', ['get', 'count'], 1]]

/** A cell with any broken lamp, light to full red as their share grows to half the cell; white-ringed to stand out. */
export const LAMP_CELL_BROKEN_COLORS = { few: '#ec8f8f', many: LAMP_STATUS_COLORS.defective_lamp } as const

function cellColor(allWorking: string): ExpressionSpecification {
  return ['case', HAS_BROKEN, ['interpolate', ['linear'], BROKEN_SHARE, 0, LAMP_CELL_BROKEN_COLORS.few, 0.5, LAMP_CELL_BROKEN_COLORS.many], allWorking]
}

// Radii in pixels by lamps counted in a z14 cell (byCellCount scales them per zoom): cells sit 16 px apart (32 per
// 512 px tile), so even the fullest stays a dot beside its neighbours, as single lamps do closer in.
const CELL_RADIUS = byCellCount([
  [1, 2],
  [5, 3],
  [20, 4.5],
  [100, 6],
])

export const lampCellsLayer: MapLayerSpec = {
  id: 'lamps-cells',
  type: 'circle',
  source: LAMPS_SOURCE,
  'source-layer': LAMPS_SOURCE_LAYER,
  filter: IS_CELL,
  layout: { 'circle-sort-key': ['case', HAS_BROKEN, ['+', 1, BROKEN_SHARE], 0] },
  paint: {
    'circle-color': cellColor(LAMP_STATUS_COLORS.ok),
    'circle-radius': CELL_RADIUS,
    'circle-opacity': ['case', HAS_BROKEN, 1, 0.75],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': ['case', HAS_BROKEN, 0.75, 0],
  },
}

export const lampsLayer: MapLayerSpec = {
  id: 'lamps',
  type: 'circle',
  source: LAMPS_SOURCE,
  'source-layer': LAMPS_SOURCE_LAYER,
  filter: IS_LAMP,
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

// A cell knows how many of its lamps are broken, not which 'ok' ones wait on an outage report: at night it glows
// warm unless something in it is broken.
export const lampCellsNightLayer: MapLayerSpec = {
  ...lampCellsLayer,
  paint: {
    'circle-color': cellColor(LAMP_NIGHT_COLORS.lit),
    'circle-radius': CELL_RADIUS,
    'circle-opacity': ['case', HAS_BROKEN, 1, 0.8],
    'circle-blur': ['case', HAS_BROKEN, 0, 0.35],
    'circle-stroke-color': '#10151e',
    'circle-stroke-width': ['case', HAS_BROKEN, 0.75, 0],
  },
}

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
