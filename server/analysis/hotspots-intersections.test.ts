import { describe, expect, it } from 'vitest'
import type { PointItem } from './cells.ts'
import type { IntersectionInput } from './hotspots-intersections.ts'
import { rankIntersectionHotspots } from './hotspots-intersections.ts'

const LAT = 30.69
const M_PER_DEG_LAT = 111_195.08 // 6371008.8 m · π/180
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((LAT * Math.PI) / 180)

/** A point `east` and `north` metres from (104.08, 30.69). */
const at = (east: number, north: number): [number, number] => [104.08 + east / M_PER_DEG_LNG, LAT + north / M_PER_DEG_LAT]
const incidentsAt = (...points: [number, number][]): PointItem[] => points.map(([e, n]) => ({ coordinates: at(e, n) }))

function createIntersections(): IntersectionInput[] {
  return [
    { id: 'n3', coordinates: at(0, 0), names: ['人民中路', '蜀都大道'] },
    { id: 'n1', coordinates: at(400, 0), names: ['顺城大街', '蜀都大道', '顺城大街'] },
    { id: 'n2', coordinates: at(0, 400), names: [] },
    { id: 'n4', coordinates: at(800, 800), names: ['红星路'] },
  ]
}

describe('rankIntersectionHotspots', () => {
  it('ranks intersections by incidents within 50 m, names joined A × B, ties broken by id; unnamed ones only when asked', () => {
    const incidents = incidentsAt([10, 0], [0, -30], [35, 35], [0, 49], [400, 20], [420, 0], [390, -40], [0, 410], [0, 420], [0, 395], [0, 380], [800, 860])
    expect(rankIntersectionHotspots(createIntersections(), incidents)).toEqual([
      { id: 'n3', name: '人民中路 × 蜀都大道', coordinates: at(0, 0), count: 4 },
      { id: 'n1', name: '顺城大街 × 蜀都大道', coordinates: at(400, 0), count: 3 },
    ])
    expect(rankIntersectionHotspots(createIntersections(), incidents, { includeUnnamed: true }).map((x) => x.id)).toEqual(['n2', 'n3', 'n1'])
  })

  it('names each place once: the best-ranked node of a junction stands for the others sharing its name', () => {
    const intersections: IntersectionInput[] = [
      { id: 'a', coordinates: at(0, 0), names: ['成都市动物园'] },
      { id: 'b', coordinates: at(40, 0), names: ['成都市动物园'] },
      { id: 'c', coordinates: at(500, 0), names: ['甲路', '乙路'] },
    ]
    const ranked = rankIntersectionHotspots(intersections, incidentsAt([10, 0], [20, 0], [30, 0], [45, 0], [500, 5]))
    expect(ranked.map((r) => [r.id, r.count])).toEqual([
      ['a', 4], // a tie with b, broken by id
      ['c', 1],
    ])
  })

  it('counts by straight-line distance in metres: 49 m in, 51 m out, and the radius is configurable', () => {
    const incidents = incidentsAt([0, 49], [49 / Math.SQRT2, -49 / Math.SQRT2], [0, 51], [-51, 0])
    expect(rankIntersectionHotspots(createIntersections(), incidents)[0]).toMatchObject({ id: 'n3', count: 2 })
    expect(rankIntersectionHotspots(createIntersections(), incidents, { radiusMeters: 52 })[0]).toMatchObject({ id: 'n3', count: 4 })
    expect(rankIntersectionHotspots(createIntersections(), incidents, { radiusMeters: 20 })).toEqual([])
  })

  it('counts an incident near two intersections for both, and duplicates each time', () => {
    const intersections: IntersectionInput[] = [
      { id: 'a', coordinates: at(0, 0), names: ['甲路', '乙路'] },
      { id: 'b', coordinates: at(60, 0), names: ['甲路', '丙路'] },
    ]
    expect(rankIntersectionHotspots(intersections, incidentsAt([30, 0], [30, 0])).map((r) => [r.id, r.count])).toEqual([
      ['a', 2],
      ['b', 2],
    ])
  })

  it('keeps the first `limit` entries', () => {
    const incidents = incidentsAt([0, 0], [0, 400], [0, 401], [400, 0])
    expect(rankIntersectionHotspots(createIntersections(), incidents, { limit: 2, includeUnnamed: true }).map((r) => r.id)).toEqual(['n2', 'n1'])
    expect(rankIntersectionHotspots(createIntersections(), incidents, { limit: 2 }).map((r) => r.id)).toEqual(['n1', 'n3'])
    expect(rankIntersectionHotspots(createIntersections(), incidents, { limit: 0 })).toEqual([])
  })

  it('returns [] for no intersections or no incidents, and skips non-finite positions', () => {
    expect(rankIntersectionHotspots([], incidentsAt([0, 0]))).toEqual([])
    expect(rankIntersectionHotspots(createIntersections(), [])).toEqual([])
    expect(rankIntersectionHotspots(createIntersections(), [{ coordinates: [Number.NaN, LAT] }])).toEqual([])
  })

  it('does not mutate its input', () => {
    const intersections = createIntersections()
    const incidents = incidentsAt([0, 0], [0, 400])
    const snapshot = JSON.stringify([intersections, incidents])
    rankIntersectionHotspots(intersections, incidents)
    expect(JSON.stringify([intersections, incidents])).toBe(snapshot)
  })

  it('rejects a non-positive radius or a negative limit', () => {
    expect(() => rankIntersectionHotspots(createIntersections(), incidentsAt([0, 0]), { radiusMeters: 0 })).toThrow(RangeError)
    expect(() => rankIntersectionHotspots(createIntersections(), incidentsAt([0, 0]), { limit: -1 })).toThrow(RangeError)
  })
})
