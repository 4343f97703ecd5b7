// Small planar helpers on projected lines (metres), used to walk along streets for lamps and incidents.

import type { XY } from './local-projection.ts'

/** Cumulative length at each vertex: out[0] = 0, out[last] = the line's length (metres). */
export function measureCumulativeLengths(line: readonly XY[]): number[] {
  const out: number[] = [0]
  let total = 0
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as XY
    const b = line[i] as XY
    total += Math.hypot(b[0] - a[0], b[1] - a[1])
    out.push(total)
  }
  return out
}

/**
 * The point `distanceM` along the line and the unit direction of the segment it falls on.
 * Distances outside [0, length] clamp to the ends. Throws on an empty line (a caller bug).
 */
export function locateAlong(
  line: readonly XY[],
  cumulative: readonly number[],
  distanceM: number,
): { point: XY; direction: XY } {
  if (line.length === 0) throw new Error('locateAlong: expected a line with at least one vertex')
  if (line.length === 1) return { point: [...(line[0] as XY)], direction: [1, 0] }
  const total = cumulative[cumulative.length - 1] ?? 0
  const s = Math.min(Math.max(distanceM, 0), total)
  // binary search for the segment [i, i + 1] with cumulative[i] <= s <= cumulative[i + 1]
  let lo = 0
  let hi = line.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((cumulative[mid] ?? 0) <= s) lo = mid
    else hi = mid - 1
  }
  const a = line[lo] as XY
  const b = line[lo + 1] as XY
  const segLength = (cumulative[lo + 1] ?? 0) - (cumulative[lo] ?? 0)
  const t = segLength > 0 ? (s - (cumulative[lo] ?? 0)) / segLength : 0
  const direction: XY = segLength > 0 ? [(b[0] - a[0]) / segLength, (b[1] - a[1]) / segLength] : [1, 0]
  return { point: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], direction }
}

/** Euclidean distance (metres) from p to the segment ab. */
export function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0
  t = Math.min(Math.max(t, 0), 1)
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}
