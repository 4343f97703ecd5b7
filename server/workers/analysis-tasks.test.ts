import { describe, expect, test } from 'vitest'
import { compareHotspotPeriods, findHotspots, type PointItem } from '../analysis/hotspots.ts'
import { computeVisitOrder } from '../analysis/visit-order.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { compareHotspotLayers, computeHotspotLayer, orderVisits, type HotspotFeature, type TrendFeature } from './analysis-tasks.ts'
import { packPositions } from './packing.ts'

const BBOX: BBox = [104.074, 30.6846, 104.0865, 30.6954] // ≈ 1.2 × 1.2 km in Chengdu

function createIncidents(seed: number, centre: LngLat, clustered: number): PointItem[] {
  let state = seed
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const [w, s, e, n] = BBOX
  const items: PointItem[] = []
  for (let i = 0; i < 300; i++) items.push({ coordinates: [w + random() * (e - w), s + random() * (n - s)] })
  for (let i = 0; i < clustered; i++) items.push({ coordinates: [centre[0] + (random() - 0.5) * 0.001, centre[1] + (random() - 0.5) * 0.001] })
  return items
}

const decode = <T>(bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as T

describe('computeHotspotLayer', () => {
  test('gives the same cells and statistic as findHotspots', () => {
    const items = createIncidents(7, [104.0775, 30.6925], 200)
    const direct = findHotspots(items, { bbox: BBOX, cellScheme: { kind: 'h3', resolution: 10 } })
    const out = computeHotspotLayer({ positions: packPositions(items), bbox: BBOX, scheme: { kind: 'h3', resolution: 10 } })
    if ('refusal' in out) throw new Error(out.refusal.message)
    expect(out.statistic).toMatchObject({ bandMeters: direct.bandMeters, bandSource: 'kth-neighbour', k: direct.k, n: direct.n, mean: direct.mean, dropped: direct.dropped })
    expect(out.autoBandMeters).toBe(direct.bandMeters)
    const features = decode<HotspotFeature[]>(out.features)
    expect(features.map((f) => [f.id, f.properties.bin])).toEqual(direct.cells.map((c) => [c.id, c.bin]))
    // printed to four decimals (z) and four significant digits (p); the rings to six decimals of a degree
    features.forEach((f, i) => {
      const cell = direct.cells[i]!
      expect(Math.abs(f.properties.z - cell.z)).toBeLessThanOrEqual(0.5e-4 + 1e-12)
      expect(Math.abs(f.properties.p - cell.p)).toBeLessThanOrEqual(cell.p * 1e-3)
      f.geometry.coordinates[0]!.forEach((point, v) => {
        expect(Math.abs(point[0] - cell.ring[v]![0])).toBeLessThanOrEqual(0.5e-6 + 1e-12)
        expect(Math.abs(point[1] - cell.ring[v]![1])).toBeLessThanOrEqual(0.5e-6 + 1e-12)
      })
    })
    // the top ten: hot cells holding incidents, most incidents first
    const hotWithIncidents = direct.cells.filter((c) => c.bin > 0 && c.count > 0).sort((a, b) => b.count - a.count || b.bin - a.bin || b.z - a.z)
    expect(out.top.map((x) => x.id)).toEqual(hotWithIncidents.slice(0, 10).map((c) => c.id))
    expect(out.statistic.inference).toBe(direct.inference)
  })

  test('writes each feature as JSON.stringify would, the second time from the cells kept for the study area', () => {
    const scheme = { kind: 'grid', sizeMeters: 100 } as const
    for (const seed of [3, 4]) {
      // the second round: a different period over the same study area (the kept cells, other figures)
      const items = createIncidents(seed, [104.08, 30.69], 150 * seed)
      const direct = findHotspots(items, { bbox: BBOX, cellScheme: scheme })
      const out = computeHotspotLayer({ positions: packPositions(items), bbox: BBOX, scheme })
      if ('refusal' in out) throw new Error(out.refusal.message)
      const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d
      const expected = direct.cells.map((x) => ({
        type: 'Feature',
        id: x.id,
        geometry: { type: 'Polygon', coordinates: [x.ring.map(([lng, lat]) => [r(lng, 6), r(lat, 6)])] },
        properties: { count: x.count, z: r(x.z, 4), p: Number(x.p.toPrecision(4)), bin: x.bin, neighbors: x.neighbors },
      }))
      expect(new TextDecoder().decode(out.features), `seed ${seed}`).toBe(JSON.stringify(expected))
    }
  })

  test('with a known automatic band, still says the band came from the K-th neighbour', () => {
    const items = createIncidents(7, [104.0775, 30.6925], 200)
    const first = computeHotspotLayer({ positions: packPositions(items), bbox: BBOX, scheme: { kind: 'grid', sizeMeters: 100 } })
    const again = computeHotspotLayer({ positions: packPositions(items), bbox: BBOX, scheme: { kind: 'grid', sizeMeters: 100 }, autoBandMeters: 'refusal' in first ? 0 : first.autoBandMeters })
    if ('refusal' in first || 'refusal' in again) throw new Error('refused')
    expect(again.statistic).toEqual(first.statistic)
  })

  test('reports a refusal instead of throwing when nothing is counted', () => {
    expect(computeHotspotLayer({ positions: packPositions([]), bbox: BBOX, scheme: { kind: 'h3', resolution: 10 } })).toMatchObject({ refusal: { code: 'zero-variance' } })
  })
})

describe('compareHotspotLayers', () => {
  test('classifies as compareHotspotPeriods does, over the later period’s band', () => {
    const before = createIncidents(1, [104.0835, 30.6875], 200)
    const after = createIncidents(2, [104.0775, 30.6925], 200)
    const out = compareHotspotLayers({ before: packPositions(before), after: packPositions(after), bbox: BBOX, scheme: { kind: 'h3', resolution: 10 } })
    if ('refusal' in out) throw new Error(out.refusal.message)
    const a = findHotspots(after, { bbox: BBOX })
    const trends = compareHotspotPeriods(findHotspots(before, { bbox: BBOX, bandMeters: a.bandMeters }), a).filter((t) => t.trend !== 'none')
    expect(decode<TrendFeature[]>(out.features).map((f) => [f.id, f.properties.trend])).toEqual(trends.map((t) => [t.id, t.trend]))
    expect(out.summary.new).toBeGreaterThan(0)
  })
})

describe('orderVisits', () => {
  test('orders nothing in empty input', () => {
    expect(orderVisits({ stops: packPositions([]) })).toEqual({ order: [], legsM: [], totalM: 0 })
  })

  test('orders visits as computeVisitOrder does', () => {
    const stops: LngLat[] = [[104.05, 30.66], [104.07, 30.67], [104.06, 30.665], [104.04, 30.66]]
    expect(orderVisits({ stops: packPositions(stops.map((coordinates) => ({ coordinates }))) })).toEqual(computeVisitOrder(stops))
  })
})
