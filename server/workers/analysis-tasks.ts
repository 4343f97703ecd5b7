// The analysis tasks the worker pool runs: compact inputs in (positions packed, see packing.ts), the analysis
// functions of server/analysis, and what the route needs out — large GeoJSON already serialised (json-bytes.ts).
// Pure: no I/O, no clock; the routes read the store and name places, the workers only compute.
import { binIncidents, cellRing } from '../analysis/cells.ts'
import type { SuggestionResult } from '../analysis/guidance-suggestions.ts'
import { suggestGuidanceSites } from '../analysis/guidance-suggestions.ts'
import { resolveGuidanceRules } from '../domain/guidance-rules.ts'
import type { GiBin, HotspotResult, HotspotTrend } from '../analysis/hotspots.ts'
import { HotspotRefusalError, compareHotspotPeriods, findHotspots, type CellScheme } from '../analysis/hotspots.ts'
import { defaultNeighbourCount } from '../analysis/gi-star.ts'
import { rankIntersectionHotspots, type IntersectionHotspot } from '../analysis/hotspots-intersections.ts'
import { computeVisitOrder, type VisitOrder } from '../analysis/visit-order.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { encodeJson, encodeJsonText, type JsonBytes } from './json-bytes.ts'
import { type PackedGuidanceContext, type PackedPositions, type SharedOrPackedPositions, unpackGuidanceContext, unpackPointItems, unpackPositions } from './packing.ts'

/** Gi* declined to run (→ 422 with this code): the statistic is undefined or untrustworthy on this input. */
export interface HotspotRefusal {
  refusal: { code: HotspotRefusalError['code']; message: string }
}

export interface HotspotsTaskInput {
  positions: SharedOrPackedPositions // the period's incidents
  bbox: BBox // study area
  scheme: CellScheme
  bandMeters?: number // given by the caller; otherwise the automatic band
  autoBandMeters?: number // the automatic band of this bbox and scheme when already known (it depends only on the cells)
  fdr?: boolean
}

export interface HotspotFeature {
  type: 'Feature'
  id: string
  geometry: { type: 'Polygon'; coordinates: LngLat[][] }
  properties: { count: number; z: number; p: number; bin: GiBin; neighbors: number }
}

/** A top-ten cell, before the route names it by street and zone. */
export interface TopHotspotCell {
  id: string
  count: number
  z: number // rounded to 3 decimals
  p: number
  bin: GiBin
  center: LngLat // mean of the ring's vertices
}

export interface HotspotsTaskOutput {
  statistic: Pick<HotspotResult, 'bandMeters' | 'bandSource' | 'k' | 'n' | 'mean' | 's' | 'fdr' | 'criticalP' | 'dropped' | 'inference' | 'permutations'>
  autoBandMeters: number | undefined // the automatic band, when it was used (for the route to remember)
  top: TopHotspotCell[]
  features: JsonBytes<HotspotFeature[]>
}

export interface CompareTaskInput {
  after: SharedOrPackedPositions // the later period's incidents
  before: SharedOrPackedPositions // the earlier period's
  bbox: BBox
  scheme: CellScheme
  bandMeters?: number
  autoBandMeters?: number
}

export interface TrendFeature {
  type: 'Feature'
  id: string
  geometry: { type: 'Polygon'; coordinates: LngLat[][] }
  properties: { trend: Exclude<HotspotTrend, 'none'>; bin: GiBin; z: number; count: number; before_bin: GiBin; before_z: number; before_count: number }
}

export interface CompareTaskOutput {
  bandMeters: number
  autoBandMeters: number | undefined
  summary: Record<Exclude<HotspotTrend, 'none'>, number>
  features: JsonBytes<TrendFeature[]>
}

export interface IntersectionsTaskInput {
  intersections: { ids: string[]; positions: PackedPositions; names: string[][] }
  incidents: SharedOrPackedPositions
  radiusMeters: number
  limit: number
  includeUnnamed: boolean
}

export interface SuggestionsTaskInput {
  demand: PackedPositions
  context: PackedGuidanceContext
  walkRadiusM?: number
  maxSuggestions?: number
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

// What the hotspot layers print. The layer is every study cell — 24,000 at grid-100 over a megacity — so digits
// are most of its bytes: full doubles made the twelve-month layer 9.0 MB, these 6.5 MB, and its gzip 45 % smaller.
// Six decimals of a degree is ~0.1 m (RFC 7946 §11.2), far inside a 100 m cell; four decimals of z and four
// significant digits of p are past what the map, the bins (decided here, at full precision) or a reader use.
const printedRing = (ring: readonly LngLat[]): LngLat[] => ring.map(([lng, lat]) => [round(lng, 6), round(lat, 6)])
const printedZ = (z: number) => round(z, 4)
const printedP = (p: number) => Number(p.toPrecision(4))

/** A hotspot feature's text up to its properties: `{"type":"Feature","id":…,"geometry":…,"properties":`. */
const featureHead = (id: string, ring: readonly LngLat[]): string => {
  const text = JSON.stringify({ type: 'Feature', id, geometry: { type: 'Polygon', coordinates: [printedRing(ring)] } })
  return `${text.slice(0, -1)},"properties":`
}

// The cells of a study area are the same on every request (its bbox and cell scheme decide them), and their rings
// are most of a layer's text: at grid-100 over a megacity 23,000 cells, ~200 of each feature's ~270 bytes. Kept
// for the last two study areas, and not for more cells than this (H3 res 11 over a megacity: ~70 MB of text).
const MAX_KEPT_HEADS = 100_000
const keptHeads: { key: string; heads: Map<string, string> }[] = []

function featureHeads(bbox: BBox, scheme: CellScheme, cells: number): Map<string, string> | undefined {
  if (cells > MAX_KEPT_HEADS) return undefined
  const key = `${JSON.stringify(scheme)}|${bbox.join(',')}`
  const found = keptHeads.find((k) => k.key === key)
  if (found) return found.heads
  const heads = new Map<string, string>()
  keptHeads.unshift({ key, heads })
  keptHeads.length = Math.min(keptHeads.length, 2)
  return heads
}

const centroid = (ring: LngLat[]): LngLat => {
  const pts = ring.slice(0, -1)
  return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length]
}

/**
 * findHotspots with the band the route asked for, or the automatic one: when it is already known it is passed as a
 * given band and the result still says it came from the K-th neighbour distance, as findHotspots would have.
 */
function runGiStar(positions: Float64Array, bbox: BBox, scheme: CellScheme, bandMeters: number | undefined, autoBandMeters: number | undefined, fdr?: boolean): HotspotResult | HotspotRefusal {
  try {
    const result = findHotspots(positions, { bbox, cellScheme: scheme, bandMeters: bandMeters ?? autoBandMeters, fdr })
    return bandMeters === undefined && autoBandMeters !== undefined ? { ...result, bandSource: 'kth-neighbour', k: defaultNeighbourCount(result.n) } : result
  } catch (err) {
    if (err instanceof HotspotRefusalError) return { refusal: { code: err.code, message: err.message } }
    throw err
  }
}

const isRefusal = (x: HotspotResult | HotspotRefusal): x is HotspotRefusal => 'refusal' in x

/** The Gi* layer of one period: statistic, the ten hottest cells that hold incidents, and every cell as GeoJSON bytes. */
export function computeHotspotLayer(input: HotspotsTaskInput): HotspotsTaskOutput | HotspotRefusal {
  const result = runGiStar(input.positions, input.bbox, input.scheme, input.bandMeters, input.autoBandMeters, input.fdr)
  if (isRefusal(result)) return result
  const { cells, bandMeters, bandSource, k, n, mean, s, fdr, criticalP, dropped, inference, permutations } = result
  // The leader's top ten: hot cells that hold incidents themselves (a cell can be hot from its neighbours alone),
  // most incidents first, then the highest confidence — the cell where the reports are is the one to send people
  // to. (Ordering by confidence first put a cluster's fringe first: with a wide band neighbouring cells share nearly
  // the same z, and conditional randomization, which holds a cell's own count fixed, finds the fringe around a
  // packed centre more surprising than the centre itself.)
  const top = cells
    .filter((x) => x.bin > 0 && x.count > 0)
    .sort((a, b) => b.count - a.count || b.bin - a.bin || b.z - a.z || a.id.localeCompare(b.id))
    .slice(0, 10)
    .map((x) => ({ id: x.id, count: x.count, z: round(x.z, 3), p: printedP(x.p), bin: x.bin, center: centroid(x.ring) }))
  // Each feature is its cell's fixed part, kept for the study area, and its figures: the same text as
  // JSON.stringify of the HotspotFeature (member order included), which the tests hold it to.
  const heads = featureHeads(input.bbox, input.scheme, cells.length)
  const parts = cells.map((x) => {
    let head = heads?.get(x.id)
    if (head === undefined) {
      head = featureHead(x.id, x.ring)
      heads?.set(x.id, head)
    }
    return `${head}{"count":${x.count},"z":${JSON.stringify(printedZ(x.z))},"p":${JSON.stringify(printedP(x.p))},"bin":${x.bin},"neighbors":${x.neighbors}}}`
  })
  const statistic = { bandMeters, bandSource, k, n, mean, s, fdr, criticalP, dropped, inference, permutations }
  return { statistic, autoBandMeters: input.bandMeters === undefined ? bandMeters : undefined, top, features: encodeJsonText<HotspotFeature[]>(`[${parts.join(',')}]`) }
}

/** Hot-spot trends from the earlier to the later period, over one band (the later period's), as GeoJSON bytes. */
export function compareHotspotLayers(input: CompareTaskInput): CompareTaskOutput | HotspotRefusal {
  const after = runGiStar(input.after, input.bbox, input.scheme, input.bandMeters, input.autoBandMeters)
  if (isRefusal(after)) return after
  // One band for both periods, so a cell's neighbourhood means the same thing before and after.
  const before = runGiStar(input.before, input.bbox, input.scheme, after.bandMeters, undefined)
  if (isRefusal(before)) return before
  const trends = compareHotspotPeriods(before, after)
  const summary = { new: 0, intensifying: 0, persistent: 0, diminishing: 0, gone: 0 }
  const features: TrendFeature[] = []
  trends.forEach((t, i) => {
    if (t.trend === 'none') return
    summary[t.trend]++
    features.push({
      type: 'Feature',
      id: t.id,
      geometry: { type: 'Polygon', coordinates: [printedRing(after.cells[i]!.ring)] },
      properties: { trend: t.trend, bin: t.after.bin, z: printedZ(t.after.z), count: t.after.count, before_bin: t.before.bin, before_z: printedZ(t.before.z), before_count: t.before.count },
    })
  })
  return { bandMeters: after.bandMeters, autoBandMeters: input.bandMeters === undefined ? after.bandMeters : undefined, summary, features: encodeJson(features) }
}

/** Intersections ranked by incidents within the radius (see rankIntersectionHotspots). */
export function rankIntersections(input: IntersectionsTaskInput): IntersectionHotspot[] {
  const positions = unpackPositions(input.intersections.positions)
  const intersections = input.intersections.ids.map((id, i) => ({ id, coordinates: positions[i]!, names: input.intersections.names[i] ?? [] }))
  return rankIntersectionHotspots(intersections, unpackPointItems(input.incidents), { radiusMeters: input.radiusMeters, limit: input.limit, includeUnnamed: input.includeUnnamed })
}

/** Suggested guidance-point sites for the vending demand (see suggestGuidanceSites). */
export function suggestSites(input: SuggestionsTaskInput): SuggestionResult {
  return suggestGuidanceSites(unpackPointItems(input.demand), unpackGuidanceContext(input.context), resolveGuidanceRules(), { walkRadiusM: input.walkRadiusM, maxSuggestions: input.maxSuggestions })
}

/** A crew's visiting order over the stops (see computeVisitOrder). */
export function orderVisits(input: { stops: PackedPositions }): VisitOrder {
  return computeVisitOrder(unpackPositions(input.stops))
}

/** The ring of study cell `id` of the bbox under the scheme, or undefined when it is not one of them. */
export function findStudyCellRing(input: { bbox: BBox; scheme: CellScheme; id: string }): LngLat[] | undefined {
  const cells = binIncidents([], input.bbox, input.scheme)
  const k = cells.ids.indexOf(input.id)
  return k < 0 ? undefined : cellRing(cells, k)
}

/** Every task a pool worker serves, by name. */
export const analysisTasks = {
  hotspots: computeHotspotLayer,
  compareHotspots: compareHotspotLayers,
  rankIntersections,
  suggestSites,
  orderVisits,
  findStudyCellRing,
}

export type AnalysisTasks = typeof analysisTasks
