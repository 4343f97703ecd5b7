// Dark-zone inputs in the form the segment kernel reads fast: streets flattened into typed arrays (vertices,
// segment lengths in whole micrometres, each street's coverage radius) and working lamps in a kdbush index, plus the
// reach box of a segment — where a lamp must stand to light any of it.
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
export const RADIANS_PER_DEGREE = Math.PI / 180

// A lamp's state in a LampSource's state arrays.
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

/** Throws the TypeError for a coordinate that failed the check (not a finite [lng, lat] with |lat| ≤ 90). */
function throwBadCoordinate(value: unknown, what: string): never {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be a [lng, lat] pair, got ${String(value)}`)
  throw new TypeError(`${what} must be a finite [lng, lat] pair with |lat| ≤ 90, got [${String(value[0])}, ${String(value[1])}]`)
}

/** Projected length in metres of the segment from (lngA, latA) to (lngB, latB), in the frame centred on it. */
export function measureSegmentM(lngA: number, latA: number, lngB: number, latB: number): number {
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
