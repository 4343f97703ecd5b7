import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { shapefileBytes, writeShapefile, type TestShapefile } from '../../../test/fixtures/import/read/write-shapefile.ts'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { readDbfHeader } from './dbf-header.ts'
import { openShapefile } from './read-shapefile.ts'
import { collect, reasonOf } from '../../../test/fixtures/import/read/read-records.ts'

const PRJ = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

/** Two sub-district polygons (the first with a hole) and a null shape, attributes in the given encoding. */
function zones(encoding: 'utf-8' | 'gbk', extra: Partial<TestShapefile> = {}): TestShapefile {
  return {
    shapeType: 5,
    encoding,
    fields: [
      { name: '编号', type: 'C', length: 12 },
      { name: '街道名', type: 'C', length: 30 },
      { name: 'AREA_KM2', type: 'N', length: 12, decimals: 3 },
      { name: 'BUILT', type: 'D', length: 8 },
      { name: 'LIT', type: 'L', length: 1 },
    ],
    shapes: [
      { type: 'polygon', rings: [[[104.04, 30.65], [104.04, 30.67], [104.06, 30.67], [104.06, 30.65], [104.04, 30.65]], [[104.045, 30.655], [104.05, 30.655], [104.05, 30.66], [104.045, 30.66], [104.045, 30.655]]] },
      { type: 'polygon', rings: [[[104.06, 30.65], [104.06, 30.67], [104.08, 30.67], [104.06, 30.65]]] },
      null,
    ],
    rows: [
      ['510104001', '春熙路街道', 1.754, '20150301', true],
      ['510104002', '书院街街道', null, null, null],
      ['510104003', '', 0.5, '20240229', false],
    ],
    ...extra,
  }
}

const EXPECTED: SourceRecord[] = [
  {
    n: 1,
    fields: { 编号: '510104001', 街道名: '春熙路街道', AREA_KM2: 1.754, BUILT: new Date(Date.UTC(2015, 2, 1)), LIT: true },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [[104.04, 30.65], [104.04, 30.67], [104.06, 30.67], [104.06, 30.65], [104.04, 30.65]],
        [[104.045, 30.655], [104.05, 30.655], [104.05, 30.66], [104.045, 30.66], [104.045, 30.655]],
      ],
    },
  },
  // Blank number, date and logical cells are '' like blank CSV cells.
  { n: 2, fields: { 编号: '510104002', 街道名: '书院街街道', AREA_KM2: '', BUILT: '', LIT: '' }, geometry: { type: 'Polygon', coordinates: [[[104.06, 30.65], [104.06, 30.67], [104.08, 30.67], [104.06, 30.65]]] } },
  { n: 3, fields: { 编号: '510104003', 街道名: '', AREA_KM2: 0.5, BUILT: new Date(Date.UTC(2024, 1, 29)), LIT: false }, geometry: null },
]
const FIELD_NAMES = ['编号', '街道名', 'AREA_KM2', 'BUILT', 'LIT']

let dir: string
let scratch: string // TMPDIR during each test: where the zip reader's temp directories must appear and vanish
const originalTmp = process.env.TMPDIR
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-shapefile-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  scratch = mkdtempSync(join(dir, 'scratch-'))
  process.env.TMPDIR = scratch
})
afterEach(() => {
  if (originalTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = originalTmp
})

function folder(name: string): string {
  const path = join(dir, name)
  mkdirSync(path, { recursive: true })
  return path
}

/** A zip of `members` (name → bytes); names with non-ASCII characters get the UTF-8 flag, as fflate writes them. */
function writeZip(name: string, members: Record<string, Uint8Array | undefined>): string {
  const entries: Record<string, Uint8Array> = {}
  for (const [member, bytes] of Object.entries(members)) if (bytes !== undefined) entries[member] = bytes
  const file = join(dir, name)
  writeFileSync(file, zipSync(entries))
  return file
}

describe('openShapefile (.shp on disk)', () => {
  it('reads a GBK .dbf without .cpg (detected), upper-case extensions, the .prj, polygons with holes and null shapes', async () => {
    const shp = writeShapefile(folder('gbk'), 'ZONES', { ...zones('gbk'), prj: PRJ }, { shp: 'SHP', dbf: 'DBF' })
    const source = await openShapefile(shp)
    expect(source.format).toBe('shapefile')
    expect(source.fieldNames).toEqual(FIELD_NAMES)
    expect(source.prj).toBe(PRJ)
    expect(await collect(source)).toEqual(EXPECTED)
  })

  it('reads a UTF-8 .dbf without .cpg (detected) the same way, and twice alike', async () => {
    const shp = writeShapefile(folder('utf8'), 'zones', zones('utf-8'))
    const source = await openShapefile(shp)
    expect(source.fieldNames).toEqual(FIELD_NAMES)
    expect(source.prj).toBeNull()
    const first = await collect(source)
    expect(first).toEqual(EXPECTED)
    expect(await collect(source)).toEqual(first)
  })

  it('follows the .cpg, and the user\'s encoding over it', async () => {
    const shp = writeShapefile(folder('cpg'), 'zones', { ...zones('gbk'), cpg: '936\r\n' })
    expect(await collect(await openShapefile(shp))).toEqual(EXPECTED)
    // Forcing UTF-8 on GBK bytes shows the option is obeyed: the names no longer decode.
    const forced = await openShapefile(shp, { encoding: 'UTF-8' })
    expect(forced.fieldNames[0]).not.toBe('编号')
    expect(forced.fieldNames[0]).toContain('\uFFFD')
    await expect(openShapefile(shp, { encoding: 'no-such-code-page' })).rejects.toThrow(/unknown text encoding "no-such-code-page"/)
  })

  it('refuses a .shp without its .dbf, and a file that is not a Shapefile', async () => {
    const lonely = join(folder('lonely'), 'roads.shp')
    writeFileSync(lonely, shapefileBytes(zones('utf-8')).shp!)
    expect(await reasonOf(openShapefile(lonely))).toMatch(/no roads\.dbf beside it/)
    const fake = writeShapefile(folder('fake'), 'fake', zones('utf-8'))
    writeFileSync(fake, 'this is not a shapefile at all, not even close to one; just text long enough to have a header.......')
    expect(await reasonOf(openShapefile(fake))).toMatch(/not a Shapefile/)
  })
})

describe('openShapefile (.zip)', () => {
  it('finds the .shp in a nested folder with Chinese (UTF-8 flagged) names, and removes its temp files after each pass', async () => {
    const bytes = shapefileBytes({ ...zones('gbk'), prj: PRJ, cpg: 'GBK' })
    const zip = writeZip('nested.zip', {
      '成都/锦江区/': new Uint8Array(0),
      '成都/锦江区/街道.shp': bytes.shp,
      '成都/锦江区/街道.dbf': bytes.dbf,
      '成都/锦江区/街道.prj': bytes.prj,
      '成都/锦江区/街道.cpg': bytes.cpg,
      '__MACOSX/成都/锦江区/._街道.shp': new Uint8Array([0, 5, 22, 7]),
      '说明.txt': Buffer.from('readme'),
    })
    const source = await openShapefile(zip)
    expect(source.fieldNames).toEqual(FIELD_NAMES)
    expect(source.prj).toBe(PRJ)
    expect(await collect(source)).toEqual(EXPECTED)
    expect(await collect(source)).toEqual(EXPECTED)
    expect(readdirSync(scratch)).toEqual([])
  })

  it('decodes GBK member names stored without the UTF-8 flag (Chinese Windows zips)', async () => {
    const bytes = shapefileBytes(zones('gbk'))
    const placeholder = 'QQQQ' // as many bytes as 路灯 in GBK; swapped for them below
    const zip = writeZip('gbk-names.zip', { [`${placeholder}/a.shp`]: bytes.shp, [`${placeholder}/a.dbf`]: bytes.dbf, [`${placeholder}/b.shp`]: bytes.shp, [`${placeholder}/b.dbf`]: bytes.dbf })
    const archive = readFileSync(zip)
    const gbk = iconv.encode('路灯', 'gbk')
    expect(gbk.length).toBe(placeholder.length)
    for (let at = archive.indexOf(placeholder); at !== -1; at = archive.indexOf(placeholder, at)) gbk.copy(archive, at)
    writeFileSync(zip, archive)
    expect(await reasonOf(openShapefile(zip))).toBe('the archive holds 2 Shapefiles (路灯/a.shp, 路灯/b.shp): name one with "sheet" in the profile')
    const chosen = await openShapefile(zip, { sheet: 'b' })
    expect(await collect(chosen)).toEqual(EXPECTED)
    expect((await openShapefile(zip, { sheet: '路灯/a.shp' })).fieldNames).toEqual(FIELD_NAMES)
    expect(await reasonOf(openShapefile(zip, { sheet: 'c' }))).toMatch(/no Shapefile named "c" \(it has: 路灯\/a\.shp, 路灯\/b\.shp\)/)
  })

  it('removes its temp directory when the consumer stops early and when a member is corrupt', async () => {
    const bytes = shapefileBytes(zones('utf-8'))
    const zip = writeZip('early.zip', { 'zones.shp': bytes.shp, 'zones.dbf': bytes.dbf })
    const source = await openShapefile(zip)
    for await (const record of source.records()) {
      expect(record.n).toBe(1)
      expect(readdirSync(scratch)).toHaveLength(1) // the pass's private directory exists while it reads
      break
    }
    expect(readdirSync(scratch)).toEqual([])

    // A .shp cut off inside its second record: the header checks pass, the iterator fails after feature 1.
    const secondRecord = 100 + 8 + 2 * bytes.shp!.readInt32BE(104) // record 1: 8-byte header + content (length in 16-bit words)
    const cut = writeZip('cut.zip', { 'zones.shp': bytes.shp!.subarray(0, secondRecord + 8 + 20), 'zones.dbf': bytes.dbf })
    const seen: number[] = []
    const error = await (async () => {
      for await (const record of (await openShapefile(cut)).records()) seen.push(record.n)
    })().catch((e: unknown) => e)
    expect(seen).toEqual([1])
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toMatch(/corrupt after feature 1/)
    expect(readdirSync(scratch)).toEqual([])
  })

  it('refuses archives without a usable Shapefile, and files that are not zips', async () => {
    expect(await reasonOf(openShapefile(writeZip('none.zip', { 'readme.txt': Buffer.from('x') })))).toMatch(/holds no \.shp file/)
    const bytes = shapefileBytes(zones('utf-8'))
    expect(await reasonOf(openShapefile(writeZip('nodbf.zip', { 'data/roads.shp': bytes.shp })))).toMatch(/has data\/roads\.shp but no \.dbf/)
    const notZip = join(dir, 'not.zip')
    writeFileSync(notZip, 'PK but not really a zip archive')
    expect(await reasonOf(openShapefile(notZip))).toMatch(/not a readable zip archive/)
  })
})

describe('readDbfHeader', () => {
  const header = (spec: TestShapefile): Buffer => shapefileBytes(spec).dbf!
  it('says how it chose the encoding', () => {
    expect(readDbfHeader('t.dbf', header(zones('gbk')), {})).toMatchObject({ encoding: 'gbk', encodingFrom: 'detected', fieldNames: FIELD_NAMES })
    expect(readDbfHeader('t.dbf', header(zones('utf-8')), {})).toMatchObject({ encoding: 'utf-8', encodingFrom: 'detected' })
    expect(readDbfHeader('t.dbf', header(zones('gbk')), { cpg: 'GBK' })).toMatchObject({ encoding: 'gbk', encodingFrom: 'cpg' })
    expect(readDbfHeader('t.dbf', header(zones('utf-8')), { cpg: '65001' })).toMatchObject({ encoding: 'utf-8', encodingFrom: 'cpg' })
    // An unreadable .cpg (ArcGIS can write 'System') is ignored, and the bytes decide.
    expect(readDbfHeader('t.dbf', header(zones('gbk')), { cpg: 'System' })).toMatchObject({ encoding: 'gbk', encodingFrom: 'detected' })
    expect(readDbfHeader('t.dbf', header(zones('gbk')), { option: 'GB2312', cpg: 'UTF-8' })).toMatchObject({ encoding: 'gb2312', encodingFrom: 'option' })
  })

  it('still detects UTF-8 when a writer cut a name inside a character (10-byte names)', () => {
    const spec: TestShapefile = { ...zones('utf-8'), fields: [{ name: '道路名称', type: 'C', length: 20 }], rows: [['人民中路'], ['春熙路'], ['']] }
    const parsed = readDbfHeader('t.dbf', header(spec), {})
    expect(parsed.encoding).toBe('utf-8')
    expect(parsed.fieldNames).toEqual(['道路名\uFFFD'])
  })

  it('refuses a truncated or non-dBASE header', () => {
    expect(() => readDbfHeader('t.dbf', Buffer.alloc(10), {})).toThrow(/truncated/)
    expect(() => readDbfHeader('t.dbf', Buffer.alloc(64), {})).toThrow(/corrupt header/)
  })
})
