import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import type { LampStatusChange } from './update-lamp-status.ts'
import { writeLampChangeToCache } from './update-lamp-status.ts'

const lamp = (id: string, status: 'ok' | 'defective_lamp', working: boolean) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [104.0, 30.0] as [number, number] },
  properties: {
    status,
    working,
    zone_id: '001' as string | null,
    street_id: 'w1',
    height_m: 10,
    maintainer: 'm',
    installed_at: '2022-01-01',
    status_changed_at: '2026-11-26T00:00:00Z',
    version: 2,
  },
})

const darkLine = (id: string, coordinates: [number, number][]) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'LineString' as const, coordinates },
  properties: { street_id: id.split(':')[0] ?? '', name: null, highway: 'residential', zone_id: '001', length_m: 20 },
})

const stop = (lampId: string) => ({
  lamp_id: lampId,
  coordinates: [104.0, 30.0] as [number, number],
  status: 'defective_lamp' as const,
  street_id: 'w1',
  street_name: null,
  zone_id: '001',
  leg_m: 10,
})

/** A fresh cache holding what the crew view had loaded before the repair. */
function createLoadedCache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
  // the lamps open in popups, and when the lamp tiles were last declared current
  queryClient.setQueryData(['lamps', 'detail', 'L1'], lamp('L1', 'defective_lamp', false))
  queryClient.setQueryData(['lamps', 'detail', 'L2'], lamp('L2', 'ok', true))
  queryClient.setQueryData(['lamps', 'tiles'], 1)
  queryClient.setQueryData(['coverage'], { total_length_m: 1000, dark_length_m: 200, lit_share: 0.8, by_zone: [], working_lamps: 1, lamps: 2 })
  queryClient.setQueryData(['dark-zones', {}], {
    type: 'FeatureCollection',
    features: [darkLine('w1:0', [[104.0, 30.0], [104.0002, 30.0]]), darkLine('w9:0', [[104.1, 30.1], [104.1002, 30.1]])],
  })
  queryClient.setQueryData(['work-list', { zone: '001' }], { stops: [stop('L1'), stop('L3')], total_m: 20 })
  return queryClient
}

const repairOfL1 = {
  ...lamp('L1', 'ok', true),
  closed_incident_ids: ['I9'],
  coverage: { total_length_m: 1000, dark_length_m: 180, lit_share: 0.82 },
  // w1 is the street the repair touched; it is fully lit now, so no stretch comes back for it
  dark_zones: { type: 'FeatureCollection', street_ids: ['w1'], features: [] },
} as const satisfies LampStatusChange

describe('writeLampChangeToCache', () => {
  test('shows a repaired lamp as lit, the new totals, its dark stretch gone and its stop off the work list', () => {
    const queryClient = createLoadedCache()
    writeLampChangeToCache(queryClient, repairOfL1)
    expect(queryClient.getQueryData(['lamps', 'detail', 'L1'])).toMatchObject({ id: 'L1', properties: { status: 'ok', working: true } })
    expect(queryClient.getQueryData(['lamps', 'detail', 'L2'])).toEqual(lamp('L2', 'ok', true))
    expect(queryClient.getQueryData(['coverage'])).toMatchObject({ dark_length_m: 180, lit_share: 0.82, working_lamps: 1 })
    expect(queryClient.getQueryData<{ features: { id: string }[] }>(['dark-zones', {}])?.features.map((f) => f.id)).toEqual(['w9:0'])
    expect(queryClient.getQueryData<{ stops: { lamp_id: string }[] }>(['work-list', { zone: '001' }])?.stops.map((s) => s.lamp_id)).toEqual(['L3'])
  })

  test('marks the derived queries and both tile layers for refetch but never the district’s dark zones', () => {
    const queryClient = createLoadedCache()
    queryClient.setQueryData(['incidents', 'tiles'], 1)
    queryClient.setQueryData(['dark-zone-ranking', { limit: '20' }], [])
    writeLampChangeToCache(queryClient, repairOfL1)
    for (const key of [['coverage'], ['work-list', { zone: '001' }], ['dark-zone-ranking', { limit: '20' }], ['lamps', 'tiles'], ['incidents', 'tiles']]) {
      expect(queryClient.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true)
    }
    expect(queryClient.getQueryState(['dark-zones', {}])?.isInvalidated).toBe(false)
  })

  test('asks for the lamp tiles again but leaves the lamps in popups as the answer wrote them when no report closed', () => {
    const queryClient = createLoadedCache()
    writeLampChangeToCache(queryClient, { ...repairOfL1, closed_incident_ids: [] })
    expect(queryClient.getQueryState(['lamps', 'tiles'])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['lamps', 'detail', 'L1'])?.isInvalidated).toBe(false)
  })

  test('replaces the stretches of a touched street with those the answer brings', () => {
    const queryClient = createLoadedCache()
    const broken = {
      ...repairOfL1,
      ...lamp('L1', 'defective_lamp', false),
      closed_incident_ids: [],
      dark_zones: { type: 'FeatureCollection' as const, street_ids: ['w1'], features: [darkLine('w1:0', [[104.0, 30.0], [104.0009, 30.0]])] },
    }
    writeLampChangeToCache(queryClient, broken)
    const cached = queryClient.getQueryData<{ features: { id: string; geometry: { coordinates: number[][] } }[] }>(['dark-zones', {}])?.features
    expect(cached?.map((f) => f.id)).toEqual(['w9:0', 'w1:0'])
    expect(cached?.[1]?.geometry.coordinates).toEqual([[104.0, 30.0], [104.0009, 30.0]])
  })

  test('leaves the incident tiles alone when the change closed no outage report', () => {
    const queryClient = createLoadedCache()
    queryClient.setQueryData(['incidents', 'tiles'], 1)
    writeLampChangeToCache(queryClient, { ...repairOfL1, closed_incident_ids: [] })
    expect(queryClient.getQueryState(['incidents', 'tiles'])?.isInvalidated).toBe(false)
  })

  test('keeps a lamp reported broken on the work list until the refetch places it', () => {
    const queryClient = createLoadedCache()
    const broken = { ...repairOfL1, ...lamp('L3', 'defective_lamp', false), closed_incident_ids: [] }
    writeLampChangeToCache(queryClient, broken)
    expect(queryClient.getQueryData<{ stops: unknown[] }>(['work-list', { zone: '001' }])?.stops).toHaveLength(2)
  })

  test('leaves queries that were never loaded empty', () => {
    const queryClient = new QueryClient()
    writeLampChangeToCache(queryClient, repairOfL1)
    expect(queryClient.getQueryData(['coverage'])).toBeUndefined()
    expect(queryClient.getQueryData(['lamps', 'detail', 'L1'])).toBeUndefined()
  })
})
