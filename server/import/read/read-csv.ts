// Delimited text tables (.csv; .tsv and .txt with tabs, as Excel's "Text (Tab delimited)" saves them), streamed
// through csv-parse so a million-row export never sits in memory. Row 1 is the header. Cells stay strings, blank
// ones '' (the importer decides what blank means for each field). Parsing follows what Excel does when it opens
// the file, because users read the reject report against Excel: a quote inside an unquoted cell is literal text,
// rows may have more or fewer cells than the header, and a quoted cell may span lines.
//
// Row numbers (`n`) count CSV records, header = 1, so they are the row numbers Excel shows for the same file,
// including when a quoted cell spans several text lines (Excel shows such a record as one row; the line number in
// a text editor would be larger). Blank lines and rows of only empty cells (Excel writes ",,," for formatted but
// empty rows) are skipped, but they still count, as they are still rows in Excel.
import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { readHeader, rowFields, type TableHeader } from './header.ts'
import { chooseEncoding, decodedPipeline } from './text-encoding.ts'

export interface CsvOptions {
  /** The text encoding when the user names one (profile `encoding`); else detected from the first 64 KB. */
  encoding?: string
  /** ',' for .csv, '\t' for .tsv/.txt. */
  delimiter: string
}

/** The file's records as arrays of cell strings. */
function parseRows(file: string, encoding: string, delimiter: string): Readable {
  const parser = parse({
    delimiter,
    bom: true, // a UTF-8 BOM must not become part of the first header name
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false, // blank lines still count as rows (see above); skipped below
  })
  return decodedPipeline(file, encoding, [parser])
}

/** A csv-parse or file error as the SourceFileError the importer reports. */
function asSourceError(file: string, error: unknown): SourceFileError {
  if (error instanceof SourceFileError) return error
  if (error instanceof CsvError) {
    const where = typeof error.lines === 'number' ? ` near line ${error.lines}` : ''
    return new SourceFileError(file, `not readable as CSV${where}: ${error.message}`)
  }
  return new SourceFileError(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`)
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '')
}

/** Row 1's cells, reading no further; null for an empty file. */
async function peekHeaderCells(file: string, encoding: string, delimiter: string): Promise<string[] | null> {
  try {
    for await (const cells of parseRows(file, encoding, delimiter)) return cells as string[]
    return null
  } catch (error) {
    throw asSourceError(file, error)
  }
}

async function* readRows(file: string, encoding: string, delimiter: string, header: TableHeader): AsyncGenerator<SourceRecord> {
  let n = 0
  try {
    for await (const cells of parseRows(file, encoding, delimiter) as AsyncIterable<string[]>) {
      n++
      if (n === 1 || isBlankRow(cells)) continue
      yield { n, fields: rowFields(header, cells, ''), geometry: null }
    }
  } catch (error) {
    throw asSourceError(file, error)
  }
}

/** Opens a delimited text table: detects its encoding and reads its header now, the rows on each `records()` pass. */
export async function openCsv(file: string, options: CsvOptions): Promise<OpenedSource> {
  const encoding = await chooseEncoding(file, options.encoding)
  const header = readHeader(file, await peekHeaderCells(file, encoding, options.delimiter))
  return {
    format: 'csv',
    fieldNames: header.fieldNames,
    prj: null,
    records: () => readRows(file, encoding, options.delimiter, header),
  }
}
