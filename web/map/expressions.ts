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
