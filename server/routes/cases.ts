// The closed loop for staff (docs/domain-notes.md §2): queues, a case with its timeline and photos, workflow transitions with
// optimistic locking (ETag / If-Match), merging repeats, photos, and the field intake by inspectors.
import { readDisplayNames } from './display-names.ts'
import { NEAR_STREET_M } from '../model/places.ts'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { CASE_ACTIONS, availableActions } from '../domain/case-workflow.ts'
import { isOverdue } from '../domain/case-deadlines.ts'
import type { Case } from '../domain/cases.ts'
import type { User } from '../domain/roles.ts'
import { caseListScope, mayAddPhoto, mayReadCase } from '../domain/case-access.ts'
import { INCIDENT_STATUSES, isPendingWork, PENDING_WORK_STATUSES } from '../kernel/statuses.ts'
import { actorOf, requirePermission, requireUser, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, limitParam, listParam, offsetParam } from '../http/params.ts'
import { parseIfMatch } from '../http/etag.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import { requireInDistrict } from './district-guard.ts'
import { readPhotoUpload } from '../http/photo-upload.ts'
import type { PhotoFiles } from '../store/photo-files.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { mergeCase } from '../use-cases/merge-case.ts'
import { reportIncident } from '../use-cases/report-incident.ts'
import { transitionCase } from '../use-cases/transition-case.ts'
import { findRepeats } from '../use-cases/locate-report.ts'
import { isCalendarDate } from '../kernel/calendar.ts'
import { ENFORCEMENT_OUTCOMES, type EnforcementRecord } from '../domain/case-enforcement.ts'
import { recordEnforcement } from '../use-cases/record-enforcement.ts'
import { caseEnforcementJson, caseJson, eventJson, photoJson } from './case-json.ts'
import { ZONE_ID_PATTERN } from '../kernel/record-ids.ts'
import { districtCategoryCodes, isDistrictCategory } from '../domain/district-categories.ts'

const casesQuery = z
  .strictObject({
    state: listParam(INCIDENT_STATUSES, 'state').optional(),
    category: listParam(districtCategoryCodes, 'category').optional(),
    unit: z.string().max(16).optional(),
    zone: z.string().regex(ZONE_ID_PATTERN).optional(),
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
  category: z.string().refine(isDistrictCategory, 'not a category of this district'),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  description: z.string().trim().min(1).max(4000),
  source: z.enum(['patrol', 'hotline', 'api']).optional(),
  lamp_id: z.string().max(16).optional(),
  phone: z.string().trim().max(32).optional(),
})

const idParam = z.object({ id: z.string().min(1).max(32) })

// Illegal construction's stop (制止: the notice's date and number) or outcome (查处), recorded once each.
const calendarDate = z.string().refine((text) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
}, 'a date that exists, YYYY-MM-DD')
const enforcementBody = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('stop'), date: calendarDate, notice_number: z.string().trim().min(1).max(40) }),
  z.strictObject({ step: z.literal('outcome'), date: calendarDate, outcome: z.enum(ENFORCEMENT_OUTCOMES), note: z.string().trim().max(500).optional() }),
])

/** 403 unless one of the user's roles lets them read this case (a unit handler: only its own unit's). */
function assertMayView(user: User, c: Case): void {
  if (!mayReadCase(user, c)) throw new ProblemError(403, 'forbidden', `case ${c.id} belongs to another unit`)
}

export const caseRoutes = (ctx: UseCaseContext, photos: PhotoFiles) => {
  const { store, model, clock } = ctx
  const units = async () => (await model.places()).unitById
  async function detail(c: Case) {
    const [events, casePhotos, places, names] = await Promise.all([store.caseEvents(c.id), store.photos(c.id), model.places(), readDisplayNames(store)])
    const now = clock().getTime()
    // a report not yet accepted that matches an open case (same category within its radius, or the same lamp) is
    // flagged to the dispatcher as a likely repeat, whether or not the citizen said so ("called countless times")
    const repeats = c.status === 'reported' ? (await findRepeats(store, c.category, c.coordinates, c.lampId)).filter((r) => r.id !== c.id) : []
    return {
      ...caseJson(c, places.unitById, now, isOverdue(c, now)),
      // where it is, as staff and citizens say it: the nearest named street (within a street's width or two)
      near_street: places.nearestStreet.nearest(c.coordinates, NEAR_STREET_M)?.name ?? null,
      enforcement: caseEnforcementJson(c, events),
      likely_repeats: repeats.map((r) => ({ id: r.id, distance_m: Math.round(r.distanceM), same_lamp: r.sameLamp, report_count: r.case.reportCount, state: r.case.status })),
      timeline: events.map((e) => eventJson(e, names)),
      photos: casePhotos.map(photoJson),
    }
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
        // Overdue: cases whose responsible side still owes work past the deadline.
        statuses: q.overdue ? (q.state ?? [...PENDING_WORK_STATUSES]).filter(isPendingWork) : q.state,
        categories: q.category,
        unitId: scope.kind === 'unit' ? scope.unitId : q.unit,
        zoneId: q.zone,
        deadlineBeforeMs: q.overdue ? now : undefined,
        escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
        fromMs: q.from,
        toMs: q.to,
        limit: q.limit ?? 100,
        offset: q.offset,
      })
      const unitById = await units()
      return c.json({
        total: page.total,
        items: page.items.map((x) => ({ ...caseJson(x, unitById, now, isOverdue(x, now)), available_actions: availableActions({ status: x.status, extensionRequested: x.extensionRequested }, user.roles) })),
      })
    })
    .post('/cases', requirePermission('createCase'), validate('json', intakeBody), async (c) => {
      const b = c.req.valid('json')
      await requireInDistrict(model, [b.lon, b.lat])
      const { created, candidates: all } = await reportIncident(ctx, {
        category: b.category,
        coordinates: [b.lon, b.lat],
        description: b.description,
        source: b.source ?? 'patrol',
        phone: b.phone ?? null,
        lampId: b.lamp_id,
        repeat: 'none', // staff see the candidates and merge by hand
        actor: actorOf(c),
      })
      const candidates = all.filter((x) => x.id !== created.id)
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
      const updated = await transitionCase(ctx, {
        id,
        action,
        note: note ?? null,
        unitId: unit_id,
        expectedVersion: () => parseIfMatch(c.req.header('if-match'), 'case'),
        user,
        actor: actorOf(c),
      })
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
      const merged = await mergeCase(ctx, { id, into, expectedVersion: expected, actor: actorOf(c) })
      c.header('etag', `"${merged.version}"`)
      return c.json(await detail(merged))
    })
    .post('/cases/:id/enforcement', requirePermission('casesView'), validate('param', idParam), validate('json', enforcementBody), async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const record: EnforcementRecord =
        body.step === 'stop' ? { step: 'stop', date: body.date, noticeNumber: body.notice_number } : { step: 'outcome', date: body.date, outcome: body.outcome, note: body.note ?? null }
      await recordEnforcement(ctx, id, record, signedInUser(c), actorOf(c))
      await model.changed({ kind: 'incidents', ids: [id] })
      const updated = await store.case(id)
      if (!updated) throw new ProblemError(404, 'not-found', `case ${id} does not exist`)
      c.header('etag', `"${updated.version}"`)
      return c.json(await detail(updated), 201)
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
