import { distance, point } from '@turf/turf'
import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { proposeRetrofitLamps } from './retrofit-plan.ts'

const at = (eastM: number, northM = 0): LngLat => [104 + eastM / 95_800, 30.66 + northM / 111_195]
const stretch = (coordinates: LngLat[], lengthM: number, highway = 'residential') => ({ streetId: 'w1', name: '小通巷', highway, coordinates, lengthM })
const radius = (h: string) => (h === 'residential' ? 15 : 10)

describe('proposeRetrofitLamps', () => {
  test('proposes nothing for no stretches', () => {
    expect(proposeRetrofitLamps([], radius)).toEqual([])
  })

  test('puts ⌈L / 2r⌉ lamps evenly along a stretch', () => {
    const lamps = proposeRetrofitLamps([stretch([at(0), at(100)], 100)], radius)
    expect(lamps).toHaveLength(4) // ⌈100 / 30⌉
    expect(lamps[0]?.spacingM).toBeCloseTo(25, 0)
  })

  test('leaves every point of the stretch within r of a proposed lamp, around corners too', () => {
    const coords = [at(0), at(80), at(80, 70), at(20, 70)]
    const lamps = proposeRetrofitLamps([stretch(coords, 210)], radius)
    for (let k = 1; k < coords.length; k++) {
      for (let t = 0; t <= 1; t += 0.02) {
        const a = coords[k - 1]!
        const b = coords[k]!
        const p = point([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])
        const nearest = Math.min(...lamps.map((l) => distance(p, point(l.coordinates), { units: 'meters' })))
        expect(nearest).toBeLessThanOrEqual(15.05)
      }
    }
  })

  test('a stretch shorter than the spacing gets one lamp in its middle', () => {
    const lamps = proposeRetrofitLamps([stretch([at(0), at(8)], 8, 'footway')], radius)
    expect(lamps).toHaveLength(1)
    expect(distance(point(lamps[0]!.coordinates), point(at(4)), { units: 'meters' })).toBeLessThan(0.01)
  })

  test('skips stretches below minLengthM and does not mutate its input', () => {
    const input = [stretch([at(0), at(3)], 3)]
    const copy = structuredClone(input)
    expect(proposeRetrofitLamps(input, radius, { minLengthM: 5 })).toEqual([])
    expect(input).toEqual(copy)
  })
})
