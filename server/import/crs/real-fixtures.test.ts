// Real data in Chinese coordinate systems (test/fixtures/import/real/, provenance in its PROVENANCE.md).
// Real OSM street vertices of central Chengdu shifted into GCJ-02 (as a Chinese web map shows them): converted to WGS84 they lie on the streets
// of the 2018 OpenStreetMap extract again; as given they sit off them, in the blocks.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseOsm } from '../../../geodata/osm/parse-osm.ts'
import { createNearestStreetIndex } from '../../analysis/nearest-street.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../../analysis/local-metric.ts'
import { bboxContains, type LngLat } from '../../kernel/geo.ts'
import { createCoordinateConverter } from './converter.ts'
import { detectGcjOffset } from './gcj-offset.ts'

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))

function readPoints(): LngLat[] {
  const [header, ...rows] = readFileSync(repo('test/fixtures/import/real/chengdu-osm-vertices-gcj02.csv'), 'utf8').trim().split('\n')
  const columns = header!.split(',')
  const lng = columns.indexOf('lng')
  const lat = columns.indexOf('lat')
  return rows.map((row) => {
    const cells = row.split(',')
    return [Number(cells[lng]), Number(cells[lat])]
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

describe('DiDi Chengdu GPS (GCJ-02) against the Chengdu OSM streets', () => {
  const points = readPoints()
  const osm = parseOsm(readFileSync(repo('geodata/chengdu/chengdu-center-2018.osm'), 'utf8'))
  // Every street counts for distance, named or not (the index skips unnamed ones, so give them a placeholder).
  const streets = createNearestStreetIndex(osm.streets.map((s) => ({ id: s.id, name: s.name ?? '(unnamed)', coordinates: s.coordinates })))
  const distance = (p: LngLat) => streets.nearest(p, 1000)?.distanceM ?? Number.POSITIVE_INFINITY
  const gcj02 = createCoordinateConverter('gcj02', null)
  const converted = points.map(([x, y]) => gcj02.toWgs84(x, y)!)

  it('has one point per named street, converted back into central Chengdu', () => {
    expect(points).toHaveLength(osm.streets.filter((s) => s.name).length)
    // ways are complete in the extract, so a few middle vertices lie just past its box; none outside central Chengdu
    const inside = converted.filter((p) => bboxContains(osm.bounds, p)).length
    expect(inside / converted.length).toBeGreaterThan(0.9)
    for (const p of converted) expect(bboxContains([103.9, 30.5, 104.3, 30.9], p)).toBe(true) // long ways reach out of the centre
  })

  it('moves each point by the GCJ-02 offset of central Chengdu (~250 m W, ~250 m N)', () => {
    const shifts = points.map((p, i) => Math.hypot((converted[i]![0] - p[0]) * computeMetersPerDegreeLng(p[1]), (converted[i]![1] - p[1]) * METERS_PER_DEGREE))
    expect(median(shifts)).toBeGreaterThan(300)
    expect(median(shifts)).toBeLessThan(400)
  })

  it('converted, the points lie on the streets; as given, they do not', () => {
    const raw = median(points.map(distance))
    const onStreets = median(converted.map(distance))
    expect(onStreets).toBeLessThan(1) // gcoord's inverse is iterative: centimetres, not metres
    expect(raw).toBeGreaterThan(25)
  })

  it('detectGcjOffset flags the file if someone declares it WGS84', () => {
    const check = detectGcjOffset(points, distance)
    expect(check.suspicious).toBe(true)
    expect(check.medianConvertedM).toBeLessThan(check.medianRawM / 5)
  })

  it('and does not flag the converted points (true WGS84)', () => {
    expect(detectGcjOffset(converted, distance).suspicious).toBe(false)
  })
})
