// Where things are: the zone outlines, the nearest-street index, the lamp index, each street's zone, the
// responsible units, the district's bounds and the search by name. Intake, hotspot naming, the layers and the search
// box all look places up here.
import { booleanPointInPolygon, point, polygon } from '@turf/turf'
import KDBush from 'kdbush'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../analysis/local-metric.ts'
import { createNearestStreetIndex, type NearestStreetIndex } from '../analysis/nearest-street.ts'
import { createPlaceSearch, type PlaceSearch } from '../analysis/place-search.ts'
import type { ResponsibleUnit } from '../domain/case-routing.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { Zone } from '../kernel/records.ts'
import type { LampPoints } from '../store/lamp-points.ts'
import type { Store, StoreCounts } from '../store/store.ts'

/** How far a named street may be to name a place ("near X"): a report's street, a case's, a search hit's. */
export const NEAR_STREET_M = 100

export interface Places {
  bounds: BBox | undefined // undefined while the store holds no district
  /** What the district held when this was built (a district replaced rebuilds it; the model counts lamps and incidents live). */
  counts: StoreCounts
  units: ResponsibleUnit[]
  unitById: Map<string, ResponsibleUnit>
  nearestStreet: NearestStreetIndex
  streetZone: Map<string, string | null> // street id → zone id
  /** The zone containing a point, if any. */
  zoneAt(coordinates: LngLat): Zone | undefined
  /** Whether a lamp with this id exists. */
  /** The id of the nearest lamp within `radiusM`, if any. */
  nearestLamp(coordinates: LngLat, radiusM: number): string | null
  /** Streets and junctions by name (the search box). */
  search: PlaceSearch
}

/** `readLamps`: how the lamp ledger is read (the district model shares the ids among its readers). */
export async function buildPlaces(store: Store, readLamps: () => Promise<LampPoints> = () => store.lampPoints()): Promise<Places> {
  const [zones, streets, lamps, units, info, intersections] = await Promise.all([
    store.zones(),
    store.streets({}),
    readLamps(),
    store.units(),
    store.info(),
    store.intersections({}),
  ])
  const zonePolygons = zones.map((zone) => ({ zone, poly: polygon(zone.coordinates) }))
  const lampIndex = indexLamps(lamps.positions)
  return {
    bounds: info.bounds,
    counts: info.counts,
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    nearestStreet: createNearestStreetIndex(streets),
    streetZone: new Map(streets.map((s) => [s.id, s.zoneId])),
    zoneAt: (coordinates) => zonePolygons.find(({ poly }) => booleanPointInPolygon(point(coordinates), poly))?.zone,
    nearestLamp: (coordinates, radiusM) => (lampIndex ? nearestLamp(lampIndex, lamps, coordinates, radiusM) : null),
    search: createPlaceSearch(streets, intersections),
  }
}

function indexLamps(positions: Float64Array): KDBush | undefined {
  if (positions.length === 0) return undefined
  const index = new KDBush(positions.length / 2)
  for (let i = 0; i < positions.length; i += 2) index.add(positions[i]!, positions[i + 1]!)
  index.finish()
  return index
}

function nearestLamp(index: KDBush, { ids, positions }: LampPoints, [lng, lat]: LngLat, radiusM: number): string | null {
  const kx = computeMetersPerDegreeLng(lat)
  const dLng = radiusM / kx
  const dLat = radiusM / METERS_PER_DEGREE
  let best: { id: string; d: number } | undefined
  for (const i of index.range(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
    const d = Math.hypot((positions[2 * i]! - lng) * kx, (positions[2 * i + 1]! - lat) * METERS_PER_DEGREE)
    if (d <= radiusM && (!best || d < best.d)) best = { id: ids[i]!, d }
  }
  return best?.id ?? null
}
