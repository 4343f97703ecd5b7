// Whether a drawn area is a polygon the rules can be checked against: closed, a handful of vertices, not crossing
// itself, enclosing some ground. A bow-tie or a ring left open would make every later area and distance meaningless.
import { area, kinks, polygon } from '@turf/turf'
import type { LngLat } from '../kernel/geo.ts'

// A guidance area is a plaza or a kerb-side strip: 200 vertices is far more than a planner clicks, and bounds the
// cost of the self-intersection test (quadratic in the vertices).
export const MAX_POLYGON_POSITIONS = 200
// Below a square metre a polygon is a slip of the mouse, not a place for stalls.
const MIN_AREA_M2 = 1

/** What is wrong with the outer ring, in words for the planner; empty when it is a valid simple polygon. */
export function polygonRingProblems(ring: readonly LngLat[]): string[] {
  if (ring.length < 4) return ['a polygon ring needs at least 4 positions (3 corners and the first again)']
  if (ring.length > MAX_POLYGON_POSITIONS) return [`a polygon ring may have at most ${MAX_POLYGON_POSITIONS} positions; this one has ${ring.length}`]
  const first = ring[0]!
  const last = ring[ring.length - 1]!
  if (first[0] !== last[0] || first[1] !== last[1]) return ['a polygon ring must be closed (its first position repeated at the end)']
  const shape = polygon([ring.map((p) => [p[0], p[1]])])
  const problems: string[] = []
  if (kinks(shape).features.length > 0) problems.push('the polygon crosses itself')
  if (area(shape) < MIN_AREA_M2) problems.push('the polygon encloses no ground (under 1 m²)')
  return problems
}
