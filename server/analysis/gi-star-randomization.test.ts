import { describe, expect, test } from 'vitest'
import type { BBox } from '../kernel/geo.ts'
import { binIncidents } from './cells.ts'
import { computeGiStar, computeGiStarStatistics } from './gi-star.ts'
import { conditionalPValues } from './gi-star-randomization.ts'

/** Every way to draw `m` of `pool` (by index), for the brute-force reference. */
function* subsets(size: number, m: number, from = 0): Generator<number[]> {
  if (m === 0) return yield []
  for (let i = from; i <= size - m; i++) for (const rest of subsets(size, m - 1, i + 1)) yield [i, ...rest]
}

/** Two-sided p by enumerating every draw of the other cells: what the exact method must equal. */
function bruteForceP(counts: number[], lag: number[], neighbors: number[], i: number): number {
  const others = counts.filter((_, j) => j !== i)
  let ge = 0
  let le = 0
  let total = 0
  for (const pick of subsets(others.length, neighbors[i]! - 1)) {
    const sum = counts[i]! + pick.reduce((a, j) => a + others[j]!, 0)
    total++
    if (sum >= lag[i]!) ge++
    if (sum <= lag[i]!) le++
  }
  return Math.min(1, (2 * Math.min(ge, le)) / total)
}

let seed = 3
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)

describe('Gi* p-values by conditional randomization', () => {
  const counts = [0, 3, 0, 1, 0, 0, 2, 0, 5, 1]
  const neighbors = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3]
  const lag = [3, 9, 1, 4, 0, 2, 7, 5, 8, 6]

  test('the exact distribution equals enumerating every draw of the other cells', () => {
    const exact = conditionalPValues(counts, lag, neighbors)!
    expect(exact.method).toBe('exact')
    counts.forEach((_, i) => expect(exact.p[i], `cell ${i}`).toBeCloseTo(bruteForceP(counts, lag, neighbors, i), 12))
  })

  test('sampled shuffles agree with the exact distribution within their noise, and the same seed repeats them', () => {
    const exact = conditionalPValues(counts, lag, neighbors)!
    const sampled = conditionalPValues(counts, lag, neighbors, { exactBudget: 0, permutations: 20_000, seed: 7 })!
    expect([sampled.method, sampled.permutations]).toEqual(['permutations', 20_000])
    counts.forEach((_, i) => expect(Math.abs(sampled.p[i]! - exact.p[i]!), `cell ${i}`).toBeLessThan(0.03))
    expect(conditionalPValues(counts, lag, neighbors, { exactBudget: 0, permutations: 999, seed: 7 })!.p).toEqual(conditionalPValues(counts, lag, neighbors, { exactBudget: 0, permutations: 999, seed: 7 })!.p)
  })

  test('options given as undefined take their defaults (sampled p-values are never NaN)', () => {
    const sampled = conditionalPValues(counts, lag, neighbors, { exactBudget: 0, permutations: undefined, seed: undefined })!
    expect(sampled.permutations).toBe(9_999)
    expect(Array.from(sampled.p).every((p) => p > 0 && p <= 1)).toBe(true)
  })

  test('counts that are not whole numbers are left to the normal approximation', () => {
    expect(conditionalPValues([0.5, 1, 2], [1, 2, 3], [2, 2, 2])).toBeUndefined()
  })

  test('random points with no structure are rarely called hot spots (the normal approximation calls them often)', () => {
    // A 6 × 6 km study area at 100 m (3,600 cells) and 45–60 uniformly random incidents, 40 times over, with FDR.
    const bbox: BBox = [104.04, 30.64, 104.1026, 30.694]
    let randomized = 0
    let normal = 0
    for (let run = 0; run < 40; run++) {
      const n = 45 + Math.floor(rand() * 16)
      const items = Array.from({ length: n }, () => ({ coordinates: [bbox[0] + rand() * (bbox[2] - bbox[0]), bbox[1] + rand() * (bbox[3] - bbox[1])] as [number, number] }))
      const cells = binIncidents(items, bbox, { kind: 'grid', sizeMeters: 100 })
      const withRandomization = computeGiStar(cells)
      expect(withRandomization.inference).toBe('exact-randomization')
      if (withRandomization.cells.some((c) => c.bin !== 0)) randomized++
      if (computeGiStar(cells, { inference: 'normal' }).cells.some((c) => c.bin !== 0)) normal++
    }
    // nominal at α = 0.10 with FDR: at most about 4 of 40
    console.log(`random points called hot spots: ${randomized} of 40 data sets by randomization, ${normal} of 40 by the normal approximation`)
    expect(randomized).toBeLessThanOrEqual(6)
    expect(normal).toBeGreaterThan(randomized)
  })

  test('a real cluster is still found, and dense even counts keep the normal approximation', () => {
    const bbox: BBox = [104.04, 30.64, 104.1026, 30.694]
    const items = Array.from({ length: 60 }, () => ({ coordinates: [bbox[0] + rand() * (bbox[2] - bbox[0]), bbox[1] + rand() * (bbox[3] - bbox[1])] as [number, number] }))
    for (let k = 0; k < 40; k++) items.push({ coordinates: [104.07 + rand() * 0.002, 30.67 + rand() * 0.002] })
    const result = computeGiStar(binIncidents(items, bbox, { kind: 'grid', sizeMeters: 100 }))
    expect(result.inference).toBe('exact-randomization')
    const hot = result.cells.filter((c) => c.bin > 0)
    expect(hot.length).toBeGreaterThan(0)
    expect(hot.every((c) => c.ring[0]![0] > 104.065 && c.ring[0]![0] < 104.077)).toBe(true)

    const dense = computeGiStarStatistics({ counts: Array.from({ length: 400 }, () => 50 + Math.floor(rand() * 20)), x: Array.from({ length: 400 }, (_, i) => (i % 20) * 100), y: Array.from({ length: 400 }, (_, i) => Math.floor(i / 20) * 100) })
    expect(dense.inference).toBe('normal')
  })
})
