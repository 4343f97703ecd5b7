import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { openCsv } from './read-csv.ts'
import { collect } from '../../../test/fixtures/import/read/read-records.ts'

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/import/read/${name}`, import.meta.url))

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-csv-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openCsv', () => {
  it('reads a UTF-8 CSV with a BOM: trimmed header, Excel row numbers across a multi-line cell, blank and ragged rows', async () => {
    const source = await openCsv(fixture('lamps-utf8-bom.csv'), { delimiter: ',' })
    expect(source.format).toBe('csv')
    expect(source.prj).toBeNull()
    // The BOM is not part of the first name; ' 名称 ' is trimmed.
    expect(source.fieldNames).toEqual(['编号', '名称', '经度', '纬度', '备注'])
    const records = await collect(source)
    expect(records.map((r) => r.n)).toEqual([2, 4, 6, 7])
    expect(records[0]).toEqual({
      n: 2,
      fields: { 编号: 'L000001', 名称: '人民中路1号灯', 经度: '104.046', 纬度: '30.66', 备注: '灯罩破损,\r\n待更换' },
      geometry: null,
    })
    // A short row: the missing cell is ''. Row 3 (blank line) and row 5 (',,,,') are skipped but counted.
    expect(records[1]!.fields).toEqual({ 编号: 'L000002', 名称: '人民中路2号灯', 经度: '104.048', 纬度: '30.66', 备注: '' })
    // A long row: the extra cell is ignored; doubled quotes are one quote.
    expect(records[2]!.fields).toEqual({ 编号: 'L000003', 名称: '春熙路"北"口', 经度: '104.05', 纬度: '30.661', 备注: 'ok' })
    expect(records[3]!.fields['备注']).toBe('')
  })

  it('gives the same records on a second pass', async () => {
    const source = await openCsv(fixture('lamps-utf8-bom.csv'), { delimiter: ',' })
    const first = await collect(source)
    const second = await collect(source)
    expect(second).toEqual(first)
    expect(second).toHaveLength(4)
  })

  it('detects GBK (as Excel on Chinese Windows saves "CSV") and decodes it as GB18030', async () => {
    const file = join(dir, 'gbk.csv')
    writeFileSync(file, iconv.encode('编号,街道名称,状态\nL1,春熙路,正常\nL2,"红星路,二段",损坏\n', 'gbk'))
    const source = await openCsv(file, { delimiter: ',' })
    expect(source.fieldNames).toEqual(['编号', '街道名称', '状态'])
    const records = await collect(source)
    expect(records).toEqual([
      { n: 2, fields: { 编号: 'L1', 街道名称: '春熙路', 状态: '正常' }, geometry: null },
      { n: 3, fields: { 编号: 'L2', 街道名称: '红星路,二段', 状态: '损坏' }, geometry: null },
    ])
  })

  it('detects GBK even when the first non-ASCII byte is beyond the first line', async () => {
    const file = join(dir, 'gbk-late.csv')
    const ascii = Array.from({ length: 500 }, (_, i) => `L${i},road ${i}`).join('\n')
    writeFileSync(file, Buffer.concat([Buffer.from(`id,name\n${ascii}\n`), iconv.encode('L500,锦江区\n', 'gbk')]))
    const records = await collect(await openCsv(file, { delimiter: ',' }))
    expect(records.at(-1)).toEqual({ n: 502, fields: { id: 'L500', name: '锦江区' }, geometry: null })
  })

  it('uses the encoding the user names over detection', async () => {
    const file = join(dir, 'big5.csv')
    writeFileSync(file, iconv.encode('編號,名稱\nA1,臺北\n', 'big5'))
    const records = await collect(await openCsv(file, { delimiter: ',', encoding: 'big5' }))
    expect(records[0]!.fields).toEqual({ 編號: 'A1', 名稱: '臺北' })
    await expect(openCsv(file, { delimiter: ',', encoding: 'klingon' })).rejects.toThrow(/unknown text encoding "klingon"/)
  })

  it('reads UTF-16 tab-delimited text (Excel\'s "Unicode Text") by its byte-order mark', async () => {
    const file = join(dir, 'unicode.txt')
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('编号\t名称\r\nL1\t春熙路\r\n', 'utf16le')]))
    const source = await openCsv(file, { delimiter: '\t' })
    expect(source.fieldNames).toEqual(['编号', '名称'])
    expect(await collect(source)).toEqual([{ n: 2, fields: { 编号: 'L1', 名称: '春熙路' }, geometry: null }])
  })

  it('keeps a quote inside an unquoted cell as text, as Excel does', async () => {
    const file = join(dir, 'quote.csv')
    writeFileSync(file, 'id,height\nL1,12" pole\n')
    expect((await collect(await openCsv(file, { delimiter: ',' })))[0]!.fields).toEqual({ id: 'L1', height: '12" pole' })
  })

  it('leaves out columns with a blank header name', async () => {
    const file = join(dir, 'blank-name.csv')
    writeFileSync(file, 'id,,name,\nL1,x,A,y\n')
    const source = await openCsv(file, { delimiter: ',' })
    expect(source.fieldNames).toEqual(['id', 'name'])
    expect((await collect(source))[0]!.fields).toEqual({ id: 'L1', name: 'A' })
  })

  it('refuses files without a usable header row', async () => {
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    await expect(openCsv(empty, { delimiter: ',' })).rejects.toThrow(/the file is empty/)
    const blankFirst = join(dir, 'blank-first.csv')
    writeFileSync(blankFirst, '\nid,name\n')
    await expect(openCsv(blankFirst, { delimiter: ',' })).rejects.toThrow(/row 1 is empty/)
    const headerless = join(dir, 'headerless.csv')
    writeFileSync(headerless, '104.05,30.66,12\n104.06,30.67,9\n')
    await expect(openCsv(headerless, { delimiter: ',' })).rejects.toThrow(/row 1 holds only numbers/)
    const duplicate = join(dir, 'duplicate.csv')
    writeFileSync(duplicate, '编号,备注,名称,备注\n')
    const error = await openCsv(duplicate, { delimiter: ',' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toMatch(/names two columns "备注" \(columns B and D\)/)
  })

  it('reports an unclosed quote from the iterator as a SourceFileError', async () => {
    const file = join(dir, 'unclosed.csv')
    writeFileSync(file, 'id,name\nL1,"never closed\nL2,x\n')
    const source = await openCsv(file, { delimiter: ',' })
    const error = await collect(source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toMatch(/not readable as CSV/)
  })

  it('stops reading when the consumer stops early, and can start again', async () => {
    const source = await openCsv(fixture('lamps-utf8-bom.csv'), { delimiter: ',' })
    for await (const record of source.records()) {
      expect(record.n).toBe(2)
      break
    }
    expect((await collect(source)).map((r) => r.n)).toEqual([2, 4, 6, 7])
  })

  it('streams a 200,000-row file: every row arrives, numbered', async () => {
    const file = join(dir, 'big.csv')
    const out = createWriteStream(file)
    out.write('id,lon,lat,name\n')
    for (let i = 0; i < 200_000; i++) {
      if (!out.write(`L${i},${(104 + i * 1e-6).toFixed(6)},30.66,路灯${i}\n`)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    let count = 0
    let last: SourceRecord | undefined
    for await (const record of (await openCsv(file, { delimiter: ',' })).records()) {
      count++
      last = record
    }
    expect(count).toBe(200_000)
    expect(last).toEqual({ n: 200_001, fields: { id: 'L199999', lon: '104.199999', lat: '30.66', name: '路灯199999' }, geometry: null })
  })
})
