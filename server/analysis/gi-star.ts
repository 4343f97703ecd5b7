// Getis-Ord Gi* local hot-spot statistic with binary fixed-distance-band weights, as ArcGIS's "Hot Spot
// Analysis (Getis-Ord Gi*)", PySAL's esda.G_Local(star=True) and R's spdep::localG(include.self(nb))
// compute it (docs/domain-notes.md §4; Getis & Ord 1992, Ord & Getis 1995, Geographical Analysis 27:286–306):
//
//   z_i = (Σ_j w_ij y_j − ȳ W_i) / ( s · sqrt( (n Σ_j w_ij² − W_i²) / (n − 1) ) ),
//   w_ij = 1 if the centroids of i and j are at most the band apart (j = i included), else 0,
//   W_i = Σ_j w_ij (= Σ_j w_ij², the weights being 0/1), ȳ = Σy/n, s² = Σ(y − ȳ)²/n (= Σy²/n − ȳ²).
//
// p = 2·(1 − Φ(|z|)) two-sided — or, when the counts are sparse or skewed and that approximation fails, by
// conditional randomization (gi-star-randomization.ts). Bins ±3/±2/±1 for p < 0.01/0.05/0.10, 0 otherwise; with FDR on (the
// default, as in ArcGIS's optimized tool) a cell additionally needs p at or below the Benjamini–Hochberg
// critical p for that level, so FDR bins are never stronger than the uncorrected ones.
import KDBush from 'kdbush'
import type { LngLat } from '../kernel/geo.ts'
import type { CellCounts, SquareLattice } from './cells.ts'
import { cellRing } from './cells.ts'
import { computeBhCutoffs } from './fdr.ts'
import { conditionalPValues } from './gi-star-randomization.ts'
import { twoSidedPValue } from './normal-tail.ts'

/** Fewer cells than this and the normal approximation of Gi* is not trusted (ArcGIS requires 30 features). */
export const MIN_GI_STAR_CELLS = 30

/**
 * Why Gi* was not computed, for the route to render as 422: the input is well-formed but the statistic
 * is undefined or untrustworthy on it. `code` is a stable kebab string.
 */
export class HotspotRefusalError extends Error {
  override readonly name = 'HotspotRefusalError'
  constructor(
    readonly code: 'too-few-cells' | 'zero-variance',
    message: string,
  ) {
    super(message)
  }
}

/** Distances equal to the band within this relative tolerance count as inside it, so lattice distances that
 * equal the band (3 × 100 m = 300 m) are neighbours whatever the rounding of the centroids. */
const BAND_TOLERANCE = 1 + 1e-9

/** The confidence levels of the bins ±1, ±2, ±3. */
const ALPHAS = [0.1, 0.05, 0.01] as const

export interface GiStarOptions {
  bandMeters?: number // fixed distance band in metres; default: mean distance to the K-th nearest cell (see kthNeighbourBand)
  fdr?: boolean // default true: bins from Benjamini–Hochberg cut-offs at α = 0.10 / 0.05 / 0.01
  /**
   * How p is found: 'normal' from z; 'randomization' by conditional randomization (gi-star-randomization.ts);
   * 'auto' (default) randomization when the counts are sparse or skewed (see needsRandomization), else normal.
   */
  inference?: 'auto' | 'normal' | 'randomization'
  permutations?: number // when randomization has to sample: shuffles per distinct (count, neighbours) pair
  seed?: number
}

/** How the p-values of a result were found. */
export type GiInference = 'normal' | 'exact-randomization' | 'permutations'

/**
 * Sparse or skewed counts, where the normal approximation of Gi* fails: more than half of the cells empty, or a
 * sample skewness above 2 (a few cells hold most of the counts). Dense, even counts keep the (fast) normal z.
 */
export function needsRandomization(counts: ArrayLike<number>): boolean {
  const n = counts.length
  let zeros = 0
  let sum = 0
  for (let i = 0; i < n; i++) {
    if (counts[i] === 0) zeros++
    sum += counts[i]!
  }
  if (zeros > n / 2) return true
  const mean = sum / n
  let m2 = 0
  let m3 = 0
  for (let i = 0; i < n; i++) {
    const d = counts[i]! - mean
    m2 += d * d
    m3 += d * d * d
  }
  m2 /= n
  m3 /= n
  return m2 > 0 && m3 / m2 ** 1.5 > 2
}

/** Plain per-cell input of the statistic: counts and centroids in a metric plane. */
export interface GiStarInput {
  counts: ArrayLike<number> // y_i, finite
  x: ArrayLike<number> // centroid easting, metres
  y: ArrayLike<number> // centroid northing, metres
  lattice?: SquareLattice | null // when the cells form this row-major square lattice: neighbour sums by stencil instead of a k-d tree
}

export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3

/** Gi* over all cells as typed arrays, index-aligned with the input. */
export interface GiStarStatistics {
  n: number
  mean: number // ȳ, items per cell
  s: number // population standard deviation of the counts, items per cell
  bandMeters: number
  bandSource: 'given' | 'kth-neighbour'
  k: number | null // K of the automatic band, null when the band was given
  fdr: boolean
  criticalP: [number, number, number] // p at or below which a cell is in bin ±1, ±2, ±3 (−1: none); with FDR off 0.10/0.05/0.01 (strict <)
  inference: GiInference
  permutations: number | null // shuffles per distinct (count, neighbours) pair when sampled
  z: Float64Array
  p: Float64Array
  bins: Int8Array
  neighbors: Int32Array // W_i: cells within the band, the cell itself included
}

function assertFinite(name: string, values: ArrayLike<number>, n: number): void {
  if (values.length !== n) throw new RangeError(`computeGiStar: ${name} has ${values.length} values for ${n} cells`)
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i]!)) throw new RangeError(`computeGiStar: ${name}[${i}] is not a finite number`)
  }
}

function buildIndex(x: ArrayLike<number>, y: ArrayLike<number>, n: number): KDBush {
  const index = new KDBush(n, 16)
  for (let i = 0; i < n; i++) index.add(x[i]!, y[i]!)
  index.finish()
  return index
}

/** K = clamp(round(0.05·n), 3, 30): ArcGIS's "Optimized Hot Spot Analysis" neighbour count for its fallback band. */
export function defaultNeighbourCount(n: number): number {
  return Math.min(30, Math.max(3, Math.round(0.05 * n)))
}

/**
 * Mean over all points of the distance (metres) to their K-th nearest other point — the band ArcGIS's
 * Optimized Hot Spot Analysis falls back to when incremental spatial autocorrelation shows no peak
 * (the peak search itself is not implemented here: this is always the fallback). Needs n > K.
 */
export function kthNeighbourBand(x: ArrayLike<number>, y: ArrayLike<number>, k: number, index?: KDBush): number {
  const n = x.length
  if (!(Number.isInteger(k) && k >= 1 && k < n)) throw new RangeError(`kthNeighbourBand: need 1 ≤ k < n, got k = ${k}, n = ${n}`)
  const tree = index ?? buildIndex(x, y, n)
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!)
    maxX = Math.max(maxX, x[i]!)
    minY = Math.min(minY, y[i]!)
    maxY = Math.max(maxY, y[i]!)
  }
  const area = Math.max((maxX - minX) * (maxY - minY), 1e-6)
  const start = Math.max(Math.sqrt((area * (k + 1)) / (Math.PI * n)), 1e-3) // radius holding k+1 points at uniform density
  let total = 0
  const distances: number[] = []
  for (let i = 0; i < n; i++) {
    const xi = x[i]!
    const yi = y[i]!
    let r = start
    let found = tree.within(xi, yi, r)
    while (found.length < k + 1) {
      r *= 2
      found = tree.within(xi, yi, r)
    }
    distances.length = 0
    for (const j of found) if (j !== i) distances.push(Math.hypot(x[j]! - xi, y[j]! - yi))
    distances.sort((a, b) => a - b)
    total += distances[k - 1]!
  }
  return total / n
}

/** Σ_j w_ij y_j and W_i on a square lattice: per row offset, the columns within the band form one run, summed from row prefix sums. */
function latticeSums(counts: ArrayLike<number>, lattice: SquareLattice, bandMeters: number, lag: Float64Array, weight: Int32Array): void {
  const { columns, rows, sizeMeters } = lattice
  const reach = (bandMeters * BAND_TOLERANCE) / sizeMeters // band in cell widths
  const reach2 = reach * reach
  const maxDr = Math.floor(reach)
  const half = new Int32Array(maxDr + 1) // half-width of the run at row offset dr: largest h with h² + dr² ≤ reach²
  for (let dr = 0; dr <= maxDr; dr++) {
    let h = Math.floor(Math.sqrt(Math.max(0, reach2 - dr * dr)))
    while ((h + 1) * (h + 1) + dr * dr <= reach2) h++
    while (h > 0 && h * h + dr * dr > reach2) h--
    half[dr] = h
  }
  const stride = columns + 1
  const prefix = new Float64Array(stride * rows)
  for (let r = 0; r < rows; r++) {
    let acc = 0
    const base = r * stride
    for (let c = 0; c < columns; c++) {
      acc += counts[r * columns + c]!
      prefix[base + c + 1] = acc
    }
  }
  for (let r = 0; r < rows; r++) {
    const r0 = Math.max(0, r - maxDr)
    const r1 = Math.min(rows - 1, r + maxDr)
    for (let c = 0; c < columns; c++) {
      let sum = 0
      let w = 0
      for (let rr = r0; rr <= r1; rr++) {
        const h = half[rr > r ? rr - r : r - rr]!
        const c0 = c - h > 0 ? c - h : 0
        const c1 = c + h < columns - 1 ? c + h : columns - 1
        const base = rr * stride
        sum += prefix[base + c1 + 1]! - prefix[base + c0]!
        w += c1 - c0 + 1
      }
      lag[r * columns + c] = sum
      weight[r * columns + c] = w
    }
  }
}

/**
 * Gi* z, p, bin and neighbour count for every cell (see the file comment for the formula); distances in
 * metres. Throws {@link HotspotRefusalError} with fewer than 30 cells (empty input included) or when all
 * counts are equal (zero variance), and a RangeError for malformed input or a non-positive band.
 * A cell whose neighbourhood is every cell has an undefined z (0/0) and gets z = 0, p = 1.
 * Does not mutate its input.
 */
export function computeGiStarStatistics(input: GiStarInput, options: GiStarOptions = {}): GiStarStatistics {
  const { counts, x, y } = input
  const n = counts.length
  const fdr = options.fdr ?? true
  if (options.bandMeters !== undefined && !(options.bandMeters > 0 && Number.isFinite(options.bandMeters))) {
    throw new RangeError(`computeGiStar: bandMeters must be a positive number of metres, got ${options.bandMeters}`)
  }
  assertFinite('counts', counts, n)
  assertFinite('x', x, n)
  assertFinite('y', y, n)
  const lattice = input.lattice ?? null
  if (lattice && lattice.columns * lattice.rows !== n) throw new RangeError(`computeGiStar: lattice ${lattice.columns}×${lattice.rows} does not match ${n} cells`)
  if (n < MIN_GI_STAR_CELLS) {
    throw new HotspotRefusalError('too-few-cells', `Gi* needs at least ${MIN_GI_STAR_CELLS} cells, the study area has ${n}; use a larger area or smaller cells`)
  }

  let total = 0
  for (let i = 0; i < n; i++) total += counts[i]!
  const mean = total / n
  let squares = 0
  for (let i = 0; i < n; i++) {
    const d = counts[i]! - mean
    squares += d * d
  }
  const s = Math.sqrt(squares / n)
  if (!(s > 1e-12 * Math.max(1, Math.abs(mean)))) {
    throw new HotspotRefusalError('zero-variance', `every one of the ${n} cells has the same count (${mean}); Gi* is undefined without variation`)
  }

  let index: KDBush | undefined
  let bandMeters = options.bandMeters
  let k: number | null = null
  if (bandMeters === undefined) {
    k = defaultNeighbourCount(n)
    index = buildIndex(x, y, n)
    bandMeters = kthNeighbourBand(x, y, k, index)
  }

  const lag = new Float64Array(n)
  const neighbors = new Int32Array(n)
  if (lattice) {
    latticeSums(counts, lattice, bandMeters, lag, neighbors)
  } else {
    index ??= buildIndex(x, y, n)
    const radius = bandMeters * BAND_TOLERANCE
    for (let i = 0; i < n; i++) {
      const found = index.within(x[i]!, y[i]!, radius)
      let sum = 0
      for (const j of found) sum += counts[j]!
      lag[i] = sum
      neighbors[i] = found.length
    }
  }

  const z = new Float64Array(n)
  const p = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const w = neighbors[i]!
    const spread = (n * w - w * w) / (n - 1)
    if (spread > 0) {
      const zi = (lag[i]! - mean * w) / (s * Math.sqrt(spread))
      z[i] = zi
      p[i] = twoSidedPValue(zi)
    } else {
      z[i] = 0
      p[i] = 1
    }
  }

  let inference: GiInference = 'normal'
  let permutations: number | null = null
  const mode = options.inference ?? 'auto'
  if (mode === 'randomization' || (mode === 'auto' && needsRandomization(counts))) {
    const randomized = conditionalPValues(counts, lag, neighbors, { permutations: options.permutations, seed: options.seed })
    if (randomized) {
      // a cell whose neighbourhood is every cell stays p = 1, as above
      for (let i = 0; i < n; i++) p[i] = (n * neighbors[i]! - neighbors[i]! ** 2) / (n - 1) > 0 ? randomized.p[i]! : 1
      inference = randomized.method === 'exact' ? 'exact-randomization' : 'permutations'
      permutations = randomized.permutations
    }
  }

  const criticalP: [number, number, number] = fdr ? (computeBhCutoffs(p, ALPHAS) as [number, number, number]) : [ALPHAS[0], ALPHAS[1], ALPHAS[2]]
  const bins = new Int8Array(n)
  for (let i = 0; i < n; i++) {
    const pi = p[i]!
    let level = 0
    for (let a = 0; a < 3; a++) {
      // Uncorrected significance is strict (p < α); the BH cut-off is itself an attained p, hence ≤.
      if (pi < ALPHAS[a]! && (!fdr || pi <= criticalP[a]!)) level = a + 1
    }
    bins[i] = z[i]! > 0 ? level : -level
  }

  return { n, mean, s, bandMeters, bandSource: options.bandMeters === undefined ? 'kth-neighbour' : 'given', k, fdr, criticalP, inference, permutations, z, p, bins, neighbors }
}

/** One study cell of a Gi* result. */
export interface HotspotCell {
  id: string
  ring: LngLat[] // closed, counter-clockwise, [lng, lat]
  count: number // items in the cell
  z: number // Gi* z-score, unadjusted
  p: number // two-sided p-value, unadjusted
  bin: GiBin // ±3 / ±2 / ±1: hot (+) or cold (−) spot at 99 / 95 / 90 % confidence (FDR-corrected when `fdr`); 0 not significant
  neighbors: number // cells within the band, this one included
}

export interface GiStarResult {
  inference: GiInference
  permutations: number | null
  bandMeters: number
  bandSource: 'given' | 'kth-neighbour'
  k: number | null
  n: number
  mean: number
  s: number
  fdr: boolean
  criticalP: [number, number, number]
  cells: HotspotCell[]
}

/**
 * Gi* hot and cold spots over binned cells (counts per cell, distances in metres), one entry per study
 * cell in the order of `cells.ids`. Refuses like {@link computeGiStarStatistics}: fewer than 30 cells
 * (so an empty study area) or equal counts everywhere (so no items at all) throw HotspotRefusalError.
 * Does not mutate its input.
 */
export function computeGiStar(cells: CellCounts, options: GiStarOptions = {}): GiStarResult {
  const stats = computeGiStarStatistics(cells, options)
  const out: HotspotCell[] = new Array<HotspotCell>(stats.n)
  for (let i = 0; i < stats.n; i++) {
    out[i] = {
      id: cells.ids[i]!,
      ring: cellRing(cells, i),
      count: cells.counts[i]!,
      z: stats.z[i]!,
      p: stats.p[i]!,
      bin: stats.bins[i]! as GiBin,
      neighbors: stats.neighbors[i]!,
    }
  }
  const { bandMeters, bandSource, k, n, mean, s, fdr, criticalP, inference, permutations } = stats
  return { bandMeters, bandSource, k, n, mean, s, fdr, criticalP, inference, permutations, cells: out }
}
