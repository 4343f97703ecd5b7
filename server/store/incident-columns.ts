// Incidents as columns — what the in-memory incident index (server/model/incident-index.ts) is built from: one typed
// array per field and a dictionary for the category and source texts, so two million incidents are ~60 MB of
// arrays rather than two million records. Both adapters fill it row by row through `IncidentColumnsBuilder`.

/** Incidents sorted by (reportedMs, rid); `category[i]` indexes `categories`, `source[i]` indexes `sources`. */
export interface IncidentColumns {
  count: number
  rid: Float64Array
  reportedMs: Float64Array
  lon: Float64Array
  lat: Float64Array
  category: Uint16Array
  categories: string[]
  source: Uint8Array
  sources: string[]
}

export class IncidentColumnsBuilder {
  private n = 0
  private capacity: number
  private readonly cols: Omit<IncidentColumns, 'count'>
  private readonly categoryIndex = new Map<string, number>()
  private readonly sourceIndex = new Map<string, number>()

  constructor(expected = 1024) {
    this.capacity = Math.max(16, expected)
    const c = this.capacity
    this.cols = { rid: new Float64Array(c), reportedMs: new Float64Array(c), lon: new Float64Array(c), lat: new Float64Array(c), category: new Uint16Array(c), categories: [], source: new Uint8Array(c), sources: [] }
  }

  push(rid: number, reportedMs: number, lon: number, lat: number, category: string, source: string): void {
    if (this.n === this.capacity) this.grow()
    const c = this.cols
    const i = this.n++
    c.rid[i] = rid
    c.reportedMs[i] = reportedMs
    c.lon[i] = lon
    c.lat[i] = lat
    c.category[i] = code(this.categoryIndex, c.categories, category)
    c.source[i] = code(this.sourceIndex, c.sources, source)
  }

  finish(): IncidentColumns {
    const c = this.cols
    const n = this.n
    return { count: n, rid: c.rid.slice(0, n), reportedMs: c.reportedMs.slice(0, n), lon: c.lon.slice(0, n), lat: c.lat.slice(0, n), category: c.category.slice(0, n), categories: c.categories, source: c.source.slice(0, n), sources: c.sources }
  }

  private grow(): void {
    this.capacity *= 2
    const c = this.cols
    c.rid = widen(c.rid, this.capacity)
    c.reportedMs = widen(c.reportedMs, this.capacity)
    c.lon = widen(c.lon, this.capacity)
    c.lat = widen(c.lat, this.capacity)
    c.category = widen(c.category, this.capacity)
    c.source = widen(c.source, this.capacity)
  }
}

function code(index: Map<string, number>, list: string[], value: string): number {
  let k = index.get(value)
  if (k === undefined) {
    k = list.length
    list.push(value)
    index.set(value, k)
  }
  return k
}

function widen<T extends Float64Array | Uint16Array | Uint8Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(length)
  out.set(a)
  return out
}
