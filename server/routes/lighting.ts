// Street lighting for crews and planners: dark zones (亮灯死角), coverage, the prioritised dark-stretch list, the
// broken-lamp work list, lamp status changes, and the phase-2 retrofit plan.
import { readDisplayNames } from './display-names.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { findCoverageRadius } from '../analysis/coverage-radius.ts'
import { computeDarkZones, type DarkLine } from '../analysis/dark-zones.ts'
import { darkZoneLamp, darkZoneStreet } from '../domain/lighting-inputs.ts'
import { rankDarkStretches } from '../analysis/dark-zone-priority.ts'
import { proposeRetrofitLamps } from '../analysis/retrofit-plan.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { LAMP_STATUSES, OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { actorOf, requirePermission, requireUser, signedInUser } from '../http/auth.ts'
import { mayActInZone } from '../domain/case-access.ts'
import type { AppEnv } from '../http/env.ts'
import { bboxParam, limitParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { parseIfMatch } from '../http/etag.ts'
import { validate } from '../http/validate.ts'
import { csvCell } from '../kernel/csv.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { setLampStatus } from '../use-cases/set-lamp-status.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'
import { packPositions } from '../workers/packing.ts'
import { lampFeature } from './geojson.ts'
import { ZONE_ID_PATTERN } from '../kernel/record-ids.ts'

const zoneQuery = z.strictObject({ zone: z.string().regex(ZONE_ID_PATTERN, 'a zone id: 1–64 letters, digits, . _ -').optional() })
const darkZonesQuery = z.strictObject({ bbox: bboxParam.optional() })
const rankedQuery = z.strictObject({ limit: limitParam(1000).optional(), zone: zoneQuery.shape.zone })
const lampPatch = z.strictObject({ status: z.enum(LAMP_STATUSES) })

// Night for the priority score: 19:00–06:00 China time, when an unlit street is dangerous.
const NIGHT_START_HOUR = 19
const NIGHT_END_HOUR = 6
const PRIORITY_WINDOW_DAYS = 90 // recent enough to describe the street as it is now

/** A dark stretch as a feature; `id` is '<street id>:<n>', numbered along the street (numberDarkLines). */
const darkLineFeature = ({ line, id }: { line: DarkLine; id: string }) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'LineString' as const, coordinates: line.coordinates },
  properties: { street_id: line.streetId, name: line.name, highway: line.highway, zone_id: line.zoneId, length_m: Math.round(line.lengthM * 100) / 100 },
})

/** Dark lines with ids numbered along each street, so a stretch keeps its id while its street is unchanged. */
function numberDarkLines(lines: readonly DarkLine[]): { line: DarkLine; id: string }[] {
  const seen = new Map<string, number>()
  return lines.map((line) => {
    const n = seen.get(line.streetId) ?? 0
    seen.set(line.streetId, n + 1)
    return { line, id: `${line.streetId}:${n}` }
  })
}



export const lightingRoutes = (ctx: UseCaseContext, analysis: AnalysisPool) => {
  const { store, model, clock } = ctx
  const totalsJson = (t: { totalLengthM: number; darkLengthM: number; litShare: number }) => ({
    total_length_m: Math.round(t.totalLengthM * 10) / 10,
    dark_length_m: Math.round(t.darkLengthM * 10) / 10,
    lit_share: t.litShare,
  })

  async function retrofitPlan(zone: string | undefined) {
    const { engine, working } = await model.lighting()
    const result = engine.result()
    const stretches = result.darkLines.filter((l) => zone === undefined || l.zoneId === zone)
    const proposed = proposeRetrofitLamps(stretches, (h) => findCoverageRadius(engine.radiusTable, h))
    const [streets, lamps] = await Promise.all([store.streets({}), store.lamps({})])
    // The lit share after: the full analysis again with the proposed lamps added as working lamps.
    const after = computeDarkZones(
      streets.map(darkZoneStreet),
      [
        ...lamps.map((l) => ({ ...darkZoneLamp(l, new Set()), working: working.get(l.id) ?? false })),
        ...proposed.map((p, i) => ({ id: `proposed-${i}`, coordinates: p.coordinates, working: true })),
      ],
      { radiusByHighwayM: engine.radiusTable.byHighwayM, fallbackRadiusM: engine.radiusTable.fallbackM },
    )
    const share = (r: { zones: { zoneId: string | null; litShare: number }[]; totals: { litShare: number } }) =>
      zone === undefined ? r.totals.litShare : (r.zones.find((z) => z.zoneId === zone)?.litShare ?? 1)
    return { proposed, litShareBefore: share(result), litShareAfter: share(after) }
  }

  const retrofitFeatures = (plan: Awaited<ReturnType<typeof retrofitPlan>>) => ({
    type: 'FeatureCollection' as const,
    features: plan.proposed.map((p, i) => ({
      type: 'Feature' as const,
      id: `P${String(i + 1).padStart(5, '0')}`,
      geometry: { type: 'Point' as const, coordinates: p.coordinates },
      properties: { street_id: p.streetId, name: p.name, highway: p.highway, spacing_m: Math.round(p.spacingM * 10) / 10 },
    })),
    lit_share_before: plan.litShareBefore,
    lit_share_after: plan.litShareAfter,
    proposed_count: plan.proposed.length,
  })

  return new Hono<AppEnv>()
    .get('/dark-zones', requireUser(), validate('query', darkZonesQuery), async (c) => {
      const { bbox } = c.req.valid('query')
      const { engine } = await model.lighting()
      const all = numberDarkLines(engine.result().darkLines)
      const inBox = bbox ? new Set(engine.darkZonesInBBox(bbox).darkLines) : undefined
      const kept = inBox ? all.filter(({ line }) => inBox.has(line)) : all
      return c.json({ type: 'FeatureCollection' as const, features: kept.map(darkLineFeature) })
    })
    .get('/dark-zones/ranked', requireUser(), validate('query', rankedQuery), async (c) => {
      const { limit, zone } = c.req.valid('query')
      const { engine } = await model.lighting()
      const lines = numberDarkLines(engine.result().darkLines).filter(({ line }) => zone === undefined || line.zoneId === zone)
      const since = clock().getTime() - PRIORITY_WINDOW_DAYS * 86_400_000
      // from the in-memory incident index: the period's night-time incidents, and the outage reports that are recent or still open
      const incidents = await model.incidents()
      const night = incidents.pointsWhere(since, Infinity, (category, _status, ms) => {
        const h = districtCalendar.hourOf(ms)
        return category !== LAMP_OUTAGE_CATEGORY && (h >= NIGHT_START_HOUR || h < NIGHT_END_HOUR)
      })
      const open = new Set<string>(OPEN_INCIDENT_STATUSES)
      const outages = incidents.pointsWhere(-Infinity, Infinity, (category, status, ms) => category === LAMP_OUTAGE_CATEGORY && (ms >= since || open.has(status)))
      const ranked = rankDarkStretches(lines.map(({ line }) => line), night, outages).slice(0, limit ?? 50)
      return c.json(
        ranked.map((r) => {
          const { line, id } = lines[r.index]!
          const mid = line.coordinates[Math.floor(line.coordinates.length / 2)] ?? line.coordinates[0]!
          return {
            id,
            street_id: line.streetId,
            name: line.name,
            highway: line.highway,
            zone_id: line.zoneId,
            length_m: Math.round(line.lengthM * 10) / 10,
            night_incidents: r.nightIncidents,
            outage_reports: r.outageReports,
            score: Math.round(r.score * 10) / 10,
            center: mid,
          }
        }),
      )
    })
    .get('/coverage', requireUser(), async (c) => {
      const { engine, working, zoneNames } = await model.lighting()
      const result = engine.result()
      let workingLamps = 0
      for (const w of working.values()) if (w) workingLamps++
      return c.json({
        ...totalsJson(result.totals),
        radius_m_by_highway: result.radiusTable.byHighwayM,
        fallback_radius_m: result.radiusTable.fallbackM,
        by_zone: result.zones.map((z) => ({
          zone_id: z.zoneId,
          name: z.zoneId === null ? null : (zoneNames.get(z.zoneId)?.name ?? null),
          name_en: z.zoneId === null ? null : (zoneNames.get(z.zoneId)?.nameEn ?? null),
          length_m: Math.round(z.lengthM * 10) / 10,
          dark_length_m: Math.round(z.darkLengthM * 10) / 10,
          lit_share: z.litShare,
        })),
        working_lamps: workingLamps,
        lamps: working.size,
      })
    })
    .get('/coverage/streets', requireUser(), validate('query', zoneQuery), async (c) => {
      const { zone } = c.req.valid('query')
      const { engine } = await model.lighting()
      const streets = await store.streets({})
      const names = new Map(streets.map((s) => [s.id, s]))
      return c.json(
        engine
          .result()
          .streets.filter((s) => zone === undefined || names.get(s.streetId)?.zoneId === zone)
          .map((s) => ({
            street_id: s.streetId,
            name: names.get(s.streetId)?.name ?? null,
            highway: s.highway,
            zone_id: names.get(s.streetId)?.zoneId ?? null,
            radius_m: s.radiusM,
            length_m: Math.round(s.lengthM * 10) / 10,
            dark_length_m: Math.round(s.darkLengthM * 10) / 10,
            lit_share: s.litShare,
          })),
      )
    })
    .get('/lamps/work-list', requirePermission('crewView'), validate('query', zoneQuery), async (c) => {
      const { zone } = c.req.valid('query')
      const user = signedInUser(c)
      const { working } = await model.lighting()
      const [lamps, streets] = await Promise.all([store.lamps({}), store.streets({})])
      const streetById = new Map(streets.map((s) => [s.id, s]))
      // A crew sees the broken lamps of its own zones; a zone filter narrows further.
      const broken = lamps.filter((l) => {
        const zoneId = streetById.get(l.streetId)?.zoneId ?? null
        return working.get(l.id) === false && (zone === undefined || zoneId === zone) && (!user.roles.includes('crew') || mayActInZone(user, zoneId))
      })
      // 2-opt over a district's broken lamps takes seconds: on the analysis pool, not the event loop.
      const stops = packPositions(broken)
      const visit = await analysis.run('orderVisits', { stops }, [stops.buffer])
      return c.json({
        stops: visit.order.map((i, k) => {
          const lamp = broken[i]!
          return {
            lamp_id: lamp.id,
            coordinates: lamp.coordinates,
            status: lamp.status,
            street_id: lamp.streetId,
            street_name: streetById.get(lamp.streetId)?.name ?? null,
            zone_id: streetById.get(lamp.streetId)?.zoneId ?? null,
            leg_m: Math.round(visit.legsM[k]! * 10) / 10,
          }
        }),
        total_m: Math.round(visit.totalM * 10) / 10,
      })
    })
    .patch('/lamps/:id', requirePermission('changeLampStatus'), validate('param', z.object({ id: z.string().min(1).max(64) })), validate('json', lampPatch), async (c) => {
      const { id } = c.req.valid('param')
      const { status } = c.req.valid('json')
      const { lamp, zoneId, working, closedCaseIds, diff } = await setLampStatus(ctx, {
        id,
        status,
        expectedVersion: () => parseIfMatch(c.req.header('if-match'), 'lamp'),
        user: signedInUser(c),
        actor: actorOf(c),
      })
      c.header('etag', `"${lamp.version}"`)
      return c.json({
        ...lampFeature(lamp, working, zoneId),
        closed_incident_ids: closedCaseIds,
        coverage: totalsJson(diff.totals),
        // The streets the change touched, with every dark stretch now on them: the client replaces just those.
        dark_zones: { type: 'FeatureCollection' as const, street_ids: diff.streetIds, features: numberDarkLines(diff.darkLines).map(darkLineFeature) },
      })
    })
    .get('/lamps/:id/history', requirePermission('lampHistory'), validate('param', z.object({ id: z.string().min(1).max(64) })), async (c) => {
      const { id } = c.req.valid('param')
      if (!(await store.lamp(id))) throw new ProblemError(404, 'not-found', `lamp ${id} does not exist`)
      const history = await store.lampHistory(id)
      // who changed it, as colleagues know them (the display name), beside the account name
      const names = await readDisplayNames(store)
      return c.json(
        history.map((h) => ({ at: h.at, from_status: h.fromStatus, to_status: h.toStatus, username: h.username, display_name: names.get(h.username) ?? h.username, closed_case_ids: h.closedCaseIds })),
      )
    })
    .get('/retrofit-plan', requirePermission('plannerView'), validate('query', zoneQuery), async (c) =>
      c.json(retrofitFeatures(await retrofitPlan(c.req.valid('query').zone))),
    )
    .get('/retrofit-plan.geojson', requirePermission('plannerView'), validate('query', zoneQuery), async (c) => {
      const zone = c.req.valid('query').zone
      c.header('content-disposition', `attachment; filename="retrofit-plan${zone ? `-${zone}` : ''}.geojson"`)
      c.header('content-type', 'application/geo+json; charset=utf-8')
      return c.body(JSON.stringify(retrofitFeatures(await retrofitPlan(zone))))
    })
    .get('/retrofit-plan.csv', requirePermission('plannerView'), validate('query', zoneQuery), async (c) => {
      const zone = c.req.valid('query').zone
      const plan = await retrofitPlan(zone)
      const rows = [
        ['id', 'lng', 'lat', 'street_id', 'street_name', 'highway', 'spacing_m'].join(','),
        ...plan.proposed.map((p, i) =>
          [`P${String(i + 1).padStart(5, '0')}`, p.coordinates[0].toFixed(7), p.coordinates[1].toFixed(7), p.streetId, p.name, p.highway, p.spacingM.toFixed(1)].map(csvCell).join(','),
        ),
      ]
      c.header('content-disposition', `attachment; filename="retrofit-plan${zone ? `-${zone}` : ''}.csv"`)
      // A BOM so Excel on the bureau's desktops reads the Chinese street names as UTF-8.
      return c.body(`\uFEFF${rows.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8' })
    })
}
