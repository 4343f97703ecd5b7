// Vendor guidance points (流动摊贩有序疏导点): a live rule check anyone may call while drawing, planners' create /
// move / edit / approve / retire (approval refused with 422 while any rule is broken), and suggested sites where
// vending reports cluster.
import { Hono } from 'hono'
import { z } from 'zod'
import { createGuidanceChecker, type GuidanceChecker, type GuidanceContext } from '../analysis/guidance-check.ts'
import { polygonRingProblems } from '../analysis/polygon-validity.ts'
import { DISTRICT_MARGIN_M, insideDistrict } from '../domain/district-bounds.ts'
import { GUIDANCE_STATUSES } from '../kernel/statuses.ts'
import { RULE_CHECKED_STATUSES, canMoveGuidanceStatus, type GuidancePoint } from '../domain/guidance-points.ts'
import { actorOf, requirePermission } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, intParam } from '../http/params.ts'
import { ProblemError } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'
import { guidanceContextBuffers, packGuidanceContext, packPositions } from '../workers/packing.ts'
import { checkPeriodCap } from './analysis-caps.ts'

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
// The shape is checked here (400 when it is not a ring of positions at all); whether the ring is a valid polygon —
// closed, simple, small enough — is a 422 from polygonRingProblems, like any other rule the drawing breaks.
const ring = z.array(lngLat).min(1).max(10_000)
const geometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: lngLat }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(1, 'holes are not supported') }),
])

const checkBody = z.strictObject({
  geometry,
  id: z.string().max(16).optional(), // the point being moved: not compared with itself
  capacity: z.number().int().min(0).max(1000).optional(),
  off_street: z.boolean().optional(),
})

const fields = {
  name: z.string().trim().min(1).max(100),
  geometry,
  capacity: z.number().int().min(0).max(1000),
  opening_hours: z.string().trim().max(100),
  allowed_goods: z.string().trim().max(200),
  unit: z.string().trim().min(1).max(100),
  off_street: z.boolean(),
}
const createBody = z.strictObject({ ...fields, opening_hours: fields.opening_hours.optional(), allowed_goods: fields.allowed_goods.optional(), off_street: fields.off_street.optional() })
const patchBody = z
  .strictObject({
    name: fields.name.optional(),
    geometry: fields.geometry.optional(),
    capacity: fields.capacity.optional(),
    opening_hours: fields.opening_hours.optional(),
    allowed_goods: fields.allowed_goods.optional(),
    unit: fields.unit.optional(),
    off_street: fields.off_street.optional(),
    status: z.enum(GUIDANCE_STATUSES).optional(),
    version: z.number().int().min(1), // optimistic lock: required, so an edit never overwrites one made meanwhile
  })
  .refine((b) => Object.keys(b).filter((k) => k !== 'version').length > 0, 'give at least one field to change')

/** 422 invalid-geometry for a polygon that is open, crosses itself, encloses nothing or has too many vertices. */
function assertValidGeometry(g: z.output<typeof geometry>): void {
  if (g.type !== 'Polygon') return
  const problems = polygonRingProblems(g.coordinates[0] ?? [])
  if (problems.length > 0) throw new ProblemError(422, 'invalid-geometry', problems.join('; '), problems.map((message) => ({ path: 'geometry.coordinates', message })))
}

const suggestionsQuery = z
  .strictObject({
    from: instantParam.optional(),
    to: instantParam.optional(),
    walk_radius_m: intParam(50, 1000, 'walk_radius_m').optional(),
    max: intParam(1, 50, 'max').optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })

// Street-order categories whose reports a guidance point is meant to absorb (docs/domain-notes.md §2: 0501 游商, 0504 店外经营,
// 0510 露天烧烤).
const VENDING_CATEGORIES = ['0501', '0504', '0510']
const DEFAULT_DEMAND_DAYS = 90

const pointFeature = (p: GuidancePoint, violations: unknown[]) => ({
  type: 'Feature' as const,
  id: p.id,
  geometry: p.geometry,
  properties: {
    name: p.name,
    capacity: p.capacity,
    opening_hours: p.openingHours,
    allowed_goods: p.allowedGoods,
    unit: p.unit,
    off_street: p.offStreet,
    status: p.status,
    created_at: p.createdAt,
    created_by: p.createdBy,
    updated_at: p.updatedAt,
    version: p.version,
    violations,
  },
})

export const guidancePointRoutes = (store: Store, clock: () => Date, analysis: AnalysisPool) => {
  // The checker indexes every street; rebuild it only when streets' categories or the points change.
  let cached: Promise<{ context: GuidanceContext; checker: GuidanceChecker }> | undefined
  const invalidate = () => {
    cached = undefined
  }
  const rules = () =>
    (cached ??= Promise.all([store.streets({}), store.intersections({}), store.guidancePoints({})]).then(([streets, intersections, points]) => {
      const context: GuidanceContext = {
        streets: streets.map((s) => ({ id: s.id, name: s.name, highway: s.highway, category: s.category, coordinates: s.coordinates })),
        intersections: intersections.map((x) => ({ id: x.id, coordinates: x.coordinates, streetIds: x.streetIds, names: x.names })),
        points: points.map((p) => ({ id: p.id, geometry: p.geometry })),
      }
      return { context, checker: createGuidanceChecker(context) }
    }))
  const check = async (p: Pick<GuidancePoint, 'geometry' | 'capacity' | 'offStreet'> & { id?: string }) =>
    (await rules()).checker.check({ id: p.id, geometry: p.geometry, capacity: p.capacity, offStreet: p.offStreet })

  /** A stored point must be a valid shape inside the district (with the intake's margin). */
  async function assertPlaceable(g: z.output<typeof geometry>): Promise<void> {
    assertValidGeometry(g)
    const { bounds } = await store.info()
    const positions = g.type === 'Point' ? [g.coordinates] : (g.coordinates[0] ?? [])
    if (!bounds || positions.some((p) => !insideDistrict(bounds, p, DISTRICT_MARGIN_M))) {
      throw new ProblemError(422, 'outside-district', `the guidance point lies outside the district (more than ${DISTRICT_MARGIN_M} m beyond its bounds)`, [{ path: 'geometry', message: 'outside the district' }])
    }
  }

  const routes = new Hono<AppEnv>()
    .post('/guidance-points/check', validate('json', checkBody), async (c) => {
      const b = c.req.valid('json')
      assertValidGeometry(b.geometry)
      return c.json({ violations: await check({ id: b.id, geometry: b.geometry, capacity: b.capacity ?? 1, offStreet: b.off_street ?? false }) })
    })
    .get('/guidance-points', requirePermission('guidanceView'), validate('query', z.strictObject({ include_retired: z.enum(['true', 'false']).optional() })), async (c) => {
      const points = await store.guidancePoints({ includeRetired: c.req.valid('query').include_retired === 'true' })
      const features = await Promise.all(points.map(async (p) => pointFeature(p, p.status === 'retired' ? [] : await check(p))))
      return c.json({ type: 'FeatureCollection' as const, features })
    })
    .get('/guidance-points/suggestions', requirePermission('planningView'), validate('query', suggestionsQuery), async (c) => {
      const q = c.req.valid('query')
      const toMs = q.to ?? clock().getTime()
      const fromMs = q.from ?? toMs - DEFAULT_DEMAND_DAYS * 86_400_000
      checkPeriodCap(fromMs, toMs)
      const demand = (await store.incidents({ categories: VENDING_CATEGORIES, fromMs, toMs, limit: 1_000_000 })).items
      const { context } = await rules()
      // Only points that are or will be in service count as already serving demand.
      const serving = (await store.guidancePoints({})).filter((p) => p.status !== 'proposed')
      // Indexing every street and the greedy search take a second or more: on the analysis pool, not the event loop.
      const packed = packGuidanceContext({ ...context, points: serving.map((p) => ({ id: p.id, geometry: p.geometry })) })
      const positions = packPositions(demand)
      const result = await analysis.run('suggestSites', { demand: positions, context: packed, walkRadiusM: q.walk_radius_m, maxSuggestions: q.max }, [positions.buffer, ...guidanceContextBuffers(packed)])
      return c.json({
        type: 'FeatureCollection' as const,
        period: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
        demand: demand.length,
        coverage: {
          demand: result.coverage.demand,
          served_by_existing: result.coverage.servedByExisting,
          served_with_suggestions: result.coverage.servedWithSuggestions,
          share_existing: result.coverage.shareExisting,
          share_with_suggestions: result.coverage.shareWithSuggestions,
        },
        features: result.suggestions.map((s, i) => ({
          type: 'Feature' as const,
          id: `S${i + 1}`,
          geometry: { type: 'Point' as const, coordinates: s.coordinates },
          properties: { rank: i + 1, served: s.served, served_total: s.servedTotal, street_id: s.streetId, street_name: s.streetName, demand_center: s.demandCenter, moved_m: Math.round(s.movedM * 10) / 10 },
        })),
      })
    })
    .post('/guidance-points', requirePermission('editPlanning'), validate('json', createBody), async (c) => {
      const b = c.req.valid('json')
      await assertPlaceable(b.geometry)
      const point = await store.createGuidancePoint(
        { name: b.name, geometry: b.geometry, capacity: b.capacity, openingHours: b.opening_hours ?? '', allowedGoods: b.allowed_goods ?? '', unit: b.unit, offStreet: b.off_street ?? false },
        actorOf(c),
        clock(),
      )
      invalidate()
      return c.json(pointFeature(point, await check(point)), 201)
    })
    .patch('/guidance-points/:id', requirePermission('editPlanning'), validate('param', z.object({ id: z.string().min(1).max(16) })), validate('json', patchBody), async (c) => {
      const { id } = c.req.valid('param')
      const b = c.req.valid('json')
      const current = await store.guidancePoint(id)
      if (!current) throw new ProblemError(404, 'not-found', `guidance point ${id} does not exist`)
      if (b.geometry) await assertPlaceable(b.geometry)
      if (b.version !== current.version) throw new ProblemError(409, 'conflict', `guidance point ${id} is at version ${current.version}, not ${b.version}: it changed since you loaded it`)
      if (b.status && !canMoveGuidanceStatus(current.status, b.status)) {
        throw new ProblemError(409, 'conflict', `a ${current.status} guidance point cannot become ${b.status}`)
      }
      const next = {
        ...current,
        ...(b.geometry ? { geometry: b.geometry } : {}),
        ...(b.capacity !== undefined ? { capacity: b.capacity } : {}),
        ...(b.off_street !== undefined ? { offStreet: b.off_street } : {}),
        status: b.status ?? current.status,
      }
      // An approved or active point must pass every rule, whether it is being approved now or moved later.
      if (RULE_CHECKED_STATUSES.includes(next.status)) {
        const violations = await check(next)
        if (violations.length > 0) {
          throw new ProblemError(422, 'rule-violations', `guidance point ${id} breaks ${violations.length} rule(s): ${violations.map((v) => v.code).join(', ')}`, undefined, {}, { violations })
        }
      }
      const updated = await store.updateGuidancePoint(
        id,
        { name: b.name, geometry: b.geometry, capacity: b.capacity, openingHours: b.opening_hours, allowedGoods: b.allowed_goods, unit: b.unit, offStreet: b.off_street, status: b.status },
        actorOf(c),
        clock(),
        b.version,
      )
      invalidate()
      return c.json(pointFeature(updated, updated.status === 'retired' ? [] : await check(updated)))
    })
  return { routes, invalidate }
}
