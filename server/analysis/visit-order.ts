// A sensible visiting order for a crew's broken-lamp work list: nearest neighbour, then 2-opt until no swap of two
// legs shortens the route. An open path (the crew does not return), distances in metres in a local frame.
import type { LngLat } from '../kernel/geo.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export interface VisitOrderOptions {
  start?: LngLat // where the crew sets out; default: the stop nearest the stops' centroid's west edge (first stop)
  maxTwoOptRounds?: number // 2-opt passes at most; each pass is O(n²)
}

const defaults = { maxTwoOptRounds: 50 } // rounds; real work lists converge in a handful

export interface VisitOrder {
  order: number[] // indexes into the input stops, in visiting order
  legsM: number[] // distance from the previous stop (from `start` for the first), metres
  totalM: number
}

/**
 * Orders `stops` for one crew's tour (open path) by nearest neighbour then 2-opt. Empty input → empty order.
 * Does not modify its input.
 */
export function computeVisitOrder(stops: readonly LngLat[], options: VisitOrderOptions = {}): VisitOrder {
  const n = stops.length
  if (n === 0) return { order: [], legsM: [], totalM: 0 }
  const lat0 = stops.reduce((sum, p) => sum + p[1], 0) / n
  const kx = computeMetersPerDegreeLng(lat0)
  const xs = new Float64Array(n + 1)
  const ys = new Float64Array(n + 1)
  stops.forEach((p, i) => {
    xs[i] = p[0] * kx
    ys[i] = p[1] * METERS_PER_DEGREE
  })
  // Index n is the start point: the given one, or the westernmost stop (a deterministic, explainable choice).
  const west = stops.reduce((best, p, i) => (p[0] < (stops[best]?.[0] ?? Infinity) ? i : best), 0)
  const start = options.start ?? stops[west]!
  xs[n] = start[0] * kx
  ys[n] = start[1] * METERS_PER_DEGREE
  const d = (a: number, b: number) => Math.hypot(xs[a]! - xs[b]!, ys[a]! - ys[b]!)

  // Nearest neighbour from the start.
  const route: number[] = []
  const used = new Uint8Array(n)
  let at = n
  for (let k = 0; k < n; k++) {
    let best = -1
    let bestD = Infinity
    for (let j = 0; j < n; j++) {
      if (used[j]) continue
      const dj = d(at, j)
      if (dj < bestD) {
        bestD = dj
        best = j
      }
    }
    used[best] = 1
    route.push(best)
    at = best
  }

  // 2-opt on the open path start → route[0] … route[n-1]: reversing route[i..j] replaces legs (prev(i), i) and
  // (j, next(j)) with (prev(i), j) and (i, next(j)); with no next at the end only the first leg changes.
  const path = [n, ...route]
  const rounds = options.maxTwoOptRounds ?? defaults.maxTwoOptRounds
  for (let round = 0; round < rounds; round++) {
    let improved = false
    for (let i = 1; i < path.length - 1; i++) {
      for (let j = i + 1; j < path.length; j++) {
        const a = path[i - 1]!
        const b = path[i]!
        const c = path[j]!
        const next = path[j + 1]
        const before = d(a, b) + (next === undefined ? 0 : d(c, next))
        const after = d(a, c) + (next === undefined ? 0 : d(b, next))
        if (after < before - 1e-9) {
          path.splice(i, j - i + 1, ...path.slice(i, j + 1).reverse())
          improved = true
        }
      }
    }
    if (!improved) break
  }

  const order = path.slice(1)
  const legsM = order.map((s, k) => d(path[k]!, s))
  return { order, legsM, totalM: legsM.reduce((a, b) => a + b, 0) }
}
