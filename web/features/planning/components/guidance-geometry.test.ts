import { describe, expect, test } from 'vitest'
import type { GuidancePoint, GuidanceStatus } from '../api/get-guidance-points.ts'
import { MAX_RING_POSITIONS, findGeometryCenter, readDrawnGeometry, toGuidanceMapFeatures } from './guidance-geometry.ts'

const square: [number, number][] = [
  [104.05, 30.66],
  [104.0502, 30.66],
  [104.0502, 30.6602],
  [104.05, 30.6602],
  [104.05, 30.66],
]

const point = (id: string, status: GuidanceStatus, violations: unknown[] = []): GuidancePoint => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [104.05, 30.663] },
  properties: {
    name: `点 ${id}`,
    capacity: 10,
    opening_hours: '',
    allowed_goods: '',
    unit: '一中队',
    off_street: false,
    status,
    created_at: '2026-11-26T00:00:00Z',
    created_by: 'planner',
    updated_at: '2026-11-26T00:00:00Z',
    version: 1,
    violations: violations.map((v) => JSON.parse(JSON.stringify(v))),
  },
})

describe('readDrawnGeometry', () => {
  test('reads a point, rounded to 7 decimals', () => {
    expect(readDrawnGeometry({ type: 'Point', coordinates: [104.050000004, 30.66312345678] })).toEqual({ type: 'Point', coordinates: [104.05, 30.6631235] })
  })

  test('reads a polygon outer ring, drops holes and closes an open ring', () => {
    const hole = [[104.0501, 30.6601], [104.05015, 30.6601], [104.05015, 30.66015], [104.0501, 30.6601]]
    expect(readDrawnGeometry({ type: 'Polygon', coordinates: [square, hole] })).toEqual({ type: 'Polygon', coordinates: [square] })
    expect(readDrawnGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toEqual({ type: 'Polygon', coordinates: [square] })
  })

  test('refuses degenerate rings, oversized rings, bad positions and other geometry types', () => {
    expect(readDrawnGeometry({ type: 'Polygon', coordinates: [square.slice(0, 2)] })).toBeUndefined()
    const many = Array.from({ length: MAX_RING_POSITIONS + 1 }, (_, i): [number, number] => [104.05 + Math.cos(i) * 1e-4, 30.66 + Math.sin(i) * 1e-4])
    expect(readDrawnGeometry({ type: 'Polygon', coordinates: [many] })).toBeUndefined()
    expect(readDrawnGeometry({ type: 'Point', coordinates: [200, 30] })).toBeUndefined()
    expect(readDrawnGeometry({ type: 'Point', coordinates: ['104', 30] })).toBeUndefined()
    expect(readDrawnGeometry({ type: 'LineString', coordinates: square })).toBeUndefined()
    expect(readDrawnGeometry(undefined)).toBeUndefined()
  })

  test('does not mutate its input', () => {
    const ring = square.slice(0, 4)
    readDrawnGeometry({ type: 'Polygon', coordinates: [ring] })
    expect(ring).toHaveLength(4)
  })
})

describe('findGeometryCenter', () => {
  test('is the point itself, or the middle of an area', () => {
    expect(findGeometryCenter({ type: 'Point', coordinates: [104.05, 30.66] })).toEqual([104.05, 30.66])
    const [lng, lat] = findGeometryCenter({ type: 'Polygon', coordinates: [square] })
    expect(lng).toBeCloseTo(104.0501, 9)
    expect(lat).toBeCloseTo(30.6601, 9)
  })
})

describe('toGuidanceMapFeatures', () => {
  test('leaves out retired points and the point being moved, and counts violations', () => {
    const map = toGuidanceMapFeatures([point('G1', 'proposed', [{ code: 'no-capacity', message: 'm' }]), point('G2', 'retired'), point('G3', 'active')], 'G3')
    expect(map.features.map((f) => [f.id, f.properties])).toEqual([['G1', { name: '点 G1', status: 'proposed', violation_count: 1 }]])
  })

  test('returns an empty collection for no points', () => {
    expect(toGuidanceMapFeatures([], undefined)).toEqual({ type: 'FeatureCollection', features: [] })
  })
})
