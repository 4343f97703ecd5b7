// Rows far from every other row: a point in another province, a lon/lat typed into the wrong column of one row, a
// default the source system fills in. A city's rows crowd together; these stand alone. Pure, over a flat array of
// points (lon, lat, lon, lat …) so two million rows cost 32 MB, not two million objects.

const METERS_PER_DEGREE = 111_320

/** Our rules, in metres. A row with no other row within ISOLATION_M is alone; a row beyond SPREAD_FACTOR × the
 * 95th-percentile distance from the rows' median centre (and at least MIN_FAR_M out) is outside the data's city. */
export const ISOLATION_M = 10_000
export const SPREAD_FACTOR = 4
export const MIN_FAR_M = 30_000
/** Fewer rows than this say too little about where the city is: no row is called far. */
export const MIN_ROWS = 20

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Indices (0-based, into the point list) of rows far from every other row. */
export function findFarRows(points: Float64Array, count: number): Set<number> {
  const far = new Set<number>()
  if (count < MIN_ROWS) return far
  const lons = new Float64Array(count)
  const lats = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    lons[i] = points[2 * i] ?? 0
    lats[i] = points[2 * i + 1] ?? 0
  }
  const centreLon = median(lons)
  const centreLat = median(lats)
  const kx = METERS_PER_DEGREE * Math.cos((centreLat * Math.PI) / 180)
  const distances = new Float64Array(count)
  for (let i = 0; i < count; i++) distances[i] = Math.hypot(((lons[i] ?? 0) - centreLon) * kx, ((lats[i] ?? 0) - centreLat) * METERS_PER_DEGREE)
  const p95 = Float64Array.from(distances).sort()[Math.floor(count * 0.95)] ?? 0
  const limit = Math.max(MIN_FAR_M, SPREAD_FACTOR * p95)

  // Isolation on a grid of ISOLATION_M cells: a row alone in its cell and the eight around it has no neighbour
  // within ISOLATION_M (and may have none a little farther; that is the price of not measuring every pair).
  const cellOf = (i: number) => {
    const cx = Math.floor((((lons[i] ?? 0) - centreLon) * kx) / ISOLATION_M)
    const cy = Math.floor((((lats[i] ?? 0) - centreLat) * METERS_PER_DEGREE) / ISOLATION_M)
    return [cx, cy] as const
  }
  const counts = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const [cx, cy] = cellOf(i)
    const key = `${cx},${cy}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (let i = 0; i < count; i++) {
    if ((distances[i] ?? 0) > limit) {
      far.add(i)
      continue
    }
    const [cx, cy] = cellOf(i)
    let around = 0
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) around += counts.get(`${cx + dx},${cy + dy}`) ?? 0
    if (around <= 1) far.add(i)
  }
  return far
}
