import { describe, expect, test } from 'vitest'
import { type TestApp, createTestApp, expectProblemResponse, getJson, signIn } from './helpers.ts'

const NOW = new Date('2026-11-01T10:00:00+08:00')

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

interface CaseJson {
  id: string
  state: string
  category: string
  unit: { id: string; name: string } | null
  deadline: string
  overdue: boolean
  report_count: number
  rework_count: number
  extension_count: number
  priority: number
  escalated: boolean
  version: number
  tracking_number: string
  phone: string | null
  timeline: { action: string; from: string | null; to: string | null; username: string }[]
  photos: { id: string; url: string; content_type: string }[]
  available_actions: string[]
}

function clockAt(start: Date) {
  let now = start.getTime()
  return { clock: () => new Date(now), advanceHours: (h: number) => (now += h * 3_600_000) }
}

async function report(app: TestApp, body: Record<string, unknown>) {
  const res = await app.request('/api/reports', post(body))
  return { res, body: (await res.json()) as { tracking_number: string; case_id: string; repeat_of?: string; lamp_id: string | null } }
}

/** A 1 × 1 PNG added to a case by this user (its stage follows the user's role). */
async function addPhoto(app: TestApp, cookie: string, id: string) {
  const bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0))
  const form = new FormData()
  form.append('photo', new File([bytes], 'photo.png', { type: 'image/png' }))
  const res = await app.request(`/api/cases/${id}/photos`, { method: 'POST', headers: { cookie }, body: form })
  expect(res.status).toBe(201)
}

async function act(app: TestApp, cookie: string, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await getJson<CaseJson>(app, `/api/cases/${id}`, cookie)
  const res = await app.request(`/api/cases/${id}/transitions`, post({ action, ...extra }, { cookie, 'if-match': current.res.headers.get('etag') ?? '' }))
  return { res, body: (await res.clone().json()) as CaseJson }
}

describe('illegal construction: found, stopped, investigated', () => {
  test('cannot be handled before the stop nor closed before the outcome; each is recorded once, with its deadline', async () => {
    const time = clockAt(NOW)
    const { app } = await createTestApp({ clock: time.clock })
    const { body: r } = await report(app, { category: '0101', lon: 104.0586, lat: 30.6681, description: '楼顶正在加建彩钢棚' })
    const dispatcher = await signIn(app, 'dispatcher')
    expect((await act(app, dispatcher, r.case_id, 'accept')).body.state).toBe('accepted')
    const dispatched = await act(app, dispatcher, r.case_id, 'dispatch')
    const unitId = (dispatched.body as unknown as { unit: { id: string } }).unit.id
    const unit = await signIn(app, unitId)
    type Enforcement = { stop: { date: string; notice_number: string } | null; outcome: { outcome: string } | null; stop_deadline: string; outcome_deadline: string }
    const detail = async () => (await getJson<{ enforcement: Enforcement; state: string }>(app, `/api/cases/${r.case_id}`, unit)).body
    const before = await detail()
    expect(before.enforcement).toMatchObject({ stop: null, outcome: null })
    expect(Date.parse(before.enforcement.stop_deadline) - NOW.getTime()).toBe(24 * 3_600_000)
    expect(Date.parse(before.enforcement.outcome_deadline) - NOW.getTime()).toBe(15 * 24 * 3_600_000)

    // handled before the stop: refused, even with a photo
    await addPhoto(app, unit, r.case_id)
    const early = await act(app, unit, r.case_id, 'handle')
    expect(early.res.status).toBe(422)
    expect(early.body).toMatchObject({ code: 'enforcement-required' })
    const enforce = (cookie: string, body: Record<string, unknown>) => app.request(`/api/cases/${r.case_id}/enforcement`, post(body, { cookie }))
    // the outcome cannot come before the stop; a bad outcome or date is a 400
    expect((await enforce(unit, { step: 'outcome', date: '2026-11-02', outcome: 'demolition' })).status).toBe(422)
    await expectProblemResponse(await enforce(unit, { step: 'outcome', date: '2026-11-02', outcome: 'fine' }), 400, 'invalid-body')
    await expectProblemResponse(await enforce(unit, { step: 'stop', date: '2026-02-30', notice_number: 'X' }), 400, 'invalid-body')
    // only the responsible unit records it
    await expectProblemResponse(await enforce(dispatcher, { step: 'stop', date: '2026-11-01', notice_number: '责停〔2026〕7号' }), 403, 'forbidden')
    const stopped = await enforce(unit, { step: 'stop', date: '2026-11-01', notice_number: '责停〔2026〕7号' })
    expect(stopped.status).toBe(201)
    expect((await detail()).enforcement.stop).toMatchObject({ date: '2026-11-01', notice_number: '责停〔2026〕7号' })
    await expectProblemResponse(await enforce(unit, { step: 'stop', date: '2026-11-01', notice_number: '又一份' }), 409, 'conflict')
    expect((await act(app, unit, r.case_id, 'handle')).body.state).toBe('handled')

    // closing needs the outcome
    const inspector = await signIn(app, 'inspector')
    await addPhoto(app, inspector, r.case_id)
    const noOutcome = await act(app, inspector, r.case_id, 'verify_pass')
    expect(noOutcome.res.status).toBe(422)
    expect(noOutcome.body).toMatchObject({ code: 'enforcement-required' })
    expect((await enforce(unit, { step: 'outcome', date: '2026-11-05', outcome: 'demolition', note: '当事人自行拆除' })).status).toBe(201)
    const closed = await act(app, inspector, r.case_id, 'verify_pass')
    expect(closed.body.state).toBe('closed')
    const steps = (closed.body as unknown as { timeline: { action: string; enforcement: { outcome: string | null } | null; note: string | null }[] }).timeline
    expect(steps.filter((e) => e.action.startsWith('enforce_')).map((e) => e.action)).toEqual(['enforce_stop', 'enforce_outcome'])
    expect(steps.find((e) => e.action === 'enforce_outcome')).toMatchObject({ enforcement: { outcome: 'demolition' }, note: '当事人自行拆除' })
  })
})

describe('likely repeats', () => {
  test('a new report matching an open case is flagged to the dispatcher, and merging it counts towards escalation', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const first = await report(app, { category: '0104', lon: 104.0585, lat: 30.668, description: '小通巷路面很脏' })
    // the second citizen does not say it is the same problem
    const second = await report(app, { category: '0104', lon: 104.05852, lat: 30.66801, description: '这里又脏了' })
    expect(second.res.status).toBe(201)
    const dispatcher = await signIn(app, 'dispatcher')
    type Detail = { likely_repeats: { id: string; distance_m: number; same_lamp: boolean; report_count: number }[]; report_count: number }
    const flagged = (await getJson<Detail>(app, `/api/cases/${second.body.case_id}`, dispatcher)).body
    expect(flagged.likely_repeats.map((r) => r.id)).toContain(first.body.case_id)
    const match = flagged.likely_repeats.find((r) => r.id === first.body.case_id)!
    expect(match.distance_m).toBeLessThan(10)
    expect(match.same_lamp).toBe(false)
    // a report of another kind at the same spot is no repeat
    const other = await report(app, { category: '0101', lon: 104.0585, lat: 30.668, description: '有人搭棚' })
    expect((await getJson<Detail>(app, `/api/cases/${other.body.case_id}`, dispatcher)).body.likely_repeats.map((r) => r.id)).not.toContain(first.body.case_id)
    // one action merges it: the first case counts one more report
    const before = (await getJson<Detail>(app, `/api/cases/${first.body.case_id}`, dispatcher)).body.report_count
    const current = await getJson<Detail>(app, `/api/cases/${second.body.case_id}`, dispatcher)
    const merged = await app.request(`/api/cases/${second.body.case_id}/merge`, post({ into: first.body.case_id }, { cookie: dispatcher, 'if-match': current.res.headers.get('etag') ?? '' }))
    expect(merged.status).toBe(200)
    expect((await getJson<Detail>(app, `/api/cases/${first.body.case_id}`, dispatcher)).body.report_count).toBe(before + 1)
  })
})

describe('public reporting', () => {
  test('a report becomes a case with a unit from its place, a deadline and a tracking number', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const { res, body } = await report(app, { category: '0104', lon: 104.0585, lat: 30.668, description: '小通巷路面很脏', phone: '13800000000' })
    expect(res.status).toBe(201)
    expect(body.tracking_number).toMatch(/^GW\d{6}[A-Z2-9]{6}$/)
    const dispatcher = await signIn(app, 'dispatcher')
    const { res: caseRes, body: c } = await getJson<CaseJson>(app, `/api/cases/${body.case_id}`, dispatcher)
    expect(caseRes.headers.get('etag')).toBe(`"${c.version}"`)
    // Dirty roads are swept by the sub-district office of the zone the report falls in (docs/domain-notes.md §1).
    expect(c).toMatchObject({ state: 'reported', category: '0104', unit: { id: 'SD001' }, report_count: 1, phone: '13800000000' })
    // 0104: 1 h intake + 12 h handling from the report.
    expect(Date.parse(c.deadline) - NOW.getTime()).toBe(13 * 3_600_000)
    expect(c.available_actions).toEqual(['accept', 'reject'])
  })

  test('the public status page shows progress but no personal data or staff names', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const { body } = await report(app, { category: '0501', lon: 104.0501, lat: 30.6601, description: '路口摊贩', phone: '13900000000' })
    const { res, body: status } = await getJson<Record<string, unknown>>(app, `/api/reports/${body.tracking_number}`)
    expect(res.status).toBe(200)
    expect(status).toMatchObject({ tracking_number: body.tracking_number, state: 'reported', category_name: '无照经营游商', can_rate: false })
    const text = JSON.stringify(status)
    expect(text).not.toContain('13900000000')
    expect(text).not.toContain('citizen')
    expect(text).not.toContain(body.case_id)
    await expectProblemResponse(await app.request('/api/reports/GW000000AAAAAA'), 404, 'not-found')
    await expectProblemResponse(await app.request('/api/reports/not-a-number'), 400, 'invalid-param')
  })

  test('refuses an unknown category, a missing description and a bad phone with 400', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    for (const body of [
      { category: '9999', lon: 104.05, lat: 30.66, description: 'x' },
      { category: '0104', lon: 104.05, lat: 30.66, description: '' },
      { category: '0104', lon: 104.05, lat: 30.66, description: 'x', phone: 'call me' },
      { category: '0104', lon: 204.05, lat: 30.66, description: 'x' },
    ]) {
      await expectProblemResponse(await app.request('/api/reports', post(body)), 400, 'invalid-body')
    }
  })

  test('rate-limits the public report endpoint with 429 and Retry-After', async () => {
    const { app } = await createTestApp({ clock: () => NOW, publicReportLimit: { windowMs: 60_000, max: 2 } })
    for (let i = 0; i < 2; i++) expect((await report(app, { category: '0104', lon: 104.05, lat: 30.665 + i * 0.001, description: 'x' })).res.status).toBe(201)
    const limited = await app.request('/api/reports', post({ category: '0104', lon: 104.05, lat: 30.668, description: 'x' }))
    await expectProblemResponse(limited, 429, 'rate-limited')
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('repeat reports', () => {
  test('another call about the same dark lamp joins its open case and escalates it at three reports', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    // L000004 on 小通巷 already has open outage case I0000003 (plus I0000004, a second call).
    const first = await report(app, { category: '0118', lon: 104.05851, lat: 30.66801, description: '路灯又不亮了' })
    expect(first.body.lamp_id).toBe('L000004')
    expect(first.body.repeat_of).toBeDefined()
    const original = first.body.repeat_of!
    const dispatcher = await signIn(app, 'dispatcher')
    const before = (await getJson<CaseJson>(app, `/api/cases/${original}`, dispatcher)).body
    await report(app, { category: '0118', lon: 104.0585, lat: 30.668, description: '还是不亮，晚上很危险' })
    const after = (await getJson<CaseJson>(app, `/api/cases/${original}`, dispatcher)).body
    expect(after.report_count).toBe(before.report_count + 1)
    expect(after.report_count).toBeGreaterThanOrEqual(3)
    expect(after.escalated).toBe(true)
    expect(after.priority).toBeGreaterThanOrEqual(2)
    expect(Date.parse(after.deadline)).toBeLessThanOrEqual(Date.parse(before.deadline))
    expect(after.timeline.map((e) => e.action)).toContain('merge')
    const overview = await getJson<{ escalated: number; escalated_cases: { id: string }[] }>(app, '/api/cases-overview', await signIn(app, 'leader'))
    expect(overview.body.escalated_cases.map((x) => x.id)).toContain(original)
  })

  test('offers nearby open cases of the same category to the public, and merges when the citizen picks one', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const offered = await getJson<{ case_id: string; distance_m: number }[]>(app, '/api/reports/similar?category=0501&lon=104.05015&lat=30.66015')
    expect(offered.body.map((x) => x.case_id)).toContain('I0000002')
    expect(JSON.stringify(offered.body)).not.toContain('phone')
    const merged = await report(app, { category: '0501', lon: 104.05015, lat: 30.66015, description: '同一个路口', repeat_of: 'I0000002' })
    expect(merged.body).toMatchObject({ case_id: 'I0000002', repeat_of: 'I0000002' })
    const status = await getJson<{ merged_into_existing: boolean; can_rate: boolean; state: string }>(app, `/api/reports/${merged.body.tracking_number}`)
    expect(status.body).toMatchObject({ merged_into_existing: true, can_rate: false, state: 'reported' })
    const far = await report(app, { category: '0501', lon: 104.058, lat: 30.668, description: '另一处', repeat_of: 'I0000002' })
    expect(far.res.status).toBe(422)
  })

  test('staff merge a duplicate into the open case; merging into a closed case is a 409', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const inspector = await signIn(app, 'inspector')
    const etag = (await app.request('/api/cases/I0000004', { headers: { cookie: inspector } })).headers.get('etag') ?? ''
    await expectProblemResponse(await app.request('/api/cases/I0000004/merge', post({ into: 'I0000003' }, { cookie: inspector })), 428, 'precondition-required')
    await expectProblemResponse(await app.request('/api/cases/I0000004/merge', post({ into: 'I0000003' }, { cookie: inspector, 'if-match': `"${Number(etag.replace(/"/g, '')) + 5}"` })), 409, 'conflict')
    const res = await app.request('/api/cases/I0000004/merge', post({ into: 'I0000003' }, { cookie: inspector, 'if-match': etag }))
    expect(res.status).toBe(200)
    expect(((await res.json()) as CaseJson).report_count).toBeGreaterThanOrEqual(2)
    const merged = (await getJson<CaseJson>(app, '/api/cases/I0000004', inspector)).body
    expect(merged.state).toBe('merged')
    const dup = await report(app, { category: '0101', lon: 104.045, lat: 30.655, description: '疑似违建' })
    await expectProblemResponse(await app.request(`/api/cases/${dup.body.case_id}/merge`, post({ into: 'I0000001' }, { cookie: inspector, 'if-match': '"1"' })), 422, 'category-mismatch')
    const etag2 = (await app.request('/api/cases/I0000002', { headers: { cookie: inspector } })).headers.get('etag') ?? ''
    await expectProblemResponse(await app.request('/api/cases/I0000002/merge', post({ into: 'I0000001' }, { cookie: inspector, 'if-match': etag2 })), 409, 'conflict')
  })
})

describe('the closed loop', () => {
  test('journey: report → accept → dispatch → handle → failed verification → rework → handle → pass → rating', async () => {
    const time = clockAt(NOW)
    const { app } = await createTestApp({ clock: time.clock })
    const { body: r } = await report(app, { category: '0104', lon: 104.0586, lat: 30.6681, description: '巷子里堆满垃圾' })
    const dispatcher = await signIn(app, 'dispatcher')
    const unit = await signIn(app, 'SD001')
    const id = r.case_id

    expect((await act(app, dispatcher, id, 'accept')).body.state).toBe('accepted')
    time.advanceHours(0.5)
    const dispatched = await act(app, dispatcher, id, 'dispatch')
    expect(dispatched.body).toMatchObject({ state: 'dispatched', unit: { id: 'SD001' } })
    // 0104: 12 h handling from dispatch.
    expect(Date.parse(dispatched.body.deadline) - time.clock().getTime()).toBe(12 * 3_600_000)

    const unitQueue = await getJson<{ items: { id: string }[] }>(app, '/api/cases?state=dispatched,in_handling', unit)
    expect(unitQueue.body.items.map((x) => x.id)).toContain(id)
    time.advanceHours(1.5) // within the 2 h idle limit of the unit's session
    // no photo of the work, no handling: refused, and the case stays as it was
    const refused = await act(app, unit, id, 'handle', { note: '已清扫' })
    expect(refused.res.status).toBe(422)
    expect(refused.body).toMatchObject({ code: 'evidence-required' })
    expect((await getJson<CaseJson>(app, `/api/cases/${id}`, unit)).body.state).toBe('dispatched')
    await addPhoto(app, unit, id)
    const handled = await act(app, unit, id, 'handle', { note: '已清扫' })
    expect(handled.body.state, JSON.stringify(handled.body)).toBe('handled')
    time.advanceHours(0.25)
    const inspector = await signIn(app, 'inspector')
    const failed = await act(app, inspector, id, 'verify_fail', { note: '现场仍有垃圾' })
    expect(failed.body).toMatchObject({ state: 'in_handling', rework_count: 1 })
    // the rework needs a photo of its own: the first round's does not count
    time.advanceHours(0.25)
    expect((await act(app, unit, id, 'handle', { note: '已彻底清理' })).res.status).toBe(422)
    await addPhoto(app, unit, id)
    expect((await act(app, unit, id, 'handle', { note: '已彻底清理' })).body.state).toBe('handled')
    // closing needs the inspector's own photo of the place
    expect((await act(app, inspector, id, 'verify_pass')).res.status).toBe(422)
    await addPhoto(app, inspector, id)
    const closed = await act(app, inspector, id, 'verify_pass')
    expect(closed.body.state).toBe('closed')
    expect(closed.body.timeline.map((e) => e.action).filter((a) => a !== 'photo')).toEqual(['report', 'accept', 'dispatch', 'handle', 'verify_fail', 'handle', 'verify_pass'])
    // staff read who did each step by name, and the place by its street, as the citizen does
    const detail = closed.body as unknown as { near_street: string | null; timeline: { action: string; username: string; display_name: string | null }[] }
    expect(detail.timeline.find((e) => e.action === 'accept')).toMatchObject({ username: 'dispatcher', display_name: '演示指挥中心派遣员' })
    expect(detail.timeline.find((e) => e.action === 'report')?.display_name).toBeNull()
    expect(detail.near_street).toEqual(expect.any(String))
    // the deadline moved at dispatch, and the timeline says so with the new deadline
    const steps = closed.body.timeline as unknown as { action: string; deadline: string | null }[]
    expect(steps.find((e) => e.action === 'dispatch')?.deadline).toBe(dispatched.body.deadline)
    expect(steps.find((e) => e.action === 'accept')?.deadline).toBeNull()

    const rated = await app.request(`/api/reports/${r.tracking_number}/rating`, post({ stars: 4, comment: '处理及时' }))
    expect(rated.status).toBe(200)
    expect(((await rated.json()) as { rating: number }).rating).toBe(4)
    await expectProblemResponse(await app.request(`/api/reports/${r.tracking_number}/rating`, post({ stars: 5 })), 409, 'conflict')
  })

  test('a stale If-Match is a 409 and no update is lost; a missing one is a 428', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const dispatcher = await signIn(app, 'dispatcher')
    const first = await app.request('/api/cases/I0000002/transitions', post({ action: 'accept' }, { cookie: dispatcher, 'if-match': '"1"' }))
    expect(first.status).toBe(200)
    const second = await app.request('/api/cases/I0000002/transitions', post({ action: 'reject' }, { cookie: dispatcher, 'if-match': '"1"' }))
    await expectProblemResponse(second, 409, 'conflict')
    expect((await getJson<CaseJson>(app, '/api/cases/I0000002', dispatcher)).body.state).toBe('accepted')
    await expectProblemResponse(await app.request('/api/cases/I0000002/transitions', post({ action: 'dispatch' }, { cookie: dispatcher })), 428, 'precondition-required')
  })

  test('an action the state does not allow is a 409; the wrong role is a 403', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const dispatcher = await signIn(app, 'dispatcher')
    await expectProblemResponse((await act(app, dispatcher, 'I0000001', 'accept')).res, 409, 'invalid-transition')
    const inspector = await signIn(app, 'inspector')
    await expectProblemResponse((await act(app, inspector, 'I0000002', 'accept')).res, 403, 'forbidden')
  })

  test('a unit sees and acts on its own cases only', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const san = await signIn(app, 'SAN')
    await expectProblemResponse(await app.request('/api/cases/I0000002', { headers: { cookie: san } }), 403, 'forbidden')
    const { body } = await getJson<{ items: { unit: { id: string } }[] }>(app, '/api/cases', san)
    expect(body.items.every((x) => x.unit?.id === 'SAN')).toBe(true)
  })

  test('extensions: the unit asks, the dispatcher approves and the deadline moves by the extension hours', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const { body: r } = await report(app, { category: '0101', lon: 104.046, lat: 30.656, description: '违建' })
    const dispatcher = await signIn(app, 'dispatcher')
    await act(app, dispatcher, r.case_id, 'accept')
    const dispatched = (await act(app, dispatcher, r.case_id, 'dispatch')).body
    const enf = await signIn(app, 'ENF')
    expect((await act(app, enf, r.case_id, 'request_extension', { note: '需要联合执法' })).body.extension_count).toBe(0)
    const approved = (await act(app, dispatcher, r.case_id, 'approve_extension')).body
    expect(approved.extension_count).toBe(1)
    expect(Date.parse(approved.deadline) - Date.parse(dispatched.deadline)).toBe(72 * 3_600_000)
  })

  test('closing a lamp outage case lets its lamp count as lit again once the lamp is ok', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const crew = await signIn(app, 'crew')
    // Repaired lamp, but its outage reports are still open → closed by the repair itself.
    const res = await app.request('/api/lamps/L000004', { method: 'PATCH', headers: { 'content-type': 'application/json', cookie: crew, 'if-match': '"1"' }, body: JSON.stringify({ status: 'ok' }) })
    expect(((await res.json()) as { properties: { working: boolean } }).properties.working).toBe(true)
    // A new public report about it opens a case again: the lamp stops counting as lit at once.
    await report(app, { category: '0118', lon: 104.0585, lat: 30.668, description: '又坏了' })
    const lamp = await getJson<{ properties: { working: boolean } }>(app, '/api/lamps/L000004', crew)
    expect(lamp.body.properties.working).toBe(false)
  })
})

describe('photos', () => {
  const png = (): Uint8Array<ArrayBuffer> => Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0))
  const form = (bytes: Uint8Array<ArrayBuffer>, type: string, name = 'photo.png') => {
    const f = new FormData()
    f.append('photo', new File([bytes], name, { type }))
    return f
  }

  test('accepts a real image and serves it only as that image type', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const unit = await signIn(app, 'unit')
    const res = await app.request('/api/cases/I0000002/photos', { method: 'POST', headers: { cookie: unit }, body: form(png(), 'image/png') })
    expect(res.status).toBe(201)
    const photo = (await res.json()) as { id: string; url: string; content_type: string }
    expect(photo.content_type).toBe('image/png')
    const served = await app.request(photo.url, { headers: { cookie: unit } })
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png())
  })

  test('refuses HTML or script posing as an image, whatever the declared type, with 415', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const unit = await signIn(app, 'unit')
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const res = await app.request('/api/cases/I0000002/photos', { method: 'POST', headers: { cookie: unit }, body: form(html, 'image/png', 'x.png') })
    await expectProblemResponse(res, 415, 'unsupported-media-type')
  })

  test('refuses a photo over 5 MiB with 413', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const unit = await signIn(app, 'unit')
    const big = new Uint8Array(5 * 1024 * 1024 + 10)
    big.set(png().slice(0, 8))
    const res = await app.request('/api/cases/I0000002/photos', { method: 'POST', headers: { cookie: unit }, body: form(big, 'image/png') })
    await expectProblemResponse(res, 413, 'too-large')
  })
})

describe('KPIs, league table and measures', () => {
  test('KPIs by unit have every rate in [0, 1] or null and count open overdue cases as late', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const leader = await signIn(app, 'leader')
    const { res, body } = await getJson<Record<string, number | string | null>[]>(app, '/api/kpis?group=unit&from=2026-09-01&to=2026-11-01', leader)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-period-from')).toBe('2026-08-31T16:00:00.000Z')
    expect(body.length).toBeGreaterThan(0)
    for (const row of body) {
      expect(row.group).toBe('unit')
      for (const k of ['closure_rate', 'on_time_closure_rate', 'handling_rate', 'on_time_handling_rate', 'rework_rate', 'extension_rate', 'overdue_open_rate']) {
        const v = row[k]
        if (v !== null) {
          expect(v).toBeGreaterThanOrEqual(0)
          expect(v).toBeLessThanOrEqual(1)
        }
      }
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['mean_handling_hours', 'satisfaction', 'name']))
    }
    const csv = await app.request('/api/kpis?group=category&from=2026-09-01&to=2026-11-01&format=csv', { headers: { cookie: leader } })
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(new TextDecoder().decode(await csv.arrayBuffer())).toContain('closure_rate')
  })

  test('the league table ranks units and marks laggards', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const leader = await signIn(app, 'leader')
    const { body } = await getJson<{ units: { key: string; rank: number; laggard: boolean; name: string }[] }>(app, '/api/kpis/league?from=2026-09-01&to=2026-11-01', leader)
    expect(body.units.map((u) => u.rank)).toEqual(body.units.map((_, i) => i + 1))
    expect(body.units.every((u) => typeof u.laggard === 'boolean')).toBe(true)
  })

  test('the measures board flags overdue measures for the inspection office', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const leader = await signIn(app, 'leader')
    const created = await app.request('/api/measures', post({ area: 'municipal_lighting', title: '路灯摸底调查', unit_id: 'LGT', person: '周所长', deadline: '2026-10-15' }, { cookie: leader }))
    expect(created.status).toBe(201)
    const { body } = await getJson<{ title: string; overdue: boolean }[]>(app, '/api/measures', leader)
    expect(body.find((m) => m.title === '路灯摸底调查')?.overdue).toBe(true)
  })
})
