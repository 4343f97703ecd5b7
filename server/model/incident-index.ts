// Every incident's place, time, category and source, and the case facts the KPIs count, held in memory as columns
// sorted by (reported time, rid). The leader's analyses — hotspots and their comparison, the busiest crossings, the
// monthly counts, the KPIs and the league table — then cost what the period asked for (two binary searches and a
// scan of that period's rows) instead of a read of the incidents table on every request. Two million incidents
// are ~150 MB. Every write to an incident names it in a change (DistrictModel), and its row is read again and
// merged here: a report adds a row, a case step replaces one (the newer version wins, so two refreshes finishing
// out of order cannot go back in time); an import replaces the whole index.
import type { KpiCase } from '../analysis/case-kpis.ts'
import type { LngLat } from '../kernel/geo.ts'
import { allocateColumns, copyRow, type IncidentColumns } from '../store/incident-columns.ts'

export interface IncidentFilter {
  fromMs: number
  toMs: number // exclusive
  categories?: readonly string[]
  sources?: readonly string[]
}

export class IncidentIndex {
  private cols: IncidentColumns // arrays may be longer than `count` (room to append)

  constructor(columns: IncidentColumns) {
    this.cols = columns
  }

  get size(): number {
    return this.cols.count
  }

  /** The positions [lon0, lat0, lon1, lat1, …] of the matching incidents in (time, rid) order. */
  positions(f: IncidentFilter): Float64Array<ArrayBuffer> {
    const { lon, lat } = this.cols
    const [start, end] = this.span(f.fromMs, f.toMs)
    const keep = this.matcher(f)
    const out = new Float64Array(2 * (end - start))
    let n = 0
    for (let i = start; i < end; i++) {
      if (!keep(i)) continue
      out[n++] = lon[i]!
      out[n++] = lat[i]!
    }
    return n === out.length ? out : out.slice(0, n)
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
      const keep = this.matcher({ ...f, fromMs, toMs })
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

  private matcher(f: IncidentFilter): (i: number) => boolean {
    const { category, categories, source, sources } = this.cols
    const wanted = (list: string[], chosen: readonly string[] | undefined) => (chosen === undefined ? undefined : Uint8Array.from(list, (x) => (chosen.includes(x) ? 1 : 0)))
    const byCategory = wanted(categories, f.categories)
    const bySource = wanted(sources, f.sources)
    if (!byCategory && !bySource) return () => true
    return (i) => (!byCategory || byCategory[category[i]!] === 1) && (!bySource || bySource[source[i]!] === 1)
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

