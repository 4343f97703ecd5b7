import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { computeVisitOrder } from './visit-order.ts'

const east = (m: number): LngLat => [104 + m / 95_800, 30.66] // ≈ metres east along 30.66° N

describe('computeVisitOrder', () => {
  test('returns an empty order for no stops', () => {
    expect(computeVisitOrder([])).toEqual({ order: [], legsM: [], totalM: 0 })
  })

  test('visits points on a line in order from the west, whatever the input order', () => {
    const stops = [east(300), east(0), east(200), east(100)]
    const { order, legsM, totalM } = computeVisitOrder(stops)
    expect(order).toEqual([1, 3, 2, 0])
    expect(legsM[0]).toBe(0)
    expect(totalM).toBeCloseTo(300, -1)
  })

  test('2-opt removes a crossing that nearest neighbour leaves', () => {
    // A zig-zag where greedy choices cross; the optimum open path is a simple sweep.
    const stops: LngLat[] = [east(0), east(100), [104 + 50 / 95_800, 30.6609], east(200), [104 + 150 / 95_800, 30.6609]]
    const { totalM } = computeVisitOrder(stops)
    const { totalM: greedyOnly } = computeVisitOrder(stops, { maxTwoOptRounds: 0 })
    expect(totalM).toBeLessThanOrEqual(greedyOnly)
  })

  test('is a permutation of the input and leaves it untouched', () => {
    const stops: LngLat[] = Array.from({ length: 40 }, (_, i) => [104 + ((i * 37) % 17) / 1000, 30.66 + ((i * 11) % 13) / 1000])
    const copy = structuredClone(stops)
    const { order, legsM, totalM } = computeVisitOrder(stops)
    expect([...order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i))
    expect(legsM.reduce((a, b) => a + b, 0)).toBeCloseTo(totalM, 6)
    expect(stops).toEqual(copy)
  })

  test('handles duplicate points with zero-length legs', () => {
    const { order, legsM } = computeVisitOrder([east(0), east(0), east(50)])
    expect(order).toHaveLength(3)
    expect(legsM.filter((l) => l === 0).length).toBeGreaterThanOrEqual(2)
  })
})
