import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { createNearestStreetIndex } from './nearest-street.ts'

const at = (eastM: number, northM = 0): LngLat => [104 + eastM / 95_800, 30.66 + northM / 111_195]

describe('createNearestStreetIndex', () => {
  const streets = [
    { id: 'w1', name: '春熙路', coordinates: [at(0), at(100)] },
    { id: 'w2', name: '红星路', coordinates: [at(0, 50), at(100, 50)] },
    { id: 'w3', name: null, coordinates: [at(0, 10), at(100, 10)] },
  ]

  test('finds the nearest named street and its distance in metres', () => {
    const index = createNearestStreetIndex(streets)
    expect(index.nearest(at(50, 20))).toMatchObject({ id: 'w1', name: '春熙路' })
    expect(index.nearest(at(50, 20))?.distanceM).toBeCloseTo(20, 0)
    expect(index.nearest(at(50, 40))?.name).toBe('红星路')
  })

  test('skips unnamed streets and respects the maximum distance', () => {
    const index = createNearestStreetIndex(streets)
    expect(index.nearest(at(50, 11))?.id).toBe('w1')
    expect(index.nearest(at(50, 500), 100)).toBeUndefined()
  })

  test('finds nothing in an empty index', () => {
    expect(createNearestStreetIndex([]).nearest(at(0))).toBeUndefined()
  })
})
