import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shapefileBytes, type TestShapefile } from '../../../test/fixtures/import/read/write-shapefile.ts'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { openSource } from './open-source.ts'
import { collect, reasonOf } from '../../../test/fixtures/import/read/read-records.ts'

const LAMP: TestShapefile = {
  shapeType: 1,
  encoding: 'utf-8',
  fields: [{ name: 'id', type: 'C', length: 10 }],
  shapes: [{ type: 'point', at: [104.046, 30.66] }],
  rows: [['L1']],
}

let dir: string
const write = (name: string, content: string | Uint8Array): string => {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'open-source-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openSource', () => {
  it('chooses the reader by extension, whatever its letter case', async () => {
    const row = { n: 2, fields: { id: 'L1', name: '春熙路' }, geometry: null }
    expect(await collect(await openSource(write('a.CSV', 'id,name\nL1,春熙路\n')))).toEqual([row])
    expect(await collect(await openSource(write('a.tsv', 'id\tname\nL1\t春熙路\n')))).toEqual([row])
    expect(await collect(await openSource(write('a.txt', 'id\tname\nL1\t春熙路\n')))).toEqual([row])
    const feature = { type: 'Feature', properties: { id: 'L1' }, geometry: { type: 'Point', coordinates: [104.046, 30.66] } }
    const record = { n: 1, fields: { id: 'L1' }, geometry: { type: 'Point', coordinates: [104.046, 30.66] } }
    for (const name of ['a.geojson', 'a.json']) {
      const source = await openSource(write(name, JSON.stringify({ type: 'FeatureCollection', features: [feature] })))
      expect(source.format).toBe('geojson')
      expect(await collect(source)).toEqual([record])
    }
    for (const name of ['a.geojsonl', 'a.ndjson']) expect(await collect(await openSource(write(name, JSON.stringify(feature) + '\n')))).toEqual([record])
    const bytes = shapefileBytes(LAMP)
    write('lamp.shp', bytes.shp!)
    write('lamp.dbf', bytes.dbf!)
    const shp = await openSource(join(dir, 'lamp.shp'))
    expect(shp.format).toBe('shapefile')
    expect(await collect(shp)).toEqual([record])
    const zip = await openSource(write('lamp.zip', zipSync({ 'lamp/lamp.shp': bytes.shp!, 'lamp/lamp.dbf': bytes.dbf! })))
    expect(await collect(zip)).toEqual([record])
  })

  it('passes the sheet and encoding options through', async () => {
    const bytes = shapefileBytes(LAMP)
    const zip = write('two.zip', zipSync({ 'a.shp': bytes.shp!, 'a.dbf': bytes.dbf!, 'b.shp': bytes.shp!, 'b.dbf': bytes.dbf! }))
    expect((await openSource(zip, { sheet: 'b.shp' })).fieldNames).toEqual(['id'])
    const latin = write('latin.csv', Buffer.from('id,name\nL1,Caf\xe9\n', 'latin1'))
    expect((await collect(await openSource(latin, { encoding: 'windows-1252' })))[0]!.fields).toEqual({ id: 'L1', name: 'Café' })
  })

  it('refuses unsupported, missing and non-file paths with a SourceFileError naming the file', async () => {
    const unsupported = write('roads.kml', '<kml/>')
    const error = await openSource(unsupported).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).file).toBe(unsupported)
    expect((error as SourceFileError).reason).toBe('unsupported file type: ".kml" files cannot be imported; use .csv, .xlsx, .geojson, .shp or .zip')
    expect(await reasonOf(openSource(write('old.xls', 'x')))).toMatch(/old Excel \.xls workbooks cannot be read; save it as \.xlsx/)
    expect(await reasonOf(openSource(write('noext', 'x')))).toMatch(/a file without extension cannot be imported/)
    expect(await reasonOf(openSource(join(dir, 'missing.csv')))).toBe('not found (ENOENT)')
    const folder = join(dir, 'folder.csv')
    mkdirSync(folder)
    expect(await reasonOf(openSource(folder))).toMatch(/not a file/)
  })
})
