import type { LineString } from 'geojson'
import { describe, expect, test } from 'vitest'
import { mergeDarkZones } from './merge-dark-zones.ts'

const line = (id: string, coordinates: [number, number][]) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'LineString', coordinates } satisfies LineString,
  properties: { street_id: id.split(':')[0] ?? '', length_m: 10 },
})

const features = (...features: ReturnType<typeof line>[]) => features

describe('mergeDarkZones', () => {
  test('drops every stretch of a touched street the change no longer has (a repaired lamp lit it)', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]), line('a:1', [[104.002, 30.0], [104.003, 30.0]]), line('b:0', [[104.1, 30.1], [104.101, 30.1]]))
    const merged = mergeDarkZones(cached, { street_ids: ['a'], features: [] })
    expect(merged.map((f) => f.id)).toEqual(['b:0'])
  })

  test('replaces a touched street’s stretches with the ones it now has, renumbered by the server', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]), line('a:1', [[104.002, 30.0], [104.003, 30.0]]))
    const now = line('a:0', [[104.002, 30.0], [104.003, 30.0]])
    expect(mergeDarkZones(cached, { street_ids: ['a'], features: [now] })).toEqual([now])
  })

  test('adds the stretches a lamp reported broken darkens, on a street that was fully lit', () => {
    const cached = features(line('b:0', [[104.1, 30.1], [104.101, 30.1]]))
    const added = line('c:0', [[104.0, 30.0], [104.0005, 30.0]])
    expect(mergeDarkZones(cached, { street_ids: ['c'], features: [added] }).map((f) => f.id)).toEqual(['b:0', 'c:0'])
  })

  test('leaves streets the change did not touch alone, even when they lie right next to the lamp', () => {
    const cached = features(line('b:0', [[104.0, 30.0], [104.001, 30.0]]))
    expect(mergeDarkZones(cached, { street_ids: ['a'], features: [] })).toEqual(cached)
  })

  test('returns no stretches for an empty cache and an empty change', () => {
    expect(mergeDarkZones(features(), { street_ids: [], features: [] })).toEqual(features())
  })

  test('does not mutate its input', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]))
    const change = { street_ids: ['a'], features: [line('a:0', [[104.0, 30.0], [104.0002, 30.0]])] }
    const copies = structuredClone({ cached, change })
    mergeDarkZones(cached, change)
    expect({ cached, change }).toEqual(copies)
  })
})
