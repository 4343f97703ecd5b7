// Checks a vendor guidance point (流动摊贩有序疏导点) against the rules of server/domain/guidance-rules.ts, fast enough
// to run on every pointer move while a planner drags one.
//
// Indexes, built once per context: a flatbush over the segments of demonstration streets and another over those of
// allowed-category streets (boxes in degrees), a kdbush over the intersections where two or more arterial streets
// meet, and a flatbush over the other guidance points' boxes (a point may be a small Polygon, so a box index rather
// than kdbush). A check takes the candidates from a box query and measures exactly in a local metric frame centred
// on the candidate (local-metric.ts: equirectangular about the candidate's latitude; for the tens of metres the
// rules look at, the frame is within 10⁻⁵ of the haversine distance).
//
// Distances: to a street, from the candidate to the street's centreline segments; for a Polygon candidate, from its
// area — 0 when a street, intersection or point lies inside it or crosses its boundary, else the least distance
// between its edges and the other geometry (segment–segment). Holes count as outside.
//
// Off-street areas: docs/domain-notes.md §1 allows a point in an off-street area (a plaza, a parking lot) as well as beside a
// regulated or commercial street. Gridwatch has no layer of such areas, so the planner marks it: a candidate with
// `offStreet: true` satisfies `not-beside-allowed-street`. The other rules still apply to it — a plaza on a
// demonstration street is still on a demonstration street.
import Flatbush from 'flatbush'
import KDBush from 'kdbush'
import type { GuidanceRules, GuidanceViolationCode } from '../domain/guidance-rules.ts'
import { breaksClearance, breaksProximity, formatGuidanceViolationText, resolveGuidanceRules, roundGuidanceDistanceM } from '../domain/guidance-rules.ts'
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export type GuidanceGeometry = { type: 'Point'; coordinates: LngLat } | { type: 'Polygon'; coordinates: LngLat[][] }

export interface GuidanceContext {
  streets: readonly { id: string; name: string | null; highway: string; category: StreetCategory; coordinates: readonly LngLat[] }[]
  intersections: readonly { id: string; coordinates: LngLat; streetIds: readonly string[]; names: readonly string[] }[]
  points: readonly { id: string; geometry: GuidanceGeometry; name?: string | null }[] // other guidance points that count (not retired)
}

export interface GuidanceCandidate {
  id?: string // the point being edited: a context point with this id is not counted against it
  geometry: GuidanceGeometry
  capacity?: number // stalls; undefined skips the capacity rule (the live drag check may not have it)
  offStreet?: boolean // the planner marks a plaza or parking lot: satisfies not-beside-allowed-street
}

export interface GuidanceViolation {
  code: GuidanceViolationCode
  message: string // zh-CN
  message_en: string
  distance_m?: number // the measured distance that broke the rule, rounded to 0.1 m
  limit_m?: number
  subject?: { kind: 'street' | 'intersection' | 'guidance-point'; id: string; name: string | null }
}

export interface GuidanceChecker {
  /** The rules the candidate breaks, one violation per code in GUIDANCE_VIOLATION_CODES order; [] when it passes. */
  check(candidate: GuidanceCandidate): GuidanceViolation[]
}

// ---------------------------------------------------------------------------------------------------
// Geometry in a local frame

interface Frame {
  lng0: number
  lat0: number
  kx: number // metres per degree of longitude at lat0
  ky: number // metres per degree of latitude
}

/** A guidance geometry read and checked: rings closed, bbox in degrees, a reference position for the frame. */
interface ReadGeometry {
  kind: 'point' | 'polygon'
  rings: readonly (readonly LngLat[])[] // a point: one ring of one position
  bbox: [number, number, number, number]
  ref: LngLat
}

/** In frame metres: a point, or polygon rings as flat closed x,y arrays (the last vertex repeats the first). */
type Shape = { kind: 'point'; x: number; y: number } | { kind: 'polygon'; rings: Float64Array[] }

function checkPosition(p: unknown, what: string): asserts p is LngLat {
  const ok = Array.isArray(p) && typeof p[0] === 'number' && Number.isFinite(p[0]) && typeof p[1] === 'number' && p[1] >= -90 && p[1] <= 90
  if (!ok) throw new TypeError(`${what}: expected [lng, lat] in degrees, got ${JSON.stringify(p)}`)
}

function readGeometry(g: GuidanceGeometry, what: string): ReadGeometry {
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

function frameAt(ref: LngLat): Frame {
  return { lng0: ref[0], lat0: ref[1], kx: computeMetersPerDegreeLng(ref[1]), ky: METERS_PER_DEGREE }
}

function projectShape(g: ReadGeometry, f: Frame): Shape {
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

function distanceShapePoint(s: Shape, x: number, y: number): number {
  if (s.kind === 'point') return Math.hypot(x - s.x, y - s.y)
  if (isInsideRings(x, y, s.rings)) return 0
  let best = Infinity
  for (const ring of s.rings) {
    if (ring.length === 2) best = Math.min(best, Math.hypot(x - ring[0]!, y - ring[1]!))
    for (let i = 0; i + 3 < ring.length; i += 2) best = Math.min(best, distancePointSegment(x, y, ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!))
  }
  return best
}

function distanceShapeSegment(s: Shape, ax: number, ay: number, bx: number, by: number): number {
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

function distanceShapeShape(s: Shape, t: Shape): number {
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

// ---------------------------------------------------------------------------------------------------
// Indexes

/** Street segments as flat degree coordinates (a.lng, a.lat, b.lng, b.lat) with a flatbush over their boxes. */
interface SegmentSet {
  index: Flatbush | undefined // undefined when there are no segments
  street: Int32Array // segment → index into context.streets
  coords: Float64Array
}

function indexSegments(streets: GuidanceContext['streets'], keep: (category: StreetCategory) => boolean): SegmentSet {
  const street: number[] = []
  const coords: number[] = []
  streets.forEach((s, i) => {
    if (!keep(s.category)) return
    const line = s.coordinates
    line.forEach((p, k) => checkPosition(p, `street ${s.id} coordinates[${k}]`))
    if (line.length === 1) {
      // A one-position street is a point: keep it as a zero-length segment rather than lose it.
      street.push(i)
      coords.push(line[0]![0], line[0]![1], line[0]![0], line[0]![1])
    }
    for (let k = 1; k < line.length; k++) {
      street.push(i)
      coords.push(line[k - 1]![0], line[k - 1]![1], line[k]![0], line[k]![1])
    }
  })
  const set: SegmentSet = { index: undefined, street: Int32Array.from(street), coords: Float64Array.from(coords) }
  if (street.length === 0) return set
  const index = new Flatbush(street.length)
  for (let j = 0; j < street.length; j++) {
    const [ax, ay, bx, by] = [coords[4 * j]!, coords[4 * j + 1]!, coords[4 * j + 2]!, coords[4 * j + 3]!]
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))
  }
  index.finish()
  set.index = index
  return set
}

/** The query box in degrees: the geometry's box grown by `radiusM` in the frame (plus a hair for rounding). */
function growBox(bbox: readonly number[], radiusM: number, f: Frame): [number, number, number, number] {
  const dx = radiusM / f.kx + 1e-9
  const dy = radiusM / f.ky + 1e-9
  return [bbox[0]! - dx, bbox[1]! - dy, bbox[2]! + dx, bbox[3]! + dy]
}

interface Hit {
  item: number // index of the street / intersection / point in the context
  distanceM: number
}

function measureSegment(set: SegmentSet, j: number, shape: Shape, f: Frame): number {
  const c = set.coords
  return distanceShapeSegment(
    shape,
    (c[4 * j]! - f.lng0) * f.kx,
    (c[4 * j + 1]! - f.lat0) * f.ky,
    (c[4 * j + 2]! - f.lng0) * f.kx,
    (c[4 * j + 3]! - f.lat0) * f.ky,
  )
}

/** The nearest street of `set` within `radiusM` of the shape (ties: the earlier segment), or undefined. */
function findNearestSegmentWithin(set: SegmentSet, g: ReadGeometry, shape: Shape, f: Frame, radiusM: number): Hit | undefined {
  if (!set.index) return undefined
  const [w, s, e, n] = growBox(g.bbox, radiusM, f)
  let best: Hit | undefined
  let bestSegment = -1
  for (const j of set.index.search(w, s, e, n)) {
    const d = measureSegment(set, j, shape, f)
    if (d > radiusM) continue
    if (!best || d < best.distanceM || (d === best.distanceM && j < bestSegment)) {
      best = { item: set.street[j]!, distanceM: d }
      bestSegment = j
    }
  }
  return best
}

/** The nearest street of `set` at any distance: flatbush's box-nearest bounds the distance, a box query settles it. */
function findNearestSegment(set: SegmentSet, g: ReadGeometry, shape: Shape, f: Frame): Hit | undefined {
  if (!set.index) return undefined
  const [first] = set.index.neighbors(g.ref[0], g.ref[1], 1)
  if (first === undefined) return undefined
  return findNearestSegmentWithin(set, g, shape, f, measureSegment(set, first, shape, f))
}

/** Intersections where at least two distinct arterial streets meet, in a kdbush. */
interface IntersectionSet {
  index: KDBush | undefined
  items: number[] // kdbush id → index into context.intersections
}

function indexArterialIntersections(context: GuidanceContext, arterialHighways: readonly string[]): IntersectionSet {
  const arterial = new Set(arterialHighways)
  const arterialStreetIds = new Set(context.streets.filter((s) => arterial.has(s.highway)).map((s) => s.id))
  const items: number[] = []
  context.intersections.forEach((x, i) => {
    checkPosition(x.coordinates, `intersection ${x.id} coordinates`)
    if (new Set(x.streetIds.filter((id) => arterialStreetIds.has(id))).size >= 2) items.push(i)
  })
  if (items.length === 0) return { index: undefined, items }
  const index = new KDBush(items.length, 64, Float64Array)
  for (const i of items) index.add(context.intersections[i]!.coordinates[0], context.intersections[i]!.coordinates[1])
  index.finish()
  return { index, items }
}

interface PointSet {
  index: Flatbush | undefined
  geometries: ReadGeometry[]
}

function indexGuidancePoints(points: GuidanceContext['points']): PointSet {
  const geometries = points.map((p) => readGeometry(p.geometry, `guidance point ${p.id} geometry`))
  if (geometries.length === 0) return { index: undefined, geometries }
  const index = new Flatbush(geometries.length)
  for (const g of geometries) index.add(g.bbox[0], g.bbox[1], g.bbox[2], g.bbox[3])
  index.finish()
  return { index, geometries }
}

// ---------------------------------------------------------------------------------------------------
// The checker

/** A broken rule before its messages are written. */
interface Finding {
  code: GuidanceViolationCode
  distanceM?: number
  limitM?: number
  capacity?: number
  subject?: GuidanceViolation['subject']
}

function writeViolation(finding: Finding, rules: GuidanceRules): GuidanceViolation {
  const { code, distanceM, limitM, capacity, subject } = finding
  const text = formatGuidanceViolationText(code, {
    ...(distanceM === undefined ? {} : { distanceM }),
    ...(limitM === undefined ? {} : { limitM }),
    ...(capacity === undefined ? {} : { capacity }),
    ...(subject ? { name: subject.name ?? subject.id } : {}),
    categories: rules.allowedStreetCategories,
  })
  const v: GuidanceViolation = { code, message: text.zh, message_en: text.en }
  if (distanceM !== undefined) v.distance_m = roundGuidanceDistanceM(distanceM)
  if (limitM !== undefined) v.limit_m = limitM
  if (subject) v.subject = subject
  return v
}

/** The indexes and the rule evaluation shared by the checker and the pass test; `firstOnly` stops at the first broken rule. */
function indexGuidanceContext(context: GuidanceContext, r: GuidanceRules): (candidate: GuidanceCandidate, firstOnly: boolean) => Finding[] {
  const allowed = new Set<StreetCategory>(r.allowedStreetCategories)
  const demonstration = indexSegments(context.streets, (c) => c === 'demonstration')
  const allowedSegments = indexSegments(context.streets, (c) => allowed.has(c))
  const intersections = indexArterialIntersections(context, r.arterialHighways)
  const points = indexGuidancePoints(context.points)

  const streetSubject = (i: number): GuidanceViolation['subject'] => {
    const s = context.streets[i]!
    return { kind: 'street', id: s.id, name: s.name }
  }
  // Search a tenth of a metre past each limit: a distance that rounds down onto the limit is decided by rounding.
  const margin = 0.1

  return (candidate, firstOnly) => {
    const g = readGeometry(candidate.geometry, 'candidate.geometry')
    const f = frameAt(g.ref)
    const shape = projectShape(g, f)
    const out: Finding[] = []

    const demo = findNearestSegmentWithin(demonstration, g, shape, f, r.demonstrationClearanceM + margin)
    if (demo && breaksClearance(demo.distanceM, r.demonstrationClearanceM)) {
      out.push({ code: 'on-demonstration-street', distanceM: demo.distanceM, limitM: r.demonstrationClearanceM, subject: streetSubject(demo.item) })
      if (firstOnly) return out
    }

    if (intersections.index) {
      const [w, s, e, n] = growBox(g.bbox, r.arterialIntersectionClearanceM + margin, f)
      let best: Hit | undefined
      for (const k of intersections.index.range(w, s, e, n)) {
        const i = intersections.items[k]!
        const p = context.intersections[i]!.coordinates
        const d = distanceShapePoint(shape, (p[0] - f.lng0) * f.kx, (p[1] - f.lat0) * f.ky)
        if (!best || d < best.distanceM || (d === best.distanceM && i < best.item)) best = { item: i, distanceM: d }
      }
      if (best && breaksClearance(best.distanceM, r.arterialIntersectionClearanceM)) {
        const x = context.intersections[best.item]!
        out.push({
          code: 'near-arterial-intersection',
          distanceM: best.distanceM,
          limitM: r.arterialIntersectionClearanceM,
          subject: { kind: 'intersection', id: x.id, name: x.names.length > 0 ? x.names.join(' / ') : null },
        })
        if (firstOnly) return out
      }
    }

    if (points.index) {
      const [w, s, e, n] = growBox(g.bbox, r.minSpacingM + margin, f)
      let best: Hit | undefined
      for (const i of points.index.search(w, s, e, n)) {
        if (candidate.id !== undefined && context.points[i]!.id === candidate.id) continue
        const d = distanceShapeShape(shape, projectShape(points.geometries[i]!, f))
        if (!best || d < best.distanceM || (d === best.distanceM && i < best.item)) best = { item: i, distanceM: d }
      }
      if (best && breaksClearance(best.distanceM, r.minSpacingM)) {
        const p = context.points[best.item]!
        const subject = { kind: 'guidance-point' as const, id: p.id, name: p.name ?? null }
        out.push({ code: 'too-close-to-guidance-point', distanceM: best.distanceM, limitM: r.minSpacingM, subject })
        if (firstOnly) return out
      }
    }

    if (candidate.offStreet !== true) {
      const beside = findNearestSegmentWithin(allowedSegments, g, shape, f, r.besideStreetM + margin)
      if (!beside || breaksProximity(beside.distanceM, r.besideStreetM)) {
        if (firstOnly) return [{ code: 'not-beside-allowed-street' }]
        // Name the nearest allowed street, however far, so the planner knows which way to drag.
        const nearest = findNearestSegment(allowedSegments, g, shape, f)
        out.push({
          code: 'not-beside-allowed-street',
          limitM: r.besideStreetM,
          ...(nearest ? { distanceM: nearest.distanceM, subject: streetSubject(nearest.item) } : {}),
        })
      }
    }

    if (candidate.capacity !== undefined && !(candidate.capacity > 0)) out.push({ code: 'no-capacity', capacity: candidate.capacity })
    return out
  }
}

/**
 * Indexes the context once (flatbush over street segments, kdbush over arterial intersections, flatbush over the
 * other points' boxes) so each check is fast enough to run live while a planner drags; distances in metres. Rules
 * default to DEFAULT_GUIDANCE_RULES; `undefined` fields keep the default. An empty context makes every candidate
 * break only `not-beside-allowed-street` (there is nothing to be beside) unless it is marked `offStreet`. Throws a
 * TypeError for a malformed position or geometry (a caller bug). Does not mutate its input; the checker keeps
 * references to it, so the caller must not mutate it either while the checker is in use.
 */
export function createGuidanceChecker(context: GuidanceContext, rules?: Partial<GuidanceRules>): GuidanceChecker {
  const r = resolveGuidanceRules(rules)
  const evaluate = indexGuidanceContext(context, r)
  return { check: (candidate) => evaluate(candidate, false).map((finding) => writeViolation(finding, r)) }
}

/**
 * The checker's verdict without its messages: true when `candidate` breaks no rule. Same indexes, rules, errors and
 * input contract as createGuidanceChecker; for screening many candidates (the suggestion search), where writing
 * messages for the ones that fail would be most of the work.
 */
export function createGuidancePassTest(context: GuidanceContext, rules?: Partial<GuidanceRules>): (candidate: GuidanceCandidate) => boolean {
  const evaluate = indexGuidanceContext(context, resolveGuidanceRules(rules))
  return (candidate) => evaluate(candidate, true).length === 0
}
