// Open311 GeoReport v2 (open311.org, the frozen v2 spec; DOMAIN.md §6): the city's standard way for other systems
// (a hotline's software, a city app) to list service types, file requests and follow them. Our richer workflow maps
// onto it: stage → status open/closed + status_notes; deadline → expected_datetime; responsible unit →
// agency_responsible. Format by suffix (.json or .xml); errors as the spec's array of { code, description }.
// Requests are identified by the case id, never by the reporter's tracking number (which can rate the case).
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { isOpenCase } from '../domain/case-deadlines.ts'
import type { Case } from '../domain/cases.ts'
import { INCIDENT_CATEGORIES } from '../domain/categories.ts'
import { clientIp } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { rateLimit } from '../http/rate-limit.ts'
import { type CaseIntake, escalateCase } from '../live/case-intake.ts'
import type { LightingState } from '../live/lighting-state.ts'
import type { Store } from '../store/store.ts'
import type { PublicLimits } from './reports.ts'

type Format = 'json' | 'xml'
type Flat = Record<string, string | number | boolean | null>

const DAY_MS = 86_400_000
const MAX_SPAN_DAYS = 90 // the spec's limit on start_date..end_date
const MAX_RESULTS = 1000 // the spec's cap on one answer

const CATEGORY_GROUP: Readonly<Record<string, string>> = { '01': '市容环境 City appearance', '05': '街面秩序 Street order' }
const groupOf = (code: string, kind: string) => (kind === 'component' ? '公用设施 Public utilities' : (CATEGORY_GROUP[code.slice(0, 2)] ?? '其他 Other'))

const STAGE_NOTES: Readonly<Record<string, string>> = {
  reported: '已上报，等待立案 Reported, awaiting acceptance',
  accepted: '已立案，等待派遣 Accepted, awaiting dispatch',
  dispatched: '已派遣至责任单位 Dispatched to the responsible unit',
  in_handling: '处置中（返工）In handling (rework)',
  handled: '已处置，等待核查 Handled, awaiting verification',
  closed: '已核查结案 Verified and closed',
  rejected: '不予立案 Not a case',
  merged: '已并入同一问题的案件 Merged into a case about the same problem',
}

const xmlEscape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The spec's XML: a root element holding one element per item, each field as a child element. */
function toXml(root: string, item: string, rows: readonly Flat[]): string {
  const body = rows
    .map((row) => `<${item}>${Object.entries(row).map(([k, v]) => (v === null ? `<${k}/>` : `<${k}>${xmlEscape(String(v))}</${k}>`)).join('')}</${item}>`)
    .join('')
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`
}

function respond(c: Context, format: Format, root: string, item: string, rows: readonly Flat[], status: 200 | 201 = 200) {
  if (format === 'xml') return c.body(toXml(root, item, rows), status, { 'content-type': 'text/xml; charset=utf-8' })
  return c.json(rows, status)
}

function fail(c: Context, format: Format, status: 400 | 403 | 404 | 429, code: number, description: string) {
  const rows = [{ code, description }]
  if (format === 'xml') return c.body(toXml('errors', 'error', rows), status, { 'content-type': 'text/xml; charset=utf-8' })
  return c.json(rows, status)
}

/** `name.json` / `name.xml` → [name, format]; undefined for any other suffix. */
function splitFormat(file: string): [string, Format] | undefined {
  const m = /^(.+)\.(json|xml)$/.exec(file)
  return m ? [m[1]!, m[2] as Format] : undefined
}

const postBody = z.object({
  service_code: z.string().min(1),
  lat: z.coerce.number().min(-90).max(90),
  long: z.coerce.number().min(-180).max(180),
  description: z.string().trim().min(1).max(4000),
  phone: z.string().trim().max(32).optional(),
  email: z.string().trim().max(200).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  api_key: z.string().optional(),
})

export const open311Routes = (store: Store, intake: CaseIntake, lighting: LightingState, clock: () => Date, limits: PublicLimits) => {
  const limiter = rateLimit({ ...limits, clock, key: (c) => `open311|${clientIp(c)}` })
  const apiKey = process.env.OPEN311_API_KEY // when set, POST requests must carry it (the spec's api_key)

  async function requestRow(x: Case): Promise<Flat> {
    const units = await intake.units()
    const category = INCIDENT_CATEGORIES.find((k) => k.code === x.category)
    return {
      service_request_id: x.id,
      status: isOpenCase(x.status) ? 'open' : 'closed',
      status_notes: STAGE_NOTES[x.status] ?? x.status,
      service_name: category ? `${category.name} ${category.nameEn}` : x.category,
      service_code: x.category,
      description: x.description,
      agency_responsible: x.unitId ? (units.get(x.unitId)?.name ?? x.unitId) : null,
      service_notice: null,
      requested_datetime: x.reportedAt,
      updated_datetime: x.updatedAt,
      expected_datetime: new Date(x.deadlineMs).toISOString(),
      address: null,
      address_id: null,
      zipcode: null,
      lat: x.coordinates[1],
      long: x.coordinates[0],
      media_url: null,
    }
  }

  return new Hono<AppEnv>()
    .get('/open311/v2/:file', async (c) => {
      const parsed = splitFormat(c.req.param('file'))
      if (!parsed) return fail(c, 'json', 404, 404, 'unknown endpoint; add .json or .xml')
      const [name, format] = parsed
      if (name === 'discovery') {
        const url = new URL('/api/open311/v2/', c.req.url).toString()
        const doc = { changeset: '2026-11-26T00:00:00Z', contact: '城市管理局 数字化城管监督指挥中心', key_service: 'Ask the supervision centre for an api_key', endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: '2026-11-26T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }] }
        if (format === 'xml') {
          return c.body(
            `<?xml version="1.0" encoding="utf-8"?><discovery><changeset>${doc.changeset}</changeset><contact>${xmlEscape(doc.contact)}</contact><key_service>${xmlEscape(doc.key_service)}</key_service><endpoints><endpoint><specification>${doc.endpoints[0]!.specification}</specification><url>${xmlEscape(url)}</url><changeset>${doc.changeset}</changeset><type>production</type><formats><format>application/json</format><format>text/xml</format></formats></endpoint></endpoints></discovery>`,
            200,
            { 'content-type': 'text/xml; charset=utf-8' },
          )
        }
        return c.json(doc)
      }
      if (name === 'services') {
        return respond(
          c,
          format,
          'services',
          'service',
          INCIDENT_CATEGORIES.map((k) => ({ service_code: k.code, service_name: `${k.name} ${k.nameEn}`, description: k.nameEn, metadata: false, type: 'realtime', keywords: k.name, group: groupOf(k.code, k.kind) })),
        )
      }
      if (name === 'requests') {
        const q = c.req.query()
        if (q.service_request_id) {
          const ids = q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean).slice(0, MAX_RESULTS)
          const found = (await Promise.all(ids.map((id) => store.case(id)))).filter((x): x is Case => x !== undefined && x.status !== 'merged')
          return respond(c, format, 'service_requests', 'request', await Promise.all(found.map(requestRow)))
        }
        const now = clock().getTime()
        const end = q.end_date ? Date.parse(q.end_date) : now
        const start = q.start_date ? Date.parse(q.start_date) : end - MAX_SPAN_DAYS * DAY_MS
        if (!Number.isFinite(start) || !Number.isFinite(end)) return fail(c, format, 400, 400, 'start_date and end_date must be W3C date-times with a timezone')
        if (start > end) return fail(c, format, 400, 400, 'start_date must not be after end_date')
        if (end - start > MAX_SPAN_DAYS * DAY_MS) return fail(c, format, 400, 400, `the span from start_date to end_date may be at most ${MAX_SPAN_DAYS} days`)
        const codes = q.service_code?.split(',').map((s) => s.trim()).filter(Boolean)
        if (codes?.some((code) => !INCIDENT_CATEGORIES.some((k) => k.code === code))) return fail(c, format, 400, 400, 'unknown service_code')
        if (q.status && q.status !== 'open' && q.status !== 'closed') return fail(c, format, 400, 400, 'status must be open or closed')
        const statuses = q.status === 'open' ? ['reported', 'accepted', 'dispatched', 'in_handling', 'handled'] : q.status === 'closed' ? ['closed', 'rejected'] : undefined
        const page = await store.cases({ statuses, categories: codes, fromMs: start, toMs: end + 1, limit: MAX_RESULTS })
        return respond(c, format, 'service_requests', 'request', await Promise.all(page.items.map(requestRow)))
      }
      return fail(c, format, 404, 404, `no endpoint ${name}`)
    })
    .get('/open311/v2/:kind/:file', async (c) => {
      const parsed = splitFormat(c.req.param('file'))
      const kind = c.req.param('kind')
      if (!parsed) return fail(c, 'json', 404, 404, 'unknown endpoint; add .json or .xml')
      const [id, format] = parsed
      if (kind === 'services') {
        const category = INCIDENT_CATEGORIES.find((k) => k.code === id)
        if (!category) return fail(c, format, 404, 404, `no service ${id}`)
        // No extra attributes are asked for: category, place and description say all a case needs.
        if (format === 'xml') return c.body(`<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${id}</service_code><attributes/></service_definition>`, 200, { 'content-type': 'text/xml; charset=utf-8' })
        return c.json({ service_code: id, attributes: [] })
      }
      if (kind === 'requests') {
        const found = await store.case(id)
        if (!found || found.status === 'merged') return fail(c, format, 404, 404, `no service request ${id}`)
        return respond(c, format, 'service_requests', 'request', [await requestRow(found)])
      }
      return fail(c, format, 404, 404, `no endpoint ${kind}`)
    })
    .post('/open311/v2/:file', limiter, async (c) => {
      const parsed = splitFormat(c.req.param('file'))
      if (!parsed || parsed[0] !== 'requests') return fail(c, parsed?.[1] ?? 'json', 404, 404, 'POST goes to requests.json or requests.xml')
      const format = parsed[1]
      const form = await c.req.parseBody()
      const body = postBody.safeParse(form)
      if (!body.success) return fail(c, format, 400, 400, body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      const b = body.data
      if (apiKey && b.api_key !== apiKey) return fail(c, format, 403, 403, 'a valid api_key is required')
      if (!INCIDENT_CATEGORIES.some((k) => k.code === b.service_code)) return fail(c, format, 400, 400, `unknown service_code ${b.service_code}`)
      const at = clock()
      const where = await intake.locate(b.service_code, [b.long, b.lat], at.getTime())
      const sameLamp = where.lampId ? (await intake.repeatCandidates(b.service_code, [b.long, b.lat], where.lampId)).find((x) => x.sameLamp) : undefined
      const created = await store.createReport(
        { category: b.service_code, coordinates: [b.long, b.lat], description: b.description, source: 'api', phone: b.phone ?? null, ...where },
        { userId: null, username: 'open311' },
        at,
        sameLamp ? { repeatOf: sameLamp.id, escalate: escalateCase } : undefined,
      )
      await lighting.refreshLamp(created.lampId)
      const id = sameLamp?.id ?? created.id
      return respond(c, format, 'service_requests', 'request', [{ service_request_id: id, service_notice: sameLamp ? '已并入同一路灯的案件 Joined the open case about the same lamp' : null, account_id: null }], 201)
    })
}
