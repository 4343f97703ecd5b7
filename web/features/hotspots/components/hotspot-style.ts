// How the Gi* hotspots are drawn: each cell filled by its confidence bin in ArcGIS's Hot Spot Analysis palette
// (ColorBrewer RdYlBu), so a leader who has seen an ArcGIS hotspot map reads this one the same way. Not-significant
// cells are a faint wash, so the basemap stays readable under them. The period comparison has a palette of its own.
import type { ExpressionSpecification } from 'maplibre-gl'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

/** Gi* confidence bins as the API gives them: ±3 is 99 %, ±2 95 %, ±1 90 %, 0 not significant (docs/domain-notes.md §4). */
export const HOTSPOT_BINS = [3, 2, 1, 0, -1, -2, -3] as const
export type HotspotBin = (typeof HOTSPOT_BINS)[number]

export const BIN_COLORS: Readonly<Record<HotspotBin, string>> = {
  3: '#d62f27',
  2: '#ed7551',
  1: '#fab984',
  0: '#f7f7f7',
  [-1]: '#abd9e9',
  [-2]: '#74add1',
  [-3]: '#4575b5',
}

const CONFIDENCE_BY_LEVEL = { 1: 90, 2: 95, 3: 99 } as const
export type Confidence = (typeof CONFIDENCE_BY_LEVEL)[keyof typeof CONFIDENCE_BY_LEVEL]

export interface BinMeaning {
  kind: 'hot' | 'cold' | 'none'
  /** Percent confidence; null for a cell that is not significant. */
  confidence: Confidence | null
}

/** Any value as a bin: integers −3..3 as they are, anything else (missing, fractional, out of range) as 0. */
export function readBin(value: unknown): HotspotBin {
  return HOTSPOT_BINS.find((bin) => bin === value) ?? 0
}

/** What a bin means to the reader: hot or cold, and at which confidence. */
export function describeBin(bin: HotspotBin): BinMeaning {
  if (bin === 0) return { kind: 'none', confidence: null }
  const level = Math.abs(bin)
  const confidence = level === 3 ? CONFIDENCE_BY_LEVEL[3] : level === 2 ? CONFIDENCE_BY_LEVEL[2] : CONFIDENCE_BY_LEVEL[1]
  return { kind: bin > 0 ? 'hot' : 'cold', confidence }
}

export function colorOfBin(bin: HotspotBin): string {
  return BIN_COLORS[bin]
}

// Significant cells are drawn nearly opaque; not-significant ones only tint the basemap
const SIGNIFICANT_OPACITY = 0.78
const NOT_SIGNIFICANT_OPACITY = 0.22

/** `['match', ['get', 'bin'], 3, red, 2, …, not-significant]`: the fill colour of every bin. */
export function binColorExpression(): ExpressionSpecification {
  return [
    'match',
    ['get', 'bin'],
    3,
    BIN_COLORS[3],
    2,
    BIN_COLORS[2],
    1,
    BIN_COLORS[1],
    -1,
    BIN_COLORS[-1],
    -2,
    BIN_COLORS[-2],
    -3,
    BIN_COLORS[-3],
    BIN_COLORS[0],
  ]
}

export const HOTSPOTS_SOURCE = 'hotspots'
export const HOTSPOT_TRENDS_SOURCE = 'hotspot-trends'

export const hotspotsFillLayer: MapLayerSpec = {
  id: 'hotspots-fill',
  type: 'fill',
  source: HOTSPOTS_SOURCE,
  paint: {
    'fill-color': binColorExpression(),
    'fill-opacity': ['case', ['==', ['get', 'bin'], 0], NOT_SIGNIFICANT_OPACITY, SIGNIFICANT_OPACITY],
    'fill-antialias': true,
  },
}

const SELECTED_COLOR = '#1b1b1b'

/** Thin edges round significant cells (they read as hexagons, not a blur), and the cell picked in the list outlined. */
export const hotspotsOutlineLayer = (selectedId: string | undefined): MapLayerSpec => {
  const selected: ExpressionSpecification = ['==', ['get', 'id'], selectedId ?? '']
  return {
    id: 'hotspots-outline',
    type: 'line',
    source: HOTSPOTS_SOURCE,
    filter: ['any', ['!=', ['get', 'bin'], 0], selected],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': ['case', selected, SELECTED_COLOR, '#ffffff'],
      // MapLibre allows ['zoom'] only as the input of a top-level interpolate: the per-feature choice goes inside it
      'line-width': ['interpolate', ['linear'], ['zoom'], 12, ['case', selected, 2.5, 0.2], 16, ['case', selected, 3.5, 1]],
      'line-opacity': ['case', selected, 1, 0.7],
    },
  }
}

/** Period comparison classes, as the API names them (server/analysis/hotspots.ts compareHotspotPeriods). */
export const TREND_CLASSES = ['new', 'intensifying', 'persistent', 'diminishing', 'gone'] as const
export type TrendClass = (typeof TREND_CLASSES)[number]

// Warm for what got worse or stayed bad, cool for what got better: new hotspots stand out in the deepest colour
export const TREND_COLORS: Readonly<Record<TrendClass, string>> = {
  new: '#a50f15',
  intensifying: '#e6550d',
  persistent: '#fdae6b',
  diminishing: '#9ecae1',
  gone: '#3182bd',
}

export function readTrend(value: unknown): TrendClass | undefined {
  return TREND_CLASSES.find((trend) => trend === value)
}

export const hotspotTrendsFillLayer: MapLayerSpec = {
  id: 'hotspot-trends-fill',
  type: 'fill',
  source: HOTSPOT_TRENDS_SOURCE,
  paint: {
    'fill-color': [
      'match',
      ['get', 'trend'],
      'new',
      TREND_COLORS.new,
      'intensifying',
      TREND_COLORS.intensifying,
      'persistent',
      TREND_COLORS.persistent,
      'diminishing',
      TREND_COLORS.diminishing,
      'gone',
      TREND_COLORS.gone,
      BIN_COLORS[0],
    ],
    'fill-opacity': SIGNIFICANT_OPACITY,
    'fill-outline-color': '#ffffff',
  },
}
