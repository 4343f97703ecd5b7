// Excel workbooks (.xlsx), streamed with exceljs's WorkbookReader: rows arrive one at a time as the zip is inflated,
// so a sheet of a million rows never becomes a workbook in memory. Row 1 is the header; `n` is the Excel row number
// (fully empty rows are skipped, the numbering stays Excel's). Values keep their types: numbers stay numbers,
// date-formatted cells are Dates, text from rich text, hyperlinks and formulas (their cached result) is plain, and
// an error cell is its code ('#N/A'). A missing or empty cell is '' as in a CSV, so the importer has one notion
// of blank for both.
//
// exceljs emits sheets in zip order and, when the shared strings come after the sheets (as Excel writes them), it
// first copies each sheet to a temp file (on disk, not in memory) and parses them at the end; so opening a workbook
// may read the whole file once before the first row is seen. (A pass stopped early, as opening does after row 1,
// leaves those copies to exceljs's clean-up at process exit.)
//
// Dates: an Excel date has no time zone; exceljs turns the serial number into a Date whose UTC fields are the
// wall-clock fields the user typed (45000 → 2023-03-15T00:00:00Z). The importer reads them with getUTC*.
import { createReadStream, type ReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { readHeader, rowFields, type TableHeader } from './header.ts'

/** What we use of exceljs's streamed rows and sheets (its typings omit the sheet name and cell formats). */
interface StreamedCell {
  value: unknown
  numFmt?: string
}
interface StreamedRow {
  number: number
  cellCount: number
  getCell(column: number): StreamedCell
}
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  name: string | undefined
  /** The sheet's XML: an unstarted generator over the zip entry, or a read stream of the temp copy (see above). */
  iterator: unknown
}
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  model?: { sheets?: { name: string }[] }
  properties?: { model?: { date1904?: boolean } }
}

/** exceljs's own test for a date number format: date letters outside quoted text and [colour]/[locale] brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

/** An Excel serial day number (1900 or 1904 system) as the Date exceljs would give for a date cell. */
function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/** A cell's value as the importer sees it: the displayed text's underlying value, never an exceljs object. */
function plainCellValue(cell: StreamedCell, date1904: boolean): unknown {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('')
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = (value as { result?: unknown }).result
    // exceljs parses every non-string formula result as a number: NaN means an error or a boolean it lost.
    if (typeof result === 'number') {
      if (Number.isNaN(result)) return ''
      return isDateFormat(cell.numFmt) ? excelSerialToDate(result, date1904) : result
    }
    return plainCellValue({ value: result }, date1904)
  }
  if ('hyperlink' in value && 'text' in value) return plainCellValue({ value: value.text }, date1904)
  if ('error' in value) return String(value.error)
  if ('text' in value) return plainCellValue({ value: value.text }, date1904)
  return String(value)
}

/** A header cell's name as text (a number or date used as a column name becomes its text). */
function headerText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

function rowValues(row: StreamedRow, date1904: boolean): unknown[] {
  const values: unknown[] = []
  for (let column = 1; column <= row.cellCount; column++) values.push(plainCellValue(row.getCell(column), date1904))
  return values
}

/**
 * Lets a sheet we do not read go. exceljs deletes a deferred sheet's temp copy as soon as we move on, while the read
 * stream it opened on that copy is still opening: unread, that stream would fail with ENOENT as an uncaught error.
 */
function skipSheet(worksheet: StreamedSheet): void {
  const stream = worksheet.iterator
  if (stream instanceof Readable) {
    stream.on('error', () => {})
    stream.destroy()
  }
}

/**
 * The rows of the chosen sheet (the one named `sheet`, else the first tab), read from a fresh stream of the file.
 * Breaking out of the loop closes the file.
 */
async function* sheetRows(file: string, sheet: string | undefined): AsyncGenerator<{ row: StreamedRow; date1904: boolean }> {
  const input: ReadStream = createReadStream(file)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date detection needs each cell's number format
    hyperlinks: 'ignore', // a hyperlink cell is then just its text
    entries: 'ignore',
  }) as unknown as StreamedWorkbook
  const seen: string[] = []
  let found = false
  try {
    for await (const worksheet of reader) {
      const name = worksheet.name
      if (name !== undefined) seen.push(name)
      // The first tab is the workbook's first <sheet>, which need not be the first sheet part in the zip.
      const firstTab = reader.model?.sheets?.[0]?.name
      const wanted = sheet !== undefined ? name === sheet : firstTab === undefined || name === firstTab
      if (!wanted) {
        skipSheet(worksheet)
        continue
      }
      found = true
      const date1904 = reader.properties?.model?.date1904 === true
      for await (const row of worksheet) yield { row, date1904 }
      return
    }
  } catch (error) {
    throw new SourceFileError(file, `not readable as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    input.destroy()
  }
  if (!found) {
    if (sheet !== undefined) throw new SourceFileError(file, `no worksheet named "${sheet}" (it has: ${seen.map((s) => `"${s}"`).join(', ') || 'none'})`)
    throw new SourceFileError(file, 'the workbook has no worksheet')
  }
}

/** Row 1's cells as text, reading no further; null when the sheet has no rows at all. */
async function peekHeaderCells(file: string, sheet: string | undefined): Promise<string[] | null> {
  for await (const { row, date1904 } of sheetRows(file, sheet)) {
    if (row.number !== 1) return [] // row 1 absent: an empty header, which readHeader reports
    return rowValues(row, date1904).map(headerText)
  }
  return null
}

async function* readRows(file: string, sheet: string | undefined, header: TableHeader): AsyncGenerator<SourceRecord> {
  for await (const { row, date1904 } of sheetRows(file, sheet)) {
    if (row.number === 1) continue
    const values = rowValues(row, date1904)
    if (values.every((value) => value === '')) continue
    yield { n: row.number, fields: rowFields(header, values, ''), geometry: null }
  }
}

/** Opens a worksheet of an .xlsx workbook (`sheet`, else the first): reads its header now, its rows on each `records()` pass. */
export async function openXlsx(file: string, options: { sheet?: string } = {}): Promise<OpenedSource> {
  const header = readHeader(file, await peekHeaderCells(file, options.sheet))
  return {
    format: 'xlsx',
    fieldNames: header.fieldNames,
    prj: null,
    records: () => readRows(file, options.sheet, header),
  }
}
