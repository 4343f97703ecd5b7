// How incidents are drawn: clusters by count, single points by category, and a kernel-density heatmap.
import { matchColor } from '../../../map/expressions.ts'
import { LABEL_FONT } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

/** An incident category as /api/meta lists it; a deployment may configure its own table. */
export interface IncidentCategory {
  code: string
  name: string | null
  name_en: string | null
}

export const INCIDENTS_SOURCE = 'incidents'
export const INCIDENTS_DENSITY_SOURCE = 'incidents-density'

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

// Cluster circles grow with their count: thresholds in incidents, radii in pixels.
export const incidentClustersLayer: MapLayerSpec = {
  id: 'incidents-clusters',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': CLUSTER_COLOR,
    'circle-opacity': ['step', ['get', 'point_count'], 0.6, 100, 0.72, 500, 0.85],
    'circle-radius': ['step', ['get', 'point_count'], 12, 50, 16, 200, 21, 1000, 27],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
}

export const incidentClusterCountLayer: MapLayerSpec = {
  id: 'incidents-cluster-count',
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['to-string', ['get', 'point_count']],
    'text-font': LABEL_FONT,
    'text-size': 12,
    // a count belongs to its circle: never hide it behind a street name
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
}

export function incidentPointsLayer(colors: ReadonlyMap<string, string>): MapLayerSpec {
  return {
    id: 'incidents-points',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    filter: ['!', ['has', 'point_count']],
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
  source: INCIDENTS_DENSITY_SOURCE,
  maxzoom: 18,
  paint: {
    'heatmap-weight': 1,
    // kernel radius in pixels: about 150–250 m on the ground across these zooms
    'heatmap-radius': ['interpolate', ['exponential', 2], ['zoom'], 11, 6, 14, 18, 17, 60],
    // tuned on the demo district (~12,000 points): only the densest blocks reach the top of the ramp at any zoom
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 11, 0.25, 14, 0.4, 17, 0.9],
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
