import { area, bboxPolygon, booleanPointInPolygon, polygon } from '@turf/turf'
import { describe, expect, test } from 'vitest'
import type { BBox } from '../../server/kernel/geo.ts'
import type { Street } from '../../server/kernel/records.ts'
import { createRandom } from './prng.ts'
import { assignStreetZones, findStreetMidpoint, formatChineseNumeral, generateUnitGrid, generateZones, locateZoneId } from './zones.ts'

/** The Chengdu extract's <bounds>. */
const CHENGDU_BOUNDS: BBox = [104.0421, 30.6528, 104.1296, 30.7279]

const createPlan = (bounds: BBox = CHENGDU_BOUNDS, seed = 20181107) => generateZones(bounds, createRandom(seed))

describe('generateZones', () => {
  test('draws ten zones numbered 001… with 9-digit codes and demo names', () => {
    const { zones } = createPlan()
    expect(zones.map((z) => z.id)).toEqual(['001', '002', '003', '004', '005', '006', '007', '008', '009', '010'])
    expect(zones.every((z) => z.code === `510104${z.id}`)).toBe(true)
    expect(zones[0]?.name).toBe('演示街道一')
    expect(zones[9]?.name).toBe('演示街道十')
    expect(zones[9]?.nameEn).toBe('Demo Sub-district 10')
  })

  test('covers the bounds: zone areas sum to the bbox area within 1 %', () => {
    const { zones } = createPlan()
    const total = zones.reduce((s, z) => s + area(polygon(z.coordinates)), 0)
    const bboxArea = area(bboxPolygon(CHENGDU_BOUNDS))
    expect(Math.abs(total - bboxArea) / bboxArea).toBeLessThan(0.01)
  })

  test('does not overlap: every sampled point lies in exactly one zone, the one locateZoneId names', () => {
    const plan = createPlan()
    const r = createRandom(1)
    const [west, south, east, north] = CHENGDU_BOUNDS
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [r.uniform(west, east), r.uniform(south, north)]
      const containing = plan.zones.filter((z) => booleanPointInPolygon(p, polygon(z.coordinates), { ignoreBoundary: true }))
      expect(containing.length).toBe(1)
      expect(locateZoneId(plan, p)).toBe(containing[0]?.id)
    }
  })

  test('draws rings counter-clockwise and closed', () => {
    for (const zone of createPlan().zones) {
      const ring = zone.coordinates[0] ?? []
      expect(ring[0]).toEqual(ring[ring.length - 1])
      let signed = 0
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1] ?? [0, 0]
        const [bx, by] = ring[i] ?? [0, 0]
        signed += ax * by - bx * ay
      }
      expect(signed).toBeGreaterThan(0)
    }
  })

  test('keeps zone sizes within a factor of 2.5 of each other', () => {
    const areas = createPlan().zones.map((z) => area(polygon(z.coordinates)))
    expect(Math.max(...areas) / Math.min(...areas)).toBeLessThan(2.5)
  })

  test('gives the same zones for the same seed and different ones for another seed', () => {
    expect(createPlan().zones).toEqual(createPlan().zones)
    expect(createPlan(CHENGDU_BOUNDS, 1).zones).not.toEqual(createPlan().zones)
  })

  test('returns one zone equal to the bounds when asked for one', () => {
    const { zones } = generateZones(CHENGDU_BOUNDS, createRandom(1), { zoneCount: 1 })
    expect(zones).toHaveLength(1)
    expect(area(polygon(zones[0]?.coordinates ?? []))).toBeCloseTo(area(bboxPolygon(CHENGDU_BOUNDS)), -3)
  })

  test('returns no zones for degenerate bounds or zoneCount 0', () => {
    expect(generateZones([0, 0, 0, 0], createRandom(1)).zones).toEqual([])
    expect(generateZones([104, 30, 104, 30.1], createRandom(1)).zones).toEqual([])
    expect(generateZones(CHENGDU_BOUNDS, createRandom(1), { zoneCount: 0 }).zones).toEqual([])
    expect(locateZoneId(generateZones([0, 0, 0, 0], createRandom(1)), [104, 30])).toBeNull()
  })

  test('rejects a county code that is not 6 digits', () => {
    expect(() => generateZones(CHENGDU_BOUNDS, createRandom(1), { countyCode: '5101' })).toThrow(/6 digits/)
  })
})

describe('generateUnitGrid', () => {
  test('tiles the Chengdu bounds with 84 × 84 cells of about 100 m', () => {
    const grid = generateUnitGrid(CHENGDU_BOUNDS, createPlan())
    expect(grid).toHaveLength(84 * 84)
    const total = grid.reduce((s, c) => s + area(polygon(c.coordinates)), 0)
    const bboxArea = area(bboxPolygon(CHENGDU_BOUNDS))
    expect(Math.abs(total - bboxArea) / bboxArea).toBeLessThan(0.001)
    expect(area(polygon(grid[0]?.coordinates ?? []))).toBeCloseTo(10_000, -2)
  })

  test('gives unique 14-digit codes built from county, zone, community and a sequence of at most 99', () => {
    const plan = createPlan()
    const grid = generateUnitGrid(CHENGDU_BOUNDS, plan)
    expect(new Set(grid.map((c) => c.code)).size).toBe(grid.length)
    const bad = grid.filter((cell) => {
      const sequence = Number(cell.code.slice(12))
      return !/^\d{14}$/.test(cell.code) || cell.code.slice(0, 12) !== `510104${cell.zoneId}${cell.community}` || sequence < 1 || sequence > 99
    })
    expect(bad).toEqual([])
  })

  test('puts each cell in the zone containing its centre', () => {
    const plan = createPlan()
    for (const cell of generateUnitGrid(CHENGDU_BOUNDS, plan).filter((_, i) => i % 37 === 0)) {
      const ring = cell.coordinates[0] ?? []
      const [sw, , ne] = ring
      const centre: [number, number] = [((sw?.[0] ?? 0) + (ne?.[0] ?? 0)) / 2, ((sw?.[1] ?? 0) + (ne?.[1] ?? 0)) / 2]
      expect(cell.zoneId).toBe(locateZoneId(plan, centre))
    }
  })

  test('numbers cells within a community west→east, then north→south', () => {
    const grid = generateUnitGrid(CHENGDU_BOUNDS, createPlan())
    const community = grid.filter((c) => c.code.startsWith(grid[0]?.code.slice(0, 12) ?? ''))
    const sorted = community.slice().sort((a, b) => a.code.localeCompare(b.code))
    for (let i = 1; i < sorted.length; i++) {
      const [prevSW] = sorted[i - 1]?.coordinates[0] ?? []
      const [sw] = sorted[i]?.coordinates[0] ?? []
      const sameRow = prevSW?.[1] === sw?.[1]
      if (sameRow) expect(sw?.[0] ?? 0).toBeGreaterThan(prevSW?.[0] ?? 0)
      else expect(sw?.[1] ?? 0).toBeLessThan(prevSW?.[1] ?? 0)
    }
  })

  test('returns no cells without zones and rejects blocks whose cells overflow two digits', () => {
    expect(generateUnitGrid([0, 0, 0, 0], generateZones([0, 0, 0, 0], createRandom(1)))).toEqual([])
    expect(() => generateUnitGrid(CHENGDU_BOUNDS, createPlan(), { communityBlockCells: 10 })).toThrow(/99/)
  })
})

describe('assignStreetZones', () => {
  const createStreet = (id: string, coordinates: [number, number][]): Street => ({
    id,
    osmId: 1,
    name: null,
    nameEn: null,
    highway: 'residential',
    lengthM: 0,
    coordinates,
    category: 'regulated',
    zoneId: null,
  })

  test('sets each street’s zone from its midpoint along the line and does not mutate the input', () => {
    const plan = createPlan()
    // an L-shaped street: most of its length runs east, so its midpoint is on the eastward leg
    const street = createStreet('w1', [[104.05, 30.66], [104.05, 30.661], [104.1, 30.661]])
    const before = structuredClone(street)
    const mid = findStreetMidpoint(street, plan.projection)
    // (111 m + 4,782 m) / 2 − 111 m = 2,335 m east of 104.05 at 95,630 m per degree ≈ 104.0744
    expect(mid?.[0]).toBeCloseTo(104.0744, 3)
    expect(mid?.[1]).toBeCloseTo(30.661, 6)
    const [out] = assignStreetZones([street], plan)
    expect(out?.zoneId).toBe(locateZoneId(plan, mid ?? [0, 0]))
    expect(street).toEqual(before)
  })

  test('leaves zoneId null without zones, and returns nothing for no streets', () => {
    const empty = generateZones([0, 0, 0, 0], createRandom(1))
    expect(assignStreetZones([createStreet('w1', [[104, 30], [104.1, 30]])], empty)[0]?.zoneId).toBeNull()
    expect(assignStreetZones([], createPlan())).toEqual([])
  })
})

describe('formatChineseNumeral', () => {
  test('writes 1…99 the way street offices are numbered', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(formatChineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九'])
  })
})
