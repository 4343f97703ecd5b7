import { describe, expect, test } from 'vitest'
import type { BBox } from '../../server/kernel/geo.ts'
import type { Lamp, Street } from '../../server/kernel/records.ts'
import { parseOsm } from '../osm/parse-osm.ts'
import { categorizeStreets } from './categorize-streets.ts'
import { readChengduOsm } from './generate-demo.ts'
import { classifyLampClass, generateLamps, type LampPlan } from './lamps.ts'
import { createBoundsProjection, isInBounds, type XY } from './local-projection.ts'
import { distanceToSegment, locateAlong, measureCumulativeLengths } from './planar.ts'
import { createRandom } from './prng.ts'
import { assignStreetZones, generateZones } from './zones.ts'

const QUIET = { unlitAlleyCount: 0, darkAlleyCount: 0, missingStretchCount: 0, notWorkingFraction: 0 }
const SMALL_BOUNDS: BBox = [103.99, 29.99, 104.02, 30.01]

// The Chengdu pipeline up to lamps is ~1 s; computed once per file and only read by the tests.
let chengdu: { streets: Street[]; bounds: BBox; plan: LampPlan } | undefined
function getChengdu(): { streets: Street[]; bounds: BBox; plan: LampPlan } {
  if (chengdu === undefined) {
    const parsed = parseOsm(readChengduOsm())
    const random = createRandom(20181107)
    const zones = generateZones(parsed.bounds, random.fork('zones'))
    const streets = assignStreetZones(categorizeStreets(parsed.streets), zones)
    chengdu = { streets, bounds: parsed.bounds, plan: generateLamps(streets, parsed.bounds, random.fork('lamps')) }
  }
  return chengdu
}

const createStreet = (id: string, highway: string, coordinates: [number, number][], name: string | null = null): Street => ({
  id,
  osmId: Number(id.slice(1)),
  name,
  nameEn: null,
  highway,
  lengthM: 0,
  coordinates,
  category: 'regulated',
  zoneId: '001',
})

/** Distance along the street (metres) of the centreline point nearest to p. */
function measureAlong(line: readonly XY[], p: XY): number {
  const cumulative = measureCumulativeLengths(line)
  let best = { d: Infinity, along: 0 }
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as XY
    const b = line[i] as XY
    const d = distanceToSegment(p, a, b)
    if (d < best.d) best = { d, along: (cumulative[i - 1] ?? 0) + Math.hypot(p[0] - a[0], p[1] - a[1]) }
  }
  return best.along
}

describe('generateLamps on the Chengdu extract', () => {
  test('places at least 5,000 lamps, all inside the bounds, with unique pole numbers', () => {
    const { plan, bounds } = getChengdu()
    expect(plan.lamps.length).toBeGreaterThanOrEqual(5000)
    expect(plan.lamps.every((l) => isInBounds(l.coordinates, bounds))).toBe(true)
    expect(plan.lamps.every((l) => /^L\d{6}$/.test(l.id))).toBe(true)
    expect(new Set(plan.lamps.map((l) => l.id)).size).toBe(plan.lamps.length)
  })

  test('has 5–10 % of lamps not working', () => {
    const { lamps } = getChengdu().plan
    const share = lamps.filter((l) => l.status !== 'ok').length / lamps.length
    expect(share).toBeGreaterThanOrEqual(0.05)
    expect(share).toBeLessThanOrEqual(0.1)
  })

  test('leaves at least one whole alley inside the district with no lamp at all', () => {
    const { streets, bounds, plan } = getChengdu()
    const lit = new Set(plan.lamps.map((l) => l.streetId))
    const unlitAlleys = streets.filter(
      (s) => classifyLampClass(s).id === 'alley' && s.coordinates.every((c) => isInBounds(c, bounds)) && !lit.has(s.id),
    )
    expect(unlitAlleys.length).toBeGreaterThanOrEqual(1)
    expect(plan.unlitStreetIds.length).toBeGreaterThanOrEqual(1)
    for (const id of plan.unlitStreetIds) expect(lit.has(id)).toBe(false)
  })

  test('leaves no lamp inside a missing stretch of a few hundred metres', () => {
    const { streets, bounds, plan } = getChengdu()
    const projection = createBoundsProjection(bounds)
    expect(plan.missingStretches.length).toBeGreaterThan(0)
    for (const stretch of plan.missingStretches) {
      expect(stretch.toM - stretch.fromM).toBeGreaterThanOrEqual(190)
      const street = streets.find((s) => s.id === stretch.streetId)
      const line = (street?.coordinates ?? []).map((c) => projection.toXY(c))
      const lamps = plan.lamps.filter((l) => l.streetId === stretch.streetId)
      expect(lamps.length).toBeGreaterThan(0)
      for (const lamp of lamps) {
        const along = measureAlong(line, projection.toXY(lamp.coordinates))
        expect(along < stretch.fromM + 0.5 || along > stretch.toM - 0.5).toBe(true)
      }
    }
  })

  test('breaks most lamps of each dark alley', () => {
    const { plan } = getChengdu()
    expect(plan.darkAlleyStreetIds.length).toBeGreaterThan(0)
    const onDark = plan.lamps.filter((l) => plan.darkAlleyStreetIds.includes(l.streetId))
    expect(onDark.filter((l) => l.status !== 'ok').length / onDark.length).toBeGreaterThan(0.5)
  })

  test('lights every centreline point of a fully working street within its coverage radius', () => {
    const { streets, bounds, plan } = getChengdu()
    const projection = createBoundsProjection(bounds)
    const byStreet = new Map<string, Lamp[]>()
    for (const l of plan.lamps) byStreet.set(l.streetId, [...(byStreet.get(l.streetId) ?? []), l])
    const stretchIds = new Set(plan.missingStretches.map((s) => s.streetId))
    const checked = streets
      .filter((s) => s.coordinates.every((c) => isInBounds(c, bounds)) && !stretchIds.has(s.id))
      .filter((s) => (byStreet.get(s.id) ?? []).every((l) => l.status === 'ok') && byStreet.has(s.id))
      .filter((_, i) => i % 25 === 0)
    expect(checked.length).toBeGreaterThan(20)
    for (const street of checked) {
      const radius = classifyLampClass(street).coverageRadiusM
      const line = street.coordinates.map((c) => projection.toXY(c))
      const cumulative = measureCumulativeLengths(line)
      const lamps = (byStreet.get(street.id) ?? []).map((l) => projection.toXY(l.coordinates))
      for (let s = 0; s <= (cumulative[cumulative.length - 1] ?? 0); s += 2) {
        const { point } = locateAlong(line, cumulative, s)
        const nearest = Math.min(...lamps.map((l) => Math.hypot(l[0] - point[0], l[1] - point[1])))
        expect(nearest).toBeLessThanOrEqual(radius + 0.1)
      }
    }
  })

  test('dates failures inside the window and never before installation', () => {
    const bad = getChengdu().plan.lamps.filter(
      (lamp) =>
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(lamp.statusChangedAt) ||
        lamp.statusChangedAt.slice(0, 10) < lamp.installedAt ||
        (lamp.status !== 'ok' && lamp.statusChangedAt < '2025-10-31T23:59:59+08:00'),
    )
    expect(bad).toEqual([])
  })
})

describe('generateLamps on inline streets', () => {
  test('spaces lamps evenly by class: a 100 m alley gets 6 lamps 6 m high, a 1 km secondary 30 at 10 m', () => {
    // 0.001° of latitude ≈ 111.2 m; 0.009° ≈ 1,000.8 m
    const alley = createStreet('w1', 'footway', [[104, 30], [104, 30.0009]])
    const secondary = createStreet('w2', 'secondary', [[104.01, 30], [104.01, 30.009]])
    const { lamps } = generateLamps([alley, secondary], SMALL_BOUNDS, createRandom(1), QUIET)
    const onAlley = lamps.filter((l) => l.streetId === 'w1')
    expect(onAlley).toHaveLength(Math.ceil(100.08 / 19))
    expect(onAlley.every((l) => l.heightM === 6 && l.status === 'ok')).toBe(true)
    expect(lamps.filter((l) => l.streetId === 'w2')).toHaveLength(Math.ceil(1000.75 / 34))
    expect(lamps.filter((l) => l.streetId === 'w2').every((l) => l.heightM === 10)).toBe(true)
  })

  test('treats a street named …巷 as an alley whatever its highway tag', () => {
    expect(classifyLampClass({ highway: 'tertiary', name: '烟袋巷' }).id).toBe('alley')
    expect(classifyLampClass({ highway: 'tertiary', name: '宽巷子' }).id).toBe('alley')
    expect(classifyLampClass({ highway: 'tertiary', name: '巷口路' }).id).toBe('branch')
    expect(classifyLampClass({ highway: 'no_such_value', name: null }).id).toBe('branch')
  })

  test('puts no lamp outside the bounds', () => {
    const street = createStreet('w1', 'residential', [[103.98, 30], [104.0, 30]])
    const { lamps } = generateLamps([street], SMALL_BOUNDS, createRandom(1), QUIET)
    expect(lamps.length).toBeGreaterThan(0)
    expect(lamps.every((l) => l.coordinates[0] >= 103.99)).toBe(true)
  })

  test('returns no lamps for no streets, degenerate streets or degenerate bounds', () => {
    expect(generateLamps([], SMALL_BOUNDS, createRandom(1))).toEqual({ lamps: [], unlitStreetIds: [], missingStretches: [], darkAlleyStreetIds: [] })
    expect(generateLamps([createStreet('w1', 'footway', [[104, 30], [104, 30]])], SMALL_BOUNDS, createRandom(1)).lamps).toEqual([])
    expect(generateLamps([createStreet('w1', 'footway', [[104, 30], [104, 30.001]])], [0, 0, 0, 0], createRandom(1)).lamps).toEqual([])
  })

  test('does not mutate its input and repeats itself for the same seed', () => {
    const streets = [createStreet('w1', 'footway', [[104, 30], [104, 30.002]]), createStreet('w2', 'primary', [[104.01, 30], [104.01, 30.005]])]
    const before = structuredClone(streets)
    const a = generateLamps(streets, SMALL_BOUNDS, createRandom(3), { notWorkingFraction: 0.5 })
    expect(streets).toEqual(before)
    expect(generateLamps(streets, SMALL_BOUNDS, createRandom(3), { notWorkingFraction: 0.5 })).toEqual(a)
  })
})
