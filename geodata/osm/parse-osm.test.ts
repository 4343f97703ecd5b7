import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { LngLat } from '../../server/kernel/geo.ts'
import { parseOsm } from './parse-osm.ts'

const readTinyOsm = (): string => readFileSync(new URL('./fixtures/tiny.osm', import.meta.url), 'utf8')

/** Independent great-circle length: haversine with the 6371008.8 m mean radius, no turf. */
function measureHaversineM(coords: readonly LngLat[]): number {
  const r = 6371008.8
  const rad = Math.PI / 180
  let total = 0
  for (let i = 1; i < coords.length; i++) {
    const [lng1, lat1] = coords[i - 1] as LngLat
    const [lng2, lat2] = coords[i] as LngLat
    const h =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2
    total += 2 * r * Math.asin(Math.sqrt(h))
  }
  return total
}

describe('parseOsm on the tiny fixture', () => {
  test('reads the bounds as [west, south, east, north]', () => {
    expect(parseOsm(readTinyOsm()).bounds).toEqual([103.998, 29.999, 104.006, 30.004])
  })

  test('turns a normal street into a feature with id, names, highway and placeholders', () => {
    const street = parseOsm(readTinyOsm()).streets.find((s) => s.id === 'w100')
    expect(street).toMatchObject({
      osmId: 100,
      name: '东大街',
      nameEn: 'East Street & Market',
      highway: 'residential',
      category: 'regulated',
      zoneId: null,
      coordinates: [[104, 30], [104.001, 30], [104.002, 30]],
    })
  })

  test('falls back to name:zh when a street has no name', () => {
    const street = parseOsm(readTinyOsm()).streets.find((s) => s.id === 'w101')
    expect(street?.name).toBe('西小巷')
    expect(street?.nameEn).toBeNull()
  })

  test('measures street length in metres within 0.5 % of an independent haversine', () => {
    for (const street of parseOsm(readTinyOsm()).streets) {
      const expected = measureHaversineM(street.coordinates)
      expect(Math.abs(street.lengthM - expected) / expected).toBeLessThan(0.005)
    }
    // 0.002° of longitude at 30° N: 0.002 × π/180 × 6371008.8 × cos 30° ≈ 192.6 m
    expect(parseOsm(readTinyOsm()).streets.find((s) => s.id === 'w100')?.lengthM).toBeCloseTo(192.6, 0)
  })

  test('keeps a way with one missing node and drops a way whose nodes are all missing', () => {
    const parsed = parseOsm(readTinyOsm())
    const partial = parsed.streets.find((s) => s.id === 'w105')
    expect(partial?.coordinates).toEqual([[104.003, 30.002], [104.004, 30.002]])
    expect(parsed.streets.find((s) => s.id === 'w106')).toBeUndefined()
    expect(parsed.stats.droppedStreets).toBe(1)
    expect(parsed.stats.missingNodeRefs).toBe(3)
    expect(parsed.warnings).toEqual([expect.stringContaining('way 106')])
  })

  test('excludes highway values that are not streets, area=yes ways and highway nodes', () => {
    const parsed = parseOsm(readTinyOsm())
    expect(parsed.streets.map((s) => s.id)).toEqual(['w100', 'w101', 'w102', 'w103', 'w104', 'w105'])
    expect(parsed.stats.skippedHighwayWays).toBe(3)
  })

  test('finds a three-arm intersection of way ends and lists the streets and names meeting there', () => {
    const node3 = parseOsm(readTinyOsm()).intersections.find((i) => i.id === 'n3')
    expect(node3).toEqual({
      id: 'n3',
      osmId: 3,
      coordinates: [104.002, 30],
      streetIds: ['w100', 'w101', 'w102'],
      names: ['东大街', '西小巷', '南街'],
      degree: 3,
    })
  })

  test('counts a way ending on another way’s inner node as a three-arm T', () => {
    const node2 = parseOsm(readTinyOsm()).intersections.find((i) => i.id === 'n2')
    expect(node2).toMatchObject({ streetIds: ['w100', 'w104'], names: ['东大街', '北巷'], degree: 3 })
  })

  test('does not count two ways meeting end to end as an intersection', () => {
    const ids = parseOsm(readTinyOsm()).intersections.map((i) => i.id)
    expect(ids).not.toContain('n1')
    expect(ids.sort()).toEqual(['n2', 'n3'])
  })

  test('reads a building as a counter-clockwise polygon ring', () => {
    const { buildings } = parseOsm(readTinyOsm())
    expect(buildings).toEqual([
      {
        id: 'w110',
        osmId: 110,
        name: '文殊院',
        coordinates: [[[104, 30.003], [104.0005, 30.003], [104.0005, 30.0035], [104, 30.0035], [104, 30.003]]],
      },
    ])
  })

  test('reads a water area as rings and a river as a line', () => {
    const { water } = parseOsm(readTinyOsm())
    expect(water.map((w) => [w.id, w.kind, w.name])).toEqual([
      ['w111', 'area', '人民公园湖'],
      ['w112', 'line', '府河'],
    ])
    expect(water[1]?.coordinates).toEqual([[104.004, 29.9995], [104.006, 29.9995]])
  })
})

describe('parseOsm on degenerate input', () => {
  test('gives empty layers and zero bounds for an empty document', () => {
    for (const xml of ['<osm version="0.6"/>', "<?xml version='1.0'?><osm></osm>"]) {
      const parsed = parseOsm(xml)
      expect(parsed).toMatchObject({ bounds: [0, 0, 0, 0], streets: [], intersections: [], buildings: [], water: [] })
    }
  })

  test('takes the bounds from the nodes when the file has no <bounds>', () => {
    const xml = '<osm><node id="1" lat="30" lon="104"/><node id="2" lat="30.5" lon="104.5"/></osm>'
    expect(parseOsm(xml).bounds).toEqual([104, 30, 104.5, 30.5])
  })

  test('rejects a document that is not OSM', () => {
    expect(() => parseOsm('<gpx><wpt/></gpx>')).toThrow(/<osm>/)
    expect(() => parseOsm('<osm><node id="x" lat="30" lon="104"/></osm>')).toThrow(/node id/)
  })

  test('parses the same document to the same result twice', () => {
    expect(parseOsm(readTinyOsm())).toEqual(parseOsm(readTinyOsm()))
  })
})
