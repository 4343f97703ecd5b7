// What every source reader yields, whatever the file format: one record per spreadsheet row or GIS feature, with
// its position in the file (for the reject report), its fields as the file names them, and its geometry in the
// file's own coordinate system (nothing is converted here: the importer knows the CRS).
import type { Geometry } from 'geojson'

export interface SourceRecord {
  /** 1-based: the spreadsheet row number as a user sees it in Excel (header = row 1, first data row = 2), or the feature number (first = 1). */
  n: number
  /** Field values as read: strings for CSV cells, typed values (number, Date, boolean) where the format has types. */
  fields: Record<string, unknown>
  /** The feature's geometry in source coordinates, or null for a table row (coordinates are then in fields). */
  geometry: Geometry | null
}

export interface OpenedSource {
  format: 'csv' | 'xlsx' | 'geojson' | 'shapefile'
  /** The header (CSV/XLSX) or the attribute names (DBF; GeoJSON: those of the first feature). */
  fieldNames: string[]
  /** Projection text beside or inside the file (a Shapefile's .prj), if any. */
  prj: string | null
  /** A fresh pass over the records each call (the importer reads twice: once to check, once to store). Streams: never the whole file in memory. */
  records(): AsyncIterable<SourceRecord>
}

/** A file that cannot be read at all (missing, unsupported, corrupt): the import stops with exit code 2. */
export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'SourceFileError'
  }
}
