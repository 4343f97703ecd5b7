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

// a box of about 200 m around (104.0, 30.0)
const box = [103.998, 29.998, 104.002, 30.002]

describe('mergeDarkZones', () => {
  test('drops cached zones inside the box that the change no longer has (a repaired lamp)', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]), line('b:0', [[104.1, 30.1], [104.101, 30.1]]))
    const merged = mergeDarkZones(cached, { bbox: box, features: [] })
    expect(merged.map((f) => f.id)).toEqual(['b:0'])
  })

  test('drops a long zone that crosses the box without a vertex in it', () => {
    const cached = features(line('long:0', [[103.99, 30.0], [104.01, 30.0]]))
    expect(mergeDarkZones(cached, { bbox: box, features: [] })).toEqual([])
  })

  test('adds the zones the change brings (a lamp marked broken) and replaces same-id ones', () => {
    const cached = features(line('a:0', [[104.1, 30.1], [104.101, 30.1]]))
    const changed = [line('a:0', [[104.1, 30.1], [104.102, 30.1]]), line('c:0', [[104.0, 30.0], [104.0005, 30.0]])]
    const merged = mergeDarkZones(cached, { bbox: box, features: changed })
    expect(merged).toEqual(changed)
  })

  test('replaces only same-id zones when the change has no box', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]), line('b:0', [[104.0, 30.0], [104.001, 30.0]]))
    const merged = mergeDarkZones(cached, { features: [line('a:0', [[104.0, 30.0], [104.0002, 30.0]])] })
    expect(merged.map((f) => f.id)).toEqual(['b:0', 'a:0'])
  })

  test('returns no zones for an empty cache and an empty change', () => {
    expect(mergeDarkZones(features(), { bbox: box, features: [] })).toEqual(features())
  })

  test('does not mutate its input', () => {
    const cached = features(line('a:0', [[104.0, 30.0], [104.001, 30.0]]))
    const copy = structuredClone(cached)
    mergeDarkZones(cached, { bbox: box, features: [] })
    expect(cached).toEqual(copy)
  })
})
