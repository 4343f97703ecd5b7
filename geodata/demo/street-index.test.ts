import { describe, expect, test } from 'vitest'
import type { XY } from './local-projection.ts'
import { distanceToSegment, locateAlong, measureCumulativeLengths } from './planar.ts'
import { createRandom } from './prng.ts'
import { createStreetIndex } from './street-index.ts'

describe('createStreetIndex', () => {
  test('finds the same nearest line as a brute-force scan', () => {
    const r = createRandom(4)
    const lines: XY[][] = Array.from({ length: 300 }, () => {
      const start: XY = [r.uniform(0, 5000), r.uniform(0, 5000)]
      return [start, [start[0] + r.normal(0, 200), start[1] + r.normal(0, 200)], [start[0] + r.normal(0, 300), start[1] + r.normal(0, 300)]]
    })
    const index = createStreetIndex(lines)
    for (let k = 0; k < 300; k++) {
      const p: XY = [r.uniform(-500, 5500), r.uniform(-500, 5500)]
      let best = Infinity
      for (const line of lines) for (let i = 1; i < line.length; i++) best = Math.min(best, distanceToSegment(p, line[i - 1] as XY, line[i] as XY))
      expect(index.findNearest(p)?.distanceM).toBeCloseTo(best, 9)
    }
  })

  test('returns undefined with no lines, and beyond maxDistanceM', () => {
    expect(createStreetIndex([]).findNearest([0, 0])).toBeUndefined()
    expect(createStreetIndex([[[0, 0]]]).findNearest([0, 0])).toBeUndefined()
    const index = createStreetIndex([[[0, 0], [10, 0]]])
    expect(index.findNearest([5, 100], 50)).toBeUndefined()
    expect(index.findNearest([5, 100])).toEqual({ lineIndex: 0, distanceM: 100 })
  })
})

describe('locateAlong', () => {
  test('walks along a polyline and clamps to its ends', () => {
    const line: XY[] = [[0, 0], [10, 0], [10, 10]]
    const cumulative = measureCumulativeLengths(line)
    expect(cumulative).toEqual([0, 10, 20])
    expect(locateAlong(line, cumulative, 15)).toEqual({ point: [10, 5], direction: [0, 1] })
    expect(locateAlong(line, cumulative, -3).point).toEqual([0, 0])
    expect(locateAlong(line, cumulative, 99).point).toEqual([10, 10])
    expect(() => locateAlong([], [], 0)).toThrow(/at least one vertex/)
  })
})
