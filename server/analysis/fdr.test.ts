import { describe, expect, it } from 'vitest'
import { computeBhCutoffs } from './fdr.ts'

/** BH by its definition, via adjusted p-values (R's p.adjust(method = 'BH')): significant iff adjusted p ≤ α. */
function significantByAdjustedP(pValues: number[], alpha: number): boolean[] {
  const m = pValues.length
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0])
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    const [p, i] = order[rank - 1]!
    running = Math.min(running, (p * m) / rank)
    adjusted[i] = running
  }
  return adjusted.map((q) => q <= alpha)
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('computeBhCutoffs', () => {
  it('finds the largest p(k) ≤ kα/m (Benjamini & Hochberg 1995 worked example)', () => {
    // The 15 p-values of B&H's Table 1 example; at q = 0.05 the first four are rejected.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1]
    const [c05] = computeBhCutoffs(p, [0.05])
    expect(c05).toBe(0.0095)
    expect(p.filter((x) => x <= c05!)).toHaveLength(4)
  })

  it('agrees with adjusted-p BH on random p-values at every level', () => {
    const random = createRandom(7)
    for (let trial = 0; trial < 50; trial++) {
      const p = Array.from({ length: 1 + Math.floor(random() * 300) }, () => (random() < 0.2 ? random() * 0.01 : random()))
      const alphas = [0.1, 0.05, 0.01]
      const cutoffs = computeBhCutoffs(p, alphas)
      alphas.forEach((alpha, a) => {
        expect(p.map((x) => x <= cutoffs[a]!)).toEqual(significantByAdjustedP(p, alpha))
      })
      expect(cutoffs[0]).toBeGreaterThanOrEqual(cutoffs[1]!)
      expect(cutoffs[1]).toBeGreaterThanOrEqual(cutoffs[2]!)
    }
  })

  it('returns −1 where nothing is significant, and for empty input', () => {
    expect(computeBhCutoffs([0.5, 0.9, 0.2], [0.05])).toEqual([-1])
    expect(computeBhCutoffs([], [0.1, 0.05])).toEqual([-1, -1])
  })

  it('counts NaN p-values in m but never as significant', () => {
    expect(computeBhCutoffs([0.01, Number.NaN], [0.05])).toEqual([0.01]) // 0.01 ≤ 1·0.05/2
    expect(computeBhCutoffs([0.03, Number.NaN], [0.05])).toEqual([-1]) // 0.03 > 0.025
  })

  it('handles ties and duplicates', () => {
    expect(computeBhCutoffs([0.04, 0.04, 0.04, 0.04], [0.05])).toEqual([0.04])
  })

  it('does not mutate its input', () => {
    const p = Float64Array.of(0.3, 0.001, 0.2)
    computeBhCutoffs(p, [0.05])
    expect([...p]).toEqual([0.3, 0.001, 0.2])
  })

  it('rejects an alpha outside (0, 1)', () => {
    expect(() => computeBhCutoffs([0.1], [0])).toThrow(RangeError)
    expect(() => computeBhCutoffs([0.1], [1])).toThrow(RangeError)
  })
})
