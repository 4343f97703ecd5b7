// What a briefing says, gathered once when it is drafted and kept with the draft, so that the PDF a leader previews
// is the PDF that is issued: the KPIs and the league table (computed exactly as GET /api/kpis and /api/kpis/league
// compute them, at the same instant), the overdue cases of the units named, hotspots and their trend, street
// lighting, the measures board. Plain JSON; the PDF and the CSV annexes are drawn from it.
import { bbox as turfBbox, centroid, polygon } from '@turf/turf'
import { computeKpis, rankUnits, type KpiCase, type KpiRow, type LeagueRow } from '../analysis/case-kpis.ts'
import { isOverdue } from '../domain/case-deadlines.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { findDistrictCategory } from '../domain/district-categories.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { MEASURE_AREAS, PENDING_WORK_STATUSES, type MeasureArea } from '../kernel/statuses.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'
import type { TrendFeature } from '../workers/analysis-tasks.ts'
import type { JsonBytes } from '../workers/json-bytes.ts'
import { briefingPeriod, trendBuckets, type BriefingKind } from './briefing-period.ts'

const DAY_MS = 86_400_000
// Coarser than the screen's default (h3-10): on an A4 map of a whole district 66 m cells are specks, and a week's
// reports spread over them are so sparse that most cells are empty and the randomization test sparse counts need
// takes seconds (4.5 s against 1.1 s for a month of the demo district, measured). H3 res 9 cells are ~350 m across.
const HOTSPOT_CELL = { kind: 'h3', resolution: 9 } as const
const HOTSPOT_CELL_NAME = 'h3-9'
// Fewer incidents than this in the period and no cell can stand out: the briefing says so instead of mapping noise.
const MIN_HOTSPOT_INCIDENTS = 30
const TOP_PLACES = 10
const LONGEST_DARK = 10

export interface Totals {
  cases: number
  closed: number
  closure_rate: number | null
  on_time_closure_rate: number | null
  handling_rate: number | null
  overdue_open: number
  mean_handling_hours: number | null
  satisfaction: number | null
  reports: number // every report received, repeats and rejected ones included
}

export interface NamedLeagueRow extends LeagueRow {
  name: string
  name_en: string
}

export interface OverdueCase {
  id: string
  unit_id: string
  street: string | null
  zone: string | null
  zone_en: string | null
  category: string
  category_name: string
  category_name_en: string
  deadline: string // ISO
  days_overdue: number
}

export interface HotspotPlace {
  id: string
  count: number
  before_count: number | null
  z: number
  bin: number
  trend: string | null // new, intensifying, persistent, diminishing, gone; null when the cell has no trend
  street: string | null
  zone: string | null
  zone_en: string | null
  center: LngLat
}

export interface BriefingFacts {
  version: 1
  kind: BriefingKind
  period: { from: string; to: string }
  previous: { from: string; to: string }
  zone: { id: string; name: string; name_en: string } | null
  time_zone: string
  computed_at: string // the instant the KPIs were evaluated at ("now" for overdue cases)
  totals: { current: Totals; previous: Totals }
  categories: { code: string; name: string; name_en: string; count: number; previous: number }[]
  trend: { labels: string[]; current: number[]; previous: number[] }
  league: NamedLeagueRow[]
  laggard_line: { on_time_closure_below: number; bottom_quarter_min_cases: number }
  overdue_by_laggard: { unit_id: string; name: string; name_en: string; cases: OverdueCase[] }[]
  hotspots:
    | { status: 'ok'; cell: string; incidents: number; band_m: number; top: HotspotPlace[]; rising: HotspotPlace[]; summary: Record<string, number>; cells: { ring: LngLat[]; bin: number }[] }
    | { status: 'too-few'; cell: string; incidents: number; minimum: number }
    | { status: 'unavailable'; cell: string; incidents: number; reason: string }
  map: { bbox: BBox }
  lighting: {
    lamps: number
    working_lamps: number
    total_length_m: number
    dark_length_m: number
    lit_share: number
    repaired_lamps: number
    repaired_dark_length_m: number // dark street length the period's repairs lit (and that is still lit)
    outage_reports: number
    outage_closed: number
    longest: { street: string | null; zone: string | null; zone_en: string | null; length_m: number; highway: string }[]
  }
  measures: { area: MeasureArea; items: { id: string; title: string; unit: string; unit_en: string; person: string; deadline: string; status: string; progress: number; overdue: boolean }[] }[]
}

export interface BriefingRequest {
  fromMs: number
  toMs: number
  zoneId: string | null
}

const emptyTotals = (reports: number): Totals => ({ cases: 0, closed: 0, closure_rate: null, on_time_closure_rate: null, handling_rate: null, overdue_open: 0, mean_handling_hours: null, satisfaction: null, reports })

/** One KPI row for every case of the period: the KPI engine grouped by a unit all the cases share. */
function totalsOf(cases: { forEach(visit: (c: KpiCase) => void): void }, fromMs: number, toMs: number, nowMs: number, keep: (c: KpiCase) => boolean): Totals {
  let reports = 0
  const all = {
    forEach(visit: (c: KpiCase) => void) {
      cases.forEach((c) => {
        if (!keep(c)) return
        if (c.reportedMs >= fromMs && c.reportedMs < toMs) reports++
        visit({ ...c, unitId: 'all' })
      })
    },
  }
  const row = computeKpis(all, { fromMs, toMs, nowMs, group: 'unit' })[0]
  if (!row) return emptyTotals(reports)
  const pick = (r: KpiRow) => ({ cases: r.cases, closed: r.closed, closure_rate: r.closure_rate, on_time_closure_rate: r.on_time_closure_rate, handling_rate: r.handling_rate, overdue_open: r.overdue_open, mean_handling_hours: r.mean_handling_hours, satisfaction: r.satisfaction })
  return { ...pick(row), reports }
}

const iso = (ms: number) => new Date(ms).toISOString()
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/** What a worker sent back as JSON bytes, read. */
const decode = <T,>(bytes: JsonBytes<T>): T => JSON.parse(Buffer.from(bytes).toString('utf8')) as T

export async function gatherBriefingFacts(ctx: UseCaseContext, analysis: AnalysisPool, req: BriefingRequest): Promise<BriefingFacts> {
  const { store, model, clock } = ctx
  const nowMs = clock().getTime()
  const period = briefingPeriod(req.fromMs, req.toMs)
  const { fromMs, toMs } = period
  const prev = period.previous
  const [places, index, zones, measures] = await Promise.all([model.places(), model.incidents(), store.zones(), store.measures()])
  const zone = req.zoneId === null ? undefined : zones.find((z) => z.id === req.zoneId)
  const inZone = (c: { zoneId: string | null }) => zone === undefined || c.zoneId === zone.id
  const unitName = (id: string | null) => (id === null ? { name: '—', nameEn: '—' } : (places.unitById.get(id) ?? { name: id, nameEn: id }))
  const categoryName = (code: string) => findDistrictCategory(code) ?? { name: code, nameEn: code }

  // KPIs: the cases of each period from the in-memory index, exactly what the KPI endpoints read
  const current = index.cases(fromMs, toMs)
  const before = index.cases(prev.fromMs, prev.toMs)
  const totals = { current: totalsOf(current, fromMs, toMs, nowMs, inZone), previous: totalsOf(before, prev.fromMs, prev.toMs, nowMs, inZone) }
  const zoned = {
    forEach(visit: (c: KpiCase) => void) {
      current.forEach((c) => inZone(c) && visit(c))
    },
  }
  const league: NamedLeagueRow[] = rankUnits(computeKpis(zoned, { fromMs, toMs, nowMs, group: 'unit' })).map((r) => ({ ...r, name: unitName(r.key).name, name_en: unitName(r.key).nameEn }))

  // Report counts per category and per day (or week), both periods
  const buckets = trendBuckets(fromMs, toMs)
  const prevBuckets = buckets.map((b) => ({ fromMs: b.fromMs - (fromMs - prev.fromMs), toMs: b.toMs - (fromMs - prev.fromMs) }))
  const count = (cases: typeof current, bs: { fromMs: number; toMs: number }[], byCategory: Map<string, number>) => {
    const series = bs.map(() => 0)
    cases.forEach((c) => {
      if (!inZone(c)) return
      byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1)
      const i = bs.findIndex((b) => c.reportedMs >= b.fromMs && c.reportedMs < b.toMs)
      if (i >= 0) series[i]!++
    })
    return series
  }
  const catNow = new Map<string, number>()
  const catBefore = new Map<string, number>()
  const trend = { labels: buckets.map((b) => b.label), current: count(current, buckets, catNow), previous: count(before, prevBuckets, catBefore) }
  const categories = [...catNow]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => ({ code, name: categoryName(code).name, name_en: categoryName(code).nameEn, count: n, previous: catBefore.get(code) ?? 0 }))

  // The units named, and the overdue cases that put them there (the ones the KPI counts as overdue_open)
  const laggards = league.filter((r) => r.laggard && r.key !== null)
  const overdue_by_laggard = await Promise.all(
    laggards.map(async (r) => {
      const page = await store.cases({ unitId: r.key!, zoneId: zone?.id, fromMs, toMs, statuses: [...PENDING_WORK_STATUSES], deadlineBeforeMs: nowMs, limit: 'all', order: 'urgency' })
      const cases: OverdueCase[] = page.items
        .filter((c) => c.dispatchedMs !== null && isOverdue(c, nowMs))
        .sort((a, b) => a.deadlineMs - b.deadlineMs || a.id.localeCompare(b.id))
        .map((c) => ({
          id: c.id,
          unit_id: r.key!,
          street: places.nearestStreet.nearest(c.coordinates, 200)?.name ?? null,
          zone: places.zoneAt(c.coordinates)?.name ?? null,
          zone_en: places.zoneAt(c.coordinates)?.nameEn ?? null,
          category: c.category,
          category_name: categoryName(c.category).name,
          category_name_en: categoryName(c.category).nameEn,
          deadline: iso(c.deadlineMs),
          days_overdue: Math.max(1, Math.ceil((nowMs - c.deadlineMs) / DAY_MS)),
        }))
      return { unit_id: r.key!, name: r.name, name_en: r.name_en, cases }
    }),
  )

  // Hotspots of the period and their trend against the previous one
  const districtBox = places.bounds ?? [0, 0, 0, 0]
  const bbox: BBox = zone ? (turfBbox(polygon(zone.coordinates)) as BBox) : districtBox
  const positionsOf = (f: number, t: number) => {
    const all = index.positions({ fromMs: f, toMs: t })
    if (!zone) return all
    const kept: number[] = []
    for (let i = 0; i < all.length; i += 2) if (places.zoneAt([all[i]!, all[i + 1]!])?.id === zone.id) kept.push(all[i]!, all[i + 1]!)
    return new Float64Array(kept)
  }
  const after = positionsOf(fromMs, toMs)
  const incidents = after.length / 2
  let hotspots: BriefingFacts['hotspots'] = { status: 'too-few', cell: HOTSPOT_CELL_NAME, incidents, minimum: MIN_HOTSPOT_INCIDENTS }
  if (incidents >= MIN_HOTSPOT_INCIDENTS) {
    // A briefing is drafted even when the analysis cannot run (the pool busy or out of time, the statistic refused):
    // the section then says why, and the rest of the briefing stands.
    const run = async <T,>(work: () => Promise<T>): Promise<T | { failed: string }> => {
      try {
        return await work()
      } catch (err) {
        return { failed: err instanceof Error ? err.message : String(err) }
      }
    }
    const layer = await run(() => analysis.run('hotspots', { positions: after.slice(), bbox, scheme: HOTSPOT_CELL, fdr: true }))
    const compared = await run(() => analysis.run('compareHotspots', { after: after.slice(), before: positionsOf(prev.fromMs, prev.toMs), bbox, scheme: HOTSPOT_CELL }))
    if ('failed' in layer) hotspots = { status: 'unavailable', cell: HOTSPOT_CELL_NAME, incidents, reason: layer.failed }
    else if ('refusal' in layer) hotspots = { status: 'unavailable', cell: HOTSPOT_CELL_NAME, incidents, reason: layer.refusal.message }
    else {
      const trends = 'refusal' in compared || 'failed' in compared ? new Map<string, TrendFeature['properties']>() : new Map(decode(compared.features).map((f) => [f.id, f.properties]))
      const name = (id: string, center: LngLat, n: number, z: number, bin: number): HotspotPlace => {
        const t = trends.get(id)
        const zoneAt = places.zoneAt(center)
        return { id, count: n, before_count: t?.before_count ?? null, z: round(z, 2), bin, trend: t?.trend ?? null, street: places.nearestStreet.nearest(center, 300)?.name ?? null, zone: zoneAt?.name ?? null, zone_en: zoneAt?.nameEn ?? null, center: [round(center[0], 6), round(center[1], 6)] }
      }
      const features = decode(layer.features)
      const ringOf = new Map(features.map((f) => [String(f.id), f.geometry.coordinates[0]!]))
      const rising = [...trends]
        .filter(([, t]) => (t.trend === 'new' || t.trend === 'intensifying') && t.count > 0)
        .sort((a, b) => b[1].count - a[1].count || b[1].z - a[1].z || a[0].localeCompare(b[0]))
        .slice(0, TOP_PLACES)
        .map(([id, t]) => name(id, ringCentre(ringOf.get(id)), t.count, t.z, t.bin))
      hotspots = {
        status: 'ok',
        cell: HOTSPOT_CELL_NAME,
        incidents,
        band_m: round(layer.statistic.bandMeters, 1),
        top: layer.top.slice(0, TOP_PLACES).map((x) => name(x.id, x.center, x.count, x.z, x.bin)),
        rising,
        summary: 'refusal' in compared || 'failed' in compared ? {} : compared.summary,
        cells: features.filter((f) => f.properties.bin !== 0).map((f) => ({ ring: f.geometry.coordinates[0]!.map(([x, y]) => [round(x, 6), round(y, 6)] as LngLat), bin: f.properties.bin })),
      }
    }
  }

  // Street lighting now, and what the period's repairs lit
  const { engine, working } = await model.lighting()
  const result = engine.result()
  const zoneLighting = zone ? result.zones.find((z) => z.zoneId === zone.id) : undefined
  const lengths = zone ? { total: zoneLighting?.lengthM ?? 0, dark: zoneLighting?.darkLengthM ?? 0 } : { total: result.totals.totalLengthM, dark: result.totals.darkLengthM }
  const changes = await store.lampChangesBetween(fromMs, toMs)
  const lastChange = new Map(changes.map((c) => [c.lampId, c]))
  const repaired: string[] = []
  for (const [lampId, c] of lastChange) {
    if (c.toStatus !== 'ok' || working.get(lampId) !== true) continue
    if (zone) {
      const lamp = await store.lamp(lampId)
      if (!lamp || places.streetZone.get(lamp.streetId ?? '') !== zone.id) continue
    }
    repaired.push(lampId)
  }
  const repairedDark = darkLengthLitBy(engine, repaired, zone?.id)
  let lamps = 0
  let workingLamps = 0
  if (!zone) for (const w of working.values()) (lamps++, w && workingLamps++)
  else {
    const points = await store.lampPoints()
    for (let i = 0; i < points.ids.length; i++) {
      const at = places.zoneAt([points.positions[2 * i]!, points.positions[2 * i + 1]!])
      if (at?.id !== zone.id) continue
      lamps++
      if (working.get(points.ids[i]!)) workingLamps++
    }
  }
  let outageReports = 0
  let outageClosed = 0
  current.forEach((c) => {
    if (c.category !== LAMP_OUTAGE_CATEGORY || !inZone(c)) return
    outageReports++
    if (c.status === 'closed') outageClosed++
  })
  const zoneNames = new Map(zones.map((z) => [z.id, z]))
  const longest = result.darkLines
    .filter((l) => !zone || l.zoneId === zone.id)
    .sort((a, b) => b.lengthM - a.lengthM)
    .slice(0, LONGEST_DARK)
    .map((l) => ({ street: l.name, zone: l.zoneId === null ? null : (zoneNames.get(l.zoneId)?.name ?? null), zone_en: l.zoneId === null ? null : (zoneNames.get(l.zoneId)?.nameEn ?? null), length_m: round(l.lengthM, 1), highway: l.highway }))

  const today = districtCalendar.dateOf(nowMs)
  return {
    version: 1,
    kind: period.kind,
    period: { from: iso(fromMs), to: iso(toMs) },
    previous: { from: iso(prev.fromMs), to: iso(prev.toMs) },
    zone: zone ? { id: zone.id, name: zone.name, name_en: zone.nameEn } : null,
    time_zone: districtCalendar.timeZone,
    computed_at: iso(nowMs),
    totals,
    categories,
    trend,
    league,
    laggard_line: { on_time_closure_below: 0.8, bottom_quarter_min_cases: 5 },
    overdue_by_laggard,
    hotspots,
    map: { bbox },
    lighting: {
      lamps,
      working_lamps: workingLamps,
      total_length_m: round(lengths.total, 1),
      dark_length_m: round(lengths.dark, 1),
      lit_share: lengths.total > 0 ? round(1 - lengths.dark / lengths.total, 4) : 1,
      repaired_lamps: repaired.length,
      repaired_dark_length_m: round(repairedDark, 1),
      outage_reports: outageReports,
      outage_closed: outageClosed,
      longest,
    },
    measures: MEASURE_AREAS.map((area) => ({
      area,
      items: measures
        .filter((m) => m.area === area)
        .map((m) => ({ id: m.id, title: m.title, unit: unitName(m.unitId).name, unit_en: unitName(m.unitId).nameEn, person: m.person, deadline: m.deadline, status: m.status, progress: m.progress, overdue: m.status !== 'done' && m.deadline < today })),
    })),
  }
}

/**
 * The dark length that lamps repaired in the period light now: switch them off in the engine, read how much street
 * goes dark, switch them back. Synchronous from first to last, so no request sees the lamps off in between.
 */
function darkLengthLitBy(engine: Awaited<ReturnType<UseCaseContext['model']['lighting']>>['engine'], lampIds: readonly string[], zoneId: string | undefined): number {
  const darkNow = () => (zoneId === undefined ? engine.result().totals.darkLengthM : (engine.result().zones.find((z) => z.zoneId === zoneId)?.darkLengthM ?? 0))
  const before = darkNow()
  const switched: string[] = []
  try {
    for (const id of lampIds) if (engine.setLampWorking(id, false)) switched.push(id)
    return Math.max(0, darkNow() - before)
  } finally {
    for (const id of switched) engine.setLampWorking(id, true)
  }
}

/** A cell's centre: the mean of its ring's corners, as the worker names its top cells. */
const ringCentre = (ring: LngLat[] | undefined): LngLat => (ring && ring.length > 3 ? (centroid(polygon([ring])).geometry.coordinates as LngLat) : [0, 0])
