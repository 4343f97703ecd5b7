// Vendor guidance points (流动摊贩有序疏导点): a live rule check anyone may call while drawing, planners' create /
// move / edit / approve / retire (approval refused with 422 while any rule is broken), and suggested sites where
// vending reports cluster.
import { Hono } from 'hono'
import { z } from 'zod'
import { GUIDANCE_STATUSES } from '../kernel/statuses.ts'
import type { GuidancePoint } from '../domain/guidance-points.ts'
import { actorOf, requirePermission } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, intParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { assertValidGeometry, checkGuidancePoint, createGuidancePoint, updateGuidancePoint } from '../use-cases/guidance-points.ts'
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

export const guidancePointRoutes = (ctx: UseCaseContext, analysis: AnalysisPool) => {
  const { store, model, clock } = ctx
  const check = (p: Parameters<typeof checkGuidancePoint>[1]) => checkGuidancePoint(model, p)

  const routes = new Hono<AppEnv>()
    .post('/guidance-points/check', validate('json', checkBody), async (c) => {
      const b = c.req.valid('json')
      assertValidGeometry(b.geometry)
      return c.json({ violations: await check({ id: b.id, geometry: b.geometry, capacity: b.capacity ?? 1, offStreet: b.off_street ?? false }) })
    })
    .get('/guidance-points', requirePermission('guidanceView'), validate('query', z.strictObject({ include_retired: z.enum(['true', 'false']).optional() })), async (c) => {
      const points = await store.guidancePoints({ includeRetired: c.req.valid('query').include_retired === 'true' })
      const features = await Promise.all(points.map(async (p) => pointFeature(p, await check(p))))
      return c.json({ type: 'FeatureCollection' as const, features })
    })
    .get('/guidance-points/suggestions', requirePermission('planningView'), validate('query', suggestionsQuery), async (c) => {
      const q = c.req.valid('query')
      const toMs = q.to ?? clock().getTime()
      const fromMs = q.from ?? toMs - DEFAULT_DEMAND_DAYS * 86_400_000
      checkPeriodCap(fromMs, toMs)
      const demand = (await store.incidents({ categories: VENDING_CATEGORIES, fromMs, toMs, limit: 'all' })).items
      const { context } = await model.guidanceRules()
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
      const point = await createGuidancePoint(
        ctx,
        { name: b.name, geometry: b.geometry, capacity: b.capacity, openingHours: b.opening_hours ?? '', allowedGoods: b.allowed_goods ?? '', unit: b.unit, offStreet: b.off_street ?? false },
        actorOf(c),
      )
      return c.json(pointFeature(point, await check(point)), 201)
    })
    .patch('/guidance-points/:id', requirePermission('editPlanning'), validate('param', z.object({ id: z.string().min(1).max(16) })), validate('json', patchBody), async (c) => {
      const { id } = c.req.valid('param')
      const b = c.req.valid('json')
      const updated = await updateGuidancePoint(
        ctx,
        id,
        { name: b.name, geometry: b.geometry, capacity: b.capacity, openingHours: b.opening_hours, allowedGoods: b.allowed_goods, unit: b.unit, offStreet: b.off_street, status: b.status },
        b.version,
        actorOf(c),
      )
      return c.json(pointFeature(updated, await check(updated)))
    })
  return routes
}
