// The closed loop for staff (docs/domain-notes.md §2): queues, a case with its timeline and photos, workflow transitions with
// optimistic locking (ETag / If-Match), merging repeats, photos, and the field intake by inspectors.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { CASE_ACTIONS, availableActions, checkTransition, type CaseAction } from '../domain/case-workflow.ts'
import { computeDeadlineMs, extendDeadlineMs, isOverdue, pullInDeadlineMs } from '../domain/case-deadlines.ts'
import type { Case, CaseFields } from '../domain/cases.ts'
import { INCIDENT_CATEGORY_CODES, LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import type { User } from '../domain/roles.ts'
import { caseListScope, mayAddPhoto, mayReadCase, unitScopeAllows } from '../domain/case-access.ts'
import { INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { actorOf, requirePermission, requireUser, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, limitParam, listParam, offsetParam } from '../http/params.ts'
import { parseIfMatch } from '../http/etag.ts'
import { ProblemError } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import { requireInDistrict } from '../http/district.ts'
import { CaseIntake, escalateCase } from '../live/case-intake.ts'
import type { LightingState } from '../live/lighting-state.ts'
import { readPhotoUpload } from '../http/photo-upload.ts'
import type { PhotoFiles } from '../store/photo-files.ts'
import type { Store } from '../store/store.ts'
import { caseJson, eventJson, photoJson } from './case-json.ts'

const casesQuery = z
  .strictObject({
    state: listParam(INCIDENT_STATUSES, 'state').optional(),
    category: listParam(INCIDENT_CATEGORY_CODES, 'category').optional(),
    unit: z.string().max(16).optional(),
    zone: z.string().regex(/^\d{3}$/).optional(),
    overdue: z.enum(['true']).optional(),
    escalated: z.enum(['true', 'false']).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    limit: limitParam(1000).optional(),
    offset: offsetParam.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })

const transitionBody = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  note: z.string().trim().max(2000).optional(),
  unit_id: z.string().max(16).optional(), // dispatch: send to this unit instead of the routed one
})

const intakeBody = z.strictObject({
  category: z.enum(INCIDENT_CATEGORY_CODES as [string, ...string[]]),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  description: z.string().trim().min(1).max(4000),
  source: z.enum(['patrol', 'hotline', 'api']).optional(),
  lamp_id: z.string().max(16).optional(),
  phone: z.string().trim().max(32).optional(),
})

const idParam = z.object({ id: z.string().min(1).max(32) })

/** 403 unless one of the user's roles lets them read this case (a unit handler: only its own unit's). */
function assertMayView(user: User, c: Case): void {
  if (!mayReadCase(user, c)) throw new ProblemError(403, 'forbidden', `case ${c.id} belongs to another unit`)
}

export const caseRoutes = (store: Store, intake: CaseIntake, lighting: LightingState, photos: PhotoFiles, clock: () => Date) => {
  async function detail(c: Case) {
    const [events, casePhotos, units] = await Promise.all([store.caseEvents(c.id), store.photos(c.id), intake.units()])
    const now = clock().getTime()
    return { ...caseJson(c, units, now, isOverdue(c, now)), timeline: events.map(eventJson), photos: casePhotos.map(photoJson) }
  }


  async function loadCase(c: Context<AppEnv>, id: string): Promise<Case> {
    const found = await store.case(id)
    if (!found) throw new ProblemError(404, 'not-found', `case ${id} does not exist`)
    assertMayView(signedInUser(c), found)
    return found
  }

  return new Hono<AppEnv>()
    .get('/cases', requirePermission('casesView'), validate('query', casesQuery), async (c) => {
      const q = c.req.valid('query')
      const user = signedInUser(c)
      const scope = caseListScope(user)
      if (scope.kind === 'none') throw new ProblemError(403, 'forbidden', scope.reason)
      const now = clock().getTime()
      const page = await store.cases({
        statuses: q.state,
        categories: q.category,
        unitId: scope.kind === 'unit' ? scope.unitId : q.unit,
        zoneId: q.zone,
        overdueAtMs: q.overdue ? now : undefined,
        escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
        fromMs: q.from,
        toMs: q.to,
        limit: q.limit ?? 100,
        offset: q.offset,
      })
      const units = await intake.units()
      return c.json({
        total: page.total,
        items: page.items.map((x) => ({ ...caseJson(x, units, now, isOverdue(x, now)), available_actions: availableActions({ status: x.status, extensionRequested: x.extensionRequested }, user.roles) })),
      })
    })
    .post('/cases', requirePermission('createCase'), validate('json', intakeBody), async (c) => {
      const b = c.req.valid('json')
      await requireInDistrict(intake, [b.lon, b.lat])
      const at = clock()
      const where = await intake.locate(b.category, [b.lon, b.lat], at.getTime(), b.lamp_id)
      const created = await store.createReport(
        { category: b.category, coordinates: [b.lon, b.lat], description: b.description, source: b.source ?? 'patrol', phone: b.phone ?? null, ...where },
        actorOf(c),
        at,
      )
      await lighting.refreshLamp(created.lampId)
      const candidates = (await intake.repeatCandidates(b.category, [b.lon, b.lat], created.lampId)).filter((x) => x.id !== created.id)
      c.header('etag', `"${created.version}"`)
      return c.json({ ...(await detail(created)), repeat_candidates: candidates.map((x) => ({ id: x.id, distance_m: Math.round(x.distanceM), same_lamp: x.sameLamp })) }, 201)
    })
    .get('/cases/:id', requirePermission('casesView'), validate('param', idParam), async (c) => {
      const found = await loadCase(c, c.req.valid('param').id)
      const user = signedInUser(c)
      c.header('etag', `"${found.version}"`)
      return c.json({ ...(await detail(found)), available_actions: availableActions({ status: found.status, extensionRequested: found.extensionRequested }, user.roles) })
    })
    .post('/cases/:id/transitions', requireUser(), validate('param', idParam), validate('json', transitionBody), async (c) => {
      const { id } = c.req.valid('param')
      const { action, note, unit_id } = c.req.valid('json')
      const user = signedInUser(c)
      const found = await store.case(id)
      if (!found) throw new ProblemError(404, 'not-found', `case ${id} does not exist`)
      const check = checkTransition({ status: found.status, extensionRequested: found.extensionRequested }, action, user.roles)
      if (!check.ok && check.reason === 'forbidden') throw new ProblemError(403, 'forbidden', check.detail)
      assertMayView(user, found)
      if (!unitScopeAllows(user, found, action)) throw new ProblemError(403, 'forbidden', `case ${id} belongs to another unit; as a unit handler you act on your own unit's cases only`)
      const expected = parseIfMatch(c.req.header('if-match'), 'case')
      if (expected !== found.version) throw new ProblemError(409, 'conflict', `case ${id} is at version ${found.version}, not ${expected}: it changed since you loaded it`)
      if (!check.ok) throw new ProblemError(409, 'invalid-transition', check.detail)
      const now = clock().getTime()
      const units = await intake.units()
      const set: Partial<CaseFields> = {}
      switch (action as CaseAction) {
        case 'accept':
          set.acceptedMs = now
          break
        case 'dispatch': {
          const unitId = unit_id ?? found.unitId
          if (!unitId || !units.has(unitId)) throw new ProblemError(422, 'unknown-unit', `no responsible unit ${unitId ?? '(none)'}; give unit_id`)
          set.unitId = unitId
          set.dispatchedMs = now
          const deadline = computeDeadlineMs({ category: found.category, reportedMs: Date.parse(found.reportedAt), dispatchedMs: now, approvedExtensions: found.extensionCount })
          set.deadlineMs = found.escalated ? pullInDeadlineMs(deadline, now) : deadline
          break
        }
        case 'handle':
          set.firstHandledMs = found.firstHandledMs ?? now
          set.result = note ?? null
          break
        case 'verify_pass':
          set.closedMs = now
          break
        case 'verify_fail':
          set.reworkCount = found.reworkCount + 1
          break
        case 'request_extension':
          set.extensionRequested = true
          break
        case 'approve_extension':
          set.extensionRequested = false
          set.extensionCount = found.extensionCount + 1
          set.deadlineMs = extendDeadlineMs(found.deadlineMs, found.category)
          break
        case 'refuse_extension':
          set.extensionRequested = false
          break
        case 'return':
          // Mis-dispatched: back to the command centre, which re-dispatches with a fresh handling time.
          set.unitId = null
          set.dispatchedMs = null
          break
        case 'reject':
          break
      }
      const updated = await store.transitionCase(id, expected, { action, toStatus: check.to, note: note ?? null, set }, actorOf(c), new Date(now))
      if (updated.category === LAMP_OUTAGE_CATEGORY) await lighting.refreshLamp(updated.lampId)
      c.header('etag', `"${updated.version}"`)
      return c.json({ ...(await detail(updated)), available_actions: availableActions({ status: updated.status, extensionRequested: updated.extensionRequested }, user.roles) })
    })
    .post('/cases/:id/merge', requirePermission('mergeCases'), validate('param', idParam), validate('json', z.strictObject({ into: z.string().min(1).max(32) })), async (c) => {
      const { id } = c.req.valid('param')
      const { into } = c.req.valid('json')
      const [from, target] = await Promise.all([store.case(id), store.case(into)])
      if (!from || !target) throw new ProblemError(404, 'not-found', `case ${from ? into : id} does not exist`)
      assertMayView(signedInUser(c), from)
      const expected = parseIfMatch(c.req.header('if-match'), 'case')
      if (expected !== from.version) throw new ProblemError(409, 'conflict', `case ${id} is at version ${from.version}, not ${expected}: it changed since you loaded it`)
      if (from.category !== target.category) throw new ProblemError(422, 'category-mismatch', `case ${id} (${from.category}) and ${into} (${target.category}) are different problems`)
      const merged = await store.mergeCase(id, into, expected, actorOf(c), clock(), escalateCase)
      c.header('etag', `"${merged.version}"`)
      return c.json(await detail(merged))
    })
    .post('/cases/:id/photos', requirePermission('addCasePhotos'), validate('param', idParam), async (c) => {
      const found = await loadCase(c, c.req.valid('param').id)
      const user = signedInUser(c)
      if (!mayAddPhoto(user, found)) throw new ProblemError(403, 'forbidden', `case ${found.id} belongs to another unit`)
      const { bytes, contentType } = await readPhotoUpload(c)
      const stage = user.roles.includes('unit') ? 'handling' : user.roles.includes('inspector') ? 'verification' : 'report'
      const id = await photos.save(bytes)
      const photo = { id, caseId: found.id, stage: stage as 'handling' | 'verification' | 'report', contentType, bytes: bytes.length, uploadedAt: clock().toISOString(), uploadedBy: user.username }
      await store.addPhoto(photo, actorOf(c))
      return c.json(photoJson(photo), 201)
    })
    .get('/photos/:id', requirePermission('casesView'), validate('param', z.object({ id: z.string().uuid() })), async (c) => {
      const photo = await store.photo(c.req.valid('param').id)
      if (!photo) throw new ProblemError(404, 'not-found', 'no such photo')
      await loadCase(c, photo.caseId) // a photo is readable by exactly those who may read its case
      const bytes = await photos.read(photo.id)
      // Served only as the image type detected at upload, never sniffed, never able to run script.
      return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
        'content-type': photo.contentType,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'content-disposition': `inline; filename="${photo.id}"`,
        'cache-control': 'private, max-age=86400',
      })
    })
}
