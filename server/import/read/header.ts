// The header row of a table (CSV or worksheet): row 1 names the columns. Field names are the user's own (the
// profile maps them), so they are kept as written, only trimmed. What would silently lose or mix up data is
// refused here, where the user can still see which file and row to fix: a missing header, a first row that is
// plainly data (all numbers: the header was left out), and a name used for two columns (which one would the
// profile's field mean?). A column with a blank name is left out: Excel exports trailing formatted-but-empty
// columns that way.
import { SourceFileError } from '../source-record.ts'

export interface TableHeader {
  /** The column names in file order, blank-named columns left out. */
  fieldNames: string[]
  /** One entry per column of row 1: the column's field name, or null for a blank-named column (its cells are dropped). */
  columns: (string | null)[]
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** Spreadsheet letters for a 0-based column index (0 → A, 26 → AA), for messages a user can follow in Excel. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters
  return letters
}

/** Reads row 1's cells (already as text) into field names, or throws SourceFileError saying what is wrong with it. */
export function readHeader(file: string, cells: readonly string[] | null): TableHeader {
  if (cells === null) throw new SourceFileError(file, 'the file is empty: row 1 must name the columns')
  const columns = cells.map((cell) => (cell.trim() === '' ? null : cell.trim()))
  const named = columns.filter((name): name is string => name !== null)
  if (named.length === 0) throw new SourceFileError(file, 'row 1 is empty: it must name the columns (the header row)')
  if (named.every((name) => NUMBER.test(name))) {
    throw new SourceFileError(file, `row 1 holds only numbers (${named.slice(0, 3).join(', ')}…): it looks like data; the first row must name the columns`)
  }
  const seen = new Map<string, number>()
  columns.forEach((name, index) => {
    if (name === null) return
    const first = seen.get(name)
    if (first !== undefined) {
      throw new SourceFileError(file, `row 1 names two columns "${name}" (columns ${columnLetter(first)} and ${columnLetter(index)}): rename one so each field name is unique`)
    }
    seen.set(name, index)
  })
  return { fieldNames: named, columns }
}

/** A data row's cells as fields named by the header: missing cells → '', cells beyond the header ignored. */
export function rowFields<T>(header: TableHeader, cells: readonly T[], blank: T): Record<string, T> {
  const fields: Record<string, T> = {}
  header.columns.forEach((name, index) => {
    if (name === null) return
    const cell = cells[index]
    fields[name] = cell === undefined ? blank : cell
  })
  return fields
}
