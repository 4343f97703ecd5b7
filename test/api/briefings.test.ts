// The briefing (通报) end to end through the API, on the demo district over central Chengdu: the numbers printed in
// the PDF (read back with a PDF text extractor) are the KPI endpoints' for the same period; the units named are
// exactly the league's laggards; an issued briefing downloads byte-identical, is numbered, hashed and immutable;
// other roles are refused; an empty period gives a briefing that says so; the weekly draft appears on schedule.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadDemoDistrict } from '../../geodata/demo/generate-demo.ts'
import { pct } from '../../server/briefing/briefing-text.ts'
import { createApp } from '../../server/app.ts'
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { allLines } from '../briefing/pdf-text.ts'
import { type TestApp, createTestApp, expectProblemResponse, rawRows, signIn } from './helpers.ts'
import type { Store } from '../../server/store/store.ts'

// "Now" for the whole suite: the KPI endpoints and the briefing evaluate overdue cases at the same instant.
const NOW = new Date('2026-12-07T09:30:00+08:00')
const clock = () => NOW
const MONTH = { from: '2026-11-01', to: '2026-12-01' }

interface KpiRow {
  key: string | null
  name: string | null
  cases: number
  closed: number
  on_time_closure_rate: number | null
  handling_rate: number | null
  overdue_open: number
}
interface LeagueRow extends KpiRow {
  rank: number
  laggard: boolean
}
interface BriefingJson {
  id: string
  status: 'draft' | 'issued'
  pdf_url: string
  number: number | null
  sha256: string | null
  issued_by: string | null
  kind: string
  annexes: { name: string; url: string }[]
}

const fmt = (n: number) => n.toLocaleString('en-US')

describe('briefings on the demo district', () => {
  let app: TestApp
  let store: Store
  let leader: string
  let draft: BriefingJson
  let draftPdf: Uint8Array
  let lines: string[]

  const post = (path: string, body: unknown, cookie: string) => app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  const get = (path: string, cookie: string, headers: Record<string, string> = {}) => app.request(path, { headers: { cookie, ...headers } })

  beforeAll(async () => {
    ;({ app, store } = await createTestApp({ district: loadDemoDistrict({ referenceDate: districtCalendar.isoInstant(NOW) }), clock }))
    leader = await signIn(app, 'leader')
    const res = await post('/api/briefings', MONTH, leader)
    expect(res.status).toBe(201)
    draft = (await res.json()) as BriefingJson
    const pdf = await get(draft.pdf_url, leader)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    draftPdf = new Uint8Array(await pdf.arrayBuffer())
    lines = await allLines(draftPdf)
  }, 120_000)

  afterAll(async () => {
    await store?.close()
  })

  test('a leader drafts one: 201 with its id, draft status and PDF link; the PDF is a watermarked A4 document', () => {
    expect(draft).toMatchObject({ status: 'draft', kind: 'month', pdf_url: `/api/briefings/${draft.id}.pdf`, number: null, sha256: null })
    expect(Buffer.from(draftPdf.subarray(0, 5)).toString()).toBe('%PDF-')
    expect(lines).toContain('城市管理工作通报')
    expect(lines.filter((l) => l.includes('草稿 · 未签发')).length).toBeGreaterThan(3) // the watermark on every page
    expect(lines.some((l) => /第 1 页 \/ 共 \d+ 页/.test(l))).toBe(true)
    expect(lines).toContain('目 | 录') // the monthly edition has a table of contents
  })

  test('a draft’s preview opened again is the same document, never cached by the browser', async () => {
    const again = new Uint8Array(await (await get(draft.pdf_url, leader)).arrayBuffer())
    expect(Buffer.compare(Buffer.from(again), Buffer.from(draftPdf))).toBe(0)
    expect((await get(draft.pdf_url, leader)).headers.get('cache-control')).toBe('no-store')
  })

  test('the headline figures are the KPI endpoints’ for the same period', async () => {
    const res = await get(`/api/kpis?from=${MONTH.from}&to=${MONTH.to}&group=unit`, leader)
    const rows = (await res.json()) as KpiRow[]
    const cases = rows.reduce((n, r) => n + r.cases, 0)
    const closed = rows.reduce((n, r) => n + r.closed, 0)
    const overdue = rows.reduce((n, r) => n + r.overdue_open, 0)
    expect(cases).toBeGreaterThan(100)
    const row = (label: string) => lines.find((l) => l.startsWith(`${label} | `))?.split(' | ')
    expect(row('立案数（应结案数）')?.[1]).toBe(fmt(cases))
    expect(row('结案数')?.[1]).toBe(fmt(closed))
    expect(row('结案率')?.[1]).toBe(pct(closed / cases))
    expect(row('超期未处置')?.[1]).toBe(fmt(overdue))
  })

  test('every unit’s league row in the PDF is the league endpoint’s, and the units named are exactly its laggards', async () => {
    const league = ((await (await get(`/api/kpis/league?from=${MONTH.from}&to=${MONTH.to}`, leader)).json()) as { units: LeagueRow[] }).units
    expect(league.length).toBeGreaterThan(5)
    for (const u of league) {
      const printed = lines.find((l) => l.startsWith(`${u.rank} | ${u.name} | `))
      expect(printed, `league row of ${u.name}`).toBe([u.rank, u.name, fmt(u.cases), fmt(u.closed), pct(u.on_time_closure_rate), pct(u.handling_rate), fmt(u.overdue_open), ...(u.laggard ? ['●'] : [])].join(' | '))
    }
    const laggards = league.filter((u) => u.laggard).map((u) => u.name)
    expect(laggards.length).toBeGreaterThan(0)
    expect(laggards.length).toBeLessThan(league.length)
    // the sentence may wrap: join the lines from its start until its full stop
    const start = lines.findIndex((l) => l.startsWith('通报批评单位：'))
    expect(start).toBeGreaterThanOrEqual(0)
    let sentence = ''
    for (let i = start; i < lines.length && !sentence.endsWith('。'); i++) sentence += lines[i]
    expect(sentence.replace(/^通报批评单位：/, '').replace(/。$/, '').split('、').sort()).toEqual([...laggards].sort())
  })

  test('the overdue cases listed under a named unit are the ones the KPIs count as overdue for it', async () => {
    const facts = ((await (await get(`/api/briefings/${draft.id}`, leader)).json()) as { facts: { overdue_by_laggard: { unit_id: string; cases: { id: string }[] }[]; league: LeagueRow[] } }).facts
    for (const u of facts.overdue_by_laggard) {
      const row = facts.league.find((r) => r.key === u.unit_id)
      expect(u.cases.length, u.unit_id).toBe(row?.overdue_open)
    }
    const annex = await (await get(`/api/briefings/${draft.id}/annexes/overdue-cases.csv`, leader)).text()
    expect(annex.trim().split('\r\n').length - 1).toBe(facts.overdue_by_laggard.reduce((n, u) => n + u.cases.length, 0))
  })

  test('issuing numbers it, files the PDF with its hash, and it downloads byte-identical for every staff member', async () => {
    const issuedRes = await post(`/api/briefings/${draft.id}/issue`, undefined, leader)
    expect(issuedRes.status).toBe(200)
    const issued = (await issuedRes.json()) as BriefingJson
    expect(issued).toMatchObject({ status: 'issued', number: 1, issued_by: 'leader' })
    const first = new Uint8Array(await (await get(issued.pdf_url, leader)).arrayBuffer())
    expect(createHash('sha256').update(first).digest('hex')).toBe(issued.sha256)
    const issuedLines = await allLines(first)
    expect(issuedLines.some((l) => l.includes('2026年第1期'))).toBe(true)
    expect(issuedLines.some((l) => l.includes('草稿'))).toBe(false)
    // later, by someone else: the same bytes, and a 304 for the cached copy
    const unit = await signIn(app, 'unit')
    const again = await get(issued.pdf_url, unit)
    expect(again.headers.get('etag')).toBe(`"${issued.sha256}"`)
    expect(Buffer.compare(Buffer.from(await again.arrayBuffer()), Buffer.from(first))).toBe(0)
    expect((await get(issued.pdf_url, unit, { 'if-none-match': `"${issued.sha256}"` })).status).toBe(304)
    // it cannot be issued twice, and the database itself refuses to change or drop it
    await expectProblemResponse(await post(`/api/briefings/${draft.id}/issue`, undefined, leader), 409, 'already-issued')
    await expect(rawRows(store, `UPDATE briefings SET title = 'changed' WHERE id = '${draft.id}' RETURNING id`)).rejects.toThrow(/issued briefing/)
    await expect(rawRows(store, `DELETE FROM briefings WHERE id = '${draft.id}' RETURNING id`)).rejects.toThrow(/issued briefing/)
    const listed = (await (await get('/api/briefings', await signIn(app, 'dispatcher'))).json()) as BriefingJson[]
    expect(listed.find((b) => b.id === draft.id)).toMatchObject({ status: 'issued', sha256: issued.sha256 })
  })

  test('only a leader drafts and issues; staff read issued ones, not drafts; nobody signed out reads any', async () => {
    for (const who of ['planner', 'crew', 'dispatcher', 'inspector', 'unit', 'admin']) {
      await expectProblemResponse(await post('/api/briefings', MONTH, await signIn(app, who)), 403, 'forbidden')
    }
    expect((await app.request('/api/briefings')).status).toBe(401)
    expect((await app.request(draft.pdf_url)).status).toBe(401)
    // a fresh draft: a leader sees it, other staff neither list nor open it until it is issued
    const fresh = (await (await post('/api/briefings', { from: '2026-11-23', to: '2026-11-30' }, leader)).json()) as BriefingJson
    expect(((await (await get('/api/briefings', leader)).json()) as BriefingJson[]).map((b) => b.id)).toContain(fresh.id)
    const crew = await signIn(app, 'crew')
    const seen = (await (await get('/api/briefings', crew)).json()) as BriefingJson[]
    expect(seen.map((b) => b.id)).not.toContain(fresh.id)
    expect(seen.every((b) => b.status === 'issued')).toBe(true)
    await expectProblemResponse(await get(fresh.pdf_url, crew), 403, 'forbidden')
    await expectProblemResponse(await get(`/api/briefings/${fresh.id}`, crew), 403, 'forbidden')
    await expectProblemResponse(await get(`/api/briefings/${fresh.id}/annexes/league.csv`, crew), 403, 'forbidden')
  })

  test('bad input is a 4xx problem and stores nothing', async () => {
    const before = (await store.briefings()).length
    await expectProblemResponse(await post('/api/briefings', { from: '2026-12-01', to: '2026-11-01' }, leader), 400, 'invalid-body')
    await expectProblemResponse(await post('/api/briefings', { from: '2026-11-01' }, leader), 400, 'invalid-body')
    await expectProblemResponse(await post('/api/briefings', { ...MONTH, zone: '999' }, leader), 422, 'unknown-zone')
    await expectProblemResponse(await post('/api/briefings', { from: '2024-01-01', to: '2026-01-01' }, leader), 422, 'period-too-long')
    await expectProblemResponse(await get('/api/briefings/not-an-id.pdf', leader), 400, 'invalid-param')
    await expectProblemResponse(await get('/api/briefings/00000000-0000-4000-8000-000000000000.pdf', leader), 404, 'not-found')
    expect((await store.briefings()).length).toBe(before)
  })

  test('a period without reports gives a briefing that says so', async () => {
    const res = await post('/api/briefings', { from: '2020-01-06', to: '2020-01-13' }, leader)
    expect(res.status).toBe(201)
    const empty = (await res.json()) as BriefingJson
    expect(empty.kind).toBe('week')
    const text = await allLines(new Uint8Array(await (await get(empty.pdf_url, leader)).arrayBuffer()))
    expect(text.some((l) => l.includes('本期没有上报数据'))).toBe(true)
    expect(text.some((l) => l.includes('不足以判断热点'))).toBe(true)
    expect(text.some((l) => l.startsWith('立案数（应结案数） | 0 | '))).toBe(true)
  })

  test('a zone’s briefing counts that zone’s cases, as the KPIs by zone do; English is the alternative', async () => {
    const byZone = (await (await get(`/api/kpis?from=${MONTH.from}&to=${MONTH.to}&group=zone`, leader)).json()) as KpiRow[]
    const zone = byZone.find((r) => r.key !== null && r.cases > 10)!
    const res = await post('/api/briefings', { ...MONTH, zone: zone.key, lang: 'en' }, leader)
    expect(res.status).toBe(201)
    const b = (await res.json()) as BriefingJson
    const text = await allLines(new Uint8Array(await (await get(b.pdf_url, leader)).arrayBuffer()))
    expect(text).toContain('Urban Management Briefing')
    expect(text.find((l) => l.startsWith('Cases registered | '))?.split(' | ')[1]).toBe(fmt(zone.cases))
    expect(text.find((l) => l.startsWith('Cases closed | '))?.split(' | ')[1]).toBe(fmt(zone.closed))
  })
})

describe('the weekly draft', () => {
  test('is made for the week just ended at the scheduled hour, once, whichever instance gets there', async () => {
    // Monday 7 December 2026, 08:30 in Chengdu: the 08:00 run is due
    const monday = new Date('2026-12-07T08:30:00+08:00')
    const { app, store } = await createTestApp({ clock: () => monday, briefingSchedule: { weekday: 1, time: '08:00' } })
    // a second instance on the same database, started at the same moment
    createApp({ store, clock: () => monday, briefingSchedule: { weekday: 1, time: '08:00' } })
    let drafts: Awaited<ReturnType<Store['briefings']>> = []
    for (let i = 0; i < 200 && drafts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50))
      drafts = await store.briefings()
    }
    await new Promise((r) => setTimeout(r, 500)) // time for the second instance to finish too
    drafts = await store.briefings()
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({ kind: 'week', status: 'draft', createdBy: 'schedule', fromMs: Date.parse('2026-11-30T00:00:00+08:00'), toMs: Date.parse('2026-12-07T00:00:00+08:00') })
    const listed = (await (await app.request('/api/briefings', { headers: { cookie: await signIn(app, 'leader') } })).json()) as BriefingJson[]
    expect(listed.map((b) => b.id)).toEqual([drafts[0]!.id])
    await store.close()
  })

  test('is not made before the hour', async () => {
    const early = new Date('2026-12-07T07:59:00+08:00')
    const { store } = await createTestApp({ clock: () => early, briefingSchedule: { weekday: 1, time: '08:00' } })
    await new Promise((r) => setTimeout(r, 1500))
    const drafts = await store.briefings()
    // the latest run before 07:59 on Monday was the previous Monday's: that week (23–30 November) is drafted instead
    expect(drafts.map((d) => [d.fromMs, d.toMs])).toEqual([[Date.parse('2026-11-23T00:00:00+08:00'), Date.parse('2026-11-30T00:00:00+08:00')]])
    await store.close()
  })
})
