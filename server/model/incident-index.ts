// Every incident's place, time, category and source, and the case facts the KPIs count, held in memory as columns
// sorted by (reported time, rid). The leader's analyses — hotspots and their comparison, the busiest crossings, the
// monthly counts, the KPIs and the league table — then cost what the period asked for (two binary searches and a
// scan of that period's rows) instead of a read of the incidents table on every request. Two million incidents
// are ~150 MB. Every write to an incident names it in a change (DistrictModel), and its row is read again and
// merged here: a report adds a row, a case step replaces one (the newer version wins, so two refreshes finishing
// out of order cannot go back in time); an import replaces the whole index.
import type { KpiCase } from '../analysis/case-kpis.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { bucketPoints, forEachNear, forEachSpan, GridCounter, type GridCount, type PointBuckets } from '../analysis/point-buckets.ts'
import { allocateColumns, copyRow, incidentIdAt, type IncidentColumns } from '../kernel/incident-columns.ts'

export interface IncidentFilter {
  fromMs: number
  toMs: number // exclusive
  categories?: readonly string[]
  sources?: readonly string[]
  statuses?: readonly string[]
}

/** The filters of a map tile: the incident layer's, any period. */
export type TileFilter = Partial<IncidentFilter>

/** One incident drawn on its own in a detail tile. */
export interface TilePoint {
  id: string
  lon: number
  lat: number
  category: string
  status: string
  reportedMs: number
}

// Rows added since the buckets were made are scanned one by one beside them; past this many they are remade.
const MAX_UNBUCKETED = 50_000

/**
 * The rows bucketed by place, with the fields a tile filters on copied in bucket order: a low-zoom tile then reads
 * its points' fields in sequence rather than jumping across the time-ordered columns (six cache misses a point).
 * Position j holds row buckets.order[j]; posOf maps a row back, so a status change reaches the copy.
 */
interface Placed {
  buckets: PointBuckets
  lon: Float64Array
  lat: Float64Array
  reportedMs: Float64Array
  category: Uint16Array
  source: Uint8Array
  status: Uint8Array
  posOf: Uint32Array
}

export class IncidentIndex {
  private cols: IncidentColumns // arrays may be longer than `count` (room to append)
  private placed: Placed | undefined // rows 0 … buckets.count − 1 by place, for the tiles; made on first use

  constructor(columns: IncidentColumns) {
    this.cols = columns
  }

  get size(): number {
    return this.cols.count
  }

  /**
   * The positions [lon0, lat0, lon1, lat1, …] of the matching incidents in (time, rid) order: in a new array, or in
   * the first part of what `into` hands out for the most there can be (then a view of that part).
   */
  positions(f: IncidentFilter): Float64Array<ArrayBuffer>
  positions<B extends ArrayBufferLike>(f: IncidentFilter, into: (length: number) => Float64Array<B>): Float64Array<B>
  positions(f: IncidentFilter, into?: (length: number) => Float64Array): Float64Array {
    const { lon, lat } = this.cols
    const [start, end] = this.span(f.fromMs, f.toMs)
    // the period alone needs no row asked: the span holds exactly its rows
    const keep = f.categories || f.sources || f.statuses ? this.rowFilter(f) : undefined
    const out = into ? into(2 * (end - start)) : new Float64Array(2 * (end - start))
    let n = 0
    for (let i = start; i < end; i++) {
      if (keep && !keep(i)) continue
      out[n++] = lon[i]!
      out[n++] = lat[i]!
    }
    return n === out.length ? out : into ? out.subarray(0, n) : out.slice(0, n)
  }

  /** The positions, as point items, of the incidents reported in [fromMs, toMs) that `keep` accepts. */
  pointsWhere(fromMs: number, toMs: number, keep: (category: string, status: string, reportedMs: number) => boolean): { coordinates: LngLat }[] {
    const c = this.cols
    const [start, end] = this.span(fromMs, toMs)
    const out: { coordinates: LngLat }[] = []
    for (let i = start; i < end; i++) if (keep(c.categories[c.category[i]!]!, c.statuses[c.status[i]!]!, c.reportedMs[i]!)) out.push({ coordinates: [c.lon[i]!, c.lat[i]!] })
    return out
  }

  /** The matching incidents counted per category in each [from, to) bucket; buckets and categories with none left out. */
  counts(f: Omit<IncidentFilter, 'fromMs' | 'toMs'>, buckets: readonly (readonly [number, number])[]): { bucket: number; category: string; count: number }[] {
    const { category, categories } = this.cols
    const rows: { bucket: number; category: string; count: number }[] = []
    buckets.forEach(([fromMs, toMs], bucket) => {
      const [start, end] = this.span(fromMs, toMs)
      const keep = this.rowFilter({ ...f, fromMs, toMs })
      const perCategory = new Float64Array(categories.length)
      for (let i = start; i < end; i++) if (keep(i)) perCategory[category[i]!]!++
      perCategory.forEach((count, k) => {
        if (count > 0) rows.push({ bucket, category: categories[k]!, count })
      })
    })
    return rows
  }

  /**
   * The case facts of every incident reported in [fromMs, toMs), merged ones included, for `computeKpis`. One
   * object is reused for every row: a visitor must read it, never keep it.
   */
  cases(fromMs: number, toMs: number): { forEach(visit: (c: KpiCase) => void): void } {
    const c = this.cols
    const [start, end] = this.span(fromMs, toMs)
    const time = (ms: number) => (Number.isNaN(ms) ? null : ms)
    return {
      forEach(visit) {
        const row: KpiCase = { category: '', unitId: null, zoneId: null, status: 'reported', reportedMs: 0, dispatchedMs: null, firstHandledMs: null, closedMs: null, deadlineMs: 0, reworkCount: 0, extensionCount: 0, rating: null }
        for (let i = start; i < end; i++) {
          row.category = c.categories[c.category[i]!]!
          row.unitId = c.units[c.unit[i]!]!
          row.zoneId = c.zones[c.zone[i]!]!
          row.status = c.statuses[c.status[i]!] as KpiCase['status']
          row.reportedMs = c.reportedMs[i]!
          row.dispatchedMs = time(c.dispatchedMs[i]!)
          row.firstHandledMs = time(c.firstHandledMs[i]!)
          row.closedMs = time(c.closedMs[i]!)
          row.deadlineMs = c.deadlineMs[i]!
          row.reworkCount = c.reworkCount[i]!
          row.extensionCount = c.extensionCount[i]!
          row.rating = c.rating[i] === 0 ? null : c.rating[i]!
          visit(row)
        }
      },
    }
  }

  /**
   * The matching incidents in `bbox` counted per cell of a `columns` × `rows` grid across it, `flagged` counting
   * those with a flagged status (open cases): a low-zoom tile.
   */
  gridCells(bbox: BBox, columns: number, rows: number, filter: TileFilter, flaggedStatuses: readonly string[]): GridCount[] {
    const { lon, lat, status, category, source, reportedMs, categories, statuses, sources } = this.cols
    const flagged = Uint8Array.from(statuses, (s) => (flaggedStatuses.includes(s) ? 1 : 0))
    // the filters as code tables, tested inline: a z12 tile scans every incident of a city
    const any = new Uint8Array(256).fill(1)
    const byCategory = filter.categories ? Uint8Array.from(categories, (x) => (filter.categories!.includes(x) ? 1 : 0)) : any
    const byStatus = filter.statuses ? Uint8Array.from(statuses, (x) => (filter.statuses!.includes(x) ? 1 : 0)) : any
    const bySource = filter.sources ? Uint8Array.from(sources, (x) => (filter.sources!.includes(x) ? 1 : 0)) : any
    const from = filter.fromMs ?? -Infinity
    const to = filter.toMs ?? Infinity
    const grid = new GridCounter(bbox, columns, rows)
    const p = this.placedRows()
    forEachSpan(p.buckets, bbox, (start, end) => {
      for (let j = start; j < end; j++) {
        if (byCategory[p.category[j]!] === 1 && byStatus[p.status[j]!] === 1 && bySource[p.source[j]!] === 1 && p.reportedMs[j]! >= from && p.reportedMs[j]! < to) grid.add(p.lon[j]!, p.lat[j]!, flagged[p.status[j]!] === 1)
      }
    })
    // the rows newer than the buckets
    for (let i = p.buckets.count; i < this.cols.count; i++) {
      if (byCategory[category[i]!] === 1 && byStatus[status[i]!] === 1 && bySource[source[i]!] === 1 && reportedMs[i]! >= from && reportedMs[i]! < to) grid.add(lon[i]!, lat[i]!, flagged[status[i]!] === 1)
    }
    return grid.cells()
  }

  /** The matching incidents in `bbox` in (time, rid) order — or undefined when there are more than `max`: a detail tile. */
  pointsIn(bbox: BBox, filter: TileFilter, max: number): TilePoint[] | undefined {
    const c = this.cols
    const keep = this.rowFilter(filter)
    const [west, south, east, north] = bbox
    const found: number[] = []
    let tooMany = false
    this.forEachIn(bbox, (i) => {
      if (tooMany || !keep(i)) return
      const lon = c.lon[i]!
      const lat = c.lat[i]!
      if (lon < west || lon > east || lat < south || lat > north) return
      if (found.length === max) tooMany = true
      else found.push(i)
    })
    if (tooMany) return undefined
    return found
      .sort((a, b) => a - b)
      .map((i) => ({ id: incidentIdAt(c, i), lon: c.lon[i]!, lat: c.lat[i]!, category: c.categories[c.category[i]!]!, status: c.statuses[c.status[i]!]!, reportedMs: c.reportedMs[i]! }))
  }

  /** Buckets the rows by place now rather than on the first tile (a second at megacity size). */
  prepareTiles(): void {
    this.placedRows()
  }

  /** Every row whose place may be in `bbox`: those of the buckets it overlaps, then the rows newer than the buckets. */
  private forEachIn(bbox: BBox, visit: (i: number) => void): void {
    const { buckets } = this.placedRows()
    forEachNear(buckets, bbox, visit)
    for (let i = buckets.count; i < this.cols.count; i++) visit(i)
  }

  /** The rows by place, made again when missing or when too many rows have arrived since. */
  private placedRows(): Placed {
    const c = this.cols
    const { count } = c
    if (!this.placed || count - this.placed.buckets.count > MAX_UNBUCKETED) {
      const positions = new Float64Array(2 * count)
      for (let i = 0; i < count; i++) {
        positions[2 * i] = c.lon[i]!
        positions[2 * i + 1] = c.lat[i]!
      }
      const buckets = bucketPoints(positions)
      const { order } = buckets
      const posOf = new Uint32Array(count)
      for (let j = 0; j < count; j++) posOf[order[j]!] = j
      const gather = <T extends Float64Array | Uint16Array | Uint8Array>(from: T): T => {
        const to = new (from.constructor as new (n: number) => T)(count)
        for (let j = 0; j < count; j++) to[j] = from[order[j]!]!
        return to
      }
      this.placed = { buckets, lon: gather(c.lon), lat: gather(c.lat), reportedMs: gather(c.reportedMs), category: gather(c.category), source: gather(c.source), status: gather(c.status), posOf }
    }
    return this.placed
  }

  private rowFilter(f: TileFilter): (i: number) => boolean {
    const c = this.cols
    const inList = (list: readonly string[], chosen: readonly string[] | undefined) => (chosen === undefined ? undefined : Uint8Array.from(list, (x) => (chosen.includes(x) ? 1 : 0)))
    const byCategory = inList(c.categories, f.categories)
    const byStatus = inList(c.statuses, f.statuses)
    const bySource = inList(c.sources, f.sources)
    const from = f.fromMs ?? -Infinity
    const to = f.toMs ?? Infinity
    return (i) =>
      (!byCategory || byCategory[c.category[i]!] === 1) &&
      (!byStatus || byStatus[c.status[i]!] === 1) &&
      (!bySource || bySource[c.source[i]!] === 1) &&
      c.reportedMs[i]! >= from &&
      c.reportedMs[i]! < to
  }

  /**
   * Merges rows read again from the store: a row already held is replaced unless it is older (a lower version)
   * than the one held; a new one is added in (time, rid) order. Returns how many were added and replaced.
   */
  merge(more: IncidentColumns): { added: number; replaced: number } {
    let replaced = 0
    const fresh: number[] = []
    for (let j = 0; j < more.count; j++) {
      const at = this.find(more.rid[j]!, more.reportedMs[j]!)
      if (at < 0) fresh.push(j)
      else if (more.version[j]! >= this.cols.version[at]!) {
        copyRow(more, j, this.cols, at)
        // a case step changes the status, the one field of the tiles' copy that can change
        if (this.placed && at < this.placed.buckets.count) this.placed.status[this.placed.posOf[at]!] = this.cols.status[at]!
        replaced++
      }
    }
    if (fresh.length > 0) this.insert(more, fresh)
    return { added: fresh.length, replaced }
  }

  private insert(more: IncidentColumns, fresh: number[]): void {
    const old = this.cols
    const n = old.count + fresh.length
    const last = old.count - 1
    const appends = fresh.every((j) => last < 0 || more.reportedMs[j]! > old.reportedMs[last]! || (more.reportedMs[j] === old.reportedMs[last] && more.rid[j]! > old.rid[last]!))
    if (appends && n <= old.rid.length) {
      // new reports are the latest: append in the room left, in their (time, rid) order
      fresh.forEach((j, k) => copyRow(more, j, old, old.count + k))
      old.count = n
      return
    }
    // rows move: the buckets' row numbers no longer hold (appending keeps them, and the new rows are scanned beside)
    if (!appends) this.placed = undefined
    // grow (doubling, so a stream of reports copies the columns only now and then) and merge the two sorted runs
    const next = allocateColumns(Math.max(n, appends ? 2 * n : n), old)
    next.count = n
    let a = 0
    let b = 0
    for (let k = 0; k < n; k++) {
      const j = fresh[b]
      const takeNew = j !== undefined && (a >= old.count || more.reportedMs[j]! < old.reportedMs[a]! || (more.reportedMs[j] === old.reportedMs[a] && more.rid[j]! < old.rid[a]!))
      if (takeNew) {
        copyRow(more, j, next, k)
        b++
      } else {
        copyRow(old, a, next, k)
        a++
      }
    }
    this.cols = next
  }

  /** Where the row (rid, reportedMs) is held, or −1. */
  private find(rid: number, reportedMs: number): number {
    const { reportedMs: t, rid: rids, count } = this.cols
    for (let i = lowerBound(t, count, reportedMs); i < count && t[i] === reportedMs; i++) if (rids[i] === rid) return i
    return -1
  }

  /** [first, end) of the rows reported in [fromMs, toMs). */
  private span(fromMs: number, toMs: number): [number, number] {
    const { reportedMs, count } = this.cols
    const start = lowerBound(reportedMs, count, fromMs)
    return [start, Math.max(start, lowerBound(reportedMs, count, toMs))]
  }

}

/** The first index in sorted `a[0..n)` whose value is ≥ `x`. */
function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

