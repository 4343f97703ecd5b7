// The one entry point the importer calls: opens a city's data file with the reader for its format, chosen by the
// file name's extension (users' files carry no other reliable sign of their format, and a wrong guess would
// misread rather than fail). Every reader peeks at the file before this resolves, so a file that cannot be read
// at all (missing, unsupported, corrupt header) stops the import here with a SourceFileError, before any record.
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { SourceFileError, type OpenedSource } from '../source-record.ts'
import { openCsv } from './read-csv.ts'
import { openGeoJson } from './read-geojson.ts'
import { openGeoJsonLines } from './read-geojson-lines.ts'
import { openShapefile } from './read-shapefile.ts'
import { openXlsx } from './read-xlsx.ts'

export interface OpenSourceOptions {
  /** XLSX: the worksheet to read (default: the first). Zip: the .shp to read when it holds several. */
  sheet?: string
  /** CSV/TSV, GeoJSON and DBF text encoding, when detection is not enough ('GBK', 'UTF-8', '936'…). */
  encoding?: string
}

/** Opens `file` for reading records; see OpenedSource. Throws SourceFileError when the file cannot be read at all. */
export async function openSource(file: string, options: OpenSourceOptions = {}): Promise<OpenedSource> {
  const extension = extname(file).toLowerCase()
  const opener = openerFor(extension)
  if (opener === null) {
    if (extension === '.xls') throw new SourceFileError(file, 'unsupported file type: old Excel .xls workbooks cannot be read; save it as .xlsx (Excel: File › Save As › Excel Workbook)')
    const what = extension === '' ? 'a file without extension' : `"${extension}" files`
    throw new SourceFileError(file, `unsupported file type: ${what} cannot be imported; use .csv, .xlsx, .geojson, .shp or .zip`)
  }
  try {
    const stats = await stat(file)
    if (!stats.isFile()) throw new SourceFileError(file, 'not a file (a directory?)')
  } catch (error) {
    if (error instanceof SourceFileError) throw error
    throw new SourceFileError(file, `not found (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  return opener(file, options)
}

type Opener = (file: string, options: OpenSourceOptions) => Promise<OpenedSource>

function openerFor(extension: string): Opener | null {
  switch (extension) {
    case '.csv':
      return (file, { encoding }) => openCsv(file, { encoding, delimiter: ',' })
    case '.tsv':
    case '.txt':
      return (file, { encoding }) => openCsv(file, { encoding, delimiter: '\t' })
    case '.xlsx':
      return (file, { sheet }) => openXlsx(file, { sheet })
    case '.geojson':
    case '.json':
      return (file, { encoding }) => openGeoJson(file, { encoding })
    case '.geojsonl':
    case '.geojsons':
    case '.ndjson':
    case '.jsonl':
      return (file, { encoding }) => openGeoJsonLines(file, { encoding })
    case '.shp':
    case '.zip':
      return openShapefile
    default:
      return null
  }
}
