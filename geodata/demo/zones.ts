// DEMONSTRATION DATA: sub-district (街道) zones, the ~100 m unit grid (万米单元网格) and its communities (社区).
// The OSM extract has no 街道 boundaries (geodata/README.md), so zones are the Voronoi cells of seeded,
// evenly spread points, computed in local metres and clipped to the extract's bounds: they tile the bounds
// with no gaps or overlaps, and "which zone is this point in" is simply "which seed is nearest".

import { featureCollection, point, voronoi } from '@turf/turf'
import type { BBox, LngLat } from '../../server/kernel/geo.ts'
import type { GridCell, Street, Zone } from '../../server/kernel/records.ts'
import { createBoundsProjection, roundLngLat, type LocalProjection, type XY } from './local-projection.ts'
import { locateAlong, measureCumulativeLengths } from './planar.ts'
import type { Random } from './prng.ts'

export interface ZoneOptions {
  zoneCount: number // sub-districts to draw; 10 gives ~7 km² each on the Chengdu extract, a typical 街道 size
  countyCode: string // 6-digit GB/T 2260 county code
  candidatesPerSeed: number // Mitchell's best-candidate sampling: more candidates → more even zone sizes
  relaxIterations: number // Lloyd relaxation steps (seed → its cell's centroid): evens out zone areas
  namePrefix: string // zone n is named namePrefix + Chinese numeral n
  nameEnPrefix: string // zone n is named nameEnPrefix + ' ' + n
}

export const defaultZoneOptions: ZoneOptions = {
  zoneCount: 10, // zones
  countyCode: '510104', // 锦江区's real GB/T 2260 code, used as a stand-in: the zones themselves are not real
  candidatesPerSeed: 12, // candidates per seed
  relaxIterations: 2, // iterations; 2 brings the largest/smallest zone area ratio on Chengdu from ~4 to under 2
  namePrefix: '演示街道', // → 演示街道一 …
  nameEnPrefix: 'Demo Sub-district', // → Demo Sub-district 1 …
}

export interface GridOptions {
  cellSizeM: number // side of a unit-grid cell in metres; 100 m → 10,000 m², the 万米 of 万米单元网格
  communityBlockCells: number // a community is at most a block of n × n cells inside one zone; n² must be ≤ 99
}

export const defaultGridOptions: GridOptions = {
  cellSizeM: 100, // metres
  communityBlockCells: 9, // cells per side → 900 m blocks, ≤ 81 cells, so the 2-digit sequence never overflows
}

/** Zones plus what is needed to locate a point in them. */
export interface ZonePlan {
  zones: Zone[]
  seeds: XY[] // zone i's seed in projected metres; the zone is the seed's Voronoi cell
  projection: LocalProjection
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (used for demo zone names). */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`formatChineseNumeral: expected 1…99, got ${n}`)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${CHINESE_DIGITS[tens]}十`
  return tensPart + (ones === 0 ? '' : (CHINESE_DIGITS[ones] ?? ''))
}

/** Bounds in projected metres as [minX, minY, maxX, maxY]. */
function projectBounds(bounds: BBox, projection: LocalProjection): [number, number, number, number] {
  const [minX, minY] = projection.toXY([bounds[0], bounds[1]])
  const [maxX, maxY] = projection.toXY([bounds[2], bounds[3]])
  return [minX, minY, maxX, maxY]
}

/** Centroid of a closed ring (shoelace formula); the vertex mean for a degenerate ring. */
function findRingCentroid(ring: readonly XY[]): XY {
  let area = 0
  let cx = 0
  let cy = 0
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as XY
    const b = ring[i] as XY
    const cross = a[0] * b[1] - b[0] * a[1]
    area += cross
    cx += (a[0] + b[0]) * cross
    cy += (a[1] + b[1]) * cross
  }
  if (area === 0) {
    const n = Math.max(ring.length, 1)
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n]
  }
  return [cx / (3 * area), cy / (3 * area)]
}

/** Voronoi cells of the seeds clipped to the box, as closed rings in the seeds' order (metres). */
function computeVoronoiRings(seeds: readonly XY[], box: [number, number, number, number]): XY[][] {
  const cells = voronoi(featureCollection(seeds.map((s) => point(s))), { bbox: box })
  return seeds.map((_, i) => {
    const ring = (cells.features[i]?.geometry.coordinates[0] ?? []).map((c): XY => [c[0] ?? 0, c[1] ?? 0])
    if (ring.length < 4) throw new Error(`generateZones: Voronoi cell ${i} is empty (coincident seeds?)`)
    return ring
  })
}

/** Signed shoelace area (> 0 counter-clockwise) of a closed ring. */
function signedRingArea(ring: readonly XY[]): number {
  let sum = 0
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as XY
    const b = ring[i] as XY
    sum += a[0] * b[1] - b[0] * a[1]
  }
  return sum / 2
}

/**
 * Seeded sub-district zones tiling `bounds`, numbered '001'… in reading order (north→south bands,
 * west→east within a band). Degenerate bounds (zero width or height) or zoneCount 0 → no zones.
 */
export function generateZones(bounds: BBox, random: Random, options: Partial<ZoneOptions> = {}): ZonePlan {
  const opts = { ...defaultZoneOptions, ...options }
  if (!/^\d{6}$/.test(opts.countyCode)) throw new Error(`generateZones: countyCode must be 6 digits, got "${opts.countyCode}"`)
  if (!Number.isInteger(opts.zoneCount) || opts.zoneCount < 0 || opts.zoneCount > 99) {
    throw new Error(`generateZones: zoneCount must be an integer 0…99 (names use 一…九十九), got ${opts.zoneCount}`)
  }
  const projection = createBoundsProjection(bounds)
  const [minX, minY, maxX, maxY] = projectBounds(bounds, projection)
  const width = maxX - minX
  const height = maxY - minY
  if (!(width > 0 && height > 0) || opts.zoneCount === 0) return { zones: [], seeds: [], projection }

  // Mitchell's best-candidate: each new seed is the candidate farthest from the seeds so far, which spreads
  // seeds evenly without a grid look, and never yields coincident seeds (which Voronoi would drop).
  const seeds: XY[] = []
  for (let i = 0; i < opts.zoneCount; i++) {
    let best: XY = [random.uniform(minX, maxX), random.uniform(minY, maxY)]
    let bestDistance = -1
    for (let k = 0; k < opts.candidatesPerSeed; k++) {
      const candidate: XY = k === 0 ? best : [random.uniform(minX, maxX), random.uniform(minY, maxY)]
      let nearest = Infinity
      for (const s of seeds) nearest = Math.min(nearest, Math.hypot(s[0] - candidate[0], s[1] - candidate[1]))
      if (nearest > bestDistance) {
        best = candidate
        bestDistance = nearest
      }
    }
    seeds.push(best)
  }
  for (let k = 0; k < opts.relaxIterations; k++) {
    computeVoronoiRings(seeds, [minX, minY, maxX, maxY]).forEach((ring, i) => {
      seeds[i] = findRingCentroid(ring)
    })
  }

  // reading order: bands of roughly square zones from the north, each band west → east
  const bandCount = Math.max(1, Math.round(Math.sqrt((opts.zoneCount * height) / width)))
  const bandOf = (s: XY): number => Math.min(bandCount - 1, Math.floor(((maxY - s[1]) / height) * bandCount))
  seeds.sort((a, b) => bandOf(a) - bandOf(b) || a[0] - b[0])

  const rings = computeVoronoiRings(seeds, [minX, minY, maxX, maxY])
  const zones: Zone[] = rings.map((ring, i) => {
    const ccw = signedRingArea(ring) < 0 ? ring.reverse() : ring
    const id = String(i + 1).padStart(3, '0')
    return {
      id,
      code: opts.countyCode + id,
      name: opts.namePrefix + formatChineseNumeral(i + 1),
      nameEn: `${opts.nameEnPrefix} ${i + 1}`,
      coordinates: [ccw.map((p) => roundLngLat(projection.toLngLat(p)))],
    }
  })
  return { zones, seeds, projection }
}

/** Index of the zone whose seed is nearest to p (metres), or -1 when there are no zones. Ties → lower index. */
function findZoneIndex(plan: ZonePlan, p: XY): number {
  let best = -1
  let bestDistance = Infinity
  plan.seeds.forEach((s, i) => {
    const d = (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2
    if (d < bestDistance) {
      best = i
      bestDistance = d
    }
  })
  return best
}

/** The id of the zone containing [lng, lat] (a point outside the bounds gets the zone it would extend into); null without zones. */
export function locateZoneId(plan: ZonePlan, p: LngLat): string | null {
  return plan.zones[findZoneIndex(plan, plan.projection.toXY(p))]?.id ?? null
}

/**
 * A regular unit grid over `bounds` (cells `cellSizeM` square in local metres; the east and south edge cells
 * are clipped to the bounds). A cell belongs to the zone containing its centre; a community is the cells of
 * one zone inside one block of communityBlockCells² cells. Codes (docs/domain-notes.md §2): county 6 + 街道 3 + 社区 3 +
 * cell 2, communities numbered per zone and cells per community west→east, then north→south.
 * No zones → no cells.
 */
export function generateUnitGrid(bounds: BBox, plan: ZonePlan, options: Partial<GridOptions> = {}): GridCell[] {
  const { cellSizeM, communityBlockCells } = { ...defaultGridOptions, ...options }
  if (!(cellSizeM > 0)) throw new Error(`generateUnitGrid: cellSizeM must be > 0, got ${cellSizeM}`)
  if (!Number.isInteger(communityBlockCells) || communityBlockCells < 1 || communityBlockCells ** 2 > 99) {
    throw new Error(`generateUnitGrid: communityBlockCells² must be 1…99 so cell sequences fit 2 digits, got ${communityBlockCells}`)
  }
  if (plan.zones.length === 0) return []
  const { projection } = plan
  const [minX, minY, maxX, maxY] = projectBounds(bounds, projection)
  // 1e-6 m tolerance so a width that is an exact multiple of the cell size does not gain a sliver column
  const cols = Math.ceil((maxX - minX) / cellSizeM - 1e-6)
  const rows = Math.ceil((maxY - minY) / cellSizeM - 1e-6)

  interface Draft { row: number; col: number; zoneIndex: number; ring: LngLat[] }
  const drafts: Draft[] = []
  for (let row = 0; row < rows; row++) {
    const y1 = maxY - row * cellSizeM // north edge
    const y0 = Math.max(minY, y1 - cellSizeM) // south edge
    for (let col = 0; col < cols; col++) {
      const x0 = minX + col * cellSizeM
      const x1 = Math.min(maxX, x0 + cellSizeM)
      const zoneIndex = findZoneIndex(plan, [(x0 + x1) / 2, (y0 + y1) / 2])
      // counter-clockwise from the south-west corner (RFC 7946 §3.1.6)
      const corners: XY[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
      drafts.push({ row, col, zoneIndex, ring: corners.map((c) => roundLngLat(projection.toLngLat(c))) })
    }
  }

  // community = (zone, block); numbered per zone in block reading order; drafts are already in reading order
  const blockOf = (d: Draft): number =>
    Math.floor(d.row / communityBlockCells) * Math.ceil(cols / communityBlockCells) + Math.floor(d.col / communityBlockCells)
  const communityNumbers = plan.zones.map(() => new Map<number, number>())
  const sortedBlocks = drafts.slice().sort((a, b) => blockOf(a) - blockOf(b))
  for (const d of sortedBlocks) {
    const numbers = communityNumbers[d.zoneIndex]
    if (numbers !== undefined && !numbers.has(blockOf(d))) numbers.set(blockOf(d), numbers.size + 1)
  }
  const nextSequence = new Map<string, number>()
  return drafts.map((d) => {
    const zone = plan.zones[d.zoneIndex]
    if (zone === undefined) throw new Error('generateUnitGrid: cell without a zone') // unreachable: zones exist
    const communityNumber = communityNumbers[d.zoneIndex]?.get(blockOf(d)) ?? 0
    if (communityNumber > 999) throw new Error(`generateUnitGrid: zone ${zone.id} has more than 999 communities`)
    const community = String(communityNumber).padStart(3, '0')
    const key = zone.id + community
    const sequence = (nextSequence.get(key) ?? 0) + 1
    nextSequence.set(key, sequence)
    return {
      code: zone.code + community + String(sequence).padStart(2, '0'),
      zoneId: zone.id,
      community,
      coordinates: [d.ring],
    }
  })
}

/** The point halfway along a street (by length), as [lng, lat]. */
export function findStreetMidpoint(street: Pick<Street, 'coordinates'>, projection: LocalProjection): LngLat | undefined {
  if (street.coordinates.length === 0) return undefined
  const line = street.coordinates.map((c) => projection.toXY(c))
  const cumulative = measureCumulativeLengths(line)
  const { point: mid } = locateAlong(line, cumulative, (cumulative[cumulative.length - 1] ?? 0) / 2)
  return projection.toLngLat(mid)
}

/** New street objects with `zoneId` = the zone containing the street's midpoint; the input is not modified. */
export function assignStreetZones(streets: readonly Street[], plan: ZonePlan): Street[] {
  return streets.map((s) => {
    const mid = findStreetMidpoint(s, plan.projection)
    return { ...s, zoneId: mid === undefined ? null : locateZoneId(plan, mid) }
  })
}
