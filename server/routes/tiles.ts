// Vector tiles for the large layers: GET /api/tiles/{layer}/{z}/{x}/{y}.mvt for incidents, lamps, streets and dark
// zones, with the filters and access rules of each layer's GeoJSON endpoint. Lamps and incidents come from the
// district model's in-memory indexes, bucketed by place, so a tile visits only the points near it: at the low
// zooms they are counted per cell and sent as one feature per cell; from DETAIL_ZOOM each point is its own feature
// (id, and what the map styles by: the popups read the record itself); streets thin out by class at low zooms. Answers carry an ETag (304 when it matches) and are
// gzipped when the client accepts it.
import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Feature, Geometry } from 'geojson'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, listParam } from '../http/params.ts'
import { validate } from '../http/validate.ts'
import { districtCategoryCodes } from '../domain/district-categories.ts'
import { ProblemError } from '../kernel/problems.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES, OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { classOfHighway } from '../kernel/street-classes.ts'
import type { GridCount } from '../analysis/point-buckets.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { encodeTile, pointLayer, shapeLayer, type TileLayer, type TileTags } from '../analysis/vector-tile.ts'
import { isTile, tileBBox, tilesCovering } from '../analysis/tile-geometry.ts'
import type { CachedTile } from '../model/tile-cache.ts'
import type { UseCaseContext } from '../use-cases/context.ts'

/** From this zoom every lamp and incident is a feature of its own (a z15 tile is ~1.2 km across at 30°N). */
export const DETAIL_ZOOM = 15
/** A detail tile holding more points than this is counted per cell instead: no tile carries more than it can draw. */
export const MAX_DETAIL_POINTS = 5_000
/** Cells across a low-zoom tile: 32 × 32 cells of 128 tile units (16 px on a 512 px tile). */
const GRID_CELLS = 32
/** Tile units around the tile whose points are included, so symbols at an edge are drawn whole. */
const BUFFER_UNITS = 64
/** Tiles smaller than this are sent raw. */
const MIN_GZIP_BYTES = 256
/** zlib level 4: within 2 % of level 6's size on dense lamp tiles, in less than half the time (tiles are made on a request). */
const GZIP_LEVEL = 4

export const TILE_LAYERS = ['incidents', 'lamps', 'streets', 'dark-zones'] as const
const BROKEN_LAMP_STATUSES = LAMP_STATUSES.filter((s) => s !== 'ok')

const tileParams = z.strictObject({
  layer: z.enum(TILE_LAYERS),
  z: z.coerce.number().int().min(0).max(22),
  x: z.coerce.number().int().min(0),
  y: z.string().regex(/^\d+\.mvt$/, 'the row followed by .mvt').transform((v) => Number(v.slice(0, -'.mvt'.length))),
})

// One query shape for every layer; a parameter a layer does not take is refused by that layer, not ignored.
const tileQuery = z
  .strictObject({
    category: listParam(districtCategoryCodes, 'category').optional(),
    status: z.string().max(200).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })

/** Which classes of street a tile at zoom `z` draws: the main roads first, every alley from z14. */
function streetClassesAt(z: number): ReadonlySet<string> {
  if (z < 12) return new Set(['arterial', 'secondary'])
  if (z < 14) return new Set(['arterial', 'secondary', 'branch'])
  return new Set(['arterial', 'secondary', 'branch', 'alley'])
}

const gridLayer = (cells: readonly GridCount[], z: number, x: number, y: number, flaggedName: string): TileLayer =>
  pointLayer(
    cells.map((c) => ({ at: [c.lon, c.lat] as const, tags: { cluster: true, count: c.count, [flaggedName]: c.flagged } })),
    z,
    x,
    y,
    BUFFER_UNITS,
  )

function parseStatuses<T extends string>(raw: string | undefined, known: readonly T[], layer: string): T[] | undefined {
  if (raw === undefined) return undefined
  const values = raw.split(',').filter(Boolean)
  const unknown = values.filter((v) => !(known as readonly string[]).includes(v))
  if (unknown.length > 0) throw new ProblemError(400, 'invalid-query', `status: ${unknown.join(', ')} is not a ${layer} status (one of ${known.join(', ')})`, [{ path: 'status', message: `one of ${known.join(', ')}` }])
  return values as T[]
}

/** Layers whose low-zoom tiles are made ahead of the first map (see TileMaker.prewarm). */
const PREWARMED_LAYERS = ['incidents', 'lamps'] as const
/** Made ahead from this zoom (a district on one screen) to this one (a street's lamps one by one). */
const PREWARM_ZOOMS = [10, 16] as const
/**
 * At most this many tiles per layer are made ahead, the lowest zooms first and, within a zoom, the centre first:
 * all of zooms 10–16 over ~20 km² of city (z16 tiles are ~0.4 km² at 30°N), and the costly low zooms of any city.
 * The kept tiles' budget (64 MB, tile-cache.ts) holds them: a dense z16 lamp tile is ~46 KB gzipped.
 */
const PREWARM_MAX_TILES = 1_024

export type TileQuery = z.infer<typeof tileQuery>

export interface TileMaker {
  /** The tile as kept or made now (made once however many ask at the same time). */
  tile(layer: (typeof TILE_LAYERS)[number], z: number, x: number, y: number, q: TileQuery): Promise<CachedTile>
  /**
   * Makes the unfiltered incident and lamp tiles over the district at zooms 10–16 (at most 1,024 per layer), one at
   * a time between other requests. These are the tiles every map opens on; a low-zoom one counts up to a whole
   * city's points per cell (10–100 ms at megacity size), and a map's first minute would otherwise queue behind
   * their making. A write drops only the tiles around it, so made once they stay. Resolves with how many were made.
   */
  prewarm(): Promise<number>
}

export function createTileMaker(ctx: UseCaseContext): TileMaker {
  const { store, model } = ctx

  /** The tile's layers from what lies in `bbox` (the tile's box, buffer included). */
  async function build(layer: (typeof TILE_LAYERS)[number], z: number, x: number, y: number, q: TileQuery, bbox: BBox): Promise<Record<string, TileLayer>> {
    const refuse = (key: string) => {
      throw new ProblemError(400, 'invalid-query', `${key}: the ${layer} tiles take no ${key} filter`, [{ path: key, message: 'not a filter of this layer' }])
    }
    switch (layer) {
      case 'lamps': {
        if (q.category !== undefined) refuse('category')
        if (q.from !== undefined || q.to !== undefined) refuse('from')
        const statuses = parseStatuses(q.status, LAMP_STATUSES, 'lamp')
        const index = await model.lamps()
        if (z >= DETAIL_ZOOM) {
          const lamps = index.pointsIn(bbox, statuses, MAX_DETAIL_POINTS)
          if (lamps) {
            const { working } = await model.lighting()
            const points = lamps.map((l) => ({ at: [l.lon, l.lat] as LngLat, tags: { id: l.id, status: l.status, working: working.get(l.id) ?? l.status === 'ok' } satisfies TileTags }))
            return { lamps: pointLayer(points, z, x, y, BUFFER_UNITS) }
          }
        }
        return { lamps: gridLayer(index.gridCells(bbox, GRID_CELLS, GRID_CELLS, statuses, BROKEN_LAMP_STATUSES), z, x, y, 'broken') }
      }
      case 'incidents': {
        const statuses = parseStatuses(q.status, INCIDENT_STATUSES, 'incident')
        const filter = { categories: q.category, statuses, fromMs: q.from, toMs: q.to }
        const index = await model.incidents()
        if (z >= DETAIL_ZOOM) {
          const incidents = index.pointsIn(bbox, filter, MAX_DETAIL_POINTS)
          if (incidents) {
            const points = incidents.map((i) => ({ at: [i.lon, i.lat] as LngLat, tags: { id: i.id, category: i.category, status: i.status } satisfies TileTags }))
            return { incidents: pointLayer(points, z, x, y, BUFFER_UNITS) }
          }
        }
        return { incidents: gridLayer(index.gridCells(bbox, GRID_CELLS, GRID_CELLS, filter, OPEN_INCIDENT_STATUSES), z, x, y, 'open') }
      }
      case 'streets': {
        for (const key of ['category', 'status', 'from', 'to'] as const) if (q[key] !== undefined) refuse(key)
        const classes = streetClassesAt(z)
        const streets = (await store.streets({ bbox })).filter((s) => classes.has(classOfHighway(s.highway)))
        const features = streets.map(
          (s): Feature<Geometry, TileTags> => ({
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: s.coordinates },
            properties: { id: s.id, name: s.name, highway: s.highway, class: classOfHighway(s.highway), category: s.category, zone_id: s.zoneId },
          }),
        )
        return { streets: shapeLayer(features, z, x, y) }
      }
      case 'dark-zones': {
        for (const key of ['category', 'status', 'from', 'to'] as const) if (q[key] !== undefined) refuse(key)
        const { engine } = await model.lighting()
        const lines = engine.darkZonesInBBox(bbox).darkLines
        const features = lines.map(
          (l): Feature<Geometry, TileTags> => ({
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: l.coordinates },
            properties: { street_id: l.streetId, name: l.name, highway: l.highway, zone_id: l.zoneId, length_m: Math.round(l.lengthM * 100) / 100 },
          }),
        )
        return { 'dark-zones': shapeLayer(features, z, x, y) }
      }
    }
  }

  function tile(layer: (typeof TILE_LAYERS)[number], zoom: number, x: number, y: number, q: TileQuery): Promise<CachedTile> {
    // Kept in the model until a write touches the tile's area: one count per low-zoom cell however many maps ask.
    const area = tileBBox(zoom, x, y, BUFFER_UNITS) // what build() reads: a change inside it makes the tile stale
    return model.tiles.get(
      layer,
      `${zoom}/${x}/${y}?${JSON.stringify(q)}`,
      async () => {
        const made = encodeTile(await build(layer, zoom, x, y, q, area))
        // The tile's own content names it: a client asking again gets 304 until something in the tile changes.
        const tag = `"${createHash('sha1').update(made).digest('base64url').slice(0, 22)}"`
        // a near-empty tile (a few dozen bytes) is sent as it is; gzip's own header would make it larger
        if (made.length < MIN_GZIP_BYTES) return { body: made, encoding: 'identity', etag: tag }
        return { body: gzipSync(made, { level: GZIP_LEVEL }), encoding: 'gzip', etag: tag }
      },
      area,
    )
  }

  async function prewarm(): Promise<number> {
    const { bounds } = await model.places()
    if (!bounds) return 0
    let made = 0
    for (const layer of PREWARMED_LAYERS) {
      let budget = PREWARM_MAX_TILES
      for (let zoom = PREWARM_ZOOMS[0]; zoom <= PREWARM_ZOOMS[1] && budget > 0; zoom++) {
        const tiles = tilesCovering(bounds, zoom)
        const [cx, cy] = [(tiles[0]![0] + tiles.at(-1)![0]) / 2, (tiles[0]![1] + tiles.at(-1)![1]) / 2]
        tiles.sort((a, b) => (a[0] - cx) ** 2 + (a[1] - cy) ** 2 - ((b[0] - cx) ** 2 + (b[1] - cy) ** 2))
        for (const [x, y] of tiles.slice(0, budget)) {
          await tile(layer, zoom, x, y, {})
          made++
          budget--
          await new Promise((resolve) => setImmediate(resolve)) // a waiting request goes first
        }
      }
    }
    return made
  }

  return { tile, prewarm }
}

export const tileRoutes = (tiles: TileMaker) =>
  new Hono<AppEnv>().get('/tiles/:layer/:z/:x/:y', requireUser(), validate('param', tileParams), validate('query', tileQuery), async (c) => {
    const { layer, z: zoom, x, y } = c.req.valid('param')
    if (!isTile(zoom, x, y)) throw new ProblemError(400, 'invalid-param', `${zoom}/${x}/${y} is not a tile: x and y run from 0 to ${2 ** zoom - 1} at zoom ${zoom}`, [{ path: 'x', message: 'within the zoom level' }])
    const { body, encoding, etag } = await tiles.tile(layer, zoom, x, y, c.req.valid('query'))
    c.header('etag', etag)
    // Live data: the browser keeps the tile but asks again each time (a 304 costs a few bytes).
    c.header('cache-control', 'private, no-cache')
    c.header('vary', 'accept-encoding, cookie')
    if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304)
    c.header('content-type', 'application/vnd.mapbox-vector-tile')
    if (encoding === 'identity') return c.body(body as Uint8Array<ArrayBuffer>)
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('content-encoding', 'gzip')
      return c.body(body as Uint8Array<ArrayBuffer>)
    }
    // a client that takes no gzip (curl without --compressed, a script) is rare: it pays the unzip
    return c.body(gunzipSync(body) as Uint8Array<ArrayBuffer>)
  })
