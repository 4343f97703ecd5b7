// Every incident's position, time, category and source held in memory as sorted columns, so the leader's analyses
// (hotspots, their comparison, the busiest crossings, the monthly counts) cost what the period asked for — two
// binary searches and a scan of that period's rows — instead of a read of the incidents table on every request.
// Two million incidents are ~60 MB. Only reports add rows to it, and the indexed fields of an incident never
// change after it is stored (a case step changes its status, never its place, time, category or source), so the
// index is built once and then only appended to; an import replaces it.
import type { IncidentColumns } from '../store/incident-columns.ts'

export interface IncidentFilter {
  fromMs: number
  toMs: number // exclusive
  categories?: readonly string[]
  sources?: readonly string[]
}

export class IncidentIndex {
  private cols: IncidentColumns

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

  /** Adds incidents not yet held (one already held is skipped), keeping the (time, rid) order. */
  add(more: IncidentColumns): number {
    const fresh: number[] = []
    for (let j = 0; j < more.count; j++) if (!this.holds(more.rid[j]!, more.reportedMs[j]!)) fresh.push(j)
    if (fresh.length === 0) return 0
    const old = this.cols
    const n = old.count + fresh.length
    const categories = [...old.categories]
    const sources = [...old.sources]
    const recode = (list: string[], value: string) => {
      const k = list.indexOf(value)
      return k >= 0 ? k : list.push(value) - 1
    }
    // merge two sorted runs; new reports are nearly always the latest, so this is an append in practice
    const next: IncidentColumns = { count: n, rid: new Float64Array(n), reportedMs: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n), category: new Uint16Array(n), categories, source: new Uint8Array(n), sources }
    let a = 0
    let b = 0
    for (let k = 0; k < n; k++) {
      const j = fresh[b]
      const takeNew = j !== undefined && (a >= old.count || more.reportedMs[j]! < old.reportedMs[a]! || (more.reportedMs[j] === old.reportedMs[a] && more.rid[j]! < old.rid[a]!))
      if (takeNew) {
        next.rid[k] = more.rid[j]!
        next.reportedMs[k] = more.reportedMs[j]!
        next.lon[k] = more.lon[j]!
        next.lat[k] = more.lat[j]!
        next.category[k] = recode(categories, more.categories[more.category[j]!]!)
        next.source[k] = recode(sources, more.sources[more.source[j]!]!)
        b++
      } else {
        next.rid[k] = old.rid[a]!
        next.reportedMs[k] = old.reportedMs[a]!
        next.lon[k] = old.lon[a]!
        next.lat[k] = old.lat[a]!
        next.category[k] = old.category[a]!
        next.source[k] = old.source[a]!
        a++
      }
    }
    this.cols = next
    return fresh.length
  }

  private holds(rid: number, reportedMs: number): boolean {
    const { reportedMs: t, rid: rids } = this.cols
    for (let i = lowerBound(t, this.cols.count, reportedMs); i < this.cols.count && t[i] === reportedMs; i++) if (rids[i] === rid) return true
    return false
  }

  /** [first, end) of the rows reported in [fromMs, toMs). */
  private span(fromMs: number, toMs: number): [number, number] {
    const { reportedMs, count } = this.cols
    const start = lowerBound(reportedMs, count, fromMs)
    return [start, Math.max(start, lowerBound(reportedMs, count, toMs))]
  }

  private matcher(f: IncidentFilter): (i: number) => boolean {
    const { category, categories, source, sources } = this.cols
    const wanted = (list: string[], chosen: readonly string[] | undefined) => (chosen === undefined ? undefined : new Uint8Array(list.length).map((_, k) => (chosen.includes(list[k]!) ? 1 : 0)))
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
