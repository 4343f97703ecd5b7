import { destination, distance } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { at, createLamp, createStraightStreet, createStreet } from '../../test/fixtures/dark-zones/tiny-streets.ts'
import { generateSyntheticCity } from '../../test/fixtures/dark-zones/synthetic-city.ts'
import { resolveCoverageRadiusTable } from './coverage-radius.ts'
import { createDarkZoneEngine } from './dark-zone-engine.ts'
import type { LngLat } from '../kernel/geo.ts'
import { computeDarkZones, type DarkLine, type DarkZoneResult } from './dark-zones.ts'
import { METERS_PER_DEGREE, computeMetersPerDegreeLng } from './local-metric.ts'

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
})

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}
