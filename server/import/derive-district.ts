// What a district needs beyond the rows a city hands over, derived from them: street records with class, length,
// category and zone; the intersections where streets meet; a zone locator; the unit grid (万米单元网格) over the
// zones; the bounds. Pure functions over plain data.
import { length, lineString } from '@turf/turf'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { GridCell, Intersection, Street, Zone } from '../kernel/records.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import { classOfHighway, type StreetClass } from '../kernel/street-classes.ts'

const METERS_PER_DEGREE = 111_320

export interface StreetCategoryRule {
  default: StreetCategory
  by_class: Partial<Record<StreetClass, StreetCategory>>
}

/** The category a street gets when its layer maps none: the profile's rule for its class, else its default. */
export const categoryForClass = (rule: StreetCategoryRule, streetClass: StreetClass): StreetCategory => rule.by_class[streetClass] ?? rule.default

/** A zone lookup: bounding boxes first, then an even–odd ray cast on the outer ring minus holes. */
export function createZoneLocator(zones: readonly Zone[]): (p: LngLat) => Zone | undefined {
  const boxes = zones.map((z) => boxOf(z.coordinates[0] ?? []))
  return (p) => {
    for (let i = 0; i < zones.length; i++) {
      const box = boxes[i]
      const zone = zones[i]
      if (!box || !zone || p[0] < box[0] || p[0] > box[2] || p[1] < box[1] || p[1] > box[3]) continue
      const [outer, ...holes] = zone.coordinates
      if (outer && insideRing(p, outer) && !holes.some((h) => insideRing(p, h))) return zone
    }
    return undefined
  }
}

function insideRing([x, y]: LngLat, ring: readonly LngLat[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]
    const b = ring[j]
    if (!a || !b) continue
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside
  }
  return inside
}

export function boxOf(points: Iterable<LngLat>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of points) {
    if (x < b[0]) b[0] = x
    if (y < b[1]) b[1] = y
    if (x > b[2]) b[2] = x
    if (y > b[3]) b[3] = y
  }
  return b
}

export const unionBox = (a: BBox | undefined, b: BBox | undefined): BBox | undefined =>
  !a ? b : !b ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]

/** The point halfway along a line by length (equirectangular metres: a street is short). */
export function midpointOf(line: readonly LngLat[]): LngLat | undefined {
  if (line.length === 0) return undefined
  const kx = METERS_PER_DEGREE * Math.cos(((line[0]?.[1] ?? 0) * Math.PI) / 180)
  const seg: number[] = []
  let total = 0
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as LngLat
    const b = line[i] as LngLat
    const d = Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * METERS_PER_DEGREE)
    seg.push(d)
    total += d
  }
  let left = total / 2
  for (let i = 1; i < line.length; i++) {
    const d = seg[i - 1] ?? 0
    const a = line[i - 1] as LngLat
    const b = line[i] as LngLat
    if (left <= d && d > 0) return [a[0] + ((b[0] - a[0]) * left) / d, a[1] + ((b[1] - a[1]) * left) / d]
    left -= d
  }
  return line[line.length - 1]
}

/** A street record from an imported line: its class stands as its `highway` value, so lighting norms find it. */
export function buildStreet(draft: { id: string; name: string | null; nameEn: string | null; highway: string; category: StreetCategory | null; coordinates: LngLat[] }, rule: StreetCategoryRule, zoneAt: (p: LngLat) => Zone | undefined): Street {
  const mid = midpointOf(draft.coordinates)
  return {
    id: draft.id,
    osmId: 0,
    name: draft.name,
    nameEn: draft.nameEn,
    highway: draft.highway,
    lengthM: length(lineString(draft.coordinates), { units: 'meters' }),
    coordinates: draft.coordinates,
    category: draft.category ?? categoryForClass(rule, classOfHighway(draft.highway)),
    zoneId: mid ? (zoneAt(mid)?.id ?? null) : null,
  }
}

/**
 * Where streets meet, from shared vertices (the rule an OSM extract follows with node ids): a vertex used by two or
 * more streets where three or more arms meet (an inner vertex gives two arms, an end one). Coordinates are matched
 * to 1e-7° (about a centimetre), the precision GIS exports keep.
 */
export function findIntersections(streets: readonly Pick<Street, 'id' | 'name' | 'coordinates'>[]): Intersection[] {
  const at = new Map<string, { point: LngLat; arms: number; streets: Set<string>; names: Set<string> }>()
  for (const s of streets) {
    s.coordinates.forEach((p, i) => {
      const key = `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`
      let node = at.get(key)
      if (!node) at.set(key, (node = { point: p, arms: 0, streets: new Set(), names: new Set() }))
      node.arms += i === 0 || i === s.coordinates.length - 1 ? 1 : 2
      node.streets.add(s.id)
      if (s.name) node.names.add(s.name)
    })
  }
  const out: Intersection[] = []
  for (const [key, node] of at) {
    if (node.streets.size < 2 || node.arms < 3) continue
    out.push({ id: `x${key.replace(',', '_')}`, osmId: 0, coordinates: node.point, streetIds: [...node.streets], names: [...node.names], degree: node.arms })
  }
  return out
}

/** The most cells a generated grid may have: past this a district is too big for 100 m cells to be useful on a map. */
export const MAX_GRID_CELLS = 400_000

/**
 * A 100 m unit grid over the zones: cells whose centre lies in a zone belong to it; a community is the zone's cells
 * in one 900 m block. Codes: county 6 (the zone code's first six digits when numeric, else 000000) + the zone's
 * number 3 + community 3 + cell 2. Returns [] when there are no zones or the grid would pass MAX_GRID_CELLS.
 */
export function generateGrid(zones: readonly Zone[], cellSizeM = 100, blockCells = 9): GridCell[] {
  if (zones.length === 0 || zones.length > 999) return []
  const box = boxOf(zones.flatMap((z) => z.coordinates[0] ?? []))
  const kx = METERS_PER_DEGREE * Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180)
  const dLon = cellSizeM / kx
  const dLat = cellSizeM / METERS_PER_DEGREE
  const cols = Math.ceil((box[2] - box[0]) / dLon)
  const rows = Math.ceil((box[3] - box[1]) / dLat)
  if (cols * rows > MAX_GRID_CELLS) return []
  const zoneAt = createZoneLocator(zones)
  const zoneNumber = new Map(zones.map((z, i) => [z.id, String(i + 1).padStart(3, '0')]))
  const communities = new Map<string, number>() // zone|block → community number
  const communityCount = new Map<string, number>() // zone → communities so far
  const sequence = new Map<string, number>()
  const cells: GridCell[] = []
  for (let r = 0; r < rows; r++) {
    const north = box[3] - r * dLat
    const south = north - dLat
    for (let c = 0; c < cols; c++) {
      const west = box[0] + c * dLon
      const east = west + dLon
      const zone = zoneAt([(west + east) / 2, (south + north) / 2])
      if (!zone) continue
      const block = `${zone.id}|${Math.floor(r / blockCells)},${Math.floor(c / blockCells)}`
      let community = communities.get(block)
      if (community === undefined) {
        community = (communityCount.get(zone.id) ?? 0) + 1
        communityCount.set(zone.id, community)
        communities.set(block, community)
      }
      if (community > 999) continue
      const n = (sequence.get(block) ?? 0) + 1
      sequence.set(block, n)
      const county = /^\d{6}/.test(zone.code) ? zone.code.slice(0, 6) : '000000'
      const communityCode = String(community).padStart(3, '0')
      cells.push({
        code: `${county}${zoneNumber.get(zone.id)}${communityCode}${String(n).padStart(2, '0')}`,
        zoneId: zone.id,
        community: communityCode,
        coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
      })
    }
  }
  return cells
}
