import { bbox, booleanPointInPolygon, circle, destination, distance, featureCollection, pointToLineDistance, polygon, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createPrng, generateSyntheticCity } from '../../test/fixtures/dark-zones/synthetic-city.ts'
import type { LngLat } from '../kernel/geo.ts'
import { findCoverageRadius, resolveCoverageRadiusTable } from './coverage-radius.ts'
import {
  buildDarkZoneFeatureCollection,
  computeDarkZones,
  createDarkZoneEngine,
  type DarkLine,
  type DarkZoneLamp,
  type DarkZoneResult,
  type DarkZoneStreet,
} from './dark-zones.ts'
import { METERS_PER_DEGREE, computeMetersPerDegreeLng } from './local-metric.ts'

const ORIGIN: LngLat = [104.06, 30.66]

/**
 * A point `eastM` east and `northM` north of `origin` in the engine's metric: the east offset is measured along the
 * point's own parallel, so an east–west street built with `at` has exactly the length asked for.
 */
const at = (eastM: number, northM = 0, origin: LngLat = ORIGIN): LngLat => {
  const lat = origin[1] + northM / METERS_PER_DEGREE
  return [origin[0] + eastM / computeMetersPerDegreeLng(lat), lat]
}

const createStreet = (id: string, coordinates: LngLat[], highway = 'residential', zoneId: string | null = '001'): DarkZoneStreet => ({
  id,
  name: `${id} 路`,
  highway,
  zoneId,
  coordinates,
})
const createLamp = (id: string, coordinates: LngLat, working = true): DarkZoneLamp => ({ id, coordinates, working })

/** A 100 m east–west residential street (radius 15 m) from the origin. */
const createStraightStreet = (): DarkZoneStreet => createStreet('w1', [at(0), at(100)])

const darkLengths = (result: DarkZoneResult): number[] => result.darkLines.map((line) => line.lengthM)

describe('computeDarkZones: small cases', () => {
  it('returns the two ends as dark when one lamp stands in the middle', () => {
    const result = computeDarkZones([createStraightStreet()], [createLamp('L1', at(50))])
    expect(darkLengths(result)).toHaveLength(2)
    expect(darkLengths(result)[0]).toBeCloseTo(35, 6)
    expect(darkLengths(result)[1]).toBeCloseTo(35, 6)
    const [first, second] = result.darkLines as [DarkLine, DarkLine]
    expect(first.coordinates[0]).toEqual(at(0))
    expect(first.coordinates[1]![0]).toBeCloseTo(at(35)[0], 10)
    expect(second.coordinates[1]).toEqual(at(100))
    expect(result.totals.darkLengthM).toBeCloseTo(70, 6)
    expect(result.totals.litShare).toBeCloseTo(0.3, 8)
  })

  it('returns the middle as one dark line when lamps stand at both ends', () => {
    const result = computeDarkZones([createStraightStreet()], [createLamp('L1', at(0)), createLamp('L2', at(100))])
    expect(darkLengths(result)).toHaveLength(1)
    expect(darkLengths(result)[0]).toBeCloseTo(70, 6)
    expect(result.darkLines[0]!.coordinates[0]![0]).toBeCloseTo(at(15)[0], 10)
  })

  it('lights the part of a street within the radius of a lamp beyond its end', () => {
    expect(computeDarkZones([createStraightStreet()], [createLamp('L1', at(110))]).totals.darkLengthM).toBeCloseTo(95, 6)
    expect(computeDarkZones([createStraightStreet()], [createLamp('L1', at(116))]).totals.darkLengthM).toBeCloseTo(100, 6)
  })

  it('lights the chord of the circle for a lamp beside the street', () => {
    // 9 m to the side, r = 15 m: the lit chord is 2·√(15² − 9²) = 24 m.
    const result = computeDarkZones([createStraightStreet()], [createLamp('L1', at(50, 9))])
    expect(result.totals.darkLengthM).toBeCloseTo(76, 6)
  })

  it('returns no dark zone when a segment shorter than the radius is lit', () => {
    const result = computeDarkZones([createStreet('w1', [at(0), at(10)])], [createLamp('L1', at(5))])
    expect(result.darkLines).toEqual([])
    expect(result.streets[0]).toMatchObject({ streetId: 'w1', darkLengthM: 0, litShare: 1 })
    expect(result.streets[0]!.lengthM).toBeCloseTo(10, 6)
  })

  it('returns no dark zone when every segment is lit', () => {
    const lamps = [0, 25, 50, 75, 100].map((x, i) => createLamp(`L${i}`, at(x, 3)))
    expect(computeDarkZones([createStraightStreet()], lamps).darkLines).toEqual([])
  })

  it('skips zero-length segments without NaN and keeps the dark line whole across them', () => {
    const street = createStreet('w1', [at(0), at(50), at(50), at(100)])
    const result = computeDarkZones([street], [])
    expect(result.darkLines).toHaveLength(1)
    expect(result.darkLines[0]!.coordinates).toEqual([at(0), at(50), at(100)])
    expect(result.darkLines[0]!.lengthM).toBeCloseTo(100, 6)
    const degenerate = computeDarkZones([createStreet('w2', [at(0), at(0), at(0)]), createStreet('w3', [at(0)]), createStreet('w4', [])], [])
    expect(degenerate.darkLines).toEqual([])
    expect(degenerate.streets.map((s) => [s.lengthM, s.darkLengthM, s.litShare])).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ])
    expect(degenerate.totals).toEqual({ totalLengthM: 0, darkLengthM: 0, litShare: 1 })
  })

  it('joins dark pieces on consecutive segments into one line and splits at a lit vertex', () => {
    const street = createStreet('w1', [at(0), at(60), at(60, 60)])
    expect(computeDarkZones([street], []).darkLines.map((l) => l.coordinates)).toEqual([[at(0), at(60), at(60, 60)]])
    const split = computeDarkZones([street], [createLamp('L1', at(60))])
    expect(split.darkLines).toHaveLength(2)
    expect(darkLengths(split)[0]).toBeCloseTo(45, 6)
    expect(darkLengths(split)[1]).toBeCloseTo(45, 6)
  })

  it('keeps a dark stretch through the closing vertex of a roundabout as one line', () => {
    const ring = createStreet('w1', [at(0), at(40), at(40, 40), at(0, 40), at(0)])
    const lamps = [createLamp('L1', at(40, 20)), createLamp('L2', at(0, 25))]
    const result = computeDarkZones([ring], lamps, { radiusByHighwayM: { residential: 10 } })
    // Along the 160 m ring, L1 lights 50..70 m and L2 125..145 m: dark 70..125, and 145..160 running on into 0..50.
    expect(darkLengths(result)).toHaveLength(2)
    expect(darkLengths(result)[0]).toBeCloseTo(55, 6)
    const through = result.darkLines[1]!
    expect(through.lengthM).toBeCloseTo(65, 6)
    expect(through.coordinates.slice(1, 3)).toEqual([at(0), at(40)])
    expect(through.coordinates.at(-1)![1]).toBeCloseTo(at(40, 10)[1], 10)
    const whole = computeDarkZones([ring], [])
    expect(whole.darkLines.map((l) => l.coordinates)).toEqual([ring.coordinates])
  })

  it('returns every street as dark when there are no lamps, or all of them are broken', () => {
    const streets = [createStraightStreet(), createStreet('w2', [at(0, 50), at(80, 50)], 'footway')]
    const none = computeDarkZones(streets, [])
    const broken = computeDarkZones(streets, [createLamp('L1', at(50), false), createLamp('L2', at(40, 50), false)])
    expect(broken).toEqual(none)
    expect(none.totals.darkLengthM).toBeCloseTo(180, 6)
    expect(none.totals.litShare).toBe(0)
    expect(none.streets.map((s) => s.litShare)).toEqual([0, 0])
  })

  it('lets a lamp on one street light a crossing street', () => {
    const crossing = createStreet('w2', [at(50, -50), at(50, 50)])
    const lampOnMainStreet = createLamp('L1', at(50, 0))
    const result = computeDarkZones([createStraightStreet(), crossing], [lampOnMainStreet])
    expect(result.streets[1]!.darkLengthM).toBeCloseTo(70, 6)
  })

  it('uses the lit street class radius and reports the table used', () => {
    const lamps = [createLamp('L1', at(50))]
    const geometry = [at(0), at(100)]
    const footway = computeDarkZones([createStreet('w1', geometry, 'footway')], lamps)
    const primary = computeDarkZones([createStreet('w1', geometry, 'primary')], lamps)
    const custom = computeDarkZones([createStreet('w1', geometry, 'footway')], lamps, { radiusByHighwayM: { footway: 25 } })
    expect(footway.totals.darkLengthM).toBeCloseTo(80, 6)
    expect(primary.totals.darkLengthM).toBeCloseTo(64, 6)
    expect(custom.totals.darkLengthM).toBeCloseTo(50, 6)
    expect(footway.streets[0]!.radiusM).toBe(10)
    expect(custom.radiusTable.byHighwayM.footway).toBe(25)
    expect(footway.radiusTable).toEqual(resolveCoverageRadiusTable())
  })

  it('gives the same result for duplicate lamps as for one', () => {
    const one = computeDarkZones([createStraightStreet()], [createLamp('L1', at(30, 2))])
    const twice = computeDarkZones([createStraightStreet()], [createLamp('L1', at(30, 2)), createLamp('L1', at(30, 2))])
    expect(twice).toEqual(one)
  })

  it('measures correctly at 69° N, where a degree of longitude is 40 km', () => {
    const center: LngLat = [18.95, 69.65]
    const west = destination(center, 50, -90, { units: 'meters' }).geometry.coordinates as LngLat
    const east = destination(center, 50, 90, { units: 'meters' }).geometry.coordinates as LngLat
    const street = createStreet('w1', [west, east])
    const lamp = destination(center, 6, 0, { units: 'meters' }).geometry.coordinates as LngLat
    const result = computeDarkZones([street], [createLamp('L1', lamp)], { radiusByHighwayM: { residential: 10 } })
    // 6 m beside the street, r = 10 m: lit chord 2·√(10² − 6²) = 16 m of 100 m.
    expect(result.streets[0]!.lengthM).toBeCloseTo(distance(west, east, { units: 'meters' }), 2)
    expect(result.totals.darkLengthM).toBeCloseTo(84, 2)
    const northSouth = createStreet('w2', [destination(center, 50, 180, { units: 'meters' }).geometry.coordinates as LngLat, destination(center, 50, 0, { units: 'meters' }).geometry.coordinates as LngLat])
    const eastLamp = destination(center, 6, 90, { units: 'meters' }).geometry.coordinates as LngLat
    const ns = computeDarkZones([northSouth], [createLamp('L1', eastLamp)], { radiusByHighwayM: { residential: 10 } })
    expect(ns.totals.darkLengthM).toBeCloseTo(84, 2)
  })

  it('groups streets by zone, sorted, with streets outside every zone last', () => {
    const streets = [
      createStreet('w1', [at(0), at(100)], 'residential', '002'),
      createStreet('w2', [at(0, 100), at(100, 100)], 'residential', null),
      createStreet('w3', [at(0, 200), at(50, 200)], 'residential', '001'),
      createStreet('w4', [at(0, 300), at(50, 300)], 'residential', '002'),
    ]
    const result = computeDarkZones(streets, [createLamp('L1', at(50, 0))])
    expect(result.zones.map((z) => z.zoneId)).toEqual(['001', '002', null])
    const zone2 = result.zones[1]!
    expect(zone2.lengthM).toBeCloseTo(150, 6)
    expect(zone2.darkLengthM).toBeCloseTo(120, 6)
    expect(zone2.litShare).toBeCloseTo(0.2, 8)
  })

  it('returns empty output for empty input', () => {
    expect(computeDarkZones([], [])).toEqual({
      radiusTable: resolveCoverageRadiusTable(),
      darkLines: [],
      streets: [],
      zones: [],
      totals: { totalLengthM: 0, darkLengthM: 0, litShare: 1 },
    })
    expect(computeDarkZones([], [createLamp('L1', at(0))]).totals).toEqual({ totalLengthM: 0, darkLengthM: 0, litShare: 1 })
  })

  it('throws for caller bugs: bad coordinates, duplicate street ids', () => {
    const bad = createStreet('w1', [at(0), [Number.NaN, 30]])
    expect(() => computeDarkZones([bad], [])).toThrow(/street w1 coordinates\[1\]/)
    expect(() => computeDarkZones([createStreet('w1', [at(0), [104, 91]])], [])).toThrow(TypeError)
    expect(() => computeDarkZones([createStraightStreet()], [createLamp('L9', [104, Number.NaN])])).toThrow(/lamp L9/)
    expect(() => computeDarkZones([createStraightStreet()], [createLamp('L9', [104, Number.NaN], false)])).toThrow(/lamp L9/)
    expect(() => computeDarkZones([createStraightStreet(), createStraightStreet()], [])).toThrow(/duplicate street id w1/)
  })

  it('does not mutate its input', () => {
    const { streets, lamps } = generateSyntheticCity({ seed: 7, segments: 200, lamps: 800 })
    const before = structuredClone({ streets, lamps })
    deepFreeze(streets)
    deepFreeze(lamps)
    computeDarkZones(streets, lamps)
    createDarkZoneEngine(streets, lamps).result()
    expect({ streets, lamps }).toEqual(before)
  })

  it('builds a GeoJSON feature collection of the dark lines', () => {
    const result = computeDarkZones([createStraightStreet()], [createLamp('L1', at(50))])
    const collection = buildDarkZoneFeatureCollection(result.darkLines)
    expect(collection.features).toHaveLength(2)
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      properties: { streetId: 'w1', name: 'w1 路', highway: 'residential', zoneId: '001', lengthM: result.darkLines[0]!.lengthM },
      geometry: { type: 'LineString', coordinates: result.darkLines[0]!.coordinates },
    })
    expect(buildDarkZoneFeatureCollection([])).toEqual({ type: 'FeatureCollection', features: [] })
  })
})

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

// ---------------------------------------------------------------------------------------------------------------
// Independent checks: haversine (turf.distance) per sample point, and turf's circle ∩ union pipeline.

const TOLERANCE_M = 0.01 // 1 cm, plus the frame's relative error (< 1e-4 of the radius here)

/** Haversine distance (turf) from p to the nearest working lamp, or Infinity if none is within radiusM + 1 m. */
function measureNearestWorkingLampM(lamps: readonly DarkZoneLamp[], p: LngLat, radiusM: number): number {
  let nearestM = Infinity
  const dLat = (radiusM + 1) / METERS_PER_DEGREE
  const dLng = (radiusM + 1) / computeMetersPerDegreeLng(p[1])
  for (const lamp of lamps) {
    if (!lamp.working) continue
    if (Math.abs(lamp.coordinates[1] - p[1]) > dLat || Math.abs(lamp.coordinates[0] - p[0]) > dLng) continue
    nearestM = Math.min(nearestM, distance(p, lamp.coordinates, { units: 'meters' }))
  }
  return nearestM
}

function* samplePoints(line: readonly LngLat[], stepM: number): Generator<LngLat> {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    const length = distance(a, b, { units: 'meters' })
    const steps = Math.max(1, Math.ceil(length / stepM))
    for (let k = i === 1 ? 0 : 1; k <= steps; k++) {
      const t = k / steps
      yield [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
    }
  }
}

describe('computeDarkZones: independent checks on a generated district', () => {
  const table = resolveCoverageRadiusTable()

  it.each([
    ['Chengdu, 30.7° N', [104.066, 30.657]],
    ['Tromsø, 69.6° N', [18.955, 69.649]],
  ] as const)('has every sampled dark point farther than r from every working lamp, and every lit one within r of one (%s)', (_, center) => {
    const city = generateSyntheticCity({ seed: 42, segments: 300, lamps: 1400, center: [center[0], center[1]] })
    const result = computeDarkZones(city.streets, city.lamps)
    expect(city.streets.length).toBeGreaterThanOrEqual(40)
    expect(result.darkLines.length).toBeGreaterThan(50)
    const random = createPrng(1)
    let darkSamples = 0
    let litSamples = 0
    const linesByStreet = new Map<string, DarkLine[]>()
    for (const line of result.darkLines) linesByStreet.set(line.streetId, [...(linesByStreet.get(line.streetId) ?? []), line])
    for (const street of city.streets) {
      const r = findCoverageRadius(table, street.highway)
      const lines = linesByStreet.get(street.id) ?? []
      for (const line of lines) {
        for (const p of samplePoints(line.coordinates, 0.5)) {
          expect(measureNearestWorkingLampM(city.lamps, p, r)).toBeGreaterThanOrEqual(r - TOLERANCE_M)
          darkSamples++
        }
      }
      for (const p of samplePoints(street.coordinates, 1 + random())) {
        const toDark = Math.min(
          Infinity,
          ...lines.map((l) => pointToLineDistance(p, { type: 'LineString', coordinates: l.coordinates }, { units: 'meters', method: 'planar' })),
        )
        if (toDark < 0.02) continue // on a dark line, or within 2 cm of one's end
        expect(measureNearestWorkingLampM(city.lamps, p, r)).toBeLessThanOrEqual(r + TOLERANCE_M)
        litSamples++
      }
    }
    expect(darkSamples).toBeGreaterThan(1000)
    expect(litSamples).toBeGreaterThan(1000)
  })

  it('agrees within 0.5 % with turf: union of lamp circles, street length outside it', () => {
    const city = generateSyntheticCity({ seed: 42, segments: 300, lamps: 1400 })
    const result = computeDarkZones(city.streets, city.lamps)
    let turfDarkM = 0
    for (const [streetIndex, street] of city.streets.entries()) {
      const r = findCoverageRadius(table, street.highway)
      const [west, south, east, north] = street.coordinates.reduce(
        ([w, s, e, n], [x, y]) => [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)],
        [Infinity, Infinity, -Infinity, -Infinity],
      )
      const padLat = (r + 1) / METERS_PER_DEGREE
      const padLng = (r + 1) / computeMetersPerDegreeLng(north)
      const near = city.lamps.filter(
        (l) => l.working && l.coordinates[0] >= west - padLng && l.coordinates[0] <= east + padLng && l.coordinates[1] >= south - padLat && l.coordinates[1] <= north + padLat,
      )
      // Only circles that reach the street can change its length outside the union; polyclip slows fast with more.
      const line = { type: 'LineString' as const, coordinates: street.coordinates }
      const touching = near.filter((l) => pointToLineDistance(l.coordinates, line, { units: 'meters' }) < r + 0.5)
      const circles = touching.map((l) => circle(l.coordinates, r, { units: 'meters', steps: 128 }))
      const lit: Feature<Polygon | MultiPolygon> | null =
        circles.length === 0 ? null : circles.length === 1 ? circles[0]! : union(featureCollection(circles))
      // The union's parts with their boxes, so that a point is tested only against the parts around it.
      const parts = lit === null ? [] : lit.geometry.type === 'Polygon' ? [lit.geometry.coordinates] : lit.geometry.coordinates
      const boxed = parts.map((rings) => ({ polygon: polygon(rings), box: bbox(polygon(rings)) }))
      const isDark = (p: LngLat): boolean =>
        !boxed.some(({ polygon: part, box: [w, s, e, n] }) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n && booleanPointInPolygon(p, part))
      const streetDarkM = measureDarkAlong(street.coordinates, isDark)
      // Per street: 0.5 m for sampling (a dark sliver between two 0.2 m samples goes unseen) and the 128-gons.
      expect(Math.abs(streetDarkM - result.streets[streetIndex]!.darkLengthM), street.id).toBeLessThan(0.5)
      turfDarkM += streetDarkM
    }
    expect(result.totals.darkLengthM).toBeGreaterThan(1000)
    expect(Math.abs(result.totals.darkLengthM - turfDarkM) / turfDarkM).toBeLessThan(0.005)
  }, 120_000)
})

/** Dark length along a line by 0.2 m steps, bisecting each lit/dark change down to a millimetre. */
function measureDarkAlong(line: readonly LngLat[], isDark: (p: LngLat) => boolean): number {
  let darkM = 0
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    const length = distance(a, b, { units: 'meters' })
    if (length === 0) continue
    const lerp = (t: number): LngLat => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
    const steps = Math.ceil(length / 0.2)
    let t0 = 0
    let dark0 = isDark(lerp(0))
    for (let k = 1; k <= steps; k++) {
      const t1 = k / steps
      const dark1 = isDark(lerp(t1))
      if (dark1 === dark0) {
        if (dark0) darkM += (t1 - t0) * length
      } else {
        let lo = t0
        let hi = t1
        while ((hi - lo) * length > 0.001) {
          const mid = (lo + hi) / 2
          if (isDark(lerp(mid)) === dark0) lo = mid
          else hi = mid
        }
        darkM += (dark0 ? (lo + hi) / 2 - t0 : t1 - (lo + hi) / 2) * length
      }
      t0 = t1
      dark0 = dark1
    }
  }
  return darkM
}

describe('createDarkZoneEngine', () => {
  const createCity = () => generateSyntheticCity({ seed: 11, segments: 250, lamps: 1100 })

  it('starts equal to a full computation', () => {
    const { streets, lamps } = createCity()
    expect(createDarkZoneEngine(streets, lamps).result()).toEqual(computeDarkZones(streets, lamps))
  })

  it('equals a full recompute after random sequences of lamp changes', () => {
    for (const seed of [1, 2, 3]) {
      const { streets, lamps, bounds } = createCity()
      const random = createPrng(seed)
      const current = new Map(lamps.map((l) => [l.id, { ...l }]))
      // A tiny unindexed-lamp budget, so that the sequence also rebuilds the lamp index a few times.
      const engine = createDarkZoneEngine(streets, lamps, { maxUnindexedLamps: 7 })
      const ids = () => [...current.keys()]
      let nextId = 1
      for (let step = 1; step <= 240; step++) {
        const roll = random()
        const id = ids()[Math.floor(random() * current.size)]!
        if (roll < 0.55) {
          const working = !current.get(id)!.working
          current.get(id)!.working = working
          engine.setLampWorking(id, working)
        } else if (roll < 0.75) {
          const old = current.get(id)!
          const moved = { ...old, coordinates: [old.coordinates[0] + (random() - 0.5) * 4e-4, old.coordinates[1] + (random() - 0.5) * 4e-4] as LngLat, working: random() < 0.8 }
          current.set(id, moved)
          engine.upsertLamp(moved)
        } else if (roll < 0.88) {
          const added = createLamp(`N${nextId++}`, [bounds[0] + random() * (bounds[2] - bounds[0]), bounds[1] + random() * (bounds[3] - bounds[1])], random() < 0.9)
          current.set(added.id, added)
          engine.upsertLamp(added)
        } else {
          current.delete(id)
          engine.removeLamp(id)
        }
        if (step % 8 === 0) expect(engine.result(), `seed ${seed} step ${step}`).toEqual(computeDarkZones(streets, [...current.values()]))
      }
    }
  })

  it('reports the streets a change touched and the change in dark length', () => {
    const streets = [createStraightStreet(), createStreet('w2', [at(0, 200), at(100, 200)])]
    const engine = createDarkZoneEngine(streets, [createLamp('L1', at(50), false)])
    const on = engine.setLampWorking('L1', true)!
    expect(on.streetIds).toEqual(['w1'])
    expect(on.darkLengthDeltaM).toBeCloseTo(-30, 6)
    expect(engine.setLampWorking('L1', true)).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
    expect(engine.setLampWorking('nope', true)).toBeUndefined()
    expect(engine.removeLamp('nope')).toBeUndefined()
    const moved = engine.upsertLamp(createLamp('L1', at(50, 200)))
    expect(moved.streetIds).toEqual(['w1', 'w2'])
    expect(moved.darkLengthDeltaM).toBeCloseTo(0, 5) // +30 m on w2, −30 m on w1, each rounded to the µm
    expect(engine.removeLamp('L1')!.darkLengthDeltaM).toBeCloseTo(30, 6)
    expect(engine.result().totals.darkLengthM).toBeCloseTo(200, 6)
  })

  it('answers bbox queries with the dark lines there', () => {
    const streets = [createStraightStreet(), createStreet('w2', [at(0, 200), at(100, 200)])]
    const engine = createDarkZoneEngine(streets, [createLamp('L1', at(50))])
    const [west, south] = at(-5, -5)
    const [east, north] = at(20, 5)
    const near = engine.darkZonesInBBox([west, south, east, north])
    expect(near.streets.map((s) => s.streetId)).toEqual(['w1'])
    expect(near.darkLines.map((l) => l.lengthM.toFixed(3))).toEqual(['35.000'])
    const all = engine.darkZonesInBBox([103, 30, 105, 31])
    expect(all.darkLines).toEqual(engine.result().darkLines)
    expect(engine.darkZonesInBBox([105, 30, 106, 31])).toEqual({ darkLines: [], streets: [] })
    expect(() => engine.darkZonesInBBox([105, 30, 104, 31])).toThrow(RangeError)
  })

  it('works on empty input', () => {
    const engine = createDarkZoneEngine([], [])
    expect(engine.result()).toEqual(computeDarkZones([], []))
    expect(engine.darkZonesInBBox([103, 30, 105, 31])).toEqual({ darkLines: [], streets: [] })
    expect(engine.upsertLamp(createLamp('L1', at(0)))).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
    expect(engine.setLampWorking('L1', false)).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
  })

  it('rejects duplicate lamp ids and is not affected by later changes to its input', () => {
    expect(() => createDarkZoneEngine([createStraightStreet()], [createLamp('L1', at(0)), createLamp('L1', at(5))])).toThrow(/duplicate lamp id L1/)
    const coordinates = [at(0), at(100)]
    const street = createStreet('w1', coordinates)
    const lamp = createLamp('L1', at(50))
    const engine = createDarkZoneEngine([street], [lamp])
    const before = engine.result()
    coordinates[1] = at(500)
    lamp.working = false
    street.id = 'changed'
    expect(computeDarkZones([createStraightStreet()], [createLamp('L1', at(50))])).toEqual(before)
    expect(engine.result()).toEqual(before)
  })
})

describe('golden: synthetic mini-district', () => {
  const lngLat = z.tuple([z.number(), z.number()])
  const fixture = z
    .object({
      streets: z.array(z.object({ id: z.string(), name: z.string().nullable(), highway: z.string(), zoneId: z.string().nullable(), coordinates: z.array(lngLat) })),
      lamps: z.array(z.object({ id: z.string(), coordinates: lngLat, working: z.boolean() })),
    })
    .parse(JSON.parse(readFileSync(new URL('../../test/fixtures/dark-zones/in/mini-district.json', import.meta.url), 'utf8')))

  const round = (value: number, digits: number): number => Number(value.toFixed(digits))
  const roundPoint = ([lng, lat]: LngLat): LngLat => [round(lng, 7), round(lat, 7)]
  /** One feature per line, so that a change shows as a readable diff. */
  const stringifyCollection = (features: readonly unknown[]): string =>
    `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`

  it('matches the golden dark zones, drawn over the streets and lamps', async () => {
    const result = computeDarkZones(fixture.streets, fixture.lamps)
    expect(createDarkZoneEngine(fixture.streets, fixture.lamps).result()).toEqual(result)
    expect(result.darkLines.length).toBeGreaterThan(20)

    const streetFeatures = fixture.streets.map((street, i) => {
      const lighting = result.streets[i]!
      return {
        type: 'Feature',
        properties: {
          kind: 'street',
          id: street.id,
          name: street.name,
          highway: street.highway,
          radiusM: lighting.radiusM,
          lengthM: round(lighting.lengthM, 3),
          darkLengthM: round(lighting.darkLengthM, 3),
          litShare: round(lighting.litShare, 4),
          stroke: '#9e9e9e',
          'stroke-width': 2,
        },
        geometry: { type: 'LineString', coordinates: street.coordinates },
      }
    })
    const darkFeatures = result.darkLines.map((line) => ({
      type: 'Feature',
      properties: { kind: 'dark', streetId: line.streetId, name: line.name, highway: line.highway, lengthM: round(line.lengthM, 3), stroke: '#d50000', 'stroke-width': 5 },
      geometry: { type: 'LineString', coordinates: line.coordinates.map(roundPoint) },
    }))
    const lampFeatures = fixture.lamps.map((lamp) => ({
      type: 'Feature',
      properties: { kind: 'lamp', id: lamp.id, working: lamp.working, 'marker-color': lamp.working ? '#ffc400' : '#212121', 'marker-size': 'small' },
      geometry: { type: 'Point', coordinates: lamp.coordinates },
    }))
    await expect(stringifyCollection([...streetFeatures, ...darkFeatures, ...lampFeatures])).toMatchFileSnapshot(
      '../../test/fixtures/dark-zones/out/mini-district.geojson',
    )

    const stats = {
      radiusTable: result.radiusTable,
      totals: { totalLengthM: round(result.totals.totalLengthM, 3), darkLengthM: round(result.totals.darkLengthM, 3), litShare: round(result.totals.litShare, 4) },
      zones: result.zones.map((z) => ({ ...z, lengthM: round(z.lengthM, 3), darkLengthM: round(z.darkLengthM, 3), litShare: round(z.litShare, 4) })),
      darkLineCount: result.darkLines.length,
    }
    await expect(`${JSON.stringify(stats, null, 2)}\n`).toMatchFileSnapshot('../../test/fixtures/dark-zones/out/mini-district.stats.json')
  })
})
