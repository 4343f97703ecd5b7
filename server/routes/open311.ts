// Open311 GeoReport v2 (open311.org, the frozen v2 spec; docs/domain-notes.md §6): the city's standard way for other systems
// (a hotline's software, a city app) to list service types, file requests and follow them. Our richer workflow maps
// onto it: stage → status open/closed + status_notes; deadline → expected_datetime; responsible unit →
// agency_responsible. Format by suffix (.json or .xml); errors as the spec's array of { code, description }.
// Requests are identified by the case id, never by the reporter's tracking number (which can rate the case).
// What of the spec's optional parts we support is listed in the README's Open311 paragraph.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { isOpenCase } from '../domain/case-deadlines.ts'
import type { Case } from '../domain/cases.ts'
import { clientIp } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { decimalParam } from '../http/params.ts'
import { rateLimit, type RateCounterFactory } from '../http/rate-limit.ts'
import { stripControlCharacters } from '../http/validate.ts'
import { DISTRICT_MARGIN_M } from '../domain/district-bounds.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { isInDistrict } from '../use-cases/locate-report.ts'
import { reportIncident } from '../use-cases/report-incident.ts'
import { MAX_RESULTS, parseRequestsQuery } from './open311-query.ts'
import { renderXmlDocument, type XmlValue } from './open311-xml.ts'
import type { PublicLimits } from './reports.ts'
import { districtCategories, findDistrictCategory, isDistrictCategory } from '../domain/district-categories.ts'

type Format = 'json' | 'xml'
type Flat = Record<string, string | number | boolean | null>

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

const XML = { 'content-type': 'text/xml; charset=utf-8' }

/** A list answer: a JSON array, or in XML a root element holding one `item` element per row. */
function respond(c: Context, format: Format, root: string, item: string, rows: readonly Flat[], status: 200 | 201 | 400 | 403 | 404 | 429 = 200) {
  if (format === 'xml') return c.body(renderXmlDocument(root, { [item]: rows }), status, XML)
  return c.json(rows, status)
}

function fail(c: Context, format: Format, status: 400 | 403 | 404 | 429, code: number, description: string) {
  return respond(c, format, 'errors', 'error', [{ code, description }], status)
}

/** `name.json` / `name.xml` → [name, format]; undefined for any other suffix. */
function splitFormat(file: string): [string, Format] | undefined {
  const m = /^(.+)\.(json|xml)$/.exec(file)
  return m ? [m[1]!, m[2] as Format] : undefined
}

const postBody = z.object({
  service_code: z.string().min(1),
  // Form fields are text: plain decimals only (no hex, exponents or empty strings read as 0); JSON may send numbers.
  lat: z.union([z.number().min(-90).max(90), decimalParam(-90, 90, 'lat')]),
  long: z.union([z.number().min(-180).max(180), decimalParam(-180, 180, 'long')]),
  description: z.string().trim().min(1).max(4000),
  phone: z.string().trim().max(32).optional(),
  email: z.string().trim().max(200).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  api_key: z.string().optional(),
})

export const open311Routes = (ctx: UseCaseContext, limits: PublicLimits, counters: RateCounterFactory) => {
  const { store, model, clock } = ctx
  const limiter = rateLimit({ ...limits, clock, counters, scope: 'open311', key: (c) => `open311|${clientIp(c)}` })
  const apiKey = process.env.OPEN311_API_KEY // when set, POST requests must carry it (the spec's api_key)

  async function requestRow(x: Case): Promise<Flat> {
    const units = (await model.places()).unitById
    const category = findDistrictCategory(x.category)
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
          const endpoints = { endpoint: doc.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) }
          return c.body(renderXmlDocument('discovery', { ...doc, endpoints } satisfies Record<string, XmlValue>), 200, XML)
        }
        return c.json(doc)
      }
      if (name === 'services') {
        return respond(
          c,
          format,
          'services',
          'service',
          districtCategories().map((k) => ({ service_code: k.code, service_name: `${k.name} ${k.nameEn}`, description: k.nameEn, metadata: false, type: 'realtime', keywords: k.name, group: groupOf(k.code, k.kind) })),
        )
      }
      if (name === 'requests') {
        const parsedQuery = parseRequestsQuery(c.req.queries(), clock().getTime())
        if (!parsedQuery.success) return fail(c, format, 400, 400, parsedQuery.error)
        const q = parsedQuery.data
        let found: Case[]
        if (q.kind === 'ids') {
          const cases = await Promise.all(q.ids.map((id) => store.case(id)))
          found = cases.filter((x): x is Case => x !== undefined && x.status !== 'merged')
          found.sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt))
        } else {
          // Newest first, so the 1,000 cap drops the oldest: consumers poll this list for what is new.
          found = (await store.cases({ statuses: q.stages, categories: q.serviceCodes, fromMs: q.fromMs, toMs: q.toMs, order: 'newest', limit: MAX_RESULTS })).items
        }
        return respond(c, format, 'service_requests', 'request', await Promise.all(found.map(requestRow)))
      }
      return fail(c, format, 404, 404, `no endpoint ${name}`)
    })
    .get('/open311/v2/:kind/:file', async (c) => {
      const parsed = splitFormat(c.req.param('file'))
      const kind = c.req.param('kind')
      if (!parsed) return fail(c, 'json', 404, 404, 'unknown endpoint; add .json or .xml')
      const [id, format] = parsed
      if (kind === 'services') {
        const category = findDistrictCategory(id)
        if (!category) return fail(c, format, 404, 404, `no service ${id}`)
        // No extra attributes are asked for: category, place and description say all a case needs.
        if (format === 'xml') return c.body(renderXmlDocument('service_definition', { service_code: id, attributes: null }), 200, XML)
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
      let form: unknown
      try {
        form = await c.req.parseBody()
      } catch {
        // A multipart body without a boundary, or cut short, makes the platform's form parser throw: the client's fault.
        return fail(c, format, 400, 400, 'the body is not valid form data; send application/x-www-form-urlencoded (or well-formed multipart/form-data)')
      }
      // The same intake cleaning as every validate()d body: control characters stripped before the schema runs.
      const body = postBody.safeParse(stripControlCharacters(form))
      if (!body.success) return fail(c, format, 400, 400, body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      const b = body.data
      if (apiKey && b.api_key !== apiKey) return fail(c, format, 403, 403, 'a valid api_key is required')
      if (!isDistrictCategory(b.service_code)) return fail(c, format, 400, 400, `unknown service_code ${b.service_code}`)
      // A place far outside (0,0 from a missing fix, swapped lat/long, another city) would be routed to nobody.
      // The spec's refusals are 400/403/404 with { code, description } (it has no 422), so this is a 400 whose
      // description starts with the stable code the problem+json routes use for the same refusal.
      if (!(await isInDistrict(model, [b.long, b.lat]))) {
        return fail(c, format, 400, 400, `outside-district: lat ${b.lat}, long ${b.long} is more than ${DISTRICT_MARGIN_M} m outside the district this service covers`)
      }
      const { created, repeatOf } = await reportIncident(ctx, {
        category: b.service_code,
        coordinates: [b.long, b.lat],
        description: b.description,
        source: 'api',
        phone: b.phone ?? null,
        repeat: 'same-lamp',
        actor: { userId: null, username: 'open311' },
      })
      const id = repeatOf ?? created.id
      return respond(c, format, 'service_requests', 'request', [{ service_request_id: id, service_notice: repeatOf ? '已并入同一路灯的案件 Joined the open case about the same lamp' : null, account_id: null }], 201)
    })
}
