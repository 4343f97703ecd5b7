import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { openXlsx } from './read-xlsx.ts'
import { collect } from '../../../test/fixtures/import/read/read-records.ts'

let dir: string
let workbook: string

/** A workbook as a user's would be: a notes tab first, then the data with every kind of cell exceljs writes. */
async function writeWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook()
  const notes = book.addWorksheet('说明')
  notes.addRow(['本表为路灯台账', '2026年'])
  notes.addRow(['第二行'])
  const lamps = book.addWorksheet('路灯')
  lamps.addRow([' 编号 ', '经度', '纬度', '安装日期', '维护单位', '链接', '灯高x2'])
  lamps.addRow(['L000001', 104.046, 30.66, new Date(Date.UTC(2015, 2, 1)), { richText: [{ text: '路灯', font: { bold: true } }, { text: '所' }] }, { text: '详情', hyperlink: 'https://example.org/L1' }, { formula: 'B2*2', result: 24 }])
  lamps.getCell('D2').numFmt = 'yyyy-mm-dd'
  // Row 3 left empty; row 4 has values but only some cells; row 5 formatted but empty (no values); row 6 more data.
  lamps.getCell('A4').value = 'L000002'
  lamps.getCell('C4').value = 30.661
  lamps.getCell('E4').value = { error: '#N/A' }
  lamps.getCell('A5').numFmt = '0.00'
  lamps.getRow(5).height = 30
  lamps.getCell('A6').value = 'L000003'
  lamps.getCell('B6').value = true
  lamps.getCell('D6').value = { formula: 'DATE(2020,1,2)', result: new Date(Date.UTC(2020, 0, 2)) }
  lamps.getCell('D6').numFmt = 'yyyy/m/d'
  lamps.getCell('H6').value = 'beyond the header'
  await book.xlsx.writeFile(file)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'read-xlsx-test-'))
  workbook = join(dir, 'lamps.xlsx')
  await writeWorkbook(workbook)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openXlsx', () => {
  it('reads the first worksheet by default', async () => {
    const source = await openXlsx(workbook)
    expect(source.format).toBe('xlsx')
    expect(source.fieldNames).toEqual(['本表为路灯台账', '2026年'])
    expect(await collect(source)).toEqual([{ n: 2, fields: { 本表为路灯台账: '第二行', '2026年': '' }, geometry: null }])
  })

  it('reads the named worksheet with Excel row numbers and typed, plain values', async () => {
    const source = await openXlsx(workbook, { sheet: '路灯' })
    expect(source.fieldNames).toEqual(['编号', '经度', '纬度', '安装日期', '维护单位', '链接', '灯高x2'])
    const records = await collect(source)
    // Rows 3 (absent) and 5 (formatted, no values) are skipped; numbering stays Excel's.
    expect(records.map((r) => r.n)).toEqual([2, 4, 6])
    expect(records[0]!.fields).toEqual({
      编号: 'L000001',
      经度: 104.046,
      纬度: 30.66,
      安装日期: new Date(Date.UTC(2015, 2, 1)),
      维护单位: '路灯所', // rich text → its text
      链接: '详情', // hyperlink → its text
      灯高x2: 24, // formula → its cached result
    })
    expect(records[1]!.fields).toEqual({ 编号: 'L000002', 经度: '', 纬度: 30.661, 安装日期: '', 维护单位: '#N/A', 链接: '', 灯高x2: '' })
    // A boolean stays boolean; a date-formatted formula result is a Date; a cell beyond the header is ignored.
    expect(records[2]!.fields).toEqual({ 编号: 'L000003', 经度: true, 纬度: '', 安装日期: new Date(Date.UTC(2020, 0, 2)), 维护单位: '', 链接: '', 灯高x2: '' })
  })

  it('gives the same records on a second pass', async () => {
    const source = await openXlsx(workbook, { sheet: '路灯' })
    const first = await collect(source)
    expect(await collect(source)).toEqual(first)
    expect(first).toHaveLength(3)
  })

  it('names the sheets it has when the wanted one is missing', async () => {
    const error = await openXlsx(workbook, { sheet: 'Sheet1' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toBe('no worksheet named "Sheet1" (it has: "说明", "路灯")')
  })

  it('refuses a sheet whose row 1 is empty', async () => {
    const file = join(dir, 'no-header.xlsx')
    const book = new ExcelJS.Workbook()
    book.addWorksheet('data').getCell('A2').value = 'L1'
    await book.xlsx.writeFile(file)
    await expect(openXlsx(file)).rejects.toThrow(/row 1 is empty/)
  })

  it('refuses a file that is not a workbook', async () => {
    const file = join(dir, 'fake.xlsx')
    writeFileSync(file, 'id,name\nL1,x\n')
    const error = await openXlsx(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as SourceFileError).reason).toMatch(/not readable as an Excel workbook/)
  })

  it('streams a sheet of 20,000 rows with every row numbered', async () => {
    const file = join(dir, 'big.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false })
    const sheet = writer.addWorksheet('lamps')
    sheet.addRow(['id', 'lon']).commit()
    for (let i = 0; i < 20_000; i++) sheet.addRow([`L${i}`, 104 + i / 1e6]).commit()
    sheet.commit()
    await writer.commit()
    let count = 0
    let last: SourceRecord | undefined
    for await (const record of (await openXlsx(file)).records()) {
      count++
      last = record
    }
    expect(count).toBe(20_000)
    expect(last).toEqual({ n: 20_001, fields: { id: 'L19999', lon: 104.019999 }, geometry: null })
  })
})
