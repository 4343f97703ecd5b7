// The hot part of dark-zone analysis, shared by `computeDarkZones` and the incremental engine: streets flattened
// into typed arrays, lamps in a kdbush index, and per street segment the exact dark intervals.
//
// Typed-array reads below use `!`: every index is bounded by the arrays' construction, and
// noUncheckedIndexedAccess cannot see that.

import KDBush from 'kdbush'
import type { LngLat } from '../kernel/geo.ts'
import { findCoverageRadius, type CoverageRadiusTable } from './coverage-radius.ts'
import { METERS_PER_DEGREE } from './local-metric.ts'

/** The street fields the analysis reads; a full `Street` fits. */
export interface DarkZoneStreet {
  id: string
  name: string | null
  highway: string // OSM highway value: picks the coverage radius
  zoneId: string | null
  coordinates: readonly LngLat[]
}

/** A lamp as the analysis sees it; the caller decides `working` (status ok and no open outage report). */
export interface DarkZoneLamp {
  id: string
  coordinates: LngLat
  working: boolean
}

/**
 * Lengths are summed in whole micrometres: integers below 2⁵³ add exactly in any order, so totals kept by deltas in
 * the incremental engine equal a fresh sum bit for bit.
 */
export const MICROMETERS_PER_METER = 1e6
/**
 * Dark or lit pieces shorter than 1 µm are floating-point noise (two circles that touch, a circle that ends exactly
 * at a vertex): a dark piece that short is dropped, a lit gap that short between dark pieces is closed.
 */
const SLIVER_M = 1e-6
const RADIANS_PER_DEGREE = Math.PI / 180

export const LAMP_GONE = 0 // removed, or moved to another slot
export const LAMP_OFF = 1
export const LAMP_WORKING = 2

/** Streets flattened: vertex v and v + 1 of the same street form segment v (the last vertex of a street starts none). */
export interface StreetModel {
  streetCount: number
  vertexCount: number
  firstVertex: Uint32Array // per street, plus one past the end
  vertexStreet: Uint32Array // per vertex
  lng: Float64Array
  lat: Float64Array
  streetRadiusM: Float64Array
  segmentLengthUm: Float64Array // per segment, whole micrometres; 0 for a street's last vertex
  streetLengthUm: Float64Array
}

/** Lamps for the segment kernel: a static kdbush index, plus a short unindexed list of lamps added or moved since. */
export interface LampSource {
  index: KDBush | undefined // undefined when empty
  indexState: Uint8Array | undefined // per index id; undefined: every indexed lamp works
  extraCount: number
  extraLng: Float64Array
  extraLat: Float64Array
  extraState: Uint8Array
}

/** Per segment (by start vertex): its dark intervals as [t0, t1] pairs in `pool`, and its dark length. */
export interface DarkIntervalStore {
  offset: Uint32Array
  count: Uint32Array
  capacity: Uint32Array
  darkUm: Float64Array
  pool: Float64Array
  poolUsed: number
}

/** Throws the TypeError for a coordinate that failed the check (not a finite [lng, lat] with |lat| ≤ 90). */
function throwBadCoordinate(value: unknown, what: string): never {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be a [lng, lat] pair, got ${String(value)}`)
  throw new TypeError(`${what} must be a finite [lng, lat] pair with |lat| ≤ 90, got [${String(value[0])}, ${String(value[1])}]`)
}

/** Projected length in metres of the segment from (lngA, latA) to (lngB, latB), in the frame centred on it. */
function measureSegmentM(lngA: number, latA: number, lngB: number, latB: number): number {
  const kx = METERS_PER_DEGREE * Math.cos((latA + latB) * 0.5 * RADIANS_PER_DEGREE)
  const dx = (lngB - lngA) * kx
  const dy = (latB - latA) * METERS_PER_DEGREE
  return Math.sqrt(dx * dx + dy * dy)
}

/** Flattens streets into typed arrays. Throws a TypeError for a coordinate that is not a finite [lng, lat]. */
export function buildStreetModel(streets: readonly DarkZoneStreet[], table: CoverageRadiusTable): StreetModel {
  const streetCount = streets.length
  const firstVertex = new Uint32Array(streetCount + 1)
  let vertexCount = 0
  for (let s = 0; s < streetCount; s++) {
    firstVertex[s] = vertexCount
    vertexCount += streets[s]!.coordinates.length
  }
  firstVertex[streetCount] = vertexCount

  const vertexStreet = new Uint32Array(vertexCount)
  const lng = new Float64Array(vertexCount)
  const lat = new Float64Array(vertexCount)
  const streetRadiusM = new Float64Array(streetCount)
  const segmentLengthUm = new Float64Array(vertexCount)
  const streetLengthUm = new Float64Array(streetCount)
  const radiusByHighway = new Map<string, number>()

  for (let s = 0; s < streetCount; s++) {
    const street = streets[s]!
    let radius = radiusByHighway.get(street.highway)
    if (radius === undefined) {
      radius = findCoverageRadius(table, street.highway)
      radiusByHighway.set(street.highway, radius)
    }
    streetRadiusM[s] = radius
    const coords = street.coordinates
    const v0 = firstVertex[s]!
    for (let i = 0; i < coords.length; i++) {
      const c = coords[i]!
      const v = v0 + i
      // The check is written so that the numbers stay unboxed (typeof or ?. here boxed every coordinate: 30 MB of
      // garbage per megacity run); throwBadCoordinate only words the error.
      if (!Array.isArray(c)) throwBadCoordinate(c, `street ${street.id} coordinates[${i}]`)
      const x = c[0]
      const y = c[1]
      if (!(Number.isFinite(x) && Number.isFinite(y) && y >= -90 && y <= 90)) throwBadCoordinate(c, `street ${street.id} coordinates[${i}]`)
      lng[v] = x
      lat[v] = y
      vertexStreet[v] = s
    }
    let lengthUm = 0
    for (let v = v0; v + 1 < v0 + coords.length; v++) {
      const um = Math.round(measureSegmentM(lng[v]!, lat[v]!, lng[v + 1]!, lat[v + 1]!) * MICROMETERS_PER_METER)
      segmentLengthUm[v] = um
      lengthUm += um
    }
    streetLengthUm[s] = lengthUm
  }
  return { streetCount, vertexCount, firstVertex, vertexStreet, lng, lat, streetRadiusM, segmentLengthUm, streetLengthUm }
}

const KD_NODE_SIZE = 32 // points per kdbush leaf: of 8–128, 16–32 were fastest on the bench's city inputs (small boxes, small leaves)

/** A kdbush index over the first `count` lamp positions in `xy` ([lng, lat] pairs, degrees); undefined for none. */
export function indexLampPositions(xy: Float64Array, count: number): KDBush | undefined {
  if (count === 0) return undefined
  const index = new KDBush(count, KD_NODE_SIZE, Float64Array)
  for (let i = 0; i < count; i++) index.add(xy[2 * i]!, xy[2 * i + 1]!)
  return index.finish()
}

/** Reads one lamp's position into out[2i], out[2i + 1]; throws a TypeError unless it is a finite [lng, lat]. */
export function readLampPosition(lamp: DarkZoneLamp, out: Float64Array, i: number): void {
  const c = lamp.coordinates
  if (!Array.isArray(c)) throwBadCoordinate(c, `lamp ${lamp.id} coordinates`) // checked as in buildStreetModel
  const x = c[0]
  const y = c[1]
  if (!(Number.isFinite(x) && Number.isFinite(y) && y >= -90 && y <= 90)) throwBadCoordinate(c, `lamp ${lamp.id} coordinates`)
  out[2 * i] = x
  out[2 * i + 1] = y
}

/**
 * A lamp source over the working lamps only (for a one-off computation). Checks every lamp's position, working or
 * not, so that bad input fails here as it does in the engine.
 */
export function indexWorkingLamps(lamps: readonly DarkZoneLamp[]): LampSource {
  let count = 0
  for (let i = 0; i < lamps.length; i++) if (lamps[i]!.working) count++
  const xy = new Float64Array(2 * count)
  let k = 0
  for (let i = 0; i < lamps.length; i++) {
    const lamp = lamps[i]!
    const c = lamp.coordinates
    if (!Array.isArray(c)) throwBadCoordinate(c, `lamp ${lamp.id} coordinates`) // checked as in buildStreetModel
    const x = c[0]
    const y = c[1]
    if (!(Number.isFinite(x) && Number.isFinite(y) && y >= -90 && y <= 90)) throwBadCoordinate(c, `lamp ${lamp.id} coordinates`)
    if (lamp.working) {
      xy[k++] = x
      xy[k++] = y
    }
  }
  return { index: indexLampPositions(xy, count), indexState: undefined, ...createExtraLamps(0) }
}

/** Empty room for `capacity` unindexed lamps (positions in degrees, LAMP_* states). */
export function createExtraLamps(capacity: number): Pick<LampSource, 'extraCount' | 'extraLng' | 'extraLat' | 'extraState'> {
  return { extraCount: 0, extraLng: new Float64Array(capacity), extraLat: new Float64Array(capacity), extraState: new Uint8Array(capacity) }
}

const REACH = new Float64Array(4)

/**
 * The box [west, south, east, north] (degrees) of points that can light segment v: its bounding box grown by the
 * radius in the segment's own frame (a lamp within r of the segment lies inside), with a hair of slack so that
 * rounding never drops a lamp the exact test would keep. The kernel takes candidates from this box and the engine
 * indexes segments by it, so both agree on which lamps can matter.
 */
export function writeSegmentReach(model: StreetModel, v: number, out: Float64Array): void {
  const lngA = model.lng[v]!
  const latA = model.lat[v]!
  const lngB = model.lng[v + 1]!
  const latB = model.lat[v + 1]!
  const r = model.streetRadiusM[model.vertexStreet[v]!]!
  const kx = METERS_PER_DEGREE * Math.cos((latA + latB) * 0.5 * RADIANS_PER_DEGREE)
  const rLng = (r / kx) * (1 + 1e-9) + 1e-12
  const rLat = (r / METERS_PER_DEGREE) * (1 + 1e-9) + 1e-12
  out[0] = (lngA < lngB ? lngA : lngB) - rLng
  out[1] = (latA < latB ? latA : latB) - rLat
  out[2] = (lngA < lngB ? lngB : lngA) + rLng
  out[3] = (latA < latB ? latB : latA) + rLat
}

// Scratch buffers reused across segments: lit intervals found, and the dark intervals of the last segment.
let litT0 = new Float64Array(64)
let litT1 = new Float64Array(64)
let darkScratch = new Float64Array(128)
let lastDarkUm = 0 // whole µm, of the segment last passed to computeSegmentDark
// kdbush traversal stack: 3 entries per level, a kd-tree over < 2³² points is < 32 levels deep.
const STACK = new Uint32Array(3 * 34)

function growLit(): void {
  const t0 = new Float64Array(litT0.length * 2)
  const t1 = new Float64Array(litT1.length * 2)
  t0.set(litT0)
  t1.set(litT1)
  litT0 = t0
  litT1 = t1
}

/**
 * Dark intervals of segment v (from vertex v to v + 1), as parametric pairs [t0, t1] ⊂ [0, 1], into the dark
 * scratch buffer; returns their number (store them with storeSegmentDark). Exact: in the equirectangular frame
 * centred on the segment (see local-metric.ts), each working lamp within the radius lights the interval where the
 * segment is inside its circle (a quadratic in t); the dark intervals are the complement of those intervals' union.
 *
 * Any working lamp lights any street within the radius, whichever street it stands on: a lamp at a corner lights the
 * crossing street too, which is physically right. The radius is the lit street's class radius.
 */
export function computeSegmentDark(model: StreetModel, v: number, lamps: LampSource): number {
  lastDarkUm = 0
  const lengthUm = model.segmentLengthUm[v]!
  if (lengthUm === 0) return 0 // zero-length (or sub-micrometre) segment: nothing to light, nothing dark

  const lngA = model.lng[v]!
  const latA = model.lat[v]!
  const lngB = model.lng[v + 1]!
  const latB = model.lat[v + 1]!
  const r = model.streetRadiusM[model.vertexStreet[v]!]!
  const kx = METERS_PER_DEGREE * Math.cos((latA + latB) * 0.5 * RADIANS_PER_DEGREE)
  const ky = METERS_PER_DEGREE
  const dx = (lngB - lngA) * kx
  const dy = (latB - latA) * ky
  const a = dx * dx + dy * dy
  const lengthM = Math.sqrt(a)
  const r2 = r * r
  const epsT = SLIVER_M / lengthM

  writeSegmentReach(model, v, REACH)
  const minX = REACH[0]!
  const minY = REACH[1]!
  const maxX = REACH[2]!
  const maxY = REACH[3]!

  let n = 0 // lit intervals found
  let fullyLit = false

  const index = lamps.index
  if (index !== undefined) {
    const ids = index.ids
    const coords = index.coords
    const nodeSize = index.nodeSize
    const state = lamps.indexState
    let sp = 0
    STACK[sp++] = 0
    STACK[sp++] = ids.length - 1
    STACK[sp++] = 0
    // kdbush's range search (its documented kd-sorted `ids`/`coords` layout), inlined so that each candidate is
    // tested where it is found, with no result array per segment.
    traverse: while (sp > 0) {
      const axis = STACK[--sp]!
      const right = STACK[--sp]!
      const left = STACK[--sp]!
      let from: number
      let to: number
      if (right - left <= nodeSize) {
        from = left
        to = right
      } else {
        const m = (left + right) >> 1
        const x = coords[2 * m]!
        const y = coords[2 * m + 1]!
        if (axis === 0 ? minX <= x : minY <= y) {
          STACK[sp++] = left
          STACK[sp++] = m - 1
          STACK[sp++] = 1 - axis
        }
        if (axis === 0 ? maxX >= x : maxY >= y) {
          STACK[sp++] = m + 1
          STACK[sp++] = right
          STACK[sp++] = 1 - axis
        }
        from = m
        to = m
      }
      for (let i = from; i <= to; i++) {
        const x = coords[2 * i]!
        const y = coords[2 * i + 1]!
        if (x < minX || x > maxX || y < minY || y > maxY) continue
        if (state !== undefined && state[ids[i]!] !== LAMP_WORKING) continue
        // Circle ∩ segment: |A + t·d − P|² ≤ r², with P relative to A in metres.
        const px = (x - lngA) * kx
        const py = (y - latA) * ky
        const b = -(dx * px + dy * py)
        const c = px * px + py * py - r2
        const disc = b * b - a * c
        if (disc <= 0) continue
        const sq = Math.sqrt(disc)
        let t0 = (-b - sq) / a
        let t1 = (-b + sq) / a
        if (t1 <= 0 || t0 >= 1) continue
        if (t0 <= epsT && t1 >= 1 - epsT) {
          fullyLit = true
          break traverse
        }
        if (t0 < 0) t0 = 0
        if (t1 > 1) t1 = 1
        if (n === litT0.length) growLit()
        litT0[n] = t0
        litT1[n] = t1
        n++
      }
    }
  }

  if (!fullyLit) {
    const xs = lamps.extraLng
    const ys = lamps.extraLat
    const states = lamps.extraState
    for (let i = 0; i < lamps.extraCount; i++) {
      if (states[i] !== LAMP_WORKING) continue
      const x = xs[i]!
      const y = ys[i]!
      if (x < minX || x > maxX || y < minY || y > maxY) continue
      const px = (x - lngA) * kx
      const py = (y - latA) * ky
      const b = -(dx * px + dy * py)
      const c = px * px + py * py - r2
      const disc = b * b - a * c
      if (disc <= 0) continue
      const sq = Math.sqrt(disc)
      let t0 = (-b - sq) / a
      let t1 = (-b + sq) / a
      if (t1 <= 0 || t0 >= 1) continue
      if (t0 <= epsT && t1 >= 1 - epsT) {
        fullyLit = true
        break
      }
      if (t0 < 0) t0 = 0
      if (t1 > 1) t1 = 1
      if (n === litT0.length) growLit()
      litT0[n] = t0
      litT1[n] = t1
      n++
    }
  }
  if (fullyLit) return 0

  sortIntervals(n)

  // Complement of the union, dropping sub-micrometre slivers; ends within a sliver of a vertex snap to it, so a
  // dark piece that reaches the vertex joins the next segment's.
  if (darkScratch.length < 2 * n + 2) darkScratch = new Float64Array(2 * (2 * n + 2))
  const dark = darkScratch
  let count = 0
  let darkUm = 0
  let cursor = 0
  for (let i = 0; i <= n; i++) {
    const t0 = i < n ? litT0[i]! : 1
    if (t0 - cursor > epsT) {
      const start = cursor <= epsT ? 0 : cursor
      const end = 1 - t0 <= epsT ? 1 : t0
      dark[2 * count] = start
      dark[2 * count + 1] = end
      darkUm += Math.round((end - start) * lengthM * MICROMETERS_PER_METER)
      count++
    }
    if (i < n) {
      const t1 = litT1[i]!
      if (t1 > cursor) cursor = t1
    }
  }
  // Never more than the segment: one piece rounds like the whole, and k ≥ 2 pieces are apart by k − 1 gaps > 1 µm.
  lastDarkUm = darkUm
  return count
}

/** Sorts the first n lit intervals by start (then end); insertion sort for the usual handful. */
function sortIntervals(n: number): void {
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const t0 = litT0[i]!
      const t1 = litT1[i]!
      let j = i - 1
      while (j >= 0 && (litT0[j]! > t0 || (litT0[j] === t0 && litT1[j]! > t1))) {
        litT0[j + 1] = litT0[j]!
        litT1[j + 1] = litT1[j]!
        j--
      }
      litT0[j + 1] = t0
      litT1[j + 1] = t1
    }
    return
  }
  // A long segment past many lamps: sort an order array once.
  const order = Array.from({ length: n }, (_, i) => i)
  const t0s = litT0.slice(0, n)
  const t1s = litT1.slice(0, n)
  order.sort((i, j) => t0s[i]! - t0s[j]! || t1s[i]! - t1s[j]!)
  for (let k = 0; k < n; k++) {
    litT0[k] = t0s[order[k]!]!
    litT1[k] = t1s[order[k]!]!
  }
}

/** An empty store sized for the model; `initialPairs` is a first guess of the dark intervals to come. */
export function createDarkIntervalStore(vertexCount: number, initialPairs: number): DarkIntervalStore {
  return {
    offset: new Uint32Array(vertexCount),
    count: new Uint32Array(vertexCount),
    capacity: new Uint32Array(vertexCount),
    darkUm: new Float64Array(vertexCount),
    pool: new Float64Array(Math.max(16, 2 * initialPairs)),
    poolUsed: 0,
  }
}

/** Stores the dark scratch's `count` intervals as segment v's; returns the change in its dark length (µm). */
export function storeSegmentDark(store: DarkIntervalStore, v: number, count: number): number {
  const old = store.darkUm[v]!
  let offset = store.offset[v]!
  if (count > store.capacity[v]!) {
    const need = store.poolUsed + 2 * count
    if (need > store.pool.length) {
      const pool = new Float64Array(Math.max(need, store.pool.length * 2))
      pool.set(store.pool.subarray(0, store.poolUsed))
      store.pool = pool
    }
    offset = store.poolUsed
    store.poolUsed = need
    store.offset[v] = offset
    store.capacity[v] = count
  }
  const pool = store.pool
  for (let k = 0; k < 2 * count; k++) pool[offset + k] = darkScratch[k]!
  store.count[v] = count
  store.darkUm[v] = lastDarkUm
  return lastDarkUm - old
}

/** Whether the dark scratch's `count` intervals equal what the store holds for segment v. */
export function isSegmentDarkUnchanged(store: DarkIntervalStore, v: number, count: number): boolean {
  if (store.count[v] !== count) return false
  const offset = store.offset[v]!
  for (let k = 0; k < 2 * count; k++) if (store.pool[offset + k] !== darkScratch[k]) return false
  return true
}

/** Computes and stores every segment's dark intervals; returns per-street dark lengths (µm). */
export function computeAllSegments(model: StreetModel, lamps: LampSource, store: DarkIntervalStore): Float64Array {
  const streetDarkUm = new Float64Array(model.streetCount)
  const { firstVertex } = model
  for (let s = 0; s < model.streetCount; s++) {
    let darkUm = 0
    const end = firstVertex[s + 1]! - 1
    for (let v = firstVertex[s]!; v < end; v++) {
      const count = computeSegmentDark(model, v, lamps)
      if (count > 0) darkUm += storeSegmentDark(store, v, count)
    }
    streetDarkUm[s] = darkUm
  }
  return streetDarkUm
}

// The open dark piece's vertices, [lng, lat] pairs, until it closes: then it becomes an array of exactly its size
// (growing a JS array by push leaves most of its backing store empty, which at a megacity's 90k dark lines doubled
// the garbage of a run). Written inline, not through a helper taking the numbers, so that they stay unboxed.
let pieceXY = new Float64Array(64)

function reservePiece(vertices: number): void {
  if (2 * vertices <= pieceXY.length) return
  const grown = new Float64Array(Math.max(2 * vertices, 2 * pieceXY.length))
  grown.set(pieceXY)
  pieceXY = grown
}

function toLine(n: number): LngLat[] {
  const line = new Array<LngLat>(n)
  for (let i = 0; i < n; i++) line[i] = [pieceXY[2 * i]!, pieceXY[2 * i + 1]!]
  return line
}

/**
 * The dark pieces of street s as [lng, lat] lines with their lengths (µm), in order along the street: pieces on
 * consecutive segments that meet at a vertex join into one line, and zero-length segments between them do not break
 * it. On a closed street (a roundabout) a piece through the closing vertex is one line, emitted last.
 */
export function traceDarkPieces(
  model: StreetModel,
  store: DarkIntervalStore,
  s: number,
  emit: (coordinates: LngLat[], lengthUm: number) => void,
): void {
  const { lng, lat, segmentLengthUm } = model
  const { offset, count, pool } = store
  const first = model.firstVertex[s]!
  const end = model.firstVertex[s + 1]! - 1
  const closed = end > first && lng[first] === lng[end] && lat[first] === lat[end]
  let open = 0 // vertices of the open piece in pieceXY; 0: none
  let openUm = 0
  let openAtStart = false // the open piece starts at the street's first vertex
  let atStart = true // no segment with length seen yet
  let held: LngLat[] | undefined // on a closed street, the piece from the first vertex: the last piece may continue into it
  let heldUm = 0
  for (let v = first; v < end; v++) {
    if (segmentLengthUm[v] === 0) continue
    const k = count[v]!
    const isFirstSegment = atStart
    atStart = false
    const lngA = lng[v]!
    const latA = lat[v]!
    const lngB = lng[v + 1]!
    const latB = lat[v + 1]!
    const lengthM = k === 0 ? 0 : measureSegmentM(lngA, latA, lngB, latB)
    const o = offset[v]!
    // i = k: the lit rest of a segment whose last dark piece stops short of its end closes the open piece.
    for (let i = 0; i <= k; i++) {
      const t0 = i < k ? pool[o + 2 * i]! : 1
      const t1 = i < k ? pool[o + 2 * i + 1]! : 1
      if (open > 0 && (t0 !== 0 || i === k)) {
        // Close the open piece: keep it aside if it may continue the last piece of a closed street.
        if (i === k && k > 0 && pool[o + 2 * k - 1] === 1) break // the last dark piece runs on into the next segment
        if (closed && openAtStart) {
          held = toLine(open)
          heldUm = openUm
        } else {
          emit(toLine(open), openUm)
        }
        open = 0
      }
      if (i === k) break
      reservePiece(open + 2)
      if (open === 0) {
        pieceXY[0] = t0 === 0 ? lngA : lngA + t0 * (lngB - lngA)
        pieceXY[1] = t0 === 0 ? latA : latA + t0 * (latB - latA)
        open = 1
        openUm = 0
        openAtStart = isFirstSegment && t0 === 0
      }
      pieceXY[2 * open] = t1 === 1 ? lngB : lngA + t1 * (lngB - lngA)
      pieceXY[2 * open + 1] = t1 === 1 ? latB : latA + t1 * (latB - latA)
      open++
      openUm += Math.round((t1 - t0) * lengthM * MICROMETERS_PER_METER)
    }
  }
  if (open > 0 && held !== undefined) {
    // Dark through the closing vertex: the last piece runs on into the first.
    const last = toLine(open)
    emit([...last, ...held.slice(1)], openUm + heldUm)
    return
  }
  if (open > 0) emit(toLine(open), openUm)
  if (held !== undefined) emit(held, heldUm)
}
