// Every lamp's place and status in memory, bucketed by place: the lamp tiles count and list lamps from here rather
// than asking the database to group a million rows for each low-zoom tile (seconds each). Lamps do not move (an
// import replaces the index); a status change is written in place when the model hears of it.
import { bucketPoints, forEachNear, forEachSpan, GridCounter, type GridCount, type PointBuckets } from '../analysis/point-buckets.ts'
import type { BBox } from '../kernel/geo.ts'
import { LAMP_STATUSES, type LampStatus } from '../kernel/statuses.ts'
import type { LampPoints } from '../store/lamp-points.ts'

export interface LampTilePoint {
  id: string
  lon: number
  lat: number
  status: LampStatus
}

export class LampIndex {
  private readonly row = new Map<string, number>()
  private readonly buckets: PointBuckets
  private readonly lamps: LampPoints // in bucket order: a tile reads its lamps in sequence

  constructor(stored: LampPoints) {
    this.buckets = bucketPoints(stored.positions)
    const { order } = this.buckets
    const n = order.length
    this.lamps = { ids: new Array<string>(n), positions: new Float64Array(2 * n), status: new Uint8Array(n) }
    for (let j = 0; j < n; j++) {
      const i = order[j]!
      this.lamps.ids[j] = stored.ids[i]!
      this.lamps.positions[2 * j] = stored.positions[2 * i]!
      this.lamps.positions[2 * j + 1] = stored.positions[2 * i + 1]!
      this.lamps.status[j] = stored.status[i]!
      order[j] = j // the lamps now sit in bucket order themselves
      this.row.set(stored.ids[i]!, j)
    }
  }

  get size(): number {
    return this.lamps.ids.length
  }

  /** Is there a lamp of this id? */
  has(id: string): boolean {
    return this.row.has(id)
  }

  /** Records a lamp's new status; an unknown id changes nothing. */
  setStatus(id: string, status: LampStatus): void {
    const i = this.row.get(id)
    if (i !== undefined) this.lamps.status[i] = LAMP_STATUSES.indexOf(status)
  }

  /** Lamps in `bbox` (of `statuses`, if given) counted per cell of a grid across it; `flagged` counts those of `flaggedStatuses`. */
  gridCells(bbox: BBox, columns: number, rows: number, statuses: readonly LampStatus[] | undefined, flaggedStatuses: readonly LampStatus[]): GridCount[] {
    const { positions, status } = this.lamps
    const keep = codes(statuses) ?? new Uint8Array(LAMP_STATUSES.length).fill(1)
    const flagged = codes(flaggedStatuses)!
    const grid = new GridCounter(bbox, columns, rows)
    // the loop over a run's lamps is inline and in sequence: a z12 tile visits every lamp of a city
    forEachSpan(this.buckets, bbox, (from, to) => {
      for (let i = from; i < to; i++) {
        if (keep[status[i]!] === 1) grid.add(positions[2 * i]!, positions[2 * i + 1]!, flagged[status[i]!] === 1)
      }
    })
    return grid.cells()
  }

  /** The lamps in `bbox` (of `statuses`, if given) — or undefined when there are more than `max`. */
  pointsIn(bbox: BBox, statuses: readonly LampStatus[] | undefined, max: number): LampTilePoint[] | undefined {
    const { ids, positions, status } = this.lamps
    const keep = codes(statuses)
    const [west, south, east, north] = bbox
    const found: number[] = []
    let tooMany = false
    forEachNear(this.buckets, bbox, (i) => {
      if (tooMany || (keep && keep[status[i]!] !== 1)) return
      const lon = positions[2 * i]!
      const lat = positions[2 * i + 1]!
      if (lon < west || lon > east || lat < south || lat > north) return
      if (found.length === max) tooMany = true
      else found.push(i)
    })
    if (tooMany) return undefined
    return found.sort((a, b) => a - b).map((i) => ({ id: ids[i]!, lon: positions[2 * i]!, lat: positions[2 * i + 1]!, status: LAMP_STATUSES[status[i]!]! }))
  }
}

/** A lookup by status code: 1 for the statuses given; undefined for "any". */
const codes = (statuses: readonly LampStatus[] | undefined) => (statuses === undefined ? undefined : Uint8Array.from(LAMP_STATUSES, (s) => (statuses.includes(s) ? 1 : 0)))
