// Guidance geometries (a Point, or a small Polygon drawn by a planner) measured in metres: read and checked, projected
// into a local metric frame centred on one of them (local-metric.ts: equirectangular about its latitude; for the
// tens of metres the guidance rules look at, the frame is within 10⁻⁵ of the haversine distance), and the least
// distance between two of them or to a street segment — 0 when one touches, crosses or contains the other. Holes
// count as outside. Also the precision distances are reported and compared at, shared by the checker and the
// suggestion search.
import type { LngLat } from '../kernel/geo.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export type GuidanceGeometry = { type: 'Point'; coordinates: LngLat } | { type: 'Polygon'; coordinates: LngLat[][] }


export interface Frame {
  lng0: number
  lat0: number
  kx: number // metres per degree of longitude at lat0
  ky: number // metres per degree of latitude
}

/** A guidance geometry read and checked: rings closed, bbox in degrees, a reference position for the frame. */
export interface ReadGeometry {
  kind: 'point' | 'polygon'
  rings: readonly (readonly LngLat[])[] // a point: one ring of one position
  bbox: [number, number, number, number]
  ref: LngLat
}

/** In frame metres: a point, or polygon rings as flat closed x,y arrays (the last vertex repeats the first). */
export type Shape = { kind: 'point'; x: number; y: number } | { kind: 'polygon'; rings: Float64Array[] }

export function checkPosition(p: unknown, what: string): asserts p is LngLat {
  const ok = Array.isArray(p) && typeof p[0] === 'number' && Number.isFinite(p[0]) && typeof p[1] === 'number' && p[1] >= -90 && p[1] <= 90
  if (!ok) throw new TypeError(`${what}: expected [lng, lat] in degrees, got ${JSON.stringify(p)}`)
}

export function readGeometry(g: GuidanceGeometry, what: string): ReadGeometry {
  if (g?.type === 'Point') {
    checkPosition(g.coordinates, `${what}.coordinates`)
    const p = g.coordinates
    return { kind: 'point', rings: [[p]], bbox: [p[0], p[1], p[0], p[1]], ref: p }
  }
  if (g?.type === 'Polygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0 || !Array.isArray(g.coordinates[0]) || g.coordinates[0].length === 0) {
      throw new TypeError(`${what}: expected a Polygon with at least one non-empty ring`)
    }
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
    const rings: LngLat[][] = []
    g.coordinates.forEach((ring, r) => {
      if (!Array.isArray(ring)) throw new TypeError(`${what}.coordinates[${r}]: expected an array of positions`)
      const closed: LngLat[] = []
      ring.forEach((p, i) => {
        checkPosition(p, `${what}.coordinates[${r}][${i}]`)
        closed.push(p)
        if (p[0] < bbox[0]) bbox[0] = p[0]
        if (p[1] < bbox[1]) bbox[1] = p[1]
        if (p[0] > bbox[2]) bbox[2] = p[0]
        if (p[1] > bbox[3]) bbox[3] = p[1]
      })
      const first = closed[0]
      const last = closed[closed.length - 1]
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) closed.push(first) // tolerate an unclosed ring
      if (closed.length > 0) rings.push(closed)
    })
    return { kind: 'polygon', rings, bbox, ref: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] }
  }
  throw new TypeError(`${what}: expected a GeoJSON Point or Polygon, got type ${JSON.stringify((g as { type?: unknown } | null)?.type)}`)
}

export function frameAt(ref: LngLat): Frame {
  return { lng0: ref[0], lat0: ref[1], kx: computeMetersPerDegreeLng(ref[1]), ky: METERS_PER_DEGREE }
}

export function projectShape(g: ReadGeometry, f: Frame): Shape {
  if (g.kind === 'point') {
    const p = g.rings[0]![0]!
    return { kind: 'point', x: (p[0] - f.lng0) * f.kx, y: (p[1] - f.lat0) * f.ky }
  }
  return {
    kind: 'polygon',
    rings: g.rings.map((ring) => {
      const xy = new Float64Array(2 * ring.length)
      ring.forEach((p, i) => {
        xy[2 * i] = (p[0] - f.lng0) * f.kx
        xy[2 * i + 1] = (p[1] - f.lat0) * f.ky
      })
      return xy
    }),
  }
}

function distancePointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2))
  return Math.hypot(ax + t * dx - px, ay + t * dy - py)
}

/** Least distance between segments AB and CD: 0 when they cross; touching and collinear cases give 0 through the endpoint distances. */
function distanceSegmentSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0
  return Math.min(
    distancePointSegment(ax, ay, cx, cy, dx, dy),
    distancePointSegment(bx, by, cx, cy, dx, dy),
    distancePointSegment(cx, cy, ax, ay, bx, by),
    distancePointSegment(dx, dy, ax, ay, bx, by),
  )
}

/** Even–odd rule over all rings, so a hole is outside. */
function isInsideRings(x: number, y: number, rings: readonly Float64Array[]): boolean {
  let inside = false
  for (const ring of rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const xi = ring[i]!
      const yi = ring[i + 1]!
      const xj = ring[i + 2]!
      const yj = ring[i + 3]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

export function distanceShapePoint(s: Shape, x: number, y: number): number {
  if (s.kind === 'point') return Math.hypot(x - s.x, y - s.y)
  if (isInsideRings(x, y, s.rings)) return 0
  let best = Infinity
  for (const ring of s.rings) {
    if (ring.length === 2) best = Math.min(best, Math.hypot(x - ring[0]!, y - ring[1]!))
    for (let i = 0; i + 3 < ring.length; i += 2) best = Math.min(best, distancePointSegment(x, y, ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!))
  }
  return best
}

export function distanceShapeSegment(s: Shape, ax: number, ay: number, bx: number, by: number): number {
  if (s.kind === 'point') return distancePointSegment(s.x, s.y, ax, ay, bx, by)
  if (isInsideRings(ax, ay, s.rings)) return 0
  let best = Infinity
  for (const ring of s.rings) {
    if (ring.length === 2) best = Math.min(best, distancePointSegment(ring[0]!, ring[1]!, ax, ay, bx, by))
    for (let i = 0; i + 3 < ring.length && best > 0; i += 2) {
      best = Math.min(best, distanceSegmentSegment(ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!, ax, ay, bx, by))
    }
  }
  return best
}

export function distanceShapeShape(s: Shape, t: Shape): number {
  if (s.kind === 'point') return distanceShapePoint(t, s.x, s.y)
  if (t.kind === 'point') return distanceShapePoint(s, t.x, t.y)
  // Neither crosses the other's boundary: one lies inside the other exactly when its first vertex does.
  const s0 = s.rings[0]!
  const t0 = t.rings[0]!
  if (isInsideRings(s0[0]!, s0[1]!, t.rings) || isInsideRings(t0[0]!, t0[1]!, s.rings)) return 0
  let best = Infinity
  for (const ring of t.rings) {
    if (ring.length === 2) best = Math.min(best, distanceShapePoint(s, ring[0]!, ring[1]!))
    for (let i = 0; i + 3 < ring.length && best > 0; i += 2) best = Math.min(best, distanceShapeSegment(s, ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!))
  }
  return best
}

/**
 * Least distance in metres between two guidance geometries (0 when they touch, cross or one contains the other), in
 * a local frame centred on `a`. Throws a TypeError for a geometry that is not a Point or a non-empty Polygon.
 */
export function measureGuidanceDistanceM(a: GuidanceGeometry, b: GuidanceGeometry): number {
  const ga = readGeometry(a, 'a')
  const gb = readGeometry(b, 'b')
  const f = frameAt(ga.ref)
  return distanceShapeShape(projectShape(ga, f), projectShape(gb, f))
}

/** The query box in degrees: the geometry's box grown by `radiusM` in the frame (plus a hair for rounding). */
export function growBox(bbox: readonly number[], radiusM: number, f: Frame): [number, number, number, number] {
  const dx = radiusM / f.kx + 1e-9
  const dy = radiusM / f.ky + 1e-9
  return [bbox[0]! - dx, bbox[1]! - dy, bbox[2]! + dx, bbox[3]! + dy]
}

/**
 * A measured distance as reported and compared: rounded to 0.1 m. Comparing the reported value rather than the raw
 * one means a message never shows a breaking distance equal to its limit ("50.0 m, must be at least 50 m"); it moves
 * a rule's boundary by at most 5 cm, well inside the accuracy of the street centrelines.
 */
export function roundGuidanceDistanceM(distanceM: number): number {
  return Math.round(distanceM * 10) / 10
}

/** A clearance rule (at least `limitM` away) is broken: the reported distance is below the limit; equal passes. */
export function breaksClearance(distanceM: number, limitM: number): boolean {
  return roundGuidanceDistanceM(distanceM) < limitM
}

/** A proximity rule (within `limitM`) is broken: the reported distance is above the limit; equal passes. */
export function breaksProximity(distanceM: number, limitM: number): boolean {
  return roundGuidanceDistanceM(distanceM) > limitM
}
