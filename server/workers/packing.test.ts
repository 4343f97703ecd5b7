import { describe, expect, test } from 'vitest'
import type { GuidanceContext } from '../analysis/guidance-check.ts'
import type { LngLat } from '../kernel/geo.ts'
import { packGuidanceContext, packLines, packPositions, unpackGuidanceContext, unpackLines, unpackPointItems, unpackPositions } from './packing.ts'

describe('packing', () => {
  test('round-trips positions exactly', () => {
    const items = [{ coordinates: [104.0503, 30.6603] as LngLat }, { coordinates: [-0.1, 51.5] as LngLat }, { coordinates: [104.0503, 30.6603] as LngLat }]
    const packed = packPositions(items)
    expect(packed).toBeInstanceOf(Float64Array)
    expect(unpackPositions(packed)).toEqual(items.map((x) => x.coordinates))
    expect(unpackPointItems(packed)).toEqual(items)
  })

  test('packs nothing into empty arrays', () => {
    expect(unpackPositions(packPositions([]))).toEqual([])
    expect(unpackLines(packLines([]))).toEqual([])
  })

  test('round-trips lines, empty ones included', () => {
    const lines: LngLat[][] = [[[1, 2], [3, 4]], [], [[5, 6]]]
    const packed = packLines(lines)
    expect([...packed.starts]).toEqual([0, 2, 2, 3])
    expect(unpackLines(packed)).toEqual(lines)
  })

  test('round-trips a guidance context and leaves it unchanged', () => {
    const context: GuidanceContext = {
      streets: [{ id: 'w1', name: '春熙路', highway: 'tertiary', category: 'commercial', coordinates: [[104.05, 30.66], [104.06, 30.66]] }, { id: 'w2', name: null, highway: 'service', category: 'commercial', coordinates: [[104.0, 30.6], [104.1, 30.7]] }],
      intersections: [{ id: 'n1', coordinates: [104.05, 30.66], streetIds: ['w1', 'w2'], names: ['春熙路'] }],
      points: [{ id: 'G1', geometry: { type: 'Point', coordinates: [104.055, 30.661] } }],
    }
    const copy = structuredClone(context)
    expect(unpackGuidanceContext(packGuidanceContext(context))).toEqual(context)
    expect(context).toEqual(copy)
  })
})
