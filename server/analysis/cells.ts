// Binning of point items into the cells a hot-spot statistic runs on: H3 hexagons or a square metric grid.
//
// Which cells enter the statistic (the "study cells"): every cell of the study area, counted or not,
// because zero-count cells are observations too — ArcGIS aggregates into a fishnet or hexagon grid
// over the study area the same way before Hot Spot Analysis, and leaving the empty cells out would
// turn "few incidents here" into "no data here" and inflate every z-score.
//  - H3: the cells whose centre lies inside the bbox polygon (h3 `polygonToCells`), sorted by id.
//  - grid: every square of the grid that overlaps the bbox, row-major from the south-west.
// Items that fall in no study cell are not counted; their number is reported as `dropped`.
//
// Distances between cells are measured in a local equirectangular projection (x east, y north, metres)
// about one origin: exact for the square grid, which is defined in it, and for H3 centroids within
// 0.15 % of the great-circle distance up to 15 km from the origin (the scale error grows as
// tan(lat)·Δlat) — a 300 m band moves by less than half a metre.
import { cellToBoundary, cellToLatLng, getHexagonAreaAvg, getHexagonEdgeLengthAvg, gridDisk, latLngToCell, polygonToCells } from 'h3-js'
import type { BBox, LngLat } from '../kernel/geo.ts'

// 6371008.8 m: mean Earth radius, the value turf uses, so server and map distances agree.
const EARTH_RADIUS_M = 6371008.8
const RADIANS = Math.PI / 180

/** An item to bin: anything with a WGS84 position, e.g. an `Incident`. */
export interface PointItem {
  readonly coordinates: readonly [number, number] // [lng, lat]
}

export const H3_RESOLUTIONS = [9, 10, 11] as const
export type H3Resolution = (typeof H3_RESOLUTIONS)[number]

/** How to cut the study area into cells. */
export type CellScheme =
  | { kind: 'h3'; resolution?: H3Resolution } // default 10 (≈15,000 m², 76 m mean edge); 9 ≈ 105,000 m², 11 ≈ 2,150 m²
  | { kind: 'grid'; sizeMeters?: number; origin?: LngLat } // default 100 m; origin default: the bbox's south-west corner

export const DEFAULT_H3_RESOLUTION: H3Resolution = 10
export const DEFAULT_GRID_SIZE_METERS = 100
/** More study cells than this is a caller bug (a whole province at 100 m), not a district map layer. */
export const MAX_STUDY_CELLS = 4_000_000

/** Equirectangular projection about `origin`: x = R·Δλ·cos φ₀, y = R·Δφ, in metres. */
export interface LocalProjection {
  origin: LngLat
  metersPerDegreeLng: number
  metersPerDegreeLat: number
}

/** The local equirectangular projection about `origin` ([lng, lat] degrees); metres per degree at the origin's latitude. */
export function createLocalProjection(origin: LngLat): LocalProjection {
  const metersPerDegreeLat = EARTH_RADIUS_M * RADIANS
  return { origin, metersPerDegreeLng: metersPerDegreeLat * Math.cos(origin[1] * RADIANS), metersPerDegreeLat }
}

/** [lng, lat] of the point `x` metres east and `y` metres north of the projection's origin. */
export function unprojectPoint(projection: LocalProjection, x: number, y: number): LngLat {
  return [projection.origin[0] + x / projection.metersPerDegreeLng, projection.origin[1] + y / projection.metersPerDegreeLat]
}

/** A square lattice in the local projection: cell k = row·columns + column, centroid ((column0 + column + ½)·size, (row0 + row + ½)·size). */
export interface SquareLattice {
  columns: number
  rows: number
  sizeMeters: number
  column0: number // grid column of the lattice's first column, counted from the origin
  row0: number
}

/** Per-cell counts over the study cells, with what the statistic and the output need to know about each cell. */
export interface CellCounts {
  scheme: 'h3' | 'grid'
  resolution: H3Resolution | null // H3 only
  ids: string[] // 'h3' cell index, or 'g<size>:<column>:<row>' with column/row counted from the grid origin
  counts: Int32Array
  x: Float64Array // centroid, metres east of `projection.origin`
  y: Float64Array // centroid, metres north of `projection.origin`
  projection: LocalProjection
  lattice: SquareLattice | null // grid only
  dropped: number // items in no study cell
}

function assertBBox(bbox: BBox): void {
  const [west, south, east, north] = bbox
  if (!bbox.every(Number.isFinite) || west > east || south > north || south < -90 || north > 90) {
    throw new RangeError(`binIncidents: bbox must be finite [west, south, east, north] with west ≤ east and south ≤ north, got [${bbox.join(', ')}]`)
  }
}

/**
 * Counts items per study cell of `bbox` under `scheme` (see the file comment for which cells those are).
 * Empty `items` → every study cell with count 0. Throws a RangeError for a malformed bbox, an H3
 * resolution other than 9/10/11, or a non-positive grid size. Does not mutate its input.
 */
export function binIncidents(items: readonly PointItem[] | Float64Array, bbox: BBox, scheme: CellScheme): CellCounts {
  assertBBox(bbox)
  // Positions packed [lng0, lat0, lng1, lat1, …] as the workers receive them: two million points are then never
  // two million objects.
  const positions = items instanceof Float64Array ? items : Float64Array.from(items.flatMap((x) => x.coordinates))
  if (scheme.kind === 'grid') {
    const sizeMeters = scheme.sizeMeters ?? DEFAULT_GRID_SIZE_METERS
    if (!(sizeMeters > 0 && Number.isFinite(sizeMeters))) throw new RangeError(`binIncidents: grid sizeMeters must be a positive number, got ${sizeMeters}`)
    return binIntoGrid(positions, bbox, sizeMeters, scheme.origin ?? [bbox[0], bbox[1]])
  }
  const resolution = scheme.resolution ?? DEFAULT_H3_RESOLUTION
  if (!H3_RESOLUTIONS.includes(resolution)) throw new RangeError(`binIncidents: H3 resolution must be 9, 10 or 11, got ${resolution}`)
  return binIntoH3(positions, bbox, resolution)
}

// ---------------------------------------------------------------------------------------------------
// Square grid

function binIntoGrid(positions: Float64Array, bbox: BBox, sizeMeters: number, origin: LngLat): CellCounts {
  const projection = createLocalProjection(origin)
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection
  const [west, south, east, north] = bbox
  const [lng0, lat0] = origin
  // The projection is linear in lng and lat, so the bbox maps to an axis-aligned rectangle.
  const column0 = Math.floor(((west - lng0) * kx) / sizeMeters)
  const row0 = Math.floor(((south - lat0) * ky) / sizeMeters)
  const columns = Math.max(1, Math.ceil(((east - lng0) * kx) / sizeMeters) - column0)
  const rows = Math.max(1, Math.ceil(((north - lat0) * ky) / sizeMeters) - row0)
  const n = columns * rows
  if (n > MAX_STUDY_CELLS) throw new RangeError(`binIncidents: ${columns}×${rows} grid cells exceed ${MAX_STUDY_CELLS}; use a smaller bbox or larger cells`)

  const counts = new Int32Array(n)
  let dropped = 0
  const inv = 1 / sizeMeters
  for (let i = 0; i < positions.length; i += 2) {
    const column = Math.floor((positions[i]! - lng0) * kx * inv) - column0
    const row = Math.floor((positions[i + 1]! - lat0) * ky * inv) - row0
    // A NaN position fails every comparison and is counted as dropped.
    if (column >= 0 && column < columns && row >= 0 && row < rows) counts[row * columns + column]!++
    else dropped++
  }

  const ids: string[] = new Array<string>(n)
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const k = row * columns + column
      ids[k] = `g${sizeMeters}:${column0 + column}:${row0 + row}`
      x[k] = (column0 + column + 0.5) * sizeMeters
      y[k] = (row0 + row + 0.5) * sizeMeters
    }
  }
  return { scheme: 'grid', resolution: null, ids, counts, x, y, projection, lattice: { columns, rows, sizeMeters, column0, row0 }, dropped }
}

// ---------------------------------------------------------------------------------------------------
// H3
//
// latLngToCell costs ~1 µs per call through WebAssembly, which for 2M points dominates everything
// else. Instead each point is tested against the study cells' own polygons (cellToBoundary), found
// through a coarse raster of candidate cells: H3 edges are great-circle arcs (straight in H3's
// gnomonic face projection), which a straight segment between the vertices in lng/lat — and so in the
// local projection — follows to within L²·tan|φ|/(8R) (< 0.1 mm for a 76 m edge at 31° N). A point
// farther than SAFE_MARGIN_M inside every edge of a cell is therefore in that cell; a point closer to
// an edge than that, or outside every indexed polygon, goes to latLngToCell itself. So the result is
// exactly latLngToCell's, and the test suite checks it on points placed on and near cell edges.

const SAFE_MARGIN_M = 0.05 // 5 cm: > 30× the arc-to-chord deviation of a 200 m res-9 edge at 60° N, > 700× a 76 m res-10 edge at 31° N
// Building the polygon index costs about as much as 2–3 latLngToCell calls per study cell (≈ 14 ms for
// 4,700 res-10 cells, measured), so below 2 items per cell each item is looked up directly instead.
const DIRECT_LOOKUP_ITEMS_PER_CELL = 2

interface PolygonIndex {
  owner: Int32Array // per polygon: study cell index, or −1 for a cell just outside the study area
  edgeStart: Int32Array // per polygon + 1: offset into the edge arrays
  edgeA: Float64Array // inward unit normal (a, b) and offset c: inside ⇔ a·x + b·y ≥ c
  edgeB: Float64Array
  edgeC: Float64Array
  minX: number
  minY: number
  pixel: number
  pixelColumns: number
  pixelRows: number
  pixelStart: Int32Array // CSR over pixels: candidate polygons per pixel
  pixelPolygons: Int32Array
}

function binIntoH3(positions: Float64Array, bbox: BBox, resolution: H3Resolution): CellCounts {
  const points = positions.length >> 1
  const [west, south, east, north] = bbox
  const projection = createLocalProjection([(west + east) / 2, (south + north) / 2])
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection
  const [lng0, lat0] = projection.origin

  const areaM2 = (east - west) * kx * (north - south) * ky
  if (areaM2 / getHexagonAreaAvg(resolution, 'm2') > MAX_STUDY_CELLS) {
    throw new RangeError(`binIncidents: the bbox holds more than ${MAX_STUDY_CELLS} H3 cells at resolution ${resolution}; use a smaller bbox or a coarser resolution`)
  }
  const bboxRing = [[west, south], [east, south], [east, north], [west, north], [west, south]]
  const ids = west === east || south === north ? [] : polygonToCells(bboxRing, resolution, true).sort()
  const n = ids.length
  const indexOf = new Map<string, number>()
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const id = ids[i]!
    indexOf.set(id, i)
    const [lat, lng] = cellToLatLng(id)
    x[i] = (lng - lng0) * kx
    y[i] = (lat - lat0) * ky
  }

  const counts = new Int32Array(n)
  let dropped = 0
  if (n > 0 && points < DIRECT_LOOKUP_ITEMS_PER_CELL * n) {
    for (let i = 0; i < positions.length; i += 2) {
      const lng = positions[i]!
      const lat = positions[i + 1]!
      const cell = Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? (indexOf.get(latLngToCell(lat, lng, resolution)) ?? -1) : -1
      if (cell >= 0) counts[cell]!++
      else dropped++
    }
  } else if (n > 0) {
    const index = buildPolygonIndex(ids, indexOf, x, y, bbox, projection, resolution)
    const { owner, edgeStart, edgeA, edgeB, edgeC, minX, minY, pixel, pixelColumns, pixelRows, pixelStart, pixelPolygons } = index
    const invPixel = 1 / pixel
    for (let i = 0; i < positions.length; i += 2) {
      const lng = positions[i]!
      const lat = positions[i + 1]!
      const px = (lng - lng0) * kx
      const py = (lat - lat0) * ky
      const column = Math.floor((px - minX) * invPixel)
      const row = Math.floor((py - minY) * invPixel)
      let cell = -2 // −2: undecided, −1: outside the study cells
      if (column >= 0 && column < pixelColumns && row >= 0 && row < pixelRows) {
        const p = row * pixelColumns + column
        for (let j = pixelStart[p]!, end = pixelStart[p + 1]!; j < end; j++) {
          const polygon = pixelPolygons[j]!
          let inside = true
          for (let e = edgeStart[polygon]!, eEnd = edgeStart[polygon + 1]!; e < eEnd; e++) {
            if (edgeA[e]! * px + edgeB[e]! * py < edgeC[e]! + SAFE_MARGIN_M) {
              inside = false
              break
            }
          }
          if (inside) {
            cell = owner[polygon]!
            break
          }
        }
      }
      if (cell === -2) cell = Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? (indexOf.get(latLngToCell(lat, lng, resolution)) ?? -1) : -1
      if (cell >= 0) counts[cell]!++
      else dropped++
    }
  } else {
    dropped = points
  }
  return { scheme: 'h3', resolution, ids, counts, x, y, projection, lattice: null, dropped }
}

function buildPolygonIndex(
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  x: Float64Array,
  y: Float64Array,
  bbox: BBox,
  projection: LocalProjection,
  resolution: H3Resolution,
): PolygonIndex {
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection
  const [lng0, lat0] = projection.origin
  const edge = getHexagonEdgeLengthAvg(resolution, 'm')
  const [west, south, east, north] = bbox
  const xW = (west - lng0) * kx
  const xE = (east - lng0) * kx
  const yS = (south - lat0) * ky
  const yN = (north - lat0) * ky

  // Polygons: every study cell, plus the ring of outside cells around the border ones, so that points
  // in the partly covered cells along the bbox edge are dropped without a latLngToCell call.
  const polygonIds: string[] = [...ids]
  const owner: number[] = ids.map((_, i) => i)
  const outside = new Set<string>()
  const nearBorder = 4 * edge // generous: res-9..11 cell centres lie within ~1.2 edges of their boundary
  for (let i = 0; i < ids.length; i++) {
    const xi = x[i]!
    const yi = y[i]!
    if (xi - xW > nearBorder && xE - xi > nearBorder && yi - yS > nearBorder && yN - yi > nearBorder) continue
    for (const neighbour of gridDisk(ids[i]!, 1)) {
      if (!indexOf.has(neighbour) && !outside.has(neighbour)) {
        outside.add(neighbour)
        polygonIds.push(neighbour)
        owner.push(-1)
      }
    }
  }

  const edgeStart = new Int32Array(polygonIds.length + 1)
  const a: number[] = []
  const b: number[] = []
  const c: number[] = []
  const boxes = new Float64Array(polygonIds.length * 4)
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let p = 0; p < polygonIds.length; p++) {
    const ring = cellToBoundary(polygonIds[p]!, true) // closed, [lng, lat]
    const vx: number[] = []
    const vy: number[] = []
    for (let v = 0; v < ring.length - 1; v++) {
      const point = ring[v]!
      vx.push((point[0]! - lng0) * kx)
      vy.push((point[1]! - lat0) * ky)
    }
    let area2 = 0
    for (let v = 0; v < vx.length; v++) {
      const w = (v + 1) % vx.length
      area2 += vx[v]! * vy[w]! - vx[w]! * vy[v]!
    }
    const orientation = area2 >= 0 ? 1 : -1 // +1: counter-clockwise, interior to the left of each edge
    let bx0 = Infinity
    let by0 = Infinity
    let bx1 = -Infinity
    let by1 = -Infinity
    for (let v = 0; v < vx.length; v++) {
      const w = (v + 1) % vx.length
      const dx = vx[w]! - vx[v]!
      const dy = vy[w]! - vy[v]!
      const length = Math.hypot(dx, dy)
      if (length === 0) continue
      const na = (-dy / length) * orientation // left normal for a CCW ring
      const nb = (dx / length) * orientation
      a.push(na)
      b.push(nb)
      c.push(na * vx[v]! + nb * vy[v]!)
      bx0 = Math.min(bx0, vx[v]!)
      by0 = Math.min(by0, vy[v]!)
      bx1 = Math.max(bx1, vx[v]!)
      by1 = Math.max(by1, vy[v]!)
    }
    edgeStart[p + 1] = a.length
    boxes[4 * p] = bx0
    boxes[4 * p + 1] = by0
    boxes[4 * p + 2] = bx1
    boxes[4 * p + 3] = by1
    minX = Math.min(minX, bx0)
    minY = Math.min(minY, by0)
    maxX = Math.max(maxX, bx1)
    maxY = Math.max(maxY, by1)
  }

  // Raster of half-edge pixels: each lists the polygons whose bounding box touches it (about two).
  const pixel = edge / 2
  const pixelColumns = Math.max(1, Math.ceil((maxX - minX) / pixel))
  const pixelRows = Math.max(1, Math.ceil((maxY - minY) / pixel))
  const pixelCount = pixelColumns * pixelRows
  const perPixel = new Int32Array(pixelCount + 1)
  const span = (p: number) => {
    const c0 = Math.max(0, Math.floor((boxes[4 * p]! - minX) / pixel))
    const r0 = Math.max(0, Math.floor((boxes[4 * p + 1]! - minY) / pixel))
    const c1 = Math.min(pixelColumns - 1, Math.floor((boxes[4 * p + 2]! - minX) / pixel))
    const r1 = Math.min(pixelRows - 1, Math.floor((boxes[4 * p + 3]! - minY) / pixel))
    return [c0, r0, c1, r1] as const
  }
  for (let p = 0; p < polygonIds.length; p++) {
    const [c0, r0, c1, r1] = span(p)
    for (let r = r0; r <= r1; r++) for (let col = c0; col <= c1; col++) perPixel[r * pixelColumns + col + 1]!++
  }
  for (let k = 0; k < pixelCount; k++) perPixel[k + 1]! += perPixel[k]!
  const pixelStart = perPixel.slice()
  const fill = perPixel.slice(0, pixelCount)
  const pixelPolygons = new Int32Array(pixelStart[pixelCount]!)
  for (let p = 0; p < polygonIds.length; p++) {
    const [c0, r0, c1, r1] = span(p)
    for (let r = r0; r <= r1; r++) for (let col = c0; col <= c1; col++) pixelPolygons[fill[r * pixelColumns + col]!++] = p
  }

  return {
    owner: Int32Array.from(owner),
    edgeStart,
    edgeA: Float64Array.from(a),
    edgeB: Float64Array.from(b),
    edgeC: Float64Array.from(c),
    minX,
    minY,
    pixel,
    pixelColumns,
    pixelRows,
    pixelStart,
    pixelPolygons,
  }
}

// ---------------------------------------------------------------------------------------------------
// Geometry for output

/** The polygon ring of study cell `k`: [lng, lat] positions, closed, counter-clockwise (RFC 7946 §3.1.6). */
export function cellRing(cells: CellCounts, k: number): LngLat[] {
  const id = cells.ids[k]
  if (id === undefined) throw new RangeError(`cellRing: no cell ${k} among ${cells.ids.length}`)
  if (cells.lattice) {
    const { sizeMeters: s } = cells.lattice
    const x0 = cells.x[k]! - s / 2
    const y0 = cells.y[k]! - s / 2
    const p = cells.projection
    const sw = unprojectPoint(p, x0, y0)
    return [sw, unprojectPoint(p, x0 + s, y0), unprojectPoint(p, x0 + s, y0 + s), unprojectPoint(p, x0, y0 + s), [sw[0], sw[1]]]
  }
  const ring = cellToBoundary(id, true).map((point): LngLat => [point[0]!, point[1]!])
  let area2 = 0
  for (let v = 0; v < ring.length - 1; v++) area2 += ring[v]![0] * ring[v + 1]![1] - ring[v + 1]![0] * ring[v]![1]
  return area2 < 0 ? ring.reverse() : ring
}
