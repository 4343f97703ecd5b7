// The public side of the loop (no sign-in): report a problem, see whether it repeats an open case, add a photo,
// follow it by tracking number, and rate the fix. Rate-limited per client; no personal data ever goes back out.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { INCIDENT_CATEGORY_CODES, LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { clientIp } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { decimalParam } from '../http/params.ts'
import { ProblemError } from '../http/problem.ts'
import { rateLimit } from '../http/rate-limit.ts'
import { validate } from '../http/validate.ts'
import { requireInDistrict } from '../http/district.ts'
import { type CaseIntake, escalateCase } from '../live/case-intake.ts'
import type { LightingState } from '../live/lighting-state.ts'
import { readPhotoUpload } from '../http/photo-upload.ts'
import type { PhotoFiles } from '../store/photo-files.ts'
import type { Store } from '../store/store.ts'
import { publicCaseJson } from './case-json.ts'

// The public acts anonymously; its address (as the trusted proxies recorded it) goes into the audit log.
const citizen = (c: Context<AppEnv>) => ({ userId: null, username: 'citizen', ip: clientIp(c) })
const categories = INCIDENT_CATEGORY_CODES as [string, ...string[]]

const reportBody = z.strictObject({
  category: z.enum(categories),
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
  category: z.enum(categories),
  lon: decimalParam(-180, 180, 'lon'),
  lat: decimalParam(-90, 90, 'lat'),
})

const tracking = z.object({ tracking: z.string().regex(/^GW\d{6}[A-Z2-9]{6}$/, 'not a tracking number') })

export interface PublicLimits {
  windowMs: number
  max: number // requests per client address per window on the public write endpoints
}

export const reportRoutes = (store: Store, intake: CaseIntake, lighting: LightingState, photos: PhotoFiles, clock: () => Date, limits: PublicLimits, readLimits: PublicLimits) => {
  const limiter = rateLimit({ ...limits, clock, key: (c) => `report|${clientIp(c)}` })
  // Reads are cheap but not free, and tracking numbers must not be enumerable: a looser limit of their own.
  const readLimiter = rateLimit({ ...readLimits, clock, key: (c) => `report-read|${clientIp(c)}` })


  return new Hono<AppEnv>()
    .get('/reports/similar', readLimiter, validate('query', similarQuery), async (c) => {
      const q = c.req.valid('query')
      const where = await intake.locate(q.category, [q.lon, q.lat], clock().getTime())
      const candidates = await intake.repeatCandidates(q.category, [q.lon, q.lat], where.lampId)
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
      await requireInDistrict(intake, [b.lon, b.lat])
      const at = clock()
      const where = await intake.locate(b.category, [b.lon, b.lat], at.getTime(), b.lamp_id)
      const candidates = await intake.repeatCandidates(b.category, [b.lon, b.lat], where.lampId)
      let repeatOf: string | undefined
      if (b.repeat_of !== undefined) {
        if (!candidates.some((x) => x.id === b.repeat_of)) {
          throw new ProblemError(422, 'not-a-repeat', `case ${b.repeat_of} is not an open ${b.category} case near this place`)
        }
        repeatOf = b.repeat_of
      } else if (b.category === LAMP_OUTAGE_CATEGORY && where.lampId) {
        // For lamps the lamp id is the match (docs/domain-notes.md §5): another call about the same dark lamp joins its case.
        repeatOf = candidates.find((x) => x.sameLamp)?.id
      }
      const created = await store.createReport(
        { category: b.category, coordinates: [b.lon, b.lat], description: b.description, source: 'public_web', phone: b.phone ?? null, ...where },
        citizen(c),
        at,
        repeatOf ? { repeatOf, escalate: escalateCase } : undefined,
      )
      await lighting.refreshLamp(created.lampId)
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
      const found = await store.caseByTracking(c.req.valid('param').tracking)
      if (!found) throw new ProblemError(404, 'not-found', 'no report has this tracking number')
      if (found.repeatOf) throw new ProblemError(409, 'conflict', 'this report was merged into another case; that case is rated by its first reporter')
      if (found.status !== 'closed') throw new ProblemError(409, 'conflict', `the case is ${found.status}; it can be rated once it is closed`)
      const { stars, comment } = c.req.valid('json')
      const rated = await store.rateCase(found.id, stars, comment ?? null, clock())
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
