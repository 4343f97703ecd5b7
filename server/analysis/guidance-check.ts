// Checks a vendor guidance point (流动摊贩有序疏导点) against the placement rules, fast enough to run on every pointer
// move while a planner drags one. The rules' values and message texts belong to the domain
// (server/domain/guidance-rules.ts) and come in as parameters; this file holds only the geometry of applying them.
//
// Indexes, built once per context: a flatbush over the segments of demonstration streets and another over those of
// allowed-category streets (boxes in degrees), a kdbush over the intersections where two or more arterial streets
// meet, and a flatbush over the other guidance points' boxes (a point may be a small Polygon, so a box index rather
// than kdbush). A check takes the candidates from a box query and measures exactly in a local metric frame centred
// on the candidate (guidance-geometry.ts).
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
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import {
  breaksClearance,
  breaksProximity,
  checkPosition,
  distanceShapePoint,
  distanceShapeSegment,
  distanceShapeShape,
  frameAt,
  growBox,
  projectShape,
  readGeometry,
  roundGuidanceDistanceM,
  type Frame,
  type GuidanceGeometry,
  type ReadGeometry,
  type Shape,
} from './guidance-geometry.ts'

/** The rules, in the order a check reports them. */
export const GUIDANCE_VIOLATION_CODES = [
  'on-demonstration-street',
  'near-arterial-intersection',
  'too-close-to-guidance-point',
  'not-beside-allowed-street',
  'no-capacity',
] as const
/** Stable kebab codes, reported in this order. */
export type GuidanceViolationCode = (typeof GUIDANCE_VIOLATION_CODES)[number]

/** The rule values a check applies, every field set (the domain resolves its defaults and a deployment's overrides). */
export interface GuidanceRules {
  demonstrationClearanceM: number // metres from a demonstration street's centreline (示范街: vending banned)
  arterialIntersectionClearanceM: number // metres from an intersection where two or more arterial streets meet
  arterialHighways: readonly string[] // OSM highway values counted as arterial
  minSpacingM: number // metres between two guidance points
  besideStreetM: number // metres from an allowed street's centreline that still count as "beside" it
  allowedStreetCategories: readonly StreetCategory[] // categories a guidance point may stand beside
}

/** What a violation's message is written from. */
export interface GuidanceTextValues {
  distanceM?: number // the measured distance, metres (unrounded)
  limitM?: number // the rule's limit, metres
  name?: string // the subject's name (or its id when it has none)
  categories?: readonly StreetCategory[] // for not-beside-allowed-street
  capacity?: number // for no-capacity, stalls
}

/** Writes the zh-CN and en message of a broken rule; the domain's message table provides one. */
export type WriteGuidanceText = (code: GuidanceViolationCode, values: GuidanceTextValues) => { zh: string; en: string }

export type { GuidanceGeometry } from './guidance-geometry.ts'

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

/** Throws a RangeError for a distance that is negative or not finite: the caller resolved its rules wrongly. */
export function checkGuidanceRules(rules: GuidanceRules): void {
  for (const key of ['demonstrationClearanceM', 'arterialIntersectionClearanceM', 'minSpacingM', 'besideStreetM'] as const) {
    const value = rules[key]
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`guidance rules: ${key} must be a finite number of metres ≥ 0, got ${value}`)
  }
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

function writeViolation(finding: Finding, rules: GuidanceRules, writeText: WriteGuidanceText): GuidanceViolation {
  const { code, distanceM, limitM, capacity, subject } = finding
  const text = writeText(code, {
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
 * other points' boxes) so each check is fast enough to run live while a planner drags; distances in metres. `rules`
 * are the values to apply and `writeText` words each violation. An empty context makes every candidate break only
 * `not-beside-allowed-street` (there is nothing to be beside) unless it is marked `offStreet`. Throws a RangeError
 * for a negative or non-finite rule distance and a TypeError for a malformed position or geometry (caller bugs).
 * Does not mutate its input; the checker keeps references to it, so the caller must not mutate it either while the
 * checker is in use.
 */
export function createGuidanceChecker(context: GuidanceContext, rules: GuidanceRules, writeText: WriteGuidanceText): GuidanceChecker {
  checkGuidanceRules(rules)
  const evaluate = indexGuidanceContext(context, rules)
  return { check: (candidate) => evaluate(candidate, false).map((finding) => writeViolation(finding, rules, writeText)) }
}

/**
 * The checker's verdict without its messages: true when `candidate` breaks no rule. Same indexes, rules, errors and
 * input contract as createGuidanceChecker; for screening many candidates (the suggestion search), where writing
 * messages for the ones that fail would be most of the work.
 */
export function createGuidancePassTest(context: GuidanceContext, rules: GuidanceRules): (candidate: GuidanceCandidate) => boolean {
  checkGuidanceRules(rules)
  const evaluate = indexGuidanceContext(context, rules)
  return (candidate) => evaluate(candidate, true).length === 0
}
