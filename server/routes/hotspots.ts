// Where problems concentrate, statistically (Getis-Ord Gi*, DOMAIN.md §4), by category, source and period; how
// hotspots change between two periods; the busiest intersections; and the counts behind the leader's charts.
import { booleanPointInPolygon, point, polygon } from '@turf/turf'
import { Hono } from 'hono'
import { z } from 'zod'
import { binIncidents, cellRing, type CellScheme } from '../analysis/cells.ts'
import { MIN_GI_STAR_CELLS, defaultNeighbourCount, kthNeighbourBand } from '../analysis/gi-star.ts'
import { HotspotRefusalError, compareHotspotPeriods, findHotspots, type HotspotResult } from '../analysis/hotspots.ts'
import { rankIntersectionHotspots } from '../analysis/hotspots-intersections.ts'
import { createNearestStreetIndex } from '../analysis/nearest-street.ts'
import { INCIDENT_CATEGORY_CODES } from '../domain/categories.ts'
import { chinaMonth } from '../domain/china-time.ts'
import { INCIDENT_SOURCES, type BBox, type Incident, type LngLat, type Zone } from '../domain/types.ts'
import { requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, limitParam, listParam } from '../http/params.ts'
import { ProblemError } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'
import { incidentFeature } from './geojson.ts'

const CELL_SCHEMES = ['h3-9', 'h3-10', 'h3-11', 'grid-100', 'grid-200', 'grid-250', 'grid-500'] as const
const DEFAULT_PERIOD_DAYS = 90 // a quarter: enough incidents per cell for a stable statistic in the demo district
const DAY_MS = 86_400_000

const toScheme = (cell: (typeof CELL_SCHEMES)[number]): CellScheme => {
  const [kind, size] = cell.split('-') as ['h3' | 'grid', string]
  return kind === 'h3' ? { kind: 'h3', resolution: Number(size) as 9 | 10 | 11 } : { kind: 'grid', sizeMeters: Number(size) }
}

const filters = {
  category: listParam(INCIDENT_CATEGORY_CODES, 'category').optional(),
  source: listParam(INCIDENT_SOURCES, 'source').optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
}
const fromBeforeTo = (q: { from?: number; to?: number }) => q.from === undefined || q.to === undefined || q.from <= q.to
const FROM_AFTER_TO = { message: 'from must not be later than to', path: ['from'] }

const bandParam = z.string().regex(/^\d+(\.\d+)?$/, 'band_m must be a positive number of metres').transform(Number).pipe(z.number().min(10).max(5000))

const hotspotQuery = z
  .strictObject({
    ...filters,
    cell: z.enum(CELL_SCHEMES).optional(),
    band_m: bandParam.optional(),
    fdr: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO)

const compareQuery = z
  .strictObject({
    ...filters,
    before_from: instantParam.optional(),
    before_to: instantParam.optional(),
    cell: z.enum(CELL_SCHEMES).optional(),
    band_m: bandParam.optional(),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO)
  .refine((q) => q.before_from === undefined || q.before_to === undefined || q.before_from <= q.before_to, { message: 'before_from must not be later than before_to', path: ['before_from'] })

const intersectionQuery = z
  .strictObject({
    ...filters,
    radius_m: z.string().regex(/^\d+(\.\d+)?$/, 'radius_m must be a positive number of metres').transform(Number).pipe(z.number().min(5).max(500)).optional(),
    limit: limitParam(500).optional(),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO)

const cellIncidentsQuery = z
  .strictObject({ ...filters, cell: z.enum(CELL_SCHEMES).optional(), limit: limitParam(5000).optional() })
  .refine(fromBeforeTo, FROM_AFTER_TO)

const statsQuery = z.strictObject({ ...filters }).refine(fromBeforeTo, FROM_AFTER_TO)

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits


export const hotspotRoutes = (store: Store, clock: () => Date) => {
  async function studyArea(): Promise<BBox> {
    const { bounds } = await store.info()
    if (!bounds) throw new ProblemError(422, 'no-study-area', 'the store holds no district yet, so there is no study area')
    return bounds
  }

  /** The period's incidents: default the last 90 days up to now. */
  async function periodIncidents(q: { category?: string[]; source?: (typeof INCIDENT_SOURCES)[number][]; from?: number; to?: number }, bbox?: BBox) {
    const toMs = q.to ?? clock().getTime()
    const fromMs = q.from ?? toMs - DEFAULT_PERIOD_DAYS * DAY_MS
    const page = await store.incidents({ bbox, categories: q.category, sources: q.source, fromMs, toMs, limit: 5_000_000 })
    return { items: page.items, fromMs, toMs }
  }

  // The automatic band depends only on the study cells, never on the incidents, so it is the same for every
  // filter: compute it once per cell scheme (at H3 res 11 the K-th-neighbour search is most of the request).
  const autoBands = new Map<string, number>()
  function automaticBand(bbox: BBox, scheme: CellScheme): number | undefined {
    const key = `${JSON.stringify(scheme)}|${bbox.join(',')}`
    if (!autoBands.has(key)) {
      const lattice = binIncidents([], bbox, scheme)
      const n = lattice.ids.length
      if (n < MIN_GI_STAR_CELLS) return undefined // findHotspots refuses these anyway
      autoBands.set(key, kthNeighbourBand(lattice.x, lattice.y, defaultNeighbourCount(n)))
    }
    return autoBands.get(key)
  }

  function hotspotsOrRefuse(items: readonly Incident[], bbox: BBox, scheme: CellScheme, bandMeters?: number, fdr?: boolean): HotspotResult {
    try {
      const auto = bandMeters === undefined ? automaticBand(bbox, scheme) : undefined
      const result = findHotspots(items, { bbox, cellScheme: scheme, bandMeters: bandMeters ?? auto, fdr })
      // Same band as findHotspots would have chosen itself; say where it came from.
      return auto === undefined ? result : { ...result, bandSource: 'kth-neighbour', k: defaultNeighbourCount(result.n) }
    } catch (err) {
      if (err instanceof HotspotRefusalError) {
        const why = err.code === 'zero-variance' ? 'every cell has the same count (often: no incidents match these filters), so no cell can stand out' : err.message
        throw new ProblemError(422, err.code, `hotspot analysis refused: ${why}`)
      }
      throw err
    }
  }

  // Street geometry and zones do not change while the server runs (categories do, names do not): index them once.
  let placeIndex: Promise<{ nearestStreet: ReturnType<typeof createNearestStreetIndex>; zonePolygons: { zone: Zone; poly: ReturnType<typeof polygon> }[] }> | undefined
  const places = () =>
    (placeIndex ??= Promise.all([store.streets({}), store.zones()]).then(([streets, zones]) => ({
      nearestStreet: createNearestStreetIndex(streets),
      zonePolygons: zones.map((zone) => ({ zone, poly: polygon(zone.coordinates) })),
    })))

  const period = (fromMs: number, toMs: number) => ({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() })

  return new Hono<AppEnv>()
    .get('/hotspots', requireUser(), validate('query', hotspotQuery), async (c) => {
      const q = c.req.valid('query')
      const bbox = await studyArea()
      const cell = q.cell ?? 'h3-10'
      const { items, fromMs, toMs } = await periodIncidents(q)
      const result = hotspotsOrRefuse(items, bbox, toScheme(cell), q.band_m, q.fdr)
      const { nearestStreet, zonePolygons } = await places()
      const centroid = (ring: LngLat[]): LngLat => {
        const pts = ring.slice(0, -1)
        return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length]
      }
      // The leader's top ten: hot cells that hold incidents themselves (a cell can be hot from its neighbours
      // alone), highest confidence first, then the most incidents — with a wide band neighbouring cells share
      // nearly the same z, and the cell where the reports are is the one to send people to. Named by the nearest
      // street and the zone.
      const top = result.cells
        .filter((x) => x.bin > 0 && x.count > 0)
        .sort((a, b) => b.bin - a.bin || b.count - a.count || b.z - a.z || a.id.localeCompare(b.id))
        .slice(0, 10)
        .map((x) => {
          const center = centroid(x.ring)
          const zone = zonePolygons.find(({ poly }) => booleanPointInPolygon(point(center), poly))?.zone
          const street = nearestStreet.nearest(center, 300)
          return { id: x.id, count: x.count, z: round(x.z, 3), p: x.p, bin: x.bin, center, street: street?.name ?? null, zone_id: zone?.id ?? null, zone_name: zone?.name ?? null, zone_name_en: zone?.nameEn ?? null }
        })
      return c.json({
        type: 'FeatureCollection' as const,
        cell,
        band_m: result.bandMeters,
        band_source: result.bandSource,
        n: result.n,
        mean: result.mean,
        s: result.s,
        fdr: result.fdr,
        critical_p: result.criticalP,
        incidents: items.length,
        dropped: result.dropped,
        period: period(fromMs, toMs),
        top,
        features: result.cells.map((x) => ({
          type: 'Feature' as const,
          id: x.id,
          geometry: { type: 'Polygon' as const, coordinates: [x.ring] },
          properties: { count: x.count, z: x.z, p: x.p, bin: x.bin, neighbors: x.neighbors },
        })),
      })
    })
    .get('/hotspots/compare', requireUser(), validate('query', compareQuery), async (c) => {
      const q = c.req.valid('query')
      const bbox = await studyArea()
      const cell = q.cell ?? 'h3-10'
      const after = await periodIncidents(q)
      // The earlier period defaults to the one just before, of the same length.
      const beforeTo = q.before_to ?? after.fromMs
      const beforeFrom = q.before_from ?? beforeTo - (after.toMs - after.fromMs)
      const before = await periodIncidents({ ...q, from: beforeFrom, to: beforeTo })
      // One band for both periods, so a cell's neighbourhood means the same thing before and after.
      const afterResult = hotspotsOrRefuse(after.items, bbox, toScheme(cell), q.band_m)
      const beforeResult = hotspotsOrRefuse(before.items, bbox, toScheme(cell), afterResult.bandMeters)
      const trends = compareHotspotPeriods(beforeResult, afterResult)
      const summary: Record<string, number> = { new: 0, intensifying: 0, persistent: 0, diminishing: 0, gone: 0 }
      for (const t of trends) if (t.trend !== 'none') summary[t.trend] = (summary[t.trend] ?? 0) + 1
      return c.json({
        type: 'FeatureCollection' as const,
        cell,
        band_m: afterResult.bandMeters,
        period: period(after.fromMs, after.toMs),
        before_period: period(beforeFrom, beforeTo),
        summary,
        features: trends
          .map((t, i) => ({ t, ring: afterResult.cells[i]!.ring }))
          .filter(({ t }) => t.trend !== 'none')
          .map(({ t, ring }) => ({
            type: 'Feature' as const,
            id: t.id,
            geometry: { type: 'Polygon' as const, coordinates: [ring] },
            properties: { trend: t.trend, bin: t.after.bin, z: t.after.z, count: t.after.count, before_bin: t.before.bin, before_z: t.before.z, before_count: t.before.count },
          })),
      })
    })
    .get('/hotspots/intersections', requireUser(), validate('query', intersectionQuery), async (c) => {
      const q = c.req.valid('query')
      // Vending is what blocks crossings (DOMAIN.md §1): the default categories are the street-order ones.
      const { items, fromMs, toMs } = await periodIncidents({ ...q, category: q.category ?? ['0501', '0504', '0510'] })
      const ranked = rankIntersectionHotspots(await store.intersections({}), items, { radiusMeters: q.radius_m ?? 50, limit: q.limit ?? 20 })
      return c.json({ period: period(fromMs, toMs), radius_m: q.radius_m ?? 50, intersections: ranked })
    })
    .get('/hotspots/cells/:id/incidents', requireUser(), validate('param', z.object({ id: z.string().min(1).max(64) })), validate('query', cellIncidentsQuery), async (c) => {
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      const bbox = await studyArea()
      const lattice = binIncidents([], bbox, toScheme(q.cell ?? 'h3-10'))
      const k = lattice.ids.indexOf(id)
      if (k < 0) throw new ProblemError(404, 'not-found', `cell ${id} is not a ${q.cell ?? 'h3-10'} cell of the study area`)
      const ring = cellRing(lattice, k)
      const ringBox: BBox = [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[1]))]
      const { items } = await periodIncidents(q, ringBox)
      const cellPolygon = polygon([ring])
      const inside = items.filter((x) => booleanPointInPolygon(point(x.coordinates), cellPolygon))
      return c.json({ type: 'FeatureCollection' as const, cell_id: id, total: inside.length, features: inside.slice(0, q.limit ?? 500).map(incidentFeature) })
    })
    .get('/stats/incidents', requireUser(), validate('query', statsQuery), async (c) => {
      const q = c.req.valid('query')
      // Default: the last twelve months, for the trend chart.
      const toMs = q.to ?? clock().getTime()
      const fromMs = q.from ?? toMs - 365 * DAY_MS
      const { items } = await periodIncidents({ ...q, from: fromMs, to: toMs })
      const byCategory = new Map<string, number>()
      const byMonth = new Map<string, Map<string, number>>()
      for (const x of items) {
        byCategory.set(x.category, (byCategory.get(x.category) ?? 0) + 1)
        const month = chinaMonth(x.reportedAt)
        const m = byMonth.get(month) ?? new Map<string, number>()
        m.set(x.category, (m.get(x.category) ?? 0) + 1)
        byMonth.set(month, m)
      }
      return c.json({
        period: period(fromMs, toMs),
        total: items.length,
        by_category: [...byCategory].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
        by_month: [...byMonth]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, m]) => ({ month, total: [...m.values()].reduce((a, b) => a + b, 0), by_category: Object.fromEntries(m) })),
      })
    })
}
