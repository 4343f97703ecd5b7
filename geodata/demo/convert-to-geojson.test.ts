import { describe, expect, test } from 'vitest'
import type { DemoDistrict } from '../../server/kernel/records.ts'
import { convertDistrictToGeoJson, DEMO_LAYER_NAMES, formatFeatureCollection } from './convert-to-geojson.ts'

const createDistrict = (): DemoDistrict => ({
  bounds: [104, 30, 104.01, 30.01],
  streets: [
    { id: 'w1', osmId: 1, name: '东大街', nameEn: null, highway: 'primary', lengthM: 96.4, coordinates: [[104, 30], [104.001, 30]], category: 'demonstration', zoneId: '001' },
  ],
  intersections: [],
  buildings: [],
  water: [
    { id: 'w2', osmId: 2, name: '府河', kind: 'line', coordinates: [[104, 30.001], [104.002, 30.001]] },
    { id: 'w3', osmId: 3, name: null, kind: 'area', coordinates: [[[104, 30], [104.001, 30], [104.001, 30.001], [104, 30]]] },
  ],
  zones: [],
  grid: [],
  lamps: [
    { id: 'L000001', coordinates: [104, 30], status: 'ok', streetId: 'w1', heightM: 12, maintainer: '演示市路灯管理处', installedAt: '2010-01-01', statusChangedAt: '2010-01-01T00:00:00+08:00' },
  ],
  incidents: [],
})

describe('convertDistrictToGeoJson', () => {
  test('gives one FeatureCollection per layer with ids, geometry and the other fields as properties', () => {
    const layers = convertDistrictToGeoJson(createDistrict())
    expect(Object.keys(layers)).toEqual([...DEMO_LAYER_NAMES])
    expect(layers.streets.features[0]).toEqual({
      type: 'Feature',
      id: 'w1',
      geometry: { type: 'LineString', coordinates: [[104, 30], [104.001, 30]] },
      properties: { id: 'w1', osmId: 1, name: '东大街', nameEn: null, highway: 'primary', lengthM: 96.4, category: 'demonstration', zoneId: '001' },
    })
    expect(layers.water.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon'])
    expect(layers.lamps.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [104, 30] })
    expect(layers.zones).toEqual({ type: 'FeatureCollection', features: [] })
  })

  test('does not mutate the district', () => {
    const district = createDistrict()
    const before = structuredClone(district)
    convertDistrictToGeoJson(district)
    expect(district).toEqual(before)
  })
})

describe('formatFeatureCollection', () => {
  test('writes parseable GeoJSON with one feature per line, and an empty collection on one line', () => {
    const text = formatFeatureCollection(convertDistrictToGeoJson(createDistrict()).water)
    expect(JSON.parse(text)).toEqual(convertDistrictToGeoJson(createDistrict()).water)
    expect(text.split('\n')).toHaveLength(5)
    expect(formatFeatureCollection({ type: 'FeatureCollection', features: [] })).toBe('{"type":"FeatureCollection","features":[]}\n')
  })
})
