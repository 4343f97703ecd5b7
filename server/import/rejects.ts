// The reject report: every row that did not come in, with its file, row or feature number, id, field and reason.
// Written as CSV as the rows are found (a bad file can reject millions: they go to disk, not memory); the first
// few are kept for the summary and the Data view.
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { LayerName } from './profile.ts'

export interface RejectedRow {
  file: string
  layer: LayerName
  /** Spreadsheet row (header = 1) or feature number (first = 1). */
  n: number
  id: string
  field: string
  reason: string
  value: string
}

export const REJECT_COLUMNS = ['file', 'layer', 'row', 'id', 'field', 'reason', 'value'] as const
/** Rejected rows kept in memory for the report; the file has all of them. */
export const REJECT_SAMPLE = 1_000

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const rejectLine = (r: RejectedRow): string => [r.file, r.layer, r.n, r.id, r.field, r.reason, r.value].map(csvCell).join(',') + '\n'

export interface RejectSink {
  add(row: RejectedRow): void
  readonly sample: RejectedRow[]
  readonly count: number
  close(): Promise<void>
}

export function createRejectSink(file: string | undefined): RejectSink {
  let out: WriteStream | undefined
  if (file) {
    out = createWriteStream(file, { encoding: 'utf8' })
    // A BOM so Excel opens the Chinese text as UTF-8
    out.write('\uFEFF' + REJECT_COLUMNS.join(',') + '\n')
  }
  const sample: RejectedRow[] = []
  let count = 0
  return {
    add(row) {
      count++
      if (sample.length < REJECT_SAMPLE) sample.push(row)
      out?.write(rejectLine(row))
    },
    sample,
    get count() {
      return count
    },
    async close() {
      if (!out) return
      out.end()
      await once(out, 'finish')
    },
  }
}
