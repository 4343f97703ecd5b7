import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { MAX_POLYGON_POSITIONS, polygonRingProblems } from './polygon-validity.ts'

const square: LngLat[] = [[104, 30], [104.001, 30], [104.001, 30.001], [104, 30.001], [104, 30]]

describe('polygonRingProblems', () => {
  test('a closed simple square is valid', () => {
    expect(polygonRingProblems(square)).toEqual([])
  })

  test('a bow-tie crosses itself', () => {
    const bowTie: LngLat[] = [[104, 30], [104.001, 30.001], [104.001, 30], [104, 30.001], [104, 30]]
    expect(polygonRingProblems(bowTie)).toContain('the polygon crosses itself')
  })

  test('an open ring, too few and too many positions are named', () => {
    expect(polygonRingProblems(square.slice(0, 4))[0]).toMatch(/closed/)
    expect(polygonRingProblems(square.slice(0, 3))[0]).toMatch(/at least 4/)
    const many: LngLat[] = Array.from({ length: MAX_POLYGON_POSITIONS }, (_, i) => {
      const a = (2 * Math.PI * i) / MAX_POLYGON_POSITIONS
      return [104 + 0.001 * Math.cos(a), 30 + 0.001 * Math.sin(a)]
    })
    expect(polygonRingProblems([...many, many[0]!])[0]).toMatch(/at most 200/)
    expect(polygonRingProblems([...many.slice(0, -1), many[0]!])).toEqual([])
  })

  test('a degenerate ring (all on one line) encloses no ground', () => {
    const flat: LngLat[] = [[104, 30], [104.001, 30], [104.002, 30], [104, 30]]
    expect(polygonRingProblems(flat).join()).toMatch(/no ground|crosses/)
  })
})
