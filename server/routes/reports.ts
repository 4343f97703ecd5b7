// The public side of the loop (no sign-in): report a problem, see whether it repeats an open case, add a photo,
// follow it by tracking number, and rate the fix. Rate-limited per client; no personal data ever goes back out.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { clientIp } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { decimalParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { rateLimit, type RateCounterFactory } from '../http/rate-limit.ts'
import { validate } from '../http/validate.ts'
import { requireInDistrict } from './district-guard.ts'
import { readPhotoUpload } from '../http/photo-upload.ts'
import type { PhotoFiles } from '../store/photo-files.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { findRepeats, locateReport } from '../use-cases/locate-report.ts'
import { rateReport } from '../use-cases/rate-report.ts'
import { reportIncident } from '../use-cases/report-incident.ts'
import { publicCaseJson } from './case-json.ts'
import { isDistrictCategory } from '../domain/district-categories.ts'

// The public acts anonymously; its address (as the trusted proxies recorded it) goes into the audit log.
const citizen = (c: Context<AppEnv>) => ({ userId: null, username: 'citizen', ip: clientIp(c) })

const reportBody = z.strictObject({
  category: z.string().refine(isDistrictCategory, 'not a category of this district'),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  description: z.string().trim().min(1, 'describe the problem').max(4000), // Open311's limit
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, 'a phone number has 5–20 digits')
    .optional(),
  repeat_of: z.string().max(32).optional(), // the open case the citizen chose from the ones offered
  lamp_id: z.string().max(16).optional(),
})

const similarQuery = z.strictObject({
  category: z.string().refine(isDistrictCategory, 'not a category of this district'),
  lon: decimalParam(-180, 180, 'lon'),
  lat: decimalParam(-90, 90, 'lat'),
})

const tracking = z.object({ tracking: z.string().regex(/^GW\d{6}[A-Z2-9]{6}$/, 'not a tracking number') })

export interface PublicLimits {
  windowMs: number
  max: number // requests per client address per window on the public write endpoints
}

export const reportRoutes = (ctx: UseCaseContext, photos: PhotoFiles, limits: PublicLimits, readLimits: PublicLimits, counters: RateCounterFactory) => {
  const { store, model, clock } = ctx
  const limiter = rateLimit({ ...limits, clock, counters, scope: 'report', key: (c) => `report|${clientIp(c)}` })
  // Reads are cheap but not free, and tracking numbers must not be enumerable: a looser limit of their own.
  const readLimiter = rateLimit({ ...readLimits, clock, counters, scope: 'report-read', key: (c) => `report-read|${clientIp(c)}` })


  return new Hono<AppEnv>()
    .get('/reports/similar', readLimiter, validate('query', similarQuery), async (c) => {
      const q = c.req.valid('query')
      const where = await locateReport(model, q.category, [q.lon, q.lat], clock().getTime())
      const candidates = await findRepeats(store, q.category, [q.lon, q.lat], where.lampId)
      // Enough for a citizen to recognise the problem, nothing about who reported it.
      return c.json(
        candidates.slice(0, 5).map((x) => ({
          case_id: x.id,
          distance_m: Math.round(x.distanceM),
          same_lamp: x.sameLamp,
          state: x.case.status,
          reported_at: x.case.reportedAt,
          report_count: x.case.reportCount,
          description: x.case.description,
          coordinates: x.case.coordinates,
        })),
      )
    })
    .post('/reports', limiter, validate('json', reportBody), async (c) => {
      const b = c.req.valid('json')
      await requireInDistrict(model, [b.lon, b.lat])
      const { created, repeatOf, candidates } = await reportIncident(ctx, {
        category: b.category,
        coordinates: [b.lon, b.lat],
        description: b.description,
        source: 'public_web',
        phone: b.phone ?? null,
        lampId: b.lamp_id,
        repeat: b.repeat_of !== undefined ? { caseId: b.repeat_of } : 'same-lamp',
        actor: citizen(c),
      })
      return c.json(
        {
          tracking_number: created.trackingNumber,
          case_id: repeatOf ?? created.id,
          ...(repeatOf ? { repeat_of: repeatOf } : {}),
          lamp_id: created.lampId,
          similar: repeatOf ? [] : candidates.slice(0, 5).map((x) => ({ case_id: x.id, distance_m: Math.round(x.distanceM) })),
        },
        201,
      )
    })
    .get('/reports/:tracking', readLimiter, validate('param', tracking), async (c) => {
      const found = await store.caseByTracking(c.req.valid('param').tracking)
      if (!found) throw new ProblemError(404, 'not-found', 'no report has this tracking number')
      // A merged repeat follows the case it joined: that is where the work happens.
      const followed = found.repeatOf ? ((await store.case(found.repeatOf)) ?? found) : found
      const body = publicCaseJson(followed, await store.caseEvents(followed.id))
      // The case a repeat joined is rated by its first reporter; a repeat's own number cannot rate it.
      return c.json({ ...body, tracking_number: found.trackingNumber, merged_into_existing: found.repeatOf !== null, can_rate: found.repeatOf === null && body.can_rate })
    })
    .post('/reports/:tracking/rating', limiter, validate('param', tracking), validate('json', z.strictObject({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() })), async (c) => {
      const { stars, comment } = c.req.valid('json')
      const rated = await rateReport(ctx, { trackingNumber: c.req.valid('param').tracking, stars, comment: comment ?? null })
      return c.json(publicCaseJson(rated, await store.caseEvents(rated.id)))
    })
    .post('/reports/:tracking/photos', limiter, validate('param', tracking), async (c) => {
      const found = await store.caseByTracking(c.req.valid('param').tracking)
      if (!found) throw new ProblemError(404, 'not-found', 'no report has this tracking number')
      if (!['reported', 'accepted', 'merged'].includes(found.status)) throw new ProblemError(409, 'conflict', 'photos can be added until the case is dispatched')
      const { bytes, contentType } = await readPhotoUpload(c)
      const id = await photos.save(bytes)
      await store.addPhoto({ id, caseId: found.id, stage: 'report', contentType, bytes: bytes.length, uploadedAt: clock().toISOString(), uploadedBy: 'citizen' }, citizen(c))
      return c.json({ id, bytes: bytes.length, content_type: contentType }, 201)
    })
}
