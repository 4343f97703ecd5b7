// Incidents as columns — what the in-memory incident index (server/model/incident-index.ts) is built from: one typed
// array per field and dictionaries for the texts, so two million incidents are ~150 MB of arrays rather than two
// million records. Both store adapters read the incident columns as arrays (INCIDENT_COLUMNS_SQL in
// server/store/record-rows.ts, in the order `push` takes them) and push them row by row.
import { incidentId } from './record-ids.ts'

/**
 * Incidents sorted by (reportedMs, rid). Text fields are codes into their dictionary (`category[i]` indexes
 * `categories`; a null unit or zone is a dictionary entry too); a missing time is NaN, a missing rating 0.
 */
export interface IncidentColumns {
  count: number
  /**
   * Ids not of the store's form `incidentId(rid)` (a district seeded from someone else's records), by rid: every
   * other row's id is derived from its rid (`incidentIdAt`) rather than kept — at megacity size two million id
   * strings were a third of the objects the server's collector had to visit on every full collection.
   */
  otherIds: Map<number, string>
  rid: Float64Array
  reportedMs: Float64Array
  version: Float64Array
  lon: Float64Array
  lat: Float64Array
  category: Uint16Array
  categories: string[]
  source: Uint8Array
  sources: string[]
  status: Uint8Array
  statuses: string[]
  unit: Uint16Array
  units: (string | null)[]
  zone: Uint16Array
  zones: (string | null)[]
  dispatchedMs: Float64Array
  firstHandledMs: Float64Array
  closedMs: Float64Array
  deadlineMs: Float64Array
  reworkCount: Uint16Array
  extensionCount: Uint16Array
  rating: Uint8Array
}

/** The id of row `i`: what a tile names a point by. */
export function incidentIdAt(cols: IncidentColumns, i: number): string {
  const rid = cols.rid[i]!
  return cols.otherIds.get(rid) ?? incidentId(rid)
}

type NumericColumn = Exclude<keyof IncidentColumns, 'count' | 'otherIds' | 'categories' | 'sources' | 'statuses' | 'units' | 'zones'>
const NUMERIC: { [K in NumericColumn]: new (n: number) => IncidentColumns[K] } = {
  rid: Float64Array, reportedMs: Float64Array, version: Float64Array, lon: Float64Array, lat: Float64Array, category: Uint16Array, source: Uint8Array, status: Uint8Array,
  unit: Uint16Array, zone: Uint16Array, dispatchedMs: Float64Array, firstHandledMs: Float64Array, closedMs: Float64Array, deadlineMs: Float64Array,
  reworkCount: Uint16Array, extensionCount: Uint16Array, rating: Uint8Array,
}
const NUMERIC_NAMES = Object.keys(NUMERIC) as NumericColumn[]

/** Empty columns with room for `n` rows, and the dictionaries given (or empty ones). */
export function allocateColumns(n: number, dictionaries?: Pick<IncidentColumns, 'categories' | 'sources' | 'statuses' | 'units' | 'zones'>): IncidentColumns {
  const d = dictionaries ?? { categories: [], sources: [], statuses: [], units: [], zones: [] }
  // the dictionaries are shared, never copied: codes stay valid across the old and the new columns
  const out = { count: n, otherIds: new Map<number, string>(), categories: d.categories, sources: d.sources, statuses: d.statuses, units: d.units, zones: d.zones } as Partial<IncidentColumns> as IncidentColumns
  for (const name of NUMERIC_NAMES) (out as unknown as Record<string, unknown>)[name] = new NUMERIC[name](n)
  return out
}

/** Copies row `from` of `source` into row `to` of `target`, translating the dictionary codes. */
export function copyRow(source: IncidentColumns, from: number, target: IncidentColumns, to: number): void {
  for (const name of NUMERIC_NAMES) target[name][to] = source[name][from]!
  const rid = source.rid[from]!
  const other = source.otherIds.get(rid)
  if (other !== undefined) target.otherIds.set(rid, other)
  else if (source.otherIds !== target.otherIds) target.otherIds.delete(rid)
  // the same dictionaries (a copy within one index): the codes stand as they are
  if (source.categories === target.categories && source.sources === target.sources && source.statuses === target.statuses && source.units === target.units && source.zones === target.zones) return
  target.category[to] = code(target.categories, source.categories[source.category[from]!]!)
  target.source[to] = code(target.sources, source.sources[source.source[from]!]!)
  target.status[to] = code(target.statuses, source.statuses[source.status[from]!]!)
  target.unit[to] = code(target.units, source.units[source.unit[from]!]!)
  target.zone[to] = code(target.zones, source.zones[source.zone[from]!]!)
}

const nullableNumber = (v: unknown) => (v === null || v === undefined ? NaN : Number(v))
const nullableText = (v: unknown) => (v === null || v === undefined ? null : String(v))

export class IncidentColumnsBuilder {
  private n = 0
  private cols: IncidentColumns
  private readonly codes = { categories: new Map<string, number>(), sources: new Map<string, number>(), statuses: new Map<string, number>(), units: new Map<string | null, number>(), zones: new Map<string | null, number>() }

  constructor(expected = 1024) {
    this.cols = allocateColumns(Math.max(16, expected))
  }

  /** One row: rid, reported_ms, version, lon, lat, category, source, status, unit_id, zone_id, dispatched_ms,
   * first_handled_ms, closed_ms, deadline_ms, rework_count, extension_count, rating, id — as a driver returns them. */
  push(r: readonly unknown[]): void {
    if (this.n === this.cols.rid.length) this.grow()
    const c = this.cols
    const i = this.n++
    c.rid[i] = Number(r[0])
    c.reportedMs[i] = Number(r[1])
    c.version[i] = Number(r[2])
    c.lon[i] = Number(r[3])
    c.lat[i] = Number(r[4])
    const k = this.codes
    c.category[i] = cachedCode(k.categories, c.categories, String(r[5]))
    c.source[i] = cachedCode(k.sources, c.sources, String(r[6]))
    c.status[i] = cachedCode(k.statuses, c.statuses, String(r[7]))
    c.unit[i] = cachedCode(k.units, c.units, nullableText(r[8]))
    c.zone[i] = cachedCode(k.zones, c.zones, nullableText(r[9]))
    c.dispatchedMs[i] = nullableNumber(r[10])
    c.firstHandledMs[i] = nullableNumber(r[11])
    c.closedMs[i] = nullableNumber(r[12])
    c.deadlineMs[i] = Number(r[13])
    c.reworkCount[i] = Number(r[14])
    c.extensionCount[i] = Number(r[15])
    c.rating[i] = r[16] === null || r[16] === undefined ? 0 : Number(r[16])
    const id = String(r[17])
    if (id !== incidentId(c.rid[i]!)) c.otherIds.set(c.rid[i]!, id)
  }

  /**
   * The rows pushed, sorted by (reportedMs, rid). Rows may come in any order — the adapters read them in rid order,
   * the table's own order, which is fast; going through the time index instead would visit the rows at random.
   */
  finish(): IncidentColumns {
    const n = this.n
    const { reportedMs: t, rid } = this.cols
    let sorted = true
    for (let i = 1; i < n && sorted; i++) sorted = t[i - 1]! < t[i]! || (t[i - 1] === t[i] && rid[i - 1]! < rid[i]!)
    const out = { ...this.cols, count: n }
    if (sorted) {
      for (const name of NUMERIC_NAMES) (out as unknown as Record<string, unknown>)[name] = this.cols[name].slice(0, n)
      return out
    }
    const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => t[a]! - t[b]! || rid[a]! - rid[b]!)
    for (const name of NUMERIC_NAMES) {
      const from = this.cols[name]
      const to = new (from.constructor as new (n: number) => typeof from)(n)
      for (let i = 0; i < n; i++) to[i] = from[order[i]!]!
      ;(out as unknown as Record<string, unknown>)[name] = to
    }
    return out
  }

  private grow(): void {
    const bigger = allocateColumns(this.cols.rid.length * 2, this.cols)
    for (const name of NUMERIC_NAMES) (bigger[name] as { set(a: ArrayLike<number>): void }).set(this.cols[name])
    bigger.otherIds = this.cols.otherIds
    this.cols = bigger
  }
}

function cachedCode<T>(codes: Map<T, number>, dictionary: T[], value: T): number {
  let k = codes.get(value)
  if (k === undefined) codes.set(value, (k = code(dictionary, value)))
  return k
}

/** The code of `value` in `dictionary`, added if new. Dictionaries stay small (categories, statuses, units, zones). */
export function code<T>(dictionary: T[], value: T): number {
  const k = dictionary.indexOf(value)
  return k >= 0 ? k : dictionary.push(value) - 1
}
