// How incidents are drawn from their vector tiles: counted cells as bubbles, single incidents by category, and a
// kernel-density heatmap over both.
import type { ExpressionSpecification } from 'maplibre-gl'
import { byCellCount, cellCountLabel, matchColor } from '../../../map/expressions.ts'
import { LABEL_FONT } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

/** An incident category as /api/meta lists it; a deployment may configure its own table. */
export interface IncidentCategory {
  code: string
  name: string | null
  name_en: string | null
}

export const INCIDENTS_SOURCE = 'incidents'
/** The layer inside each tile (server/routes/tiles.ts names it after the tiled layer). */
export const INCIDENTS_SOURCE_LAYER = 'incidents'
/** Closest zoom the server is asked for: it sends single incidents from z15, and z16 tiles are small enough to cut further. */
export const INCIDENTS_MAX_TILE_ZOOM = 16

// Below z15 a tile sends one point per grid cell ({cluster: true, count, open}); from z15 one per incident.
const IS_CELL: ExpressionSpecification = ['==', ['get', 'cluster'], true]
const IS_INCIDENT: ExpressionSpecification = ['!=', ['get', 'cluster'], true]

// Tableau 10 (colour-blind-aware categorical palette); categories take colours in the order /api/meta lists them,
// so a deployment's own taxonomy gets distinct colours without a table here.
const CATEGORY_PALETTE = [
  '#e15759',
  '#59a14f',
  '#76b7b2',
  '#4e79a7',
  '#f28e2b',
  '#9c755f',
  '#edc948',
  '#ff9da7',
  '#b07aa1',
  '#bab0ac',
] as const
const UNKNOWN_CATEGORY_COLOR = '#7f7f7f'

export function colorCategories(categories: readonly IncidentCategory[]): ReadonlyMap<string, string> {
  return new Map(categories.map((c, i) => [c.code, CATEGORY_PALETTE[i % CATEGORY_PALETTE.length] ?? UNKNOWN_CATEGORY_COLOR]))
}

export const CLUSTER_COLOR = '#4b3f72'

// Cells grow with their count: counts for a z14 cell (byCellCount scales them per zoom), radii in pixels. A cell is
// 16 px across (32 per 512 px tile): a cell of one or two fits beside its neighbours, busy ones overlap into a blot.
export const incidentClustersLayer: MapLayerSpec = {
  id: 'incidents-clusters',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENTS_SOURCE_LAYER,
  filter: IS_CELL,
  layout: { 'circle-sort-key': ['get', 'count'] },
  paint: {
    'circle-color': CLUSTER_COLOR,
    'circle-opacity': byCellCount([
      [1, 0.6],
      [20, 0.72],
      [100, 0.85],
    ]),
    'circle-radius': byCellCount([
      [1, 4],
      [2, 5],
      [10, 8],
      [100, 13],
      [1000, 19],
    ]),
    'circle-stroke-color': '#ffffff',
    // a thin ring on the small ones, so a street of them does not read as a white band
    'circle-stroke-width': byCellCount([
      [1, 0.75],
      [10, 1.5],
    ]),
  },
}

export const incidentClusterCountLayer: MapLayerSpec = {
  id: 'incidents-cluster-count',
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENTS_SOURCE_LAYER,
  filter: IS_CELL,
  layout: {
    // from 3 (at z14) a bubble is wide enough for its number; clicking a smaller one zooms in all the same
    'text-field': cellCountLabel(3),
    'text-font': LABEL_FONT,
    'text-size': ['step', ['get', 'count'], 10, 10, 11],
    // cells sit 16 px apart: where counts would overlap, the biggest keep their number (placed first) and a street
    // name is never hidden by one
    'symbol-sort-key': ['-', ['get', 'count']],
    'text-allow-overlap': false,
    'text-ignore-placement': true,
    'text-padding': 0,
  },
  paint: { 'text-color': '#ffffff' },
}

export function incidentPointsLayer(colors: ReadonlyMap<string, string>): MapLayerSpec {
  return {
    id: 'incidents-points',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    'source-layer': INCIDENTS_SOURCE_LAYER,
    filter: IS_INCIDENT,
    paint: {
      'circle-color': matchColor('category', [...colors], UNKNOWN_CATEGORY_COLOR),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 18, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  }
}

/** The density ramp, low to high: also drawn as the legend's gradient. Viridis, not a red "hot" scale. */
export const DENSITY_RAMP = ['rgba(59, 82, 139, 0.35)', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const

export const incidentDensityLayer: MapLayerSpec = {
  id: 'incidents-density',
  type: 'heatmap',
  source: INCIDENTS_SOURCE,
  'source-layer': INCIDENTS_SOURCE_LAYER,
  maxzoom: 18,
  paint: {
    // a cell weighs as much as the incidents it counts, so the surface is the same whether a tile sends cells or points
    'heatmap-weight': ['case', IS_CELL, ['get', 'count'], 1],
    // kernel radius in pixels. Below z15 the tiles send cells 16 px apart, and MapLibre's kernel has σ = radius / 3:
    // 32 px spreads each cell over its neighbours, so the surface stays smooth instead of one dot per cell
    'heatmap-radius': ['interpolate', ['exponential', 2], ['zoom'], 10, 32, 14, 32, 15, 24, 17, 60],
    // tuned on the demo district (~12,000 incidents) as single points: only the densest blocks reach the top of the
    // ramp at any zoom. A kernel's mass grows with radius², so below z15 intensity × radius² keeps that tuning
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 10, 0.0088, 11, 0.0088, 12, 0.0173, 13, 0.042, 14, 0.127, 15, 0.567, 17, 0.9],
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      0,
      'rgba(59, 82, 139, 0)',
      0.15,
      'rgba(59, 82, 139, 0.35)',
      0.4,
      DENSITY_RAMP[1],
      0.6,
      DENSITY_RAMP[2],
      0.8,
      DENSITY_RAMP[3],
      1,
      DENSITY_RAMP[4],
    ],
    'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 16, 0.6, 18, 0],
  },
}
