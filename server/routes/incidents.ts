// Reported incidents as map points, filterable by place, category, status and time window.
import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { bboxParam, instantParam, limitParam, listParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'
import { featureCollection, incidentFeature } from './geojson.ts'
import { districtCategoryCodes } from '../domain/district-categories.ts'

// The whole demo district (~12,000 incidents) fits in one response; larger answers must be narrowed.
export const MAX_INCIDENTS = 50_000

const incidentsQuery = z
  .strictObject({
    bbox: bboxParam.optional(),
    category: listParam(districtCategoryCodes, 'category').optional(),
    status: listParam(INCIDENT_STATUSES, 'status').optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    limit: limitParam(MAX_INCIDENTS).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })

export const incidentRoutes = (store: Store) =>
  new Hono<AppEnv>()
    .get('/incidents', requireUser(), validate('query', incidentsQuery), async (c) => {
      const q = c.req.valid('query')
      const limit = q.limit ?? MAX_INCIDENTS
      const page = await store.incidents({ bbox: q.bbox, categories: q.category, statuses: q.status, fromMs: q.from, toMs: q.to, limit })
      // Without an explicit limit, silently dropping matches would misreport a layer: refuse and say how to narrow.
      if (q.limit === undefined && page.total > limit) {
        throw new ProblemError(413, 'too-large', `${page.total} incidents match; narrow by bbox, category or time window, or pass limit (≤ ${MAX_INCIDENTS})`)
      }
      return c.json({ ...featureCollection(page.items, incidentFeature), total: page.total, truncated: page.total > page.items.length })
    })
    .get('/incidents/:id', requireUser(), validate('param', z.object({ id: z.string().min(1).max(64) })), async (c) => {
      const { id } = c.req.valid('param')
      const incident = await store.incident(id)
      if (!incident) throw new ProblemError(404, 'not-found', `incident ${id} does not exist`)
      return c.json(incidentFeature(incident))
    })
