import { describe, expect, test } from 'vitest'
import type { BBox } from '../kernel/geo.ts'
import { insideDistrict } from './district-bounds.ts'

// The tiny test district's box; at 30.66° N a degree of latitude is ≈ 111 km and one of longitude ≈ 95.6 km.
const BOUNDS: BBox = [104.04, 30.65, 104.06, 30.67]
const LAT_DEG_PER_M = 1 / 111_195
const LNG_DEG_PER_M = 1 / (111_195 * Math.cos((30.66 * Math.PI) / 180))

describe('insideDistrict', () => {
  test('takes a point inside the box and one on its edge', () => {
    expect(insideDistrict(BOUNDS, [104.05, 30.66])).toBe(true)
    expect(insideDistrict(BOUNDS, [104.06, 30.67], 0)).toBe(true)
  })

  test('takes points within the 1 km default margin on every side and refuses them at 1.5 km', () => {
    for (const [dLng, dLat] of [[0, 1], [0, -1], [1, 0], [-1, 0]] as const) {
      const at = (m: number): [number, number] => [104.05 + dLng * (0.01 + m * LNG_DEG_PER_M), 30.66 + dLat * (0.01 + m * LAT_DEG_PER_M)]
      expect(insideDistrict(BOUNDS, at(500))).toBe(true)
      expect(insideDistrict(BOUNDS, at(1500))).toBe(false)
    }
  })

  test('refuses a point just outside when the margin is 0', () => {
    expect(insideDistrict(BOUNDS, [104.05, 30.67 + 10 * LAT_DEG_PER_M], 0)).toBe(false)
  })

  test('refuses 0,0-style and swapped coordinates, and NaN', () => {
    expect(insideDistrict(BOUNDS, [0, 30.69])).toBe(false)
    expect(insideDistrict(BOUNDS, [30.66, 104.05])).toBe(false)
    expect(insideDistrict(BOUNDS, [Number.NaN, 30.66])).toBe(false)
  })

  test('does not mutate its input', () => {
    const bounds: BBox = [...BOUNDS]
    const p: [number, number] = [104.05, 30.66]
    insideDistrict(bounds, p)
    expect(bounds).toEqual(BOUNDS)
    expect(p).toEqual([104.05, 30.66])
  })
})
