// The incremental dark-zone engine: dark zones over fixed streets kept up to date as lamps are switched, added, moved
// or removed, recomputing only the segments a changed lamp can reach. Same numbers as computeDarkZones
// (dark-zones.ts), whose comment lists the decisions both rely on.
//
// Typed-array reads below use `!`: every index is bounded by the arrays' construction, and
// noUncheckedIndexedAccess cannot see that.

import Flatbush from 'flatbush'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { resolveCoverageRadiusTable, type CoverageRadiusOptions, type CoverageRadiusTable } from './coverage-radius.ts'
import {
  LAMP_GONE,
  LAMP_OFF,
  LAMP_WORKING,
  buildStreetModel,
  createExtraLamps,
  indexLampPositions,
  readLampPosition,
  writeSegmentReach,
  type DarkZoneLamp,
  type DarkZoneStreet,
  type LampSource,
} from './dark-zone-inputs.ts'
import {
  computeLitShare,
  describeStreet,
  readStreetLabels,
  toMeters,
  traceDarkLines,
  type DarkLine,
  type DarkZoneResult,
  type StreetLighting,
} from './dark-zone-results.ts'
import { computeAllSegments, computeSegmentDark, createDarkIntervalStore, isSegmentDarkUnchanged, storeSegmentDark } from './dark-zones-kernel.ts'

export interface DarkZoneEngineOptions extends CoverageRadiusOptions {
  maxUnindexedLamps?: number // lamps added or moved since the lamp index was built; one more rebuilds it
}

const defaultEngineOptions = {
  maxUnindexedLamps: 1024, // each recomputed segment scans these linearly: ~1 µs per segment at 1024
}

export interface DarkZonesInBBox {
  darkLines: DarkLine[] // of those streets, whose own bounding box meets the bbox
  streets: StreetLighting[] // streets with a segment whose bounding box meets the bbox, in input order
}

/** What one lamp change did: the streets whose dark stretches changed and the change in total dark length. */
export interface DarkZoneChange {
  streetIds: string[]
  darkLengthDeltaM: number
}

/** Dark-zone analysis kept up to date as lamps change: each change recomputes only the segments within reach. */
export interface DarkZoneEngine {
  readonly radiusTable: CoverageRadiusTable
  /** Switches a lamp on or off; undefined for an unknown lamp id. */
  setLampWorking(lampId: string, working: boolean): DarkZoneChange | undefined
  /** Adds a lamp, or moves and re-sets an existing one. Throws a TypeError for coordinates that are not [lng, lat]. */
  upsertLamp(lamp: DarkZoneLamp): DarkZoneChange
  /** Removes a lamp; undefined for an unknown lamp id. */
  removeLamp(lampId: string): DarkZoneChange | undefined
  /** Whether a lamp lights its reach as the engine sees it; undefined for an unknown lamp id. */
  isLampWorking(lampId: string): boolean | undefined
  /** How many lamps the engine holds. */
  readonly lampCount: number
  /** Every lamp the engine holds, with whether it works (in no particular order). */
  lampStates(): IterableIterator<[string, boolean]>
  /** The whole analysis as `computeDarkZones` would return it for the current lamps. Treat it as read-only. */
  result(): DarkZoneResult
  /**
   * `result().totals` without building the rest: a lamp change answers with the totals and its streets' lines, and
   * building every street's figures for that cost a megacity's crews O(streets) per repair.
   */
  totals(): DarkZoneResult['totals']
  /** The dark lines of these streets, as and in the order `result().darkLines` has them; unknown ids are skipped. */
  darkLinesOf(streetIds: readonly string[]): DarkLine[]
  /**
   * Dark stretches and street figures around a bbox [west, south, east, north] (degrees); throws a RangeError if
   * west > east or south > north. Its objects are the very ones `result()` returns until their street changes.
   */
  darkZonesInBBox(bbox: BBox): DarkZonesInBBox
}

function checkBBox(bbox: BBox): void {
  const [west, south, east, north] = bbox
  if (!(west <= east) || !(south <= north)) {
    throw new RangeError(`bbox must be [west, south, east, north] with west ≤ east and south ≤ north, got [${bbox.join(', ')}]`)
  }
}

const intersectsBBox = (line: readonly LngLat[], [west, south, east, north]: BBox): boolean => {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [x, y] of line) {
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return minX <= east && maxX >= west && minY <= north && maxY >= south
}

/**
 * An incremental dark-zone engine over fixed streets: lamp changes recompute only the segments a lamp can reach
 * (a flatbush index over segment reach boxes) and update street, zone and total lengths by exact deltas, so
 * `result()` always equals `computeDarkZones` on the current lamps. Empty input works (every query is empty).
 * Copies what it needs from its input and never modifies it. Throws an Error for duplicate street or lamp ids, and
 * like `computeDarkZones` for bad coordinates or options.
 */
export function createDarkZoneEngine(
  streets: readonly DarkZoneStreet[],
  lamps: readonly DarkZoneLamp[],
  options: DarkZoneEngineOptions = {},
): DarkZoneEngine {
  const maxUnindexedLamps = options.maxUnindexedLamps ?? defaultEngineOptions.maxUnindexedLamps
  if (!Number.isInteger(maxUnindexedLamps) || maxUnindexedLamps < 0) {
    throw new RangeError(`maxUnindexedLamps must be an integer ≥ 0, got ${maxUnindexedLamps}`)
  }
  const radiusTable = resolveCoverageRadiusTable(options)
  const labels = readStreetLabels(streets)
  const model = buildStreetModel(streets, radiusTable)

  let streetIndex: Map<string, number> | undefined // street id → index, made on the first darkLinesOf
  const currentTotals = () => ({ totalLengthM: toMeters(totalLengthUm), darkLengthM: toMeters(totalDarkUm), litShare: computeLitShare(totalLengthUm, totalDarkUm) })

  // Lamps: slot ≥ 0 is an indexed lamp, slot < 0 is unindexed lamp −1 − slot.
  const slotOf = new Map<string, number>()
  let indexedXY = new Float64Array(2 * lamps.length)
  let indexedState = new Uint8Array(lamps.length)
  for (let i = 0; i < lamps.length; i++) {
    const lamp = lamps[i]!
    if (slotOf.has(lamp.id)) throw new Error(`duplicate lamp id ${lamp.id}: each lamp must appear once`)
    slotOf.set(lamp.id, i)
    readLampPosition(lamp, indexedXY, i)
    indexedState[i] = lamp.working ? LAMP_WORKING : LAMP_OFF
  }
  const source: LampSource = { index: undefined, indexState: indexedState, ...createExtraLamps(64) }
  const buildIndex = (): void => {
    source.index = indexLampPositions(indexedXY, indexedState.length)
    source.indexState = indexedState
    source.extraCount = 0
  }
  buildIndex()

  const store = createDarkIntervalStore(model.vertexCount, model.vertexCount)
  const streetDarkUm = computeAllSegments(model, source, store)
  const zoneLengthUm = new Float64Array(labels.zoneKeys.length)
  const zoneDarkUm = new Float64Array(labels.zoneKeys.length)
  let totalLengthUm = 0
  let totalDarkUm = 0
  for (let s = 0; s < model.streetCount; s++) {
    const z = labels.zoneOf[s]!
    zoneLengthUm[z] = zoneLengthUm[z]! + model.streetLengthUm[s]!
    zoneDarkUm[z] = zoneDarkUm[z]! + streetDarkUm[s]!
    totalLengthUm += model.streetLengthUm[s]!
    totalDarkUm += streetDarkUm[s]!
  }

  // Segments by reach box: a lamp at P can change segment v only if P lies in v's reach.
  let segmentCount = 0
  for (let s = 0; s < model.streetCount; s++) segmentCount += Math.max(0, model.firstVertex[s + 1]! - model.firstVertex[s]! - 1)
  const segmentVertex = new Uint32Array(segmentCount)
  let segmentIndex: Flatbush | undefined
  if (segmentCount > 0) {
    segmentIndex = new Flatbush(segmentCount)
    const reach = new Float64Array(4)
    let k = 0
    for (let s = 0; s < model.streetCount; s++) {
      for (let v = model.firstVertex[s]!; v < model.firstVertex[s + 1]! - 1; v++) {
        writeSegmentReach(model, v, reach)
        segmentIndex.add(reach[0]!, reach[1]!, reach[2]!, reach[3]!)
        segmentVertex[k++] = v
      }
    }
    segmentIndex.finish()
  }

  // Output objects per street, built on demand and dropped when the street changes.
  const lightingCache = new Array<StreetLighting | undefined>(model.streetCount)
  const linesCache = new Array<DarkLine[] | undefined>(model.streetCount)
  const streetStamp = new Uint32Array(model.streetCount)
  let stamp = 0

  const getLighting = (s: number): StreetLighting =>
    (lightingCache[s] ??= describeStreet(model, labels, s, streetDarkUm[s]!))
  const getLines = (s: number): DarkLine[] => {
    let lines = linesCache[s]
    if (lines === undefined) {
      lines = []
      if (streetDarkUm[s]! > 0) traceDarkLines(model, store, labels, s, lines)
      linesCache[s] = lines
    }
    return lines
  }

  /** Recomputes the segments that a lamp at (lng, lat) can reach; collects the streets that changed. */
  const relight = (lng: number, lat: number, changed: Set<number>): void => {
    if (segmentIndex === undefined) return
    for (const hit of segmentIndex.search(lng, lat, lng, lat)) {
      const v = segmentVertex[hit]!
      const count = computeSegmentDark(model, v, source)
      if (isSegmentDarkUnchanged(store, v, count)) continue
      const delta = storeSegmentDark(store, v, count)
      const s = model.vertexStreet[v]!
      const z = labels.zoneOf[s]!
      streetDarkUm[s] = streetDarkUm[s]! + delta
      zoneDarkUm[z] = zoneDarkUm[z]! + delta
      totalDarkUm += delta
      lightingCache[s] = undefined
      linesCache[s] = undefined
      changed.add(s)
    }
  }

  const describeChange = (changed: Set<number>, darkUmBefore: number): DarkZoneChange => ({
    streetIds: [...changed].sort((a, b) => a - b).map((s) => labels.ids[s]!),
    darkLengthDeltaM: toMeters(totalDarkUm - darkUmBefore),
  })

  const readPosition = (slot: number): [number, number] =>
    slot >= 0 ? [indexedXY[2 * slot]!, indexedXY[2 * slot + 1]!] : [source.extraLng[-1 - slot]!, source.extraLat[-1 - slot]!]
  const readState = (slot: number): number => (slot >= 0 ? indexedState[slot]! : source.extraState[-1 - slot]!)
  const writeState = (slot: number, state: number): void => {
    if (slot >= 0) indexedState[slot] = state
    else source.extraState[-1 - slot] = state
  }

  const addUnindexed = (lng: number, lat: number, state: number): number => {
    if (source.extraCount === source.extraLng.length) {
      const grown = createExtraLamps(2 * source.extraLng.length)
      grown.extraLng.set(source.extraLng)
      grown.extraLat.set(source.extraLat)
      grown.extraState.set(source.extraState)
      source.extraLng = grown.extraLng
      source.extraLat = grown.extraLat
      source.extraState = grown.extraState
    }
    const k = source.extraCount++
    source.extraLng[k] = lng
    source.extraLat[k] = lat
    source.extraState[k] = state
    return -1 - k
  }

  /** Folds unindexed lamps into a fresh index; dark intervals do not change, so nothing is recomputed. */
  const rebuildLampIndex = (): void => {
    const n = slotOf.size
    const xy = new Float64Array(2 * n)
    const state = new Uint8Array(n)
    let i = 0
    for (const [id, slot] of slotOf) {
      const [lng, lat] = readPosition(slot)
      xy[2 * i] = lng
      xy[2 * i + 1] = lat
      state[i] = readState(slot)
      slotOf.set(id, i)
      i++
    }
    indexedXY = xy
    indexedState = state
    buildIndex()
  }

  const changeScratch = new Float64Array(2)
  const setLampWorking = (lampId: string, working: boolean): DarkZoneChange | undefined => {
    const slot = slotOf.get(lampId)
    if (slot === undefined) return undefined
    const next = working ? LAMP_WORKING : LAMP_OFF
    const before = totalDarkUm
    const changed = new Set<number>()
    if (readState(slot) !== next) {
      writeState(slot, next)
      const [lng, lat] = readPosition(slot)
      relight(lng, lat, changed)
    }
    return describeChange(changed, before)
  }

  return {
    radiusTable,
    setLampWorking,

    isLampWorking(lampId) {
      const slot = slotOf.get(lampId)
      return slot === undefined ? undefined : readState(slot) === LAMP_WORKING
    },

    get lampCount() {
      return slotOf.size
    },

    *lampStates() {
      for (const [id, slot] of slotOf) yield [id, readState(slot) === LAMP_WORKING]
    },

    upsertLamp(lamp) {
      readLampPosition(lamp, changeScratch, 0)
      const lng = changeScratch[0]!
      const lat = changeScratch[1]!
      const next = lamp.working ? LAMP_WORKING : LAMP_OFF
      const slot = slotOf.get(lamp.id)
      if (slot !== undefined) {
        const [oldLng, oldLat] = readPosition(slot)
        if (oldLng === lng && oldLat === lat) return setLampWorking(lamp.id, lamp.working)!
      }
      const before = totalDarkUm
      const changed = new Set<number>()
      let newSlot: number
      if (slot !== undefined && slot < 0) {
        // Already unindexed: move it in place.
        const [oldLng, oldLat] = readPosition(slot)
        const wasWorking = readState(slot) === LAMP_WORKING
        source.extraLng[-1 - slot] = lng
        source.extraLat[-1 - slot] = lat
        source.extraState[-1 - slot] = next
        if (wasWorking) relight(oldLng, oldLat, changed)
        newSlot = slot
      } else {
        if (slot !== undefined) {
          const [oldLng, oldLat] = readPosition(slot)
          const wasWorking = readState(slot) === LAMP_WORKING
          writeState(slot, LAMP_GONE)
          if (wasWorking) relight(oldLng, oldLat, changed)
        }
        newSlot = addUnindexed(lng, lat, next)
        slotOf.set(lamp.id, newSlot)
      }
      if (next === LAMP_WORKING) relight(lng, lat, changed)
      const change = describeChange(changed, before)
      if (source.extraCount > maxUnindexedLamps) rebuildLampIndex()
      return change
    },

    removeLamp(lampId) {
      const slot = slotOf.get(lampId)
      if (slot === undefined) return undefined
      const before = totalDarkUm
      const changed = new Set<number>()
      const wasWorking = readState(slot) === LAMP_WORKING
      writeState(slot, LAMP_GONE)
      slotOf.delete(lampId)
      if (wasWorking) {
        const [lng, lat] = readPosition(slot)
        relight(lng, lat, changed)
      }
      return describeChange(changed, before)
    },

    result() {
      const streetLighting = new Array<StreetLighting>(model.streetCount)
      const darkLines: DarkLine[] = []
      for (let s = 0; s < model.streetCount; s++) {
        streetLighting[s] = getLighting(s)
        if (streetDarkUm[s]! > 0) for (const line of getLines(s)) darkLines.push(line)
      }
      const zones = labels.zoneKeys.map((zoneId, z) => ({
        zoneId,
        lengthM: toMeters(zoneLengthUm[z]!),
        darkLengthM: toMeters(zoneDarkUm[z]!),
        litShare: computeLitShare(zoneLengthUm[z]!, zoneDarkUm[z]!),
      }))
      return { radiusTable, darkLines, streets: streetLighting, zones, totals: currentTotals() }
    },

    totals: currentTotals,

    darkLinesOf(streetIds) {
      streetIndex ??= new Map(labels.ids.map((id, s) => [id, s]))
      const indices = streetIds.map((id) => streetIndex!.get(id)).filter((s) => s !== undefined)
      const out: DarkLine[] = []
      for (const s of [...new Set(indices)].sort((a, b) => a - b)) if (streetDarkUm[s]! > 0) for (const line of getLines(s)) out.push(line)
      return out
    },

    darkZonesInBBox(bbox) {
      checkBBox(bbox)
      const [west, south, east, north] = bbox
      if (segmentIndex === undefined) return { darkLines: [], streets: [] }
      stamp++
      const hits: number[] = []
      const { lng, lat, vertexStreet } = model
      for (const hit of segmentIndex.search(west, south, east, north)) {
        const v = segmentVertex[hit]!
        const s = vertexStreet[v]!
        if (streetStamp[s] === stamp) continue
        const x0 = lng[v]!
        const x1 = lng[v + 1]!
        const y0 = lat[v]!
        const y1 = lat[v + 1]!
        if (Math.min(x0, x1) > east || Math.max(x0, x1) < west || Math.min(y0, y1) > north || Math.max(y0, y1) < south) continue
        streetStamp[s] = stamp
        hits.push(s)
      }
      hits.sort((a, b) => a - b)
      const darkLines: DarkLine[] = []
      for (const s of hits) for (const line of getLines(s)) if (intersectsBBox(line.coordinates, bbox)) darkLines.push(line)
      return { darkLines, streets: hits.map(getLighting) }
    },
  }
}
