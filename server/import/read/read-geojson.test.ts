import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { crsName } from './geojson-feature.ts'
import { openGeoJson } from './read-geojson.ts'
import { openGeoJsonLines } from './read-geojson-lines.ts'
import { collect, reasonOf } from '../../../test/fixtures/import/read/read-records.ts'

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/import/read/${name}`, import.meta.url))

let dir: string
const write = (name: string, text: string | Buffer): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-geojson-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openGeoJson', () => {
  it('streams a FeatureCollection: fields from properties, geometry as given, crs as EPSG:nnnn', async () => {
    const source = await openGeoJson(fixture('zones-epsg4547.geojson'))
    expect(source.format).toBe('geojson')
    expect(source.prj).toBe('EPSG:4547')
    expect(source.fieldNames).toEqual(['code', 'name', 'area_km2'])
    expect(await collect(source)).toEqual([
      {
        n: 1,
        fields: { code: '510104001', name: '春熙路街道', area_km2: 1.75 },
        geometry: { type: 'Polygon', coordinates: [[[404000, 3394000], [406000, 3394000], [406000, 3396000], [404000, 3396000], [404000, 3394000]]] },
      },
      { n: 2, fields: {}, geometry: { type: 'Point', coordinates: [405000.5, 3395000.25] } },
      { n: 3, fields: { code: '510104002', name: '书院街街道', area_km2: null }, geometry: null },
    ])
  })

  it('gives the same records on a second pass', async () => {
    const source = await openGeoJson(fixture('zones-epsg4547.geojson'))
    const first = await collect(source)
    expect(await collect(source)).toEqual(first)
    expect(first).toHaveLength(3)
  })

  it('reads a file holding a single Feature as one record, without crs', async () => {
    const file = write('one.json', JSON.stringify({ type: 'Feature', properties: { id: 'Z1' }, geometry: { type: 'Point', coordinates: [104.05, 30.66] } }))
    const source = await openGeoJson(file)
    expect(source.prj).toBeNull()
    expect(source.fieldNames).toEqual(['id'])
    expect(await collect(source)).toEqual([{ n: 1, fields: { id: 'Z1' }, geometry: { type: 'Point', coordinates: [104.05, 30.66] } }])
  })

  it('finds the first feature and crs whatever the member order before "features", with a BOM', async () => {
    const text = '\uFEFF{"features":[{"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"b":1,"a":2},"type":"Feature"}],' + '"crs":{"type":"name","properties":{"name":"EPSG:4490"}},"type":"FeatureCollection"}'
    const source = await openGeoJson(write('order.geojson', text))
    // A crs after the features is not read (see read-geojson.ts); the features are.
    expect(source.prj).toBeNull()
    expect(source.fieldNames).toEqual(['b', 'a'])
    expect(await collect(source)).toEqual([{ n: 1, fields: { b: 1, a: 2 }, geometry: { type: 'Point', coordinates: [1, 2] } }])
  })

  it('reads an empty FeatureCollection as no records', async () => {
    const source = await openGeoJson(write('empty.geojson', '{"type":"FeatureCollection","features":[]}'))
    expect(source.fieldNames).toEqual([])
    expect(await collect(source)).toEqual([])
  })

  it('decodes a GBK GeoJSON written by an old Chinese tool', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '锦江区' }, geometry: null }] })
    const source = await openGeoJson(write('gbk.geojson', iconv.encode(text, 'gbk')))
    expect(source.fieldNames).toEqual(['名称'])
    expect((await collect(source))[0]!.fields).toEqual({ 名称: '锦江区' })
  })

  it('refuses what is not a FeatureCollection or Feature, up front', async () => {
    expect(await reasonOf(openGeoJson(write('bad.json', '{"type":"FeatureCollection","features":[')))).toMatch(/not valid GeoJSON \(JSON parse error/)
    expect(await reasonOf(openGeoJson(write('text.json', 'hello')))).toMatch(/not valid GeoJSON/)
    expect(await reasonOf(openGeoJson(write('array.json', '[1,2]')))).toMatch(/must hold a JSON object/)
    expect(await reasonOf(openGeoJson(write('zero.json', '')))).toMatch(/empty/)
    expect(await reasonOf(openGeoJson(write('polygon.json', '{"type":"Polygon","coordinates":[]}')))).toMatch(/a bare GeoJSON Polygon geometry/)
    expect(await reasonOf(openGeoJson(write('config.json', '{"name":"x","port":8080}')))).toMatch(/no "features" array and not a "type": "Feature"/)
    expect(await reasonOf(openGeoJson(write('obj.json', '{"type":"FeatureCollection","features":{}}')))).toMatch(/"features" must be an array/)
  })

  it('reports a file truncated after its first feature from the iterator, after the good features', async () => {
    const file = write('truncated.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":1},"geometry":null},{"type":"Feat')
    const source = await openGeoJson(file)
    const seen: number[] = []
    const error = await (async () => {
      for await (const record of source.records()) seen.push(record.n)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect(seen).toEqual([1])
  })
})

describe('openGeoJsonLines', () => {
  it('reads one feature per line, skipping blank lines, accepting RFC 8142 separators', async () => {
    const lines = [
      JSON.stringify({ type: 'Feature', properties: { id: 'L1', h: 12 }, geometry: { type: 'Point', coordinates: [104.046, 30.66] } }),
      '',
      '\u001E' + JSON.stringify({ type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }),
      JSON.stringify({ type: 'Feature', properties: { id: 'L3' }, geometry: null }),
    ]
    const source = await openGeoJsonLines(write('lamps.geojsonl', '\uFEFF' + lines.join('\r\n') + '\n'))
    expect(source.format).toBe('geojson')
    expect(source.fieldNames).toEqual(['id', 'h'])
    const records = await collect(source)
    expect(records).toEqual([
      { n: 1, fields: { id: 'L1', h: 12 }, geometry: { type: 'Point', coordinates: [104.046, 30.66] } },
      { n: 2, fields: {}, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
      { n: 3, fields: { id: 'L3' }, geometry: null },
    ])
    expect(await collect(source)).toEqual(records)
  })

  it('names the line that is not JSON', async () => {
    const source = await openGeoJsonLines(write('bad.ndjson', '{"type":"Feature","properties":{},"geometry":null}\n{oops\n'))
    const error = await collect(source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toMatch(/^line 2 is not valid JSON/)
  })
})

describe('crsName', () => {
  it('turns the forms of a legacy crs member into EPSG:nnnn', () => {
    const named = (name: string): unknown => ({ type: 'name', properties: { name } })
    expect(crsName(named('urn:ogc:def:crs:EPSG::4547'))).toBe('EPSG:4547')
    expect(crsName(named('urn:ogc:def:crs:EPSG:6.6:4326'))).toBe('EPSG:4326')
    expect(crsName(named('http://www.opengis.net/def/crs/EPSG/0/4490'))).toBe('EPSG:4490')
    expect(crsName(named('EPSG:3857'))).toBe('EPSG:3857')
    expect(crsName(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe('EPSG:4326')
    expect(crsName({ type: 'EPSG', properties: { code: 4549 } })).toBe('EPSG:4549')
    expect(crsName(named('CGCS2000_3_Degree_GK_CM_105E'))).toBe('CGCS2000_3_Degree_GK_CM_105E')
    expect(crsName(undefined)).toBeNull()
    expect(crsName({ type: 'name' })).toBeNull()
  })
})
