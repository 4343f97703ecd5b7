// Planners set a street's category (示范街 / 规范街 / 商业街) — one way, or every way sharing its name — with a
// reason; every change is kept as history.
import { Hono } from 'hono'
import { z } from 'zod'
import { STREET_CATEGORIES } from '../kernel/statuses.ts'
import { actorOf, requirePermission, requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { changeStreetCategory } from '../use-cases/change-street-category.ts'
import { streetFeature } from './geojson.ts'

const categoryPatch = z.strictObject({
  category: z.enum(STREET_CATEGORIES),
  reason: z.string().trim().min(2, 'give a reason (at least 2 characters)').max(500),
  scope: z.enum(['way', 'name']).optional(), // 'name': every way with this street's name (a street is often several ways)
})
const idParam = z.object({ id: z.string().min(1).max(64) })

export const streetRoutes = (ctx: UseCaseContext) =>
  new Hono<AppEnv>()
    .patch('/streets/:id', requirePermission('editPlanning'), validate('param', idParam), validate('json', categoryPatch), async (c) => {
      const { id } = c.req.valid('param')
      const { category, reason, scope } = c.req.valid('json')
      const updated = await changeStreetCategory(ctx, { id, category, reason, scope: scope ?? 'way', actor: actorOf(c) })
      return c.json({ type: 'FeatureCollection' as const, features: updated.map(streetFeature) })
    })
    .get('/streets/:id/history', requireUser(), validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param')
      if (!(await ctx.store.street(id))) throw new ProblemError(404, 'not-found', `street ${id} does not exist`)
      const history = await ctx.store.streetCategoryHistory(id)
      return c.json(history.map((h) => ({ id: h.id, street_id: h.streetId, from: h.from, to: h.to, reason: h.reason, username: h.username, at: h.at })))
    })
