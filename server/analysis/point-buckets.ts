// Points bucketed by a fixed grid of small lon/lat cells (compressed rows: the points of bucket b are
// order[start[b] .. start[b + 1] − 1]), so a box — a vector tile — visits only the points of the buckets it overlaps,
// and counting them per cell of the tile's own grid is one pass over those points. Built in one counting sort: two
// passes over the positions, no per-point object. Static: whoever holds it rebuilds it when points move or arrive
// (or scans the few newer points beside it).
import type { BBox } from '../kernel/geo.ts'

export interface PointBuckets {
  west: number
  south: number
  cellDeg: number
  columns: number
  rows: number
  start: Uint32Array // buckets + 1 offsets into `order`
  order: Uint32Array // point indices, bucket by bucket
  count: number // points bucketed: indices 0 … count − 1
}

/** About 4,000 buckets per million points, none smaller than ~100 m: a z16 tile spans a few, a z12 tile all of a city. */
export function bucketPoints(positions: Float64Array, count = positions.length >> 1): PointBuckets {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  for (let i = 0; i < count; i++) {
    const x = positions[2 * i]!
    const y = positions[2 * i + 1]!
    if (x < west) west = x
    if (x > east) east = x
    if (y < south) south = y
    if (y > north) north = y
  }
  if (count === 0) [west, south, east, north] = [0, 0, 0, 0]
  const area = Math.max((east - west) * (north - south), 1e-12)
  const cellDeg = Math.max(0.001, Math.sqrt(area / Math.max(1, count / 250)))
  const columns = Math.max(1, Math.floor((east - west) / cellDeg) + 1)
  const rows = Math.max(1, Math.floor((north - south) / cellDeg) + 1)
  const bucketOf = new Uint32Array(count)
  const start = new Uint32Array(columns * rows + 1)
  for (let i = 0; i < count; i++) {
    const b = Math.floor((positions[2 * i + 1]! - south) / cellDeg) * columns + Math.floor((positions[2 * i]! - west) / cellDeg)
    bucketOf[i] = b
    start[b + 1]!++
  }
  for (let b = 0; b < columns * rows; b++) start[b + 1]! += start[b]!
  const fill = start.slice(0, columns * rows)
  const order = new Uint32Array(count)
  for (let i = 0; i < count; i++) order[fill[bucketOf[i]!]!++] = i
  return { west, south, cellDeg, columns, rows, start, order, count }
}

/** Calls `visit` with every bucketed point index whose bucket overlaps `bbox` (a superset: check the box yourself). */
export function forEachNear(b: PointBuckets, bbox: BBox, visit: (i: number) => void): void {
  forEachSpan(b, bbox, (from, to) => {
    for (let j = from; j < to; j++) visit(b.order[j]!)
  })
}

/**
 * Calls `visit(from, to)` for each run of `order` whose bucket overlaps `bbox` — the loop over a run's points is the
 * caller's own, where the hot loops of a low-zoom tile (a whole city's points) stay free of a call per point.
 */
export function forEachSpan(b: PointBuckets, [west, south, east, north]: BBox, visit: (from: number, to: number) => void): void {
  const c0 = Math.max(0, Math.floor((west - b.west) / b.cellDeg))
  const c1 = Math.min(b.columns - 1, Math.floor((east - b.west) / b.cellDeg))
  const r0 = Math.max(0, Math.floor((south - b.south) / b.cellDeg))
  const r1 = Math.min(b.rows - 1, Math.floor((north - b.south) / b.cellDeg))
  for (let r = r0; r <= r1; r++) {
    // a row's buckets are consecutive in `order`: one run per row
    const from = b.start[r * b.columns + c0]!
    const to = b.start[r * b.columns + c1 + 1]!
    if (to > from) visit(from, to)
  }
}

/** One non-empty cell of a grid over a box: its point count, how many are flagged, and where they sit on average. */
export interface GridCount {
  col: number // 0 = west edge
  row: number // 0 = north edge
  count: number
  flagged: number
  lon: number
  lat: number
}

/**
 * Counts points into `columns` × `rows` equal lon/lat cells across `bbox` (row 0 at the north edge), as the
 * database's point grids do: a point on the east or south edge joins the last cell. Feed it with `add`.
 */
export class GridCounter {
  private readonly n: Float64Array
  private readonly flagged: Float64Array
  private readonly sumLon: Float64Array
  private readonly sumLat: Float64Array
  private readonly gx: number
  private readonly gy: number

  constructor(
    private readonly bbox: BBox,
    private readonly columns: number,
    private readonly rows: number,
  ) {
    const cells = columns * rows
    this.n = new Float64Array(cells)
    this.flagged = new Float64Array(cells)
    this.sumLon = new Float64Array(cells)
    this.sumLat = new Float64Array(cells)
    this.gx = columns / (bbox[2] - bbox[0])
    this.gy = rows / (bbox[3] - bbox[1])
  }

  /** Counts the point if it lies in the box; returns whether it did. */
  add(lon: number, lat: number, flagged: boolean): boolean {
    const [west, south, east, north] = this.bbox
    if (!(lon >= west && lon <= east && lat >= south && lat <= north)) return false
    const col = Math.min(Math.max(Math.trunc((lon - west) * this.gx), 0), this.columns - 1)
    const row = Math.min(Math.max(Math.trunc((north - lat) * this.gy), 0), this.rows - 1)
    const k = row * this.columns + col
    this.n[k]!++
    if (flagged) this.flagged[k]!++
    this.sumLon[k]! += lon
    this.sumLat[k]! += lat
    return true
  }

  cells(): GridCount[] {
    const out: GridCount[] = []
    for (let k = 0; k < this.n.length; k++) {
      const count = this.n[k]!
      if (count > 0) out.push({ col: k % this.columns, row: Math.floor(k / this.columns), count, flagged: this.flagged[k]!, lon: this.sumLon[k]! / count, lat: this.sumLat[k]! / count })
    }
    return out
  }
}
