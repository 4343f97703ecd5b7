import { describe, expect, test } from 'vitest'
import type { BBox } from '../kernel/geo.ts'
import { binIncidents } from './cells.ts'
import { estimateGiStarCost } from './hotspot-cost.ts'

const CHENGDU: BBox = [104.0421, 30.6528, 104.1296, 30.7279] // the demo district's bounds, ≈ 8.4 × 8.4 km

describe('estimateGiStarCost', () => {
  test('estimates the study cells within a few per cent of the binning', () => {
    for (const scheme of [{ kind: 'h3', resolution: 9 }, { kind: 'h3', resolution: 10 }, { kind: 'grid', sizeMeters: 250 }] as const) {
      const actual = binIncidents([], CHENGDU, scheme).ids.length
      expect(Math.abs(estimateGiStarCost(CHENGDU, scheme).cells - actual) / actual).toBeLessThan(0.1)
    }
  })

  test('counts the band disc in cells, at most every cell', () => {
    const { cells, neighbours, pairs } = estimateGiStarCost(CHENGDU, { kind: 'grid', sizeMeters: 100 }, 1000)
    expect(neighbours).toBe(314) // π · 1000² / 100²
    expect(pairs).toBe(cells * neighbours)
    expect(estimateGiStarCost(CHENGDU, { kind: 'grid', sizeMeters: 500 }, 5000).neighbours).toBe(estimateGiStarCost(CHENGDU, { kind: 'grid', sizeMeters: 500 }).cells)
  })

  test('takes the automatic band as K + 1 neighbours', () => {
    const { cells, neighbours } = estimateGiStarCost(CHENGDU, { kind: 'h3', resolution: 11 })
    expect(cells).toBeGreaterThan(30_000)
    expect(neighbours).toBe(31)
  })

  test('grows with the square of the band', () => {
    const small = estimateGiStarCost(CHENGDU, { kind: 'h3', resolution: 11 }, 500).pairs
    const large = estimateGiStarCost(CHENGDU, { kind: 'h3', resolution: 11 }, 1000).pairs
    expect(large / small).toBeCloseTo(4, 1)
  })

  test('gives zero for an empty bbox', () => {
    expect(estimateGiStarCost([104, 30, 104, 30], { kind: 'h3' }, 300)).toEqual({ cells: 0, neighbours: 0, pairs: 0 })
  })
})
