import { describe, expect, test } from 'vitest'
import { INCIDENT_CATEGORY_CODES } from '../../server/kernel/categories.ts'
import { INCIDENT_STATUSES, isOpenStatus } from '../../server/kernel/statuses.ts'
import type { BBox } from '../../server/kernel/geo.ts'
import type { DemoDistrict, Incident, Street } from '../../server/kernel/records.ts'
import { generateDemoDistrictWithStats, readChengduOsm, type DemoStats } from './generate-demo.ts'
import { INCIDENT_RECIPES, type IncidentRecipe } from './incident-recipes.ts'
import { findBusyIntersections, generateIncidents } from './incidents.ts'
import { classifyLampClass } from './lamps.ts'
import { createBoundsProjection, isInBounds, type XY } from './local-projection.ts'
import { createRandom } from './prng.ts'
import { createStreetIndex } from './street-index.ts'

const REFERENCE = '2026-10-31T23:59:59+08:00'
const WINDOW_START = '2025-10-31T23:59:59+08:00'
const VENDING = new Set(['0501', '0504', '0510'])
const SANITATION = new Set(['0102', '0103', '0104'])

// Generating the district takes ~2 s; done once per file, and the tests only read it.
let chengdu: { district: DemoDistrict; stats: DemoStats } | undefined
function getChengdu(): { district: DemoDistrict; stats: DemoStats } {
  chengdu ??= generateDemoDistrictWithStats(readChengduOsm())
  return chengdu
}

const isOpen = (i: Incident): boolean => isOpenStatus(i.status)

describe('generateIncidents on the Chengdu extract', () => {
  test('makes at least 10,000 incidents with unique ids in order of reportedAt', () => {
    const { incidents } = getChengdu().district
    expect(incidents.length).toBeGreaterThanOrEqual(10_000)
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length)
    const bad = incidents.filter((inc, k) => !/^I\d{7}$/.test(inc.id) || (k > 0 && inc.reportedAt < (incidents[k - 1]?.reportedAt ?? '')))
    expect(bad).toEqual([])
  })

  test('keeps every incident inside the bounds, in a zone, near a street, with a known category', () => {
    const { district } = getChengdu()
    const bad = district.incidents.filter(
      (i) => !isInBounds(i.coordinates, district.bounds) || !INCIDENT_CATEGORY_CODES.includes(i.category) || i.zoneId === null || i.streetId === null,
    )
    expect(bad).toEqual([])
    expect(new Set(district.incidents.map((i) => i.category))).toEqual(new Set(INCIDENT_CATEGORY_CODES))
  })

  test('reports everything within the 12 months before the reference date, with consistent timestamps', () => {
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/
    const bad = getChengdu().district.incidents.filter(
      (i) =>
        !iso.test(i.reportedAt) ||
        !iso.test(i.updatedAt) ||
        i.reportedAt <= WINDOW_START ||
        i.reportedAt > REFERENCE ||
        i.updatedAt < i.reportedAt ||
        i.updatedAt > REFERENCE ||
        !INCIDENT_STATUSES.includes(i.status) ||
        (i.status === 'closed') !== (i.closedAt !== null) ||
        (i.closedAt !== null && i.closedAt !== i.updatedAt),
    )
    expect(bad).toEqual([])
  })

  test('closes most old cases and spreads recent ones over the open stages, with a few rejected', () => {
    const { incidents } = getChengdu().district
    const old = incidents.filter((i) => i.reportedAt < '2026-10-01')
    expect(old.filter((i) => i.status === 'closed' || i.status === 'rejected').length / old.length).toBeGreaterThan(0.9)
    const lastDays = incidents.filter((i) => i.reportedAt >= '2026-10-29')
    expect(new Set(lastDays.filter(isOpen).map((i) => i.status)).size).toBeGreaterThanOrEqual(4)
    const rejected = incidents.filter((i) => i.status === 'rejected').length / incidents.length
    expect(rejected).toBeGreaterThan(0.01)
    expect(rejected).toBeLessThan(0.1)
  })

  test('puts vending closer to commercial streets and busy junctions than a uniform sample', () => {
    const { district, stats } = getChengdu()
    const projection = createBoundsProjection(district.bounds)
    const commercial = district.streets.filter((s) => s.category === 'commercial')
    const index = createStreetIndex(commercial.map((s) => s.coordinates.map((c) => projection.toXY(c))))
    const busy = district.intersections.filter((i) => stats.busyIntersectionIds.includes(i.id)).map((i) => projection.toXY(i.coordinates))
    const distanceTo = (p: XY): number =>
      Math.min(index.findNearest(p)?.distanceM ?? Infinity, ...busy.map((b) => Math.hypot(b[0] - p[0], b[1] - p[1])))
    const vending = district.incidents.filter((i) => VENDING.has(i.category)).map((i) => distanceTo(projection.toXY(i.coordinates)))
    const r = createRandom(99)
    const [west, south, east, north] = district.bounds
    const uniform = Array.from({ length: 2000 }, () => distanceTo(projection.toXY([r.uniform(west, east), r.uniform(south, north)])))
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
    expect(mean(vending)).toBeLessThan(0.5 * mean(uniform))
  })

  test('concentrates sanitation on alleys and small streets beyond their share of street length', () => {
    const { district } = getChengdu()
    const small = new Set(district.streets.filter((s) => ['alley', 'branch'].includes(classifyLampClass(s).id)).map((s) => s.id))
    const lengthShare =
      district.streets.filter((s) => small.has(s.id)).reduce((t, s) => t + s.lengthM, 0) / district.streets.reduce((t, s) => t + s.lengthM, 0)
    const sanitation = district.incidents.filter((i) => SANITATION.has(i.category))
    const incidentShare = sanitation.filter((i) => i.streetId !== null && small.has(i.streetId)).length / sanitation.length
    expect(incidentShare).toBeGreaterThan(lengthShare + 0.1)
  })

  test('has more open-air barbecue in summer than in winter', () => {
    const months = getChengdu().district.incidents.filter((i) => i.category === '0510').map((i) => i.reportedAt.slice(5, 7))
    const summer = months.filter((m) => ['06', '07', '08'].includes(m)).length
    const winter = months.filter((m) => ['12', '01', '02'].includes(m)).length
    expect(summer).toBeGreaterThan(2 * winter)
  })

  test('files lamp outages at lamps: open cases only on broken lamps, and every reported broken lamp has one', () => {
    const { district } = getChengdu()
    const lamps = new Map(district.lamps.map((l) => [l.id, l]))
    const outages = district.incidents.filter((i) => i.category === '0118')
    expect(district.incidents.filter((i) => (i.category === '0118') !== (i.lampId !== null))).toEqual([])
    expect(outages.filter((i) => lamps.get(i.lampId ?? '')?.coordinates.join() !== i.coordinates.join())).toEqual([])
    expect(outages.filter((i) => isOpen(i) && lamps.get(i.lampId ?? '')?.status === 'ok')).toEqual([])
    const reportedBroken = new Set(outages.map((i) => i.lampId).filter((id) => lamps.get(id ?? '')?.status !== 'ok'))
    const withOpenCase = new Set(outages.filter(isOpen).map((i) => i.lampId))
    expect([...reportedBroken].filter((id) => !withOpenCase.has(id))).toEqual([])
  })

  test('calls about broken lamps in dark alleys again and again', () => {
    const { district, stats } = getChengdu()
    const darkLamps = new Set(district.lamps.filter((l) => stats.darkAlleyStreetIds.includes(l.streetId) && l.status !== 'ok').map((l) => l.id))
    const otherBroken = new Set(district.lamps.filter((l) => !darkLamps.has(l.id) && l.status !== 'ok').map((l) => l.id))
    const outages = district.incidents.filter((i) => i.category === '0118')
    const perLamp = (ids: Set<string>): number => outages.filter((i) => ids.has(i.lampId ?? '')).length / ids.size
    expect(perLamp(darkLamps)).toBeGreaterThan(4)
    expect(perLamp(darkLamps)).toBeGreaterThan(3 * perLamp(otherBroken))
  })
})

describe('generateIncidents on inline data', () => {
  const BOUNDS: BBox = [103.99, 29.99, 104.02, 30.01]
  const createStreet = (id: string, highway: string, coordinates: [number, number][], category: Street['category'] = 'regulated'): Street => ({
    id,
    osmId: Number(id.slice(1)),
    name: `${id}街`,
    nameEn: null,
    highway,
    lengthM: 0,
    coordinates,
    category,
    zoneId: '001',
  })
  const createInput = (streets: Street[]) => ({
    bounds: BOUNDS,
    streets,
    intersections: [],
    lampPlan: { lamps: [], unlitStreetIds: [], missingStretches: [], darkAlleyStreetIds: [] },
    locateZoneId: () => '001',
  })
  const recipes: IncidentRecipe[] = INCIDENT_RECIPES.map((r) => ({ ...r, count: 20 }))

  test('makes the asked-for count per category, on the streets, named after them', () => {
    const streets = [createStreet('w1', 'residential', [[104, 30], [104.01, 30]]), createStreet('w2', 'pedestrian', [[104, 30.005], [104.01, 30.005]], 'commercial')]
    const incidents = generateIncidents(createInput(streets), createRandom(1), { recipes })
    expect(incidents).toHaveLength(20 * recipes.length)
    expect(incidents.every((i) => isInBounds(i.coordinates, BOUNDS) && (i.streetId === 'w1' || i.streetId === 'w2'))).toBe(true)
    expect(incidents.every((i) => i.description.startsWith(i.streetId === 'w1' ? 'w1街' : 'w2街'))).toBe(true)
  })

  test('returns no incidents for no streets', () => {
    expect(generateIncidents(createInput([]), createRandom(1), { recipes })).toEqual([])
  })

  test('does not mutate its input and repeats itself for the same seed', () => {
    const input = createInput([createStreet('w1', 'residential', [[104, 30], [104.01, 30]])])
    const before = structuredClone({ ...input, locateZoneId: undefined })
    const a = generateIncidents(input, createRandom(2), { recipes })
    expect({ ...input, locateZoneId: undefined }).toEqual(before)
    expect(generateIncidents(input, createRandom(2), { recipes })).toEqual(a)
  })
})

describe('findBusyIntersections', () => {
  test('ranks junctions of arterials by degree and ignores those of small streets or outside the bounds', () => {
    const createStreet = (id: string, category: Street['category'], highway: string): Street => ({
      id,
      osmId: 1,
      name: null,
      nameEn: null,
      highway,
      lengthM: 1,
      coordinates: [],
      category,
      zoneId: null,
    })
    const streets = [createStreet('w1', 'demonstration', 'primary'), createStreet('w2', 'regulated', 'residential'), createStreet('w3', 'regulated', 'secondary')]
    const at = (id: string, streetIds: string[], degree: number, lng = 104): DemoDistrict['intersections'][number] => ({
      id,
      osmId: 1,
      coordinates: [lng, 30],
      streetIds,
      names: [],
      degree,
    })
    const busy = findBusyIntersections(
      [at('n1', ['w2', 'w2'], 6), at('n2', ['w1', 'w2'], 3), at('n3', ['w1', 'w3'], 4), at('n4', ['w1', 'w3'], 8, 105)],
      streets,
      [103.9, 29.9, 104.1, 30.1],
      10,
    )
    expect(busy.map((i) => i.id)).toEqual(['n3', 'n2'])
    expect(findBusyIntersections([], streets, [103.9, 29.9, 104.1, 30.1], 10)).toEqual([])
  })
})
