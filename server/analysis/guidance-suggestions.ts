// Where new vendor guidance points (流动摊贩有序疏导点) would serve the most street-vending reports while passing every
// guidance rule (the values the caller passes; the domain's table in server/domain/guidance-rules.ts).
//
// Method, deterministic (no randomness; every tie is broken by coordinates, then input order):
//  1. Served demand. A report is served when a guidance point lies within `walkRadiusM` of it. Straight-line distance
//     stands in for walking distance (we have no pedestrian network), so "served" is optimistic across rivers, rail
//     lines and walled compounds.
//  2. Demand centres: the reports not yet served by an existing point are binned into `cellM` squares in a local
//     metric frame; every non-empty square is a centre, placed at the mean position of its reports. (Gi* hot spots,
//     hotspots.ts, would answer a different question — where vending is significantly clustered — and refuse small
//     or uniform inputs; a site serving five reports is still worth proposing, so plain density is used.)
//  3. Candidate sites: positions along the streets of the allowed categories, at every vertex and at most `stepM`
//     apart between vertices. A centre's site is the candidate nearest to it, within `searchRadiusM`, that passes the
//     guidance checker (existing points included) and keeps `minSpacingM` from the suggestions already chosen, with
//     the same rounding as the checker — so the 20 m spacing rule binds suggestions too. A centre without one is
//     dropped.
//  4. Greedy maximum coverage: repeatedly take the site that newly serves the most reports, mark those reports served,
//     move the sites the new pick crowds out to their next compliant candidate, and stop at `maxSuggestions` or when
//     no site serves anything new. This is the standard greedy heuristic for maximum coverage; the list is in pick
//     order, which is also most-newly-served first except that a site moved by a later pick may serve more than the
//     pick before it did (each `served` counts only what the earlier picks left).
import KDBush from 'kdbush'
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import type { GuidanceContext, GuidanceRules } from './guidance-check.ts'
import { checkGuidanceRules, createGuidancePassTest } from './guidance-check.ts'
import { breaksClearance, checkPosition, measureGuidanceDistanceM, roundGuidanceDistanceM, type GuidanceGeometry } from './guidance-geometry.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export interface SuggestionOptions {
  walkRadiusM?: number // 200 m: a vending report within this straight-line distance of a point is "served" (straight line as a stand-in for walking distance)
  maxSuggestions?: number // 10
  searchRadiusM?: number // 300 m: how far from a demand centre a compliant site may be sought
  stepM?: number // 10 m: spacing of candidate positions sampled along allowed streets
  cellM?: number // 50 m: side of the squares demand is binned into to find demand centres
}

export interface GuidanceSuggestion {
  coordinates: LngLat
  served: number // vending reports within walkRadiusM not already served by existing points or earlier suggestions
  servedTotal: number // all vending reports within walkRadiusM
  streetId: string | null
  streetName: string | null
  demandCenter: LngLat // where the demand concentrated
  movedM: number // distance from the demand centre to the compliant site, metres, rounded to 0.1 m
}

export interface SuggestionResult {
  suggestions: GuidanceSuggestion[] // ranked: most newly served first (greedy: each pick removes the demand it serves)
  coverage: {
    demand: number // vending reports given
    servedByExisting: number // of them, within walkRadiusM of an existing point
    servedWithSuggestions: number // within walkRadiusM of an existing point or a suggestion
    shareExisting: number // 0..1; 1 when there is no demand (nothing is left unserved)
    shareWithSuggestions: number // 0..1; 1 when there is no demand
  }
}

export const DEFAULT_SUGGESTION_OPTIONS: Required<SuggestionOptions> = {
  walkRadiusM: 200, // m
  maxSuggestions: 10,
  searchRadiusM: 300, // m
  stepM: 10, // m
  cellM: 50, // m
}

/** More candidate positions than this means a tiny step over a huge area: a caller bug, not a district. */
const MAX_CANDIDATE_SITES = 2_000_000

function readOptions(options: SuggestionOptions): Required<SuggestionOptions> {
  const o = {
    walkRadiusM: options.walkRadiusM ?? DEFAULT_SUGGESTION_OPTIONS.walkRadiusM,
    maxSuggestions: options.maxSuggestions ?? DEFAULT_SUGGESTION_OPTIONS.maxSuggestions,
    searchRadiusM: options.searchRadiusM ?? DEFAULT_SUGGESTION_OPTIONS.searchRadiusM,
    stepM: options.stepM ?? DEFAULT_SUGGESTION_OPTIONS.stepM,
    cellM: options.cellM ?? DEFAULT_SUGGESTION_OPTIONS.cellM,
  }
  for (const key of ['walkRadiusM', 'stepM', 'cellM'] as const) {
    if (!(Number.isFinite(o[key]) && o[key] > 0)) throw new RangeError(`suggestGuidanceSites: ${key} must be a finite number of metres > 0, got ${o[key]}`)
  }
  if (!(Number.isFinite(o.searchRadiusM) && o.searchRadiusM >= 0)) throw new RangeError(`suggestGuidanceSites: searchRadiusM must be a finite number of metres ≥ 0, got ${o.searchRadiusM}`)
  if (!(Number.isInteger(o.maxSuggestions) && o.maxSuggestions >= 0)) throw new RangeError(`suggestGuidanceSites: maxSuggestions must be an integer ≥ 0, got ${o.maxSuggestions}`)
  return o
}

/** The box in degrees around `p` that holds everything within `radiusM` in the frame at p's latitude. */
function boxAround(p: LngLat, radiusM: number, kx: number): [number, number, number, number] {
  const dx = radiusM / kx + 1e-9
  const dy = radiusM / METERS_PER_DEGREE + 1e-9
  return [p[0] - dx, p[1] - dy, p[0] + dx, p[1] + dy]
}

function geometryBox(g: GuidanceGeometry): [number, number, number, number] {
  const positions = g.type === 'Point' ? [g.coordinates] : g.coordinates.flat()
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const p of positions) {
    box[0] = Math.min(box[0], p[0])
    box[1] = Math.min(box[1], p[1])
    box[2] = Math.max(box[2], p[0])
    box[3] = Math.max(box[3], p[1])
  }
  return box
}

/** Candidate positions along allowed streets that meet `box`: every vertex, and at most `stepM` apart between them. */
function sampleAllowedStreets(
  streets: GuidanceContext['streets'],
  categories: readonly StreetCategory[],
  box: readonly [number, number, number, number],
  stepM: number,
): { lng: number[]; lat: number[]; street: number[] } {
  const allowed = new Set(categories)
  const out = { lng: [] as number[], lat: [] as number[], street: [] as number[] }
  const push = (lng: number, lat: number, street: number) => {
    out.lng.push(lng)
    out.lat.push(lat)
    out.street.push(street)
    if (out.lng.length > MAX_CANDIDATE_SITES) throw new RangeError(`suggestGuidanceSites: more than ${MAX_CANDIDATE_SITES} candidate sites; use a larger stepM`)
  }
  const meets = (a: LngLat, b: LngLat) =>
    Math.max(a[0], b[0]) >= box[0] && Math.min(a[0], b[0]) <= box[2] && Math.max(a[1], b[1]) >= box[1] && Math.min(a[1], b[1]) <= box[3]
  streets.forEach((s, i) => {
    if (!allowed.has(s.category)) return
    const line = s.coordinates
    if (line.length === 1 && meets(line[0]!, line[0]!)) push(line[0]![0], line[0]![1], i)
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1]!
      const b = line[k]!
      if (!meets(a, b)) continue
      const kx = computeMetersPerDegreeLng(a[1])
      const lengthM = Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * METERS_PER_DEGREE)
      const n = Math.max(1, Math.ceil(lengthM / stepM))
      for (let j = 0; j < n; j++) push(a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n, i)
      // The segment's far end, unless the next segment (which starts there) will add it.
      const next = line[k + 1]
      if (!next || !meets(b, next)) push(b[0], b[1], i)
    }
  })
  return out
}

/**
 * Up to `maxSuggestions` new guidance-point sites, each passing every rule (spacing included, against existing points
 * and the other suggestions), ranked greedily by the vending reports (`demand`) they newly serve within `walkRadiusM`
 * metres, with the coverage before and after; the method is in the comment at the top of this file. `rules` are the
 * guidance rule values, as createGuidanceChecker takes them. No demand → no suggestions and shares of 1. Throws a
 * RangeError for a non-positive radius, step or cell size or a bad rule distance, and a TypeError for a malformed
 * position or geometry. Does not mutate its input.
 */
export function suggestGuidanceSites(
  demand: readonly { coordinates: LngLat }[],
  context: GuidanceContext,
  rules: GuidanceRules,
  options: SuggestionOptions = {},
): SuggestionResult {
  const o = readOptions(options)
  checkGuidanceRules(rules)
  demand.forEach((d, i) => checkPosition(d.coordinates, `demand[${i}].coordinates`))
  const passes = createGuidancePassTest(context, rules) // also checks the context's positions and geometries
  const n = demand.length

  // 1. Demand served by the existing points.
  const demandIndex = n === 0 ? undefined : new KDBush(n, 64, Float64Array)
  for (const d of demand) demandIndex?.add(d.coordinates[0], d.coordinates[1])
  demandIndex?.finish()
  const served = new Uint8Array(n)
  if (demandIndex) {
    for (const p of context.points) {
      const box = geometryBox(p.geometry)
      const kx = computeMetersPerDegreeLng(Math.max(Math.abs(box[1]), Math.abs(box[3])))
      const dx = o.walkRadiusM / kx + 1e-9
      const dy = o.walkRadiusM / METERS_PER_DEGREE + 1e-9
      for (const i of demandIndex.range(box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy)) {
        if (served[i]) continue
        if (measureGuidanceDistanceM(p.geometry, { type: 'Point', coordinates: demand[i]!.coordinates }) <= o.walkRadiusM) served[i] = 1
      }
    }
  }
  const servedByExisting = served.reduce((sum, v) => sum + v, 0)

  const suggestions: GuidanceSuggestion[] = []
  const finish = (): SuggestionResult => {
    const servedWithSuggestions = served.reduce((sum, v) => sum + v, 0)
    return {
      suggestions,
      coverage: {
        demand: n,
        servedByExisting,
        servedWithSuggestions,
        shareExisting: n === 0 ? 1 : servedByExisting / n,
        shareWithSuggestions: n === 0 ? 1 : servedWithSuggestions / n,
      },
    }
  }
  if (!demandIndex || servedByExisting === n || o.maxSuggestions === 0) return finish()

  // 2. Demand centres: mean positions of the unserved reports per cellM square (frame at the unserved demand's box centre).
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  demand.forEach((d, i) => {
    if (served[i]) return
    box[0] = Math.min(box[0], d.coordinates[0])
    box[1] = Math.min(box[1], d.coordinates[1])
    box[2] = Math.max(box[2], d.coordinates[0])
    box[3] = Math.max(box[3], d.coordinates[1])
  })
  const lng0 = (box[0] + box[2]) / 2
  const lat0 = (box[1] + box[3]) / 2
  const kx0 = computeMetersPerDegreeLng(lat0)
  const cells = new Map<string, { ix: number; iy: number; lng: number; lat: number; count: number }>()
  demand.forEach((d, i) => {
    if (served[i]) return
    const ix = Math.floor(((d.coordinates[0] - lng0) * kx0) / o.cellM)
    const iy = Math.floor(((d.coordinates[1] - lat0) * METERS_PER_DEGREE) / o.cellM)
    const key = `${ix},${iy}`
    const cell = cells.get(key) ?? { ix, iy, lng: 0, lat: 0, count: 0 }
    cell.lng += d.coordinates[0]
    cell.lat += d.coordinates[1]
    cell.count++
    cells.set(key, cell)
  })
  const centres: LngLat[] = [...cells.values()]
    .sort((a, b) => a.iy - b.iy || a.ix - b.ix)
    .map((c) => [c.lng / c.count, c.lat / c.count])

  // 3. Candidate sites along allowed streets near the demand, with the checker's verdict memoised (0 unknown, 1 pass, 2 fail).
  const reach = o.searchRadiusM / Math.min(computeMetersPerDegreeLng(Math.min(89, Math.max(Math.abs(box[1]), Math.abs(box[3])))), METERS_PER_DEGREE)
  const sites = sampleAllowedStreets(context.streets, rules.allowedStreetCategories, [box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach], o.stepM)
  if (sites.lng.length === 0) return finish()
  const siteIndex = new KDBush(sites.lng.length, 64, Float64Array)
  for (let s = 0; s < sites.lng.length; s++) siteIndex.add(sites.lng[s]!, sites.lat[s]!)
  siteIndex.finish()
  const verdict = new Uint8Array(sites.lng.length)
  const chosen: LngLat[] = []

  const isCompliant = (s: number): boolean => {
    if (verdict[s] === 0) verdict[s] = passes({ geometry: { type: 'Point', coordinates: [sites.lng[s]!, sites.lat[s]!] } }) ? 1 : 2
    if (verdict[s] === 2) return false
    const kx = computeMetersPerDegreeLng(sites.lat[s]!)
    for (const c of chosen) {
      const d = Math.hypot((c[0] - sites.lng[s]!) * kx, (c[1] - sites.lat[s]!) * METERS_PER_DEGREE)
      if (breaksClearance(d, rules.minSpacingM)) return false
    }
    return true
  }

  /**
   * The compliant candidate nearest to `centre` within searchRadiusM (ties: west, then south, then sampling order), or
   * site −1. Looks in growing circles, since most centres have one close by: the nearest compliant candidate inside a
   * circle is the nearest overall.
   */
  const findSite = (centre: LngLat): { site: number; movedM: number } => {
    const kx = computeMetersPerDegreeLng(centre[1])
    for (let radius = Math.min(o.searchRadiusM, 40); ; radius = Math.min(o.searchRadiusM, 3 * radius)) {
      const [w, s, e, nn] = boxAround(centre, radius, kx)
      const near: { site: number; d: number }[] = []
      for (const site of siteIndex.range(w, s, e, nn)) {
        const d = Math.hypot((sites.lng[site]! - centre[0]) * kx, (sites.lat[site]! - centre[1]) * METERS_PER_DEGREE)
        if (d <= radius) near.push({ site, d })
      }
      near.sort((a, b) => a.d - b.d || sites.lng[a.site]! - sites.lng[b.site]! || sites.lat[a.site]! - sites.lat[b.site]! || a.site - b.site)
      for (const c of near) if (isCompliant(c.site)) return { site: c.site, movedM: c.d }
      if (radius >= o.searchRadiusM) return { site: -1, movedM: 0 }
    }
  }

  /** Reports within walkRadiusM of site `s`: all of them, and those not yet served. */
  const countServed = (s: number): { total: number; fresh: number; ids: number[] } => {
    const p: LngLat = [sites.lng[s]!, sites.lat[s]!]
    const kx = computeMetersPerDegreeLng(p[1])
    const [w, so, e, no] = boxAround(p, o.walkRadiusM, kx)
    let total = 0
    const ids: number[] = []
    for (const i of demandIndex.range(w, so, e, no)) {
      const q = demand[i]!.coordinates
      if (Math.hypot((q[0] - p[0]) * kx, (q[1] - p[1]) * METERS_PER_DEGREE) > o.walkRadiusM) continue
      total++
      if (!served[i]) ids.push(i)
    }
    return { total, fresh: ids.length, ids }
  }

  // 4. Greedy maximum coverage.
  const site = centres.map((c) => findSite(c))
  const fresh = site.map((s) => (s.site < 0 ? 0 : countServed(s.site).fresh))
  while (suggestions.length < o.maxSuggestions) {
    let best = -1
    for (let c = 0; c < centres.length; c++) {
      const s = site[c]!.site
      if (s < 0 || fresh[c]! <= 0) continue
      if (best < 0) {
        best = c
        continue
      }
      const b = site[best]!.site
      if (fresh[c]! > fresh[best]! || (fresh[c] === fresh[best] && (sites.lng[s]! < sites.lng[b]! || (sites.lng[s] === sites.lng[b] && sites.lat[s]! < sites.lat[b]!)))) best = c
    }
    if (best < 0) break
    const pick = site[best]!.site
    const at: LngLat = [sites.lng[pick]!, sites.lat[pick]!]
    const count = countServed(pick)
    for (const i of count.ids) served[i] = 1
    const street = context.streets[sites.street[pick]!]!
    suggestions.push({
      coordinates: at,
      served: count.fresh,
      servedTotal: count.total,
      streetId: street.id,
      streetName: street.name,
      demandCenter: centres[best]!,
      movedM: roundGuidanceDistanceM(site[best]!.movedM),
    })
    chosen.push(at)

    // Sites the pick crowds out move on; counts change only for sites within two walk radii of it (+1 m for the frames).
    const kx = computeMetersPerDegreeLng(at[1])
    for (let c = 0; c < centres.length; c++) {
      let s = site[c]!.site
      if (s < 0) continue
      const d = Math.hypot((sites.lng[s]! - at[0]) * kx, (sites.lat[s]! - at[1]) * METERS_PER_DEGREE)
      if (breaksClearance(d, rules.minSpacingM)) {
        site[c] = findSite(centres[c]!)
        s = site[c]!.site
        fresh[c] = s < 0 ? 0 : countServed(s).fresh
      } else if (d <= 2 * o.walkRadiusM + 1) {
        fresh[c] = countServed(s).fresh
      }
    }
  }
  return finish()
}
