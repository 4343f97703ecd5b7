// Small builders for MapLibre expressions whose literal form TypeScript cannot check when built from a table.
import type { ExpressionSpecification } from 'maplibre-gl'

/** `['match', ['get', property], key1, color1, …, fallback]`: a colour per known property value. */
export function matchColor(
  property: string,
  table: ReadonlyArray<readonly [key: string, color: string]>,
  fallback: string,
): ExpressionSpecification {
  const [first, ...rest] = table
  // an empty table still has to be a valid expression: every feature gets the fallback
  if (!first) return ['to-color', fallback]
  return ['match', ['get', property], first[0], first[1], ...rest.flat(), fallback]
}

/** A value interpolated linearly by zoom through zooms 12, 15 and 18 (street level and closer). */
export function byZoom(at12: number, at15: number, at18: number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 12, at12, 15, at15, 18, at18]
}

/**
 * Map zooms at which the vector tiles send counted cells: the map's lowest (10) to the last below DETAIL_ZOOM (15,
 * server/routes/tiles.ts). A cell is 16 px across at each.
 */
export const CELL_ZOOMS = [10, 11, 12, 13, 14] as const
const CELL_BASE_ZOOM = 14

/** How many points a cell at `zoom` holds where a z14 cell would hold `countAt14`: each zoom out, four times the ground. */
export function scaleCellCount(countAt14: number, zoom: number): number {
  return countAt14 * 4 ** (CELL_BASE_ZOOM - zoom)
}

/**
 * A value by a counted cell's `count` that reads the same at every zoom: `stops` give count → value for a z14 cell,
 * and at lower zooms the counts are scaled up (scaleCellCount), so a cell's size follows the density it stands for
 * rather than how much ground the zoom puts in it.
 */
export function byCellCount(stops: ReadonlyArray<readonly [countAt14: number, value: number]>): ExpressionSpecification {
  const atZoom = (zoom: number): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['get', 'count'],
    ...stops.flatMap(([count, value]) => [scaleCellCount(count, zoom), value]),
  ]
  return ['interpolate', ['linear'], ['zoom'], ...CELL_ZOOMS.flatMap((zoom) => [zoom, atZoom(zoom)])]
}

/** A cell's count as its label where it reaches `minCountAt14` (scaled per zoom like byCellCount), else no label. */
export function cellCountLabel(minCountAt14: number): ExpressionSpecification {
  const atZoom = (zoom: number): ExpressionSpecification => [
    'case',
    ['>=', ['get', 'count'], scaleCellCount(minCountAt14, zoom)],
    ['to-string', ['get', 'count']],
    '',
  ]
  const [first, ...rest] = CELL_ZOOMS
  return ['step', ['zoom'], atZoom(first), ...rest.flatMap((zoom) => [zoom, atZoom(zoom)])]
}
