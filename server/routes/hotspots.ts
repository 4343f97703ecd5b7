// Where problems concentrate, statistically (Getis-Ord Gi*, docs/domain-notes.md §4), by category, source and period; how
// hotspots change between two periods; the busiest intersections; and the counts behind the leader's charts.
import { booleanPointInPolygon, point, polygon } from '@turf/turf'
import { Hono } from 'hono'
import { incidentCountsJson } from '../analysis/incident-counts.ts'
import { monthBuckets } from '../kernel/calendar.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { z } from 'zod'
import type { CellScheme } from '../analysis/cells.ts'
import { INCIDENT_SOURCES } from '../kernel/statuses.ts'
import type { BBox } from '../kernel/geo.ts'
import { requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { decimalParam, instantParam, limitParam, listParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { SharedScratch } from '../workers/shared-scratch.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'
import type { HotspotRefusal } from '../workers/analysis-tasks.ts'
import { appendJsonMember } from '../workers/json-bytes.ts'
import { packPositions } from '../workers/packing.ts'
import { checkCellPairCap, checkPeriodCap } from './analysis-caps.ts'
import { incidentFeature } from './geojson.ts'
import { respondJsonBytes } from './json-bytes.ts'
import { districtCategoryCodes } from '../domain/district-categories.ts'

const CELL_SCHEMES = ['h3-9', 'h3-10', 'h3-11', 'grid-100', 'grid-200', 'grid-250', 'grid-500'] as const
/**
 * The fewest incidents a hotspot map is trusted with: one per 50 study cells, and never fewer than 30 — below it
 * most cells are empty and the few incidents decide everything (our choice; the answer says so and still maps).
 */
export const minIncidents = (cells: number) => Math.max(30, Math.ceil(cells / 50))
const DEFAULT_PERIOD_DAYS = 90 // a quarter: enough incidents per cell for a stable statistic in the demo district
const DAY_MS = 86_400_000

const toScheme = (cell: (typeof CELL_SCHEMES)[number]): CellScheme => {
  const [kind, size] = cell.split('-') as ['h3' | 'grid', string]
  return kind === 'h3' ? { kind: 'h3', resolution: Number(size) as 9 | 10 | 11 } : { kind: 'grid', sizeMeters: Number(size) }
}

const filters = {
  category: listParam(districtCategoryCodes, 'category').optional(),
  source: listParam(INCIDENT_SOURCES, 'source').optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
}
const fromBeforeTo = (q: { from?: number; to?: number }) => q.from === undefined || q.to === undefined || q.from <= q.to
const FROM_AFTER_TO = { message: 'from must not be later than to', path: ['from'] }

const bandParam = decimalParam(10, 5000, 'band_m')

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
    radius_m: decimalParam(5, 500, 'radius_m').optional(),
    limit: limitParam(500).optional(),
    include_unnamed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO)

const cellIncidentsQuery = z
  .strictObject({ ...filters, cell: z.enum(CELL_SCHEMES).optional(), limit: limitParam(5000).optional() })
  .refine(fromBeforeTo, FROM_AFTER_TO)

const statsQuery = z.strictObject({ ...filters }).refine(fromBeforeTo, FROM_AFTER_TO)


/** The Gi* refusal a worker reported, as the 422 the route has always answered. */
function refuse({ refusal }: HotspotRefusal): never {
  const why = refusal.code === 'zero-variance' ? 'every cell has the same count (often: no incidents match these filters), so no cell can stand out' : refusal.message
  throw new ProblemError(422, refusal.code, `hotspot analysis refused: ${why}`)
}

// The Gi* work (binning, neighbour search, cell rings, GeoJSON) runs on the analysis pool (server/workers): at H3
// res 11 it takes seconds, which on the event loop would stall every other request. Caps (analysis-caps.ts) refuse
// oversized requests before the store is even read.
export const hotspotRoutes = ({ store, model, clock }: UseCaseContext, analysis: AnalysisPool) => {
  async function studyArea(): Promise<BBox> {
    // from the place index, not store.info(): that counts every table, ~0.1–0.3 s per request on PostgreSQL at 2M rows
    const { bounds } = await model.places()
    if (!bounds) throw new ProblemError(422, 'no-study-area', 'the store holds no district yet, so there is no study area')
    return bounds
  }

  /** The period's incidents: default the last 90 days up to now. */
  async function periodIncidents(q: { category?: string[]; source?: (typeof INCIDENT_SOURCES)[number][]; from?: number; to?: number }, bbox?: BBox) {
    const toMs = q.to ?? clock().getTime()
    const fromMs = q.from ?? toMs - DEFAULT_PERIOD_DAYS * DAY_MS
    checkPeriodCap(fromMs, toMs)
    const page = await store.incidents({ bbox, categories: q.category, sources: q.source, fromMs, toMs, limit: 'all' })
    return { items: page.items, fromMs, toMs }
  }

  // The period's positions go to the workers in shared buffers kept from one request to the next (shared-scratch.ts).
  const scratch = new SharedScratch()

  /** The period's incident positions from the in-memory incident index, in a buffer `take` lends. */
  async function periodPositions(q: { category?: string[]; source?: (typeof INCIDENT_SOURCES)[number][]; from?: number; to?: number }, take: (length: number) => Float64Array<SharedArrayBuffer>) {
    const toMs = q.to ?? clock().getTime()
    const fromMs = q.from ?? toMs - DEFAULT_PERIOD_DAYS * DAY_MS
    checkPeriodCap(fromMs, toMs)
    const positions = (await model.incidents()).positions({ categories: q.category, sources: q.source, fromMs, toMs }, take)
    return { positions, count: positions.length / 2, fromMs, toMs }
  }

  // The automatic band depends only on the study cells, never on the incidents, so it is the same for every
  // filter: the worker that first computes it reports it, and later tasks get it (at H3 res 11 the K-th-neighbour
  // search is most of the work).
  const autoBands = new Map<string, number>()
  const autoBandKey = (bbox: BBox, scheme: CellScheme) => `${JSON.stringify(scheme)}|${bbox.join(',')}`
  const rememberAutoBand = (bbox: BBox, scheme: CellScheme, band: number | undefined) => {
    if (band !== undefined) autoBands.set(autoBandKey(bbox, scheme), band)
  }

  const period = (fromMs: number, toMs: number) => ({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() })

  return new Hono<AppEnv>()
    .get('/hotspots', requireUser(), validate('query', hotspotQuery), async (c) => {
      const q = c.req.valid('query')
      const bbox = await studyArea()
      const cell = q.cell ?? 'h3-10'
      const scheme = toScheme(cell)
      checkCellPairCap(bbox, scheme, cell, q.band_m)
      const autoBandMeters = q.band_m === undefined ? autoBands.get(autoBandKey(bbox, scheme)) : undefined
      const { out, count, fromMs, toMs } = await scratch.lend(async (take) => {
        const { positions, ...rest } = await periodPositions(q, take)
        return { ...rest, out: await analysis.run('hotspots', { positions, bbox, scheme, bandMeters: q.band_m, autoBandMeters, fdr: q.fdr }) }
      })
      if ('refusal' in out) refuse(out)
      rememberAutoBand(bbox, scheme, out.autoBandMeters)
      const { statistic } = out
      const { nearestStreet, zoneAt } = await model.places()
      // The top ten, named by the nearest street and the zone (the worker picked them; naming needs the place index).
      const top = out.top.map((x) => {
        const zone = zoneAt(x.center)
        const street = nearestStreet.nearest(x.center, 300)
        return { ...x, street: street?.name ?? null, zone_id: zone?.id ?? null, zone_name: zone?.name ?? null, zone_name_en: zone?.nameEn ?? null }
      })
      const head = {
        type: 'FeatureCollection' as const,
        cell,
        band_m: statistic.bandMeters,
        band_source: statistic.bandSource,
        n: statistic.n,
        mean: statistic.mean,
        s: statistic.s,
        fdr: statistic.fdr,
        critical_p: statistic.criticalP,
        // how p was found: the normal approximation, or conditional randomization (exact, or sampled shuffles)
        inference: statistic.inference,
        permutations: statistic.permutations,
        incidents: count,
        // below this many incidents the map is shown with a warning: too few for any cell to stand out reliably
        min_incidents: minIncidents(statistic.n),
        low_data: count < minIncidents(statistic.n),
        dropped: statistic.dropped,
        period: period(fromMs, toMs),
        top,
      }
      return respondJsonBytes(c, appendJsonMember(head, 'features', out.features))
    })
    .get('/hotspots/compare', requireUser(), validate('query', compareQuery), async (c) => {
      const q = c.req.valid('query')
      const bbox = await studyArea()
      const cell = q.cell ?? 'h3-10'
      const scheme = toScheme(cell)
      checkCellPairCap(bbox, scheme, cell, q.band_m)
      const toMs = q.to ?? clock().getTime()
      const fromMs = q.from ?? toMs - DEFAULT_PERIOD_DAYS * DAY_MS
      // The earlier period defaults to the one just before, of the same length.
      const beforeTo = q.before_to ?? fromMs
      const beforeFrom = q.before_from ?? beforeTo - (toMs - fromMs)
      checkPeriodCap(beforeFrom, beforeTo, 'the earlier period')
      const autoBandMeters = q.band_m === undefined ? autoBands.get(autoBandKey(bbox, scheme)) : undefined
      const { after, out } = await scratch.lend(async (take) => {
        const after = await periodPositions({ ...q, from: fromMs, to: toMs }, take)
        const before = await periodPositions({ ...q, from: beforeFrom, to: beforeTo }, take)
        return { after, out: await analysis.run('compareHotspots', { after: after.positions, before: before.positions, bbox, scheme, bandMeters: q.band_m, autoBandMeters }) }
      })
      if ('refusal' in out) refuse(out)
      rememberAutoBand(bbox, scheme, out.autoBandMeters)
      const head = {
        type: 'FeatureCollection' as const,
        cell,
        band_m: out.bandMeters,
        period: period(after.fromMs, after.toMs),
        before_period: period(beforeFrom, beforeTo),
        summary: out.summary,
      }
      return respondJsonBytes(c, appendJsonMember(head, 'features', out.features))
    })
    .get('/hotspots/intersections', requireUser(), validate('query', intersectionQuery), async (c) => {
      const q = c.req.valid('query')
      // Vending is what blocks crossings (docs/domain-notes.md §1): the default categories are the street-order ones.
      const nodes = await store.intersections({})
      const { ranked, fromMs, toMs } = await scratch.lend(async (take) => {
        const { positions, fromMs, toMs } = await periodPositions({ ...q, category: q.category ?? ['0501', '0504', '0510'] }, take)
        const input = {
          intersections: { ids: nodes.map((x) => x.id), positions: packPositions(nodes), names: nodes.map((x) => [...x.names]) },
          incidents: positions,
          radiusMeters: q.radius_m ?? 50,
          limit: q.limit ?? 20,
          includeUnnamed: q.include_unnamed ?? false,
        }
        return { fromMs, toMs, ranked: await analysis.run('rankIntersections', input, [input.intersections.positions.buffer]) }
      })
      return c.json({ period: period(fromMs, toMs), radius_m: q.radius_m ?? 50, intersections: ranked })
    })
    .get('/hotspots/cells/:id/incidents', requireUser(), validate('param', z.object({ id: z.string().min(1).max(64) })), validate('query', cellIncidentsQuery), async (c) => {
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      const bbox = await studyArea()
      // Listing the study cells takes ~0.2 s at H3 res 11: on the pool too.
      const ring = await analysis.run('findStudyCellRing', { bbox, scheme: toScheme(q.cell ?? 'h3-10'), id })
      if (!ring) throw new ProblemError(404, 'not-found', `cell ${id} is not a ${q.cell ?? 'h3-10'} cell of the study area`)
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
      checkPeriodCap(fromMs, toMs)
      // Counted per category and district-calendar month over the in-memory index: no incident is read.
      const months = monthBuckets(districtCalendar, fromMs, toMs)
      const rows = (await model.incidents()).counts({ categories: q.category, sources: q.source }, months.map((m) => [m.fromMs, m.toMs] as const))
      return c.json({ period: period(fromMs, toMs), ...incidentCountsJson(rows, months.map((m) => m.month)) })
    })
}
