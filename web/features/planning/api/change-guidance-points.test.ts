import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { upsertGuidancePoint, writeGuidancePointToCache } from './change-guidance-points.ts'
import type { GuidancePoint, GuidancePoints, GuidanceStatus } from './get-guidance-points.ts'

const point = (id: string, status: GuidanceStatus, version = 1): GuidancePoint => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [104.05, 30.663] },
  properties: {
    name: `点 ${id}`,
    capacity: 10,
    opening_hours: '18:00-22:00',
    allowed_goods: '水果',
    unit: '一中队',
    off_street: false,
    status,
    created_at: '2026-11-26T00:00:00Z',
    created_by: 'planner',
    updated_at: '2026-11-26T00:00:00Z',
    version,
    violations: [],
  },
})

const collection = (...features: GuidancePoint[]): GuidancePoints => ({ type: 'FeatureCollection', features })

function createLoadedCache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
  queryClient.setQueryData(['guidance-points', { include_retired: 'true' }], collection(point('G1', 'proposed'), point('G2', 'active')))
  queryClient.setQueryData(['guidance-points', {}], collection(point('G1', 'proposed'), point('G2', 'active')))
  queryClient.setQueryData(['guidance-point-suggestions', { walk_radius_m: '200' }], { features: [] })
  return queryClient
}

const ids = (queryClient: QueryClient, key: unknown[]) =>
  queryClient.getQueryData<GuidancePoints>(key)?.features.map((f) => `${f.id}:${f.properties.status}:${f.properties.version}`)

describe('upsertGuidancePoint', () => {
  test('replaces a point in place and appends a new one', () => {
    const features = [point('G1', 'proposed'), point('G2', 'active')]
    expect(upsertGuidancePoint(features, point('G1', 'approved', 2), true).map((f) => f.properties.status)).toEqual(['approved', 'active'])
    expect(upsertGuidancePoint(features, point('G3', 'proposed'), true).map((f) => f.id)).toEqual(['G1', 'G2', 'G3'])
  })

  test('drops a retired point from a list without retired points, and never adds one', () => {
    const features = [point('G1', 'proposed')]
    expect(upsertGuidancePoint(features, point('G1', 'retired', 2), false)).toEqual([])
    expect(upsertGuidancePoint(features, point('G9', 'retired'), false).map((f) => f.id)).toEqual(['G1'])
  })

  test('returns an empty list for an empty list and a retired point it must not keep', () => {
    expect(upsertGuidancePoint([], point('G1', 'retired'), false)).toEqual([])
  })

  test('does not mutate its input', () => {
    const features = [point('G1', 'proposed')]
    const copy = structuredClone(features)
    upsertGuidancePoint(features, point('G1', 'approved', 2), true)
    expect(features).toEqual(copy)
  })
})

describe('writeGuidancePointToCache', () => {
  test('writes the changed point into every cached list at once', () => {
    const queryClient = createLoadedCache()
    writeGuidancePointToCache(queryClient, point('G1', 'retired', 2))
    expect(ids(queryClient, ['guidance-points', { include_retired: 'true' }])).toEqual(['G1:retired:2', 'G2:active:1'])
    expect(ids(queryClient, ['guidance-points', {}])).toEqual(['G2:active:1'])
  })

  test('marks the lists and the suggestions for refetch', () => {
    const queryClient = createLoadedCache()
    writeGuidancePointToCache(queryClient, point('G3', 'proposed'))
    expect(queryClient.getQueryState(['guidance-points', {}])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['guidance-point-suggestions', { walk_radius_m: '200' }])?.isInvalidated).toBe(true)
  })
})
