import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { rankDarkStretches } from './dark-zone-priority.ts'

const at = (eastM: number, northM = 0): LngLat => [104 + eastM / 95_800, 30.66 + northM / 111_195]
const line = (fromM: number, toM: number) => ({ coordinates: [at(fromM), at(toM)], lengthM: toM - fromM })

describe('rankDarkStretches', () => {
  test('returns nothing for no stretches', () => {
    expect(rankDarkStretches([], [{ coordinates: at(0) }], [])).toEqual([])
  })

  test('with no incidents ranks by length', () => {
    const ranked = rankDarkStretches([line(0, 50), line(500, 700)], [], [])
    expect(ranked.map((r) => r.index)).toEqual([1, 0])
    expect(ranked[0]).toMatchObject({ nightIncidents: 0, outageReports: 0, score: 200 })
  })

  test('counts points within the radius of the line, not of its ends only', () => {
    const ranked = rankDarkStretches([line(0, 100)], [{ coordinates: at(50, 40) }, { coordinates: at(50, 60) }], [{ coordinates: at(99, -10) }])
    expect(ranked[0]).toMatchObject({ nightIncidents: 1, outageReports: 1, score: 300 })
  })

  test('a short stretch with many night incidents outranks a long quiet one', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ coordinates: at(1000 + i, 5) }))
    const ranked = rankDarkStretches([line(0, 300), line(1000, 1040)], many, [])
    expect(ranked[0]?.index).toBe(1)
    expect(ranked[0]?.score).toBeCloseTo(40 * 11, 6)
  })

  test('breaks ties by input order and does not mutate its input', () => {
    const lines = [line(0, 100), line(500, 600)]
    const copy = structuredClone(lines)
    expect(rankDarkStretches(lines, [], []).map((r) => r.index)).toEqual([0, 1])
    expect(lines).toEqual(copy)
  })
})
