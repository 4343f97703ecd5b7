import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { DEFAULT_SEED, generateDemoDistrict, hashDemoDistrict, loadDemoDistrict, readChengduOsm } from './generate-demo.ts'

const BOUNDS_ONLY_OSM = '<osm version="0.6"><bounds minlat="30.66" minlon="104.05" maxlat="30.67" maxlon="104.06"/></osm>'

describe('generateDemoDistrict', () => {
  // two full Chengdu generations: ~3 s on an idle machine, so the timeout leaves room for a loaded one
  test('gives the same Chengdu district for the same seed', { timeout: 30_000 }, () => {
    const first = hashDemoDistrict(loadDemoDistrict())
    expect(hashDemoDistrict(generateDemoDistrict(readChengduOsm(), { seed: DEFAULT_SEED }))).toBe(first)
  })

  test('gives a different district for another seed', () => {
    const xml = readFileSync(new URL('../osm/fixtures/tiny.osm', import.meta.url), 'utf8')
    const a = generateDemoDistrict(xml, { seed: DEFAULT_SEED })
    const b = generateDemoDistrict(xml, { seed: DEFAULT_SEED + 1 })
    expect(a.incidents.length).toBeGreaterThan(0)
    expect(hashDemoDistrict(b)).not.toBe(hashDemoDistrict(a))
    expect(b.streets).toEqual(a.streets.map((s) => ({ ...s, zoneId: b.streets.find((t) => t.id === s.id)?.zoneId ?? null })))
  })

  test('gives empty layers for an empty document without throwing', () => {
    const district = generateDemoDistrict('<osm version="0.6"/>')
    expect(district).toEqual({
      bounds: [0, 0, 0, 0],
      streets: [],
      intersections: [],
      buildings: [],
      water: [],
      zones: [],
      grid: [],
      lamps: [],
      incidents: [],
    })
  })

  test('draws zones and grid over the bounds of a document with no ways, and nothing else', () => {
    const district = generateDemoDistrict(BOUNDS_ONLY_OSM, { zones: { zoneCount: 3 } })
    expect(district.zones).toHaveLength(3)
    expect(district.grid.length).toBeGreaterThan(0)
    expect([district.streets, district.intersections, district.lamps, district.incidents]).toEqual([[], [], [], []])
  })

  test('does not mutate its options', () => {
    const options = { seed: 5, zones: { zoneCount: 2 } }
    const before = structuredClone(options)
    generateDemoDistrict(BOUNDS_ONLY_OSM, options)
    expect(options).toEqual(before)
  })
})

describe('hashDemoDistrict', () => {
  test('ignores key order and changes with any value', () => {
    const district = generateDemoDistrict(BOUNDS_ONLY_OSM, { zones: { zoneCount: 2 } })
    const reordered = Object.fromEntries(Object.entries(district).reverse())
    expect(hashDemoDistrict({ ...district, ...reordered })).toBe(hashDemoDistrict(district))
    expect(hashDemoDistrict(district)).toMatch(/^[0-9a-f]{64}$/)
    const renamed = { ...district, zones: district.zones.map((z, i) => (i === 0 ? { ...z, name: '改名' } : z)) }
    expect(hashDemoDistrict(renamed)).not.toBe(hashDemoDistrict(district))
  })
})
