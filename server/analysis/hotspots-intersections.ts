// Intersections ranked by the incidents reported around them: the "which crossing is worst" list that sits
// beside the Gi* map. A plain radius count, not a statistic — no significance is claimed.
import KDBush from 'kdbush'
import type { LngLat } from '../kernel/geo.ts'
import type { PointItem } from './cells.ts'
import { createLocalProjection } from './cells.ts'

export interface IntersectionInput {
  readonly id: string
  readonly coordinates: readonly [number, number] // [lng, lat]
  readonly names: readonly string[] // names of the streets meeting there
}

export interface IntersectionHotspotOptions {
  radiusMeters?: number // default 50: an incident this close to the node counts for it
  limit?: number // default: all intersections with at least one incident
  includeUnnamed?: boolean // default false: a junction of unnamed ways tells a leader nothing to act on
}

export interface IntersectionHotspot {
  id: string
  name: string | null // distinct street names joined 'A × B', null when none is named
  coordinates: LngLat
  count: number // incidents within radiusMeters
}

/** Separator between street names, as Chinese maps label crossings (人民路 × 解放路). */
const NAME_SEPARATOR = ' × '

/**
 * Intersections with at least one incident within `radiusMeters` (metres, measured in a local
 * equirectangular projection about the intersections' centre), most incidents first, ties by id
 * (code-unit order) so the list is deterministic. An incident near two intersections counts for both. Each name
 * appears once (its best-ranked node); unnamed junctions only with `includeUnnamed`.
 * Empty intersections or incidents → []. Throws a RangeError for a non-positive radius or limit.
 * Does not mutate its input.
 */
export function rankIntersectionHotspots(
  intersections: readonly IntersectionInput[],
  incidents: readonly PointItem[],
  options: IntersectionHotspotOptions = {},
): IntersectionHotspot[] {
  const radiusMeters = options.radiusMeters ?? 50
  const limit = options.limit ?? Infinity
  if (!(radiusMeters > 0 && Number.isFinite(radiusMeters))) throw new RangeError(`rankIntersectionHotspots: radiusMeters must be a positive number, got ${radiusMeters}`)
  if (!(limit >= 0)) throw new RangeError(`rankIntersectionHotspots: limit must be ≥ 0, got ${limit}`)
  if (intersections.length === 0 || incidents.length === 0) return []

  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  for (const { coordinates: [lng, lat] } of intersections) {
    west = Math.min(west, lng)
    east = Math.max(east, lng)
    south = Math.min(south, lat)
    north = Math.max(north, lat)
  }
  const projection = createLocalProjection([(west + east) / 2, (south + north) / 2])
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection
  const [lng0, lat0] = projection.origin

  const finite: number[] = []
  for (let i = 0; i < incidents.length; i++) {
    const [lng, lat] = incidents[i]!.coordinates
    if (Number.isFinite(lng) && Number.isFinite(lat)) finite.push(i)
  }
  if (finite.length === 0) return []
  const index = new KDBush(finite.length)
  for (const i of finite) {
    const [lng, lat] = incidents[i]!.coordinates
    index.add((lng - lng0) * kx, (lat - lat0) * ky)
  }
  index.finish()

  const ranked: IntersectionHotspot[] = []
  for (const intersection of intersections) {
    const [lng, lat] = intersection.coordinates
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue
    const count = index.within((lng - lng0) * kx, (lat - lat0) * ky, radiusMeters).length
    if (count === 0) continue
    const names = [...new Set(intersection.names.map((name) => name.trim()).filter((name) => name !== ''))]
    ranked.push({ id: intersection.id, name: names.length > 0 ? names.join(NAME_SEPARATOR) : null, coordinates: [lng, lat], count })
  }
  ranked.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // One entry per place: the nodes of one big junction (or of the ways around a park) share a name, and their radii
  // count the same incidents again; the best-ranked node stands for them all.
  const named = new Set<string>()
  const places = ranked.filter((x) => {
    if (x.name === null) return options.includeUnnamed === true
    if (named.has(x.name)) return false
    named.add(x.name)
    return true
  })
  return Number.isFinite(limit) ? places.slice(0, Math.floor(limit)) : places
}
