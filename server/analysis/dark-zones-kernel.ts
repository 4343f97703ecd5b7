// The hot part of dark-zone analysis, shared by `computeDarkZones` and the incremental engine: per street segment,
// the exact dark intervals, and the store that keeps them between lamp changes.
//
// Typed-array reads below use `!`: every index is bounded by the arrays' construction, and
// noUncheckedIndexedAccess cannot see that.

import { LAMP_WORKING, MICROMETERS_PER_METER, RADIANS_PER_DEGREE, writeSegmentReach, type LampSource, type StreetModel } from './dark-zone-inputs.ts'
import { METERS_PER_DEGREE } from './local-metric.ts'

/**
 * Dark or lit pieces shorter than 1 µm are floating-point noise (two circles that touch, a circle that ends exactly
 * at a vertex): a dark piece that short is dropped, a lit gap that short between dark pieces is closed.
 */
const SLIVER_M = 1e-6

/** Per segment (by start vertex): its dark intervals as [t0, t1] pairs in `pool`, and its dark length. */
export interface DarkIntervalStore {
  offset: Uint32Array
  count: Uint32Array
  capacity: Uint32Array
  darkUm: Float64Array
  pool: Float64Array
  poolUsed: number
}

const REACH = new Float64Array(4)

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
