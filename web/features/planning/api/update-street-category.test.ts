import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import type { Street, StreetCategory } from './get-street.ts'
import { applyStreetChanges, writeStreetChangeToCache } from './update-street-category.ts'

const street = (id: string, category: StreetCategory, name: string | null = '人民中路'): Street => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates: [[104.04, 30.66], [104.05, 30.66]] },
  properties: { name, name_en: null, highway: 'primary', category, length_m: 960, zone_id: '001', osm_id: 1 },
})

const collection = (...features: Street[]) => ({ type: 'FeatureCollection' as const, features })

function createLoadedCache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
  queryClient.setQueryData(['streets', {}], collection(street('w1', 'demonstration'), street('w2', 'commercial', '春熙路'), street('w4', 'demonstration')))
  queryClient.setQueryData(['streets', { category: 'demonstration' }], collection(street('w1', 'demonstration'), street('w4', 'demonstration')))
  queryClient.setQueryData(['street', { id: 'w1' }], street('w1', 'demonstration'))
  queryClient.setQueryData(['guidance-points', { include_retired: 'true' }], collection())
  return queryClient
}

const categories = (queryClient: QueryClient, key: unknown[]) =>
  queryClient.getQueryData<ReturnType<typeof collection>>(key)?.features.map((f) => `${f.id}:${f.properties.category}`)

describe('applyStreetChanges', () => {
  test('puts each changed way in place of its old self', () => {
    const changed = applyStreetChanges(collection(street('w1', 'demonstration'), street('w2', 'commercial')), [street('w1', 'regulated')], undefined)
    expect(changed.features.map((f) => f.properties.category)).toEqual(['regulated', 'commercial'])
  })

  test('drops ways that no longer match a category filter', () => {
    const changed = applyStreetChanges(collection(street('w1', 'demonstration'), street('w4', 'demonstration')), [street('w1', 'regulated')], ['demonstration'])
    expect(changed.features.map((f) => f.id)).toEqual(['w4'])
  })

  test('returns the collection unchanged for no changes, and an empty one for an empty one', () => {
    const streets = collection(street('w1', 'demonstration'))
    expect(applyStreetChanges(streets, [], undefined)).toEqual(streets)
    expect(applyStreetChanges(collection(), [street('w1', 'regulated')], undefined).features).toEqual([])
  })

  test('does not mutate its input', () => {
    const streets = collection(street('w1', 'demonstration'))
    const copy = structuredClone(streets)
    applyStreetChanges(streets, [street('w1', 'regulated')], ['demonstration'])
    expect(streets).toEqual(copy)
  })
})

describe('writeStreetChangeToCache', () => {
  test('restyles every cached collection and the street itself at once', () => {
    const queryClient = createLoadedCache()
    writeStreetChangeToCache(queryClient, collection(street('w1', 'regulated'), street('w4', 'regulated')))
    expect(categories(queryClient, ['streets', {}])).toEqual(['w1:regulated', 'w2:commercial', 'w4:regulated'])
    expect(categories(queryClient, ['streets', { category: 'demonstration' }])).toEqual([])
    expect(queryClient.getQueryData<Street>(['street', { id: 'w1' }])?.properties.category).toBe('regulated')
  })

  test('marks the streets and the guidance points, whose rules follow the categories, for refetch', () => {
    const queryClient = createLoadedCache()
    writeStreetChangeToCache(queryClient, collection(street('w1', 'regulated')))
    expect(queryClient.getQueryState(['streets', {}])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['guidance-points', { include_retired: 'true' }])?.isInvalidated).toBe(true)
  })
})
