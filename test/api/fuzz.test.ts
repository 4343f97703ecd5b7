// Route-driven fuzzing (issue 10): every route the app registers gets malformed path parameters, query values,
// JSON fields, bodies, content types, multipart uploads and If-Match headers, one at a time on top of a valid
// request. Whatever comes in, the answer is never a 5xx; a 4xx is problem+json with a titled code and the same
// status (Open311's spec-format errors excepted); and a refused write stores nothing. The fields fuzzed are read from
// each route's own zod schemas (validate() keeps them), so a new field is fuzzed without touching this file; a new
// route fails the suite until it has an entry in ROUTES.
//
// Random inputs come from a seeded PRNG: the seed is printed, and FUZZ_SEED=<n> repeats a run.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { binIncidents } from '../../server/analysis/cells.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import type { Role } from '../../server/kernel/permissions.ts'
import { problemTitle } from '../../server/http/problem.ts'
import { describeValidation } from '../../server/http/validate.ts'
import type { Store } from '../../server/store/store.ts'
import { IF_MATCH_VALUES, MALFORMED_JSON_TEXTS, PATH_VALUES, PNG_BYTES, RAW_JSON_NUMBERS, RAW_JSON_TOKEN, createRandom, jsonValues, malformedUploads, photoForm, queryValues, randomText, schemaFields } from './fuzz-inputs.ts'
import { type TestApp, createTestApp, signIn } from './helpers.ts'
import { findControlCharacters, snapshotStore } from './store-snapshot.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_101)
const NOW = new Date('2026-11-01T10:00:00+08:00')
const FUZZ_PASSWORD = 'fuzz-password-2026'
// The public and sign-in limits would turn most probes into 429s; the fuzz app lifts them.
const UNLIMITED = { windowMs: 60_000, max: 1_000_000 }
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

type Who = Role | 'anonymous'

/** Real ids from the store, for path parameters and bodies. */
interface Ids {
  reportedCase: string // a case in state reported: transitions, photos
  mergeableCase: string // an open case of the same category as reportedCase: merged into it
  closedTracking: string // tracking number of a closed case its reporter may rate
  openTracking: string // tracking number of a case that still takes citizens' photos
  lamp: string
  street: string
  incident: string
  measure: string
  guidancePoint: string
  targetUser: string // an account created for the fuzzing, so no signed-in role gets disabled or renamed
  photo: string
  cell: string // an h3-10 cell of the study area
}

interface Fixture {
  app: TestApp
  store: Store
  photoDir: string
  cookie: (who: Who) => Promise<string | undefined>
  ids: Ids
}

/** How to make a valid request to one route; the fuzzing varies one part of it at a time. */
interface RouteSpec {
  who: Who
  params?: (ids: Ids) => Record<string, string>
  query?: (ids: Ids) => Record<string, string>
  json?: (ids: Ids) => Record<string, unknown>
  form?: Record<string, string> // application/x-www-form-urlencoded fields
  photo?: true // a multipart upload in field "photo"
  ifMatch?: (ids: Ids) => string // the path whose ETag the write sends back as If-Match
  open311?: true // errors in the GeoReport v2 format ([{ code, description }]) instead of problem+json
  valuesPerField?: number // sample this many values per field (seeded), for routes that hash a password per request
}

const PERIOD = { from: '2026-08-01', to: '2026-11-01T00:00:00+08:00' }
const BBOX = '104.04,30.65,104.06,30.67'
const POINT = { type: 'Point', coordinates: [104.055, 30.665] }

// Every route of the app, with the role that may call it and a valid request. Keys are `${method} ${path}` exactly
// as app.routes lists them.
const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { who: 'anonymous' },
  'GET /api/meta': { who: 'anonymous' },
  'POST /api/session': { who: 'anonymous', json: () => ({ username: 'fuzz-target', password: FUZZ_PASSWORD }), valuesPerField: 10 },
  'GET /api/session': { who: 'leader' },
  // Anonymous: signing out a role's session would turn every later probe into a 401.
  'DELETE /api/session': { who: 'anonymous' },
  'GET /api/roles': { who: 'anonymous' },
  'GET /api/users': { who: 'admin' },
  'POST /api/users': {
    who: 'admin',
    json: () => ({ username: 'fuzz-new', display_name: '模糊测试', password: FUZZ_PASSWORD, roles: ['planner'], zone_ids: ['001'], unit_id: null }),
    valuesPerField: 10,
  },
  'PATCH /api/users/:id': { who: 'admin', params: (ids) => ({ id: ids.targetUser }), json: () => ({ display_name: '改名的账户' }) },
  'GET /api/audit': { who: 'admin', query: (ids) => ({ entity: 'case', entity_id: ids.reportedCase, limit: '10', before: '100000' }) },
  'GET /api/dark-zones': { who: 'crew', query: () => ({ bbox: BBOX }) },
  'GET /api/dark-zones/ranked': { who: 'crew', query: () => ({ limit: '5', zone: '001' }) },
  'GET /api/coverage': { who: 'crew' },
  'GET /api/coverage/streets': { who: 'crew', query: () => ({ zone: '001' }) },
  'GET /api/lamps/work-list': { who: 'crew', query: () => ({ zone: '001' }) },
  'PATCH /api/lamps/:id': { who: 'admin', params: (ids) => ({ id: ids.lamp }), json: () => ({ status: 'ok' }), ifMatch: (ids) => `/api/lamps/${ids.lamp}` },
  'GET /api/retrofit-plan': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/retrofit-plan.geojson': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/retrofit-plan.csv': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/streets': { who: 'leader', query: () => ({ bbox: BBOX, category: 'commercial' }) },
  'GET /api/streets/:id': { who: 'leader', params: (ids) => ({ id: ids.street }) },
  'GET /api/lamps': { who: 'leader', query: () => ({ bbox: BBOX, status: 'ok' }) },
  'GET /api/lamps/:id': { who: 'leader', params: (ids) => ({ id: ids.lamp }) },
  'GET /api/lamps/:id/history': { who: 'leader', params: (ids) => ({ id: ids.lamp }) },
  'GET /api/zones': { who: 'leader' },
  'GET /api/intersections': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/grid': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/basemap/buildings': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/basemap/water': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/incidents': { who: 'leader', query: () => ({ bbox: BBOX, category: '0501', status: 'closed', ...PERIOD, limit: '100' }) },
  'GET /api/incidents/:id': { who: 'leader', params: (ids) => ({ id: ids.incident }) },
  'GET /api/hotspots': { who: 'leader', query: () => ({ category: '0501', source: 'patrol', ...PERIOD, cell: 'grid-100', band_m: '500', fdr: 'true' }) },
  'GET /api/hotspots/compare': { who: 'leader', query: () => ({ from: '2026-10-01', to: '2026-11-01', before_from: '2026-09-01', before_to: '2026-10-01', cell: 'grid-100', band_m: '500' }) },
  'GET /api/hotspots/intersections': { who: 'leader', query: () => ({ ...PERIOD, radius_m: '50', limit: '5' }) },
  'GET /api/hotspots/cells/:id/incidents': { who: 'leader', params: (ids) => ({ id: ids.cell }), query: () => ({ ...PERIOD, cell: 'h3-10', limit: '5' }) },
  'GET /api/stats/incidents': { who: 'leader', query: () => ({ ...PERIOD, category: '0501', source: 'patrol' }) },
  'PATCH /api/streets/:id': { who: 'planner', params: (ids) => ({ id: ids.street }), json: () => ({ category: 'regulated', reason: '模糊测试的理由', scope: 'way' }) },
  'GET /api/streets/:id/history': { who: 'leader', params: (ids) => ({ id: ids.street }) },
  'POST /api/guidance-points/check': { who: 'planner', json: (ids) => ({ geometry: POINT, id: ids.guidancePoint, capacity: 10, off_street: false }) },
  'GET /api/guidance-points': { who: 'planner', query: () => ({ include_retired: 'true' }) },
  'GET /api/guidance-points/suggestions': { who: 'planner', query: () => ({ ...PERIOD, walk_radius_m: '300', max: '5' }) },
  'POST /api/guidance-points': {
    who: 'planner',
    json: () => ({ name: '模糊疏导点', geometry: POINT, capacity: 10, opening_hours: '18:00-22:00', allowed_goods: '小吃', unit: '城管中队', off_street: false }),
  },
  'PATCH /api/guidance-points/:id': { who: 'planner', params: (ids) => ({ id: ids.guidancePoint }), json: () => ({ name: '改名的疏导点', capacity: 12, version: 1 }) },
  'GET /api/cases': {
    who: 'dispatcher',
    query: () => ({ state: 'reported', category: '0501', unit: 'ENF', zone: '001', overdue: 'true', escalated: 'false', ...PERIOD, limit: '10', offset: '0' }),
  },
  'POST /api/cases': { who: 'inspector', json: () => ({ category: '0104', lon: 104.0585, lat: 30.668, description: '巷子里很脏', source: 'patrol', phone: '13800000000' }) },
  'GET /api/cases/:id': { who: 'dispatcher', params: (ids) => ({ id: ids.reportedCase }) },
  'POST /api/cases/:id/transitions': {
    who: 'dispatcher',
    params: (ids) => ({ id: ids.reportedCase }),
    json: () => ({ action: 'accept', note: '已受理' }),
    ifMatch: (ids) => `/api/cases/${ids.reportedCase}`,
  },
  'POST /api/cases/:id/merge': {
    who: 'dispatcher',
    params: (ids) => ({ id: ids.mergeableCase }),
    json: (ids) => ({ into: ids.reportedCase }),
    ifMatch: (ids) => `/api/cases/${ids.mergeableCase}`,
  },
  'POST /api/cases/:id/photos': { who: 'dispatcher', params: (ids) => ({ id: ids.reportedCase }), photo: true },
  'GET /api/photos/:id': { who: 'dispatcher', params: (ids) => ({ id: ids.photo }) },
  'GET /api/reports/similar': { who: 'anonymous', query: () => ({ category: '0501', lon: '104.0502', lat: '30.6602' }) },
  'POST /api/reports': { who: 'anonymous', json: () => ({ category: '0104', lon: 104.0585, lat: 30.668, description: '小通巷路面很脏', phone: '13800000000' }) },
  'GET /api/reports/:tracking': { who: 'anonymous', params: (ids) => ({ tracking: ids.openTracking }) },
  'POST /api/reports/:tracking/rating': { who: 'anonymous', params: (ids) => ({ tracking: ids.closedTracking }), json: () => ({ stars: 4, comment: '处理得很快' }) },
  'POST /api/reports/:tracking/photos': { who: 'anonymous', params: (ids) => ({ tracking: ids.openTracking }), photo: true },
  'GET /api/kpis': { who: 'leader', query: () => ({ ...PERIOD, group: 'zone', format: 'csv' }) },
  'GET /api/kpis/league': { who: 'leader', query: () => ({ ...PERIOD }) },
  'GET /api/cases-overview': { who: 'leader' },
  'GET /api/measures': { who: 'leader' },
  'POST /api/measures': {
    who: 'leader',
    json: () => ({ area: 'sanitation', title: '背街小巷保洁', description: '每日两扫', unit_id: 'SAN', person: '陈处长', deadline: '2026-12-31' }),
  },
  'PATCH /api/measures/:id': { who: 'leader', params: (ids) => ({ id: ids.measure }), json: () => ({ progress: 50, note: '已完成一半', deadline: '2026-12-30' }) },
  'GET /api/open311/v2/:file': {
    who: 'anonymous',
    open311: true,
    params: () => ({ file: 'requests.json' }),
    query: () => ({ start_date: '2026-09-01T00:00:00+08:00', end_date: '2026-11-01T00:00:00+08:00', status: 'open', service_code: '0501' }),
  },
  'GET /api/open311/v2/:kind/:file': { who: 'anonymous', open311: true, params: (ids) => ({ kind: 'requests', file: `${ids.reportedCase}.json` }) },
  'POST /api/open311/v2/:file': {
    who: 'anonymous',
    open311: true,
    params: () => ({ file: 'requests.json' }),
    form: { service_code: '0104', lat: '30.6681', long: '104.0586', description: '巷子里很脏', phone: '13800000000' },
  },
}

// ---------------------------------------------------------------------------------------------------------------

// Hashing costs ~0.1 s by design (argon2); one hash serves every fixture.
let passwordHash: Promise<string> | undefined
const fuzzPasswordHash = () => (passwordHash ??= hashPassword(FUZZ_PASSWORD))

async function createFixture(): Promise<Fixture> {
  const photoDir = mkdtempSync(join(tmpdir(), 'gridwatch-fuzz-photos-'))
  const { app, store } = await createTestApp({ clock: () => NOW, photoDir, publicReportLimit: UNLIMITED, publicReadLimit: UNLIMITED, signInLimit: UNLIMITED })
  const system = { userId: null, username: 'fuzz-setup' }
  const cases = (await store.cases({ includeMerged: true, limit: 1000 })).items
  const reported = cases.find((x) => x.status === 'reported' && x.category === '0501')
  const closed = cases.find((x) => x.status === 'closed' && x.repeatOf === null && x.rating === null)
  if (!reported || !closed) throw new Error('the tiny district has no reported 0501 case or no closed case')
  // A second open case of the same category, a few metres away, to merge into the first.
  const mergeable = await store.createReport(
    { category: reported.category, coordinates: [reported.coordinates[0] + 0.0001, reported.coordinates[1]], description: '同一个问题', source: 'patrol', phone: null, zoneId: reported.zoneId, unitId: reported.unitId, lampId: null, streetId: null, deadlineMs: reported.deadlineMs },
    system,
    NOW,
  )
  const point = await store.createGuidancePoint({ name: '模糊测试点', geometry: { type: 'Point', coordinates: [104.055, 30.665] }, capacity: 10, openingHours: '', allowedGoods: '', unit: '城管中队', offStreet: false }, system, NOW)
  const target = await store.createUser({ username: 'fuzz-target', displayName: '模糊测试目标', passwordHash: await fuzzPasswordHash(), roles: ['planner'] }, system)
  const photoId = '00000000-0000-4000-8000-000000000001'
  writeFileSync(join(photoDir, photoId), PNG_BYTES)
  await store.addPhoto({ id: photoId, caseId: reported.id, stage: 'report', contentType: 'image/png', bytes: 1, uploadedAt: NOW.toISOString(), uploadedBy: 'fuzz-setup' }, system)
  const { bounds } = await store.info()
  if (!bounds) throw new Error('the store has no bounds')
  const lattice = binIncidents([], bounds, { kind: 'h3', resolution: 10 })
  const [lamp] = await store.lamps({})
  const [street] = await store.streets({})
  const [measure] = await store.measures()
  const incident = (await store.incidents({ limit: 1 })).items[0]
  if (!lamp || !street || !measure || !incident || lattice.ids.length === 0) throw new Error('the tiny district lacks a lamp, street, measure, incident or cell')
  const ids: Ids = {
    reportedCase: reported.id,
    mergeableCase: mergeable.id,
    closedTracking: closed.trackingNumber,
    openTracking: reported.trackingNumber,
    lamp: lamp.id,
    street: street.id,
    incident: incident.id,
    measure: measure.id,
    guidancePoint: point.id,
    targetUser: target.id,
    photo: photoId,
    cell: lattice.ids[0]!,
  }
  const cookies = new Map<Who, Promise<string>>()
  const cookie = async (who: Who) => (who === 'anonymous' ? undefined : await (cookies.get(who) ?? cookies.set(who, signIn(app, who)).get(who)))
  return { app, store, photoDir, cookie, ids }
}

interface Probe {
  label: string
  path: string // with path parameters filled in
  query: [string, string][]
  rawQuery?: string // sent as is, for percent-encoding no encoder would produce
  headers: Record<string, string>
  body?: BodyInit
  ifMatch?: string | null // null: send none; undefined: the resource's current ETag (for routes that need one)
  cookie?: string // instead of the role's session cookie
}

/** Sampled `values` when `n` is given, all of them otherwise. */
function sample<T>(values: T[], n: number | undefined, random: () => number): T[] {
  if (n === undefined || n >= values.length) return values
  const pool = [...values]
  const picked: T[] = []
  while (picked.length < n) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
  return picked
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z_]+)/g, (_, name: string) => params[name] ?? `missing-${name}`)
}

const jsonBody = (body: unknown): Pick<Probe, 'headers' | 'body'> => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The validations a route runs, by target, from the validate() middlewares app.routes holds. */
function routeSchemas(app: TestApp, method: string, path: string) {
  const infos = app.routes.filter((r) => r.method === method && r.path === path).flatMap((r) => describeValidation(r.handler) ?? [])
  return (target: string) => [...new Set(infos.filter((i) => i.target === target).flatMap((i) => schemaFields(i.schema)))]
}

/** The valid request and every malformed variant of it. */
function buildProbes(app: TestApp, method: string, template: string, spec: RouteSpec, ids: Ids, random: () => number): Probe[] {
  const params = spec.params?.(ids) ?? {}
  const baseQuery = spec.query?.(ids) ?? {}
  const baseJson = spec.json?.(ids)
  const fieldsOf = routeSchemas(app, method, template)
  const valid = (): Pick<Probe, 'headers' | 'body'> => {
    if (baseJson) return jsonBody(baseJson)
    if (spec.form) return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(spec.form).toString() }
    if (spec.photo) return { headers: {}, body: photoForm() }
    return { headers: {} }
  }
  const base = (label: string, change: Partial<Probe> = {}): Probe => ({ label, path: fillPath(template, params), query: Object.entries(baseQuery), ...valid(), ...change })
  const probes: Probe[] = [base('valid request')]

  for (const name of Object.keys(params)) {
    for (const value of PATH_VALUES) probes.push(base(`path ${name}=${value.slice(0, 20)}`, { path: fillPath(template, { ...params, [name]: value }) }))
  }

  const queryFields = [...new Set([...fieldsOf('query'), ...Object.keys(baseQuery)])]
  for (const field of queryFields) {
    const rest = Object.entries(baseQuery).filter(([k]) => k !== field)
    for (const value of sample(queryValues(random), spec.valuesPerField, random)) probes.push(base(`query ${field}=${JSON.stringify(value.slice(0, 20))}`, { query: [...rest, [field, value]] }))
    probes.push(base(`query ${field} twice`, { query: [...rest, [field, baseQuery[field] ?? '1'], [field, baseQuery[field] ?? '2']] }))
    if (field in baseQuery) probes.push(base(`query without ${field}`, { query: rest }))
  }
  probes.push(base('unknown query parameter', { query: [...Object.entries(baseQuery), ['zzz', '1']] }))
  probes.push(base('random query', { query: [[randomText(random, 4), randomText(random, 8)]] }))
  probes.push(base('malformed percent-encoding', { query: [], rawQuery: '%=%&a=%ZZ&%FF=1&b=%E0%A4%A' }))
  for (const cookie of ['gw_session=%E0%A4%A', `gw_session=${'a'.repeat(5000)}`, 'gw_session="x; gw_session=y']) probes.push(base(`cookie ${cookie.slice(0, 24)}`, { cookie }))

  if (baseJson || fieldsOf('json').length > 0) {
    const body = baseJson ?? {}
    for (const field of [...new Set([...fieldsOf('json'), ...Object.keys(body)])]) {
      for (const value of sample(jsonValues(random), spec.valuesPerField, random)) probes.push(base(`json ${field}=${JSON.stringify(value)?.slice(0, 24)}`, jsonBody({ ...body, [field]: value })))
      for (const token of sample(RAW_JSON_NUMBERS, spec.valuesPerField === undefined ? undefined : 2, random)) {
        probes.push(base(`json ${field}=${token}`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, [field]: '__fuzz_raw__' }).replace(RAW_JSON_TOKEN, token) }))
      }
      if (field in body) probes.push(base(`json without ${field}`, jsonBody(Object.fromEntries(Object.entries(body).filter(([k]) => k !== field)))))
    }
    probes.push(base('json unknown field', jsonBody({ ...body, zzz: 1 })))
    for (const text of MALFORMED_JSON_TEXTS) probes.push(base(`json text ${JSON.stringify(text.slice(0, 16))}`, { headers: { 'content-type': 'application/json' }, body: text }))
    probes.push(base('json as text/plain', { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) }))
    probes.push(base('json without content-type', { headers: {}, body: JSON.stringify(body) }))
    probes.push(base('json content-type, no body', { headers: { 'content-type': 'application/json' }, body: undefined }))
    probes.push(base('json as a form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ a: '1' }).toString() }))
    probes.push(base('json content-type with charset and junk', { headers: { 'content-type': 'application/json; charset=utf-16; x=' }, body: JSON.stringify(body) }))
    probes.push(base('json over 1 MiB', jsonBody({ ...body, zzz: 'x'.repeat(1024 * 1024 + 1) })))
  }

  if (spec.form || fieldsOf('form').length > 0) {
    const form = spec.form ?? {}
    for (const field of [...new Set([...fieldsOf('form'), ...Object.keys(form)])]) {
      for (const value of queryValues(random)) probes.push(base(`form ${field}=${JSON.stringify(value.slice(0, 20))}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form, [field]: value }).toString() }))
    }
    for (const upload of malformedUploads()) probes.push(base(`form: ${upload.label}`, { headers: upload.headers, body: upload.body }))
    probes.push(base('form as JSON', jsonBody(form)))
  }

  if (spec.photo) {
    for (const upload of malformedUploads()) probes.push(base(`upload: ${upload.label}`, { headers: upload.headers, body: upload.body }))
    probes.push(base('upload of 6 MB', { headers: {}, body: photoForm('photo', new Uint8Array(6_000_000)) }))
  }

  if (WRITE_METHODS.has(method) && !baseJson && !spec.form && !spec.photo) {
    probes.push(base('unexpected JSON body', jsonBody({ zzz: 1 })))
    probes.push(base('unexpected garbage body', { headers: { 'content-type': 'application/octet-stream' }, body: randomText(random, 64) }))
  }

  if (spec.ifMatch) {
    probes.push(base('no If-Match', { ifMatch: null }))
    for (const value of IF_MATCH_VALUES) probes.push(base(`If-Match ${JSON.stringify(value)}`, { ifMatch: value }))
  }
  return probes
}

/** What is wrong with this response, if anything. */
async function checkResponse(res: Response, spec: RouteSpec): Promise<string | undefined> {
  const text = await res.text()
  if (res.status >= 500) return `${res.status} ${text.slice(0, 300)}`
  if (res.status < 400) return undefined
  const type = res.headers.get('content-type') ?? ''
  if (type.startsWith('application/problem+json')) {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return `problem+json that is not JSON: ${text.slice(0, 200)}`
    }
    if (typeof body !== 'object' || body === null) return `problem body is not an object: ${text.slice(0, 200)}`
    const { code, title, status, detail, type: problemType } = body as Record<string, unknown>
    if (typeof code !== 'string' || code.length === 0) return `problem without a code: ${text.slice(0, 200)}`
    if (typeof title !== 'string' || title === 'Error' || problemTitle(code) === undefined) return `problem code ${code} has no title in TITLES`
    if (status !== res.status) return `problem status ${String(status)} ≠ HTTP ${res.status}`
    if (typeof detail !== 'string' || typeof problemType !== 'string') return `problem without detail or type: ${text.slice(0, 200)}`
    return undefined
  }
  // GeoReport v2 answers errors as [{ code, description }] in JSON or XML, as its clients expect.
  if (spec.open311 && type.startsWith('application/json')) {
    const body: unknown = JSON.parse(text)
    const first: unknown = Array.isArray(body) ? body[0] : undefined
    const ok = typeof first === 'object' && first !== null && 'code' in first && first.code === res.status && 'description' in first
    return ok ? undefined : `Open311 error not [{ code: ${res.status}, description }]: ${text.slice(0, 200)}`
  }
  if (spec.open311 && type.startsWith('text/xml')) return text.includes(`<code>${res.status}</code>`) ? undefined : `Open311 XML error without <code>${res.status}</code>`
  return `${res.status} with content-type ${type || 'none'}: ${text.slice(0, 200)}`
}

const stats = { requests: 0, startedMs: performance.now() }

async function fuzzRoute(key: string, spec: RouteSpec): Promise<{ failures: string[]; requests: number }> {
  const [method, template] = key.split(' ') as [string, string]
  const f = await createFixture()
  const random = createRandom(SEED ^ [...key].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7))
  const probes = buildProbes(f.app, method, template, spec, f.ids, random)
  const cookie = await f.cookie(spec.who)
  const isWrite = WRITE_METHODS.has(method)
  const failures: string[] = []
  const before = await snapshotStore(f.store, f.photoDir)
  let current = before
  for (const probe of probes) {
    const query = probe.rawQuery ?? new URLSearchParams(probe.query).toString()
    const url = query.length > 0 ? `${probe.path}?${query}` : probe.path
    const sent = probe.cookie ?? cookie
    const headers: Record<string, string> = { ...probe.headers, ...(sent ? { cookie: sent } : {}) }
    if (spec.ifMatch && probe.ifMatch !== null) {
      const etag = probe.ifMatch ?? (await f.app.request(spec.ifMatch(f.ids), { headers: cookie ? { cookie } : {} })).headers.get('etag')
      if (etag !== null) headers['if-match'] = etag
    }
    const res = await f.app.request(url, { method, headers, body: probe.body })
    stats.requests++
    const where = `${key} [${probe.label}]`
    const problem = await checkResponse(res.clone(), spec)
    if (problem) failures.push(`${where}: ${problem}`)
    // Every variant changes one part of this request, so it must itself succeed: otherwise the variants would only
    // exercise the refusal of whatever makes it fail.
    if (probe.label === 'valid request' && (res.status < 200 || res.status > 299)) failures.push(`${where}: the valid request got ${res.status}: ${(await res.clone().text()).slice(0, 200)}`)
    if (isWrite) {
      const after = await snapshotStore(f.store, f.photoDir)
      if (res.status >= 400 && after.hash !== current.hash) failures.push(`${where}: refused with ${res.status} but the store changed`)
      current = after
    }
  }
  if (!isWrite) {
    const after = await snapshotStore(f.store, f.photoDir)
    if (after.hash !== before.hash) failures.push(`${key}: a read changed the store`)
  }
  for (const path of findControlCharacters(current.rows)) failures.push(`${key}: stored a control character at ${path}`)
  return { failures, requests: probes.length }
}

// ---------------------------------------------------------------------------------------------------------------

describe(`route fuzzing (seed ${SEED}; FUZZ_SEED=<n> to change)`, () => {
  afterAll(() => {
    console.log(`[fuzz] seed ${SEED}: ${stats.requests} requests in ${((performance.now() - stats.startedMs) / 1000).toFixed(1)} s`)
  })

  test('every registered route has an entry in the fuzz table, and every entry is a registered route', async () => {
    const { app } = await createTestApp()
    const registered = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort()
    expect(registered.filter((r) => !(r in ROUTES)), 'routes missing from ROUTES in fuzz.test.ts').toEqual([])
    expect(Object.keys(ROUTES).filter((r) => !registered.includes(r)), 'ROUTES entries that are no longer routes').toEqual([])
    // Catch-alls are middleware ('/*', '/api/*') or the API's 404; any other would be a route this table misses.
    expect([...new Set(app.routes.filter((r) => r.method === 'ALL').map((r) => r.path))].sort()).toEqual(['/*', '/api/*'])
  })

  test.each(Object.keys(ROUTES))('%s: malformed input is refused as problem+json and stores nothing', async (key) => {
    const { failures, requests } = await fuzzRoute(key, ROUTES[key]!)
    expect(requests).toBeGreaterThan(0)
    expect(failures.slice(0, 40), `${failures.length} failure(s), seed ${SEED}`).toEqual([])
  }, 120_000)

  test('every method on an unknown API path is a 404 problem, even behind the web app\'s fallback', async () => {
    const { app } = await createTestApp()
    // What server/main.ts adds after the API when a web build exists: index.html for every other GET.
    app.get('*', (c) => c.html('<!doctype html><title>Gridwatch</title>'))
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      for (const path of ['/api/does-not-exist', '/api/streets/%2e%2e', '/api/lamps/%2e%2e/x', '/api', '/api/', '/api/cases/x/y/z', '/api/%00']) {
        const res = await app.request(path, { method })
        stats.requests++
        expect(res.status, `${method} ${path}`).toBe(404)
        expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/)
        expect(((await res.json()) as { code: string }).code).toBe('not-found')
      }
    }
  })

  test('every problem code the server can raise has a title', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url))
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts') && !p.endsWith('.test.ts'))
    const codes = new Set<string>()
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8')
      for (const m of text.matchAll(/(?:ProblemError|HotspotRefusalError)\(\s*(?:\d+,\s*)?'([a-z0-9-]+)'/g)) codes.add(m[1]!)
    }
    expect(codes.size).toBeGreaterThan(10)
    expect([...codes].filter((code) => problemTitle(code) === undefined)).toEqual([])
  })
})

describe('the malformed inputs of issue 10', () => {
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  async function expectProblem(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(((await res.json()) as { code: string }).code).toBe(code)
  }

  test('a multipart upload without a boundary or with a garbled body is 400 invalid-body', async () => {
    const f = await createFixture()
    const dispatcher = await f.cookie('dispatcher')
    for (const [path, cookie] of [[`/api/cases/${f.ids.reportedCase}/photos`, dispatcher], [`/api/reports/${f.ids.openTracking}/photos`, undefined]] as const) {
      for (const [contentType, body] of [['multipart/form-data', 'xx'], ['multipart/form-data; boundary=abc', '--abc\r\ngarbage']] as const) {
        await expectProblem(await f.app.request(path, { method: 'POST', headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) }, body }), 400, 'invalid-body')
      }
    }
    expect(readdirSync(f.photoDir)).toHaveLength(1) // the fixture's own photo only
  })

  test('a 6 MB photo is 413 too-large', async () => {
    const f = await createFixture()
    await expectProblem(await f.app.request(`/api/reports/${f.ids.openTracking}/photos`, { method: 'POST', body: photoForm('photo', new Uint8Array(6_000_000)) }), 413, 'too-large')
  })

  test.each([
    ['an offset past 2^53', '/api/cases?offset=99999999999999999999'],
    ['30 February', '/api/cases?from=2024-02-30'],
    ['hour 24', '/api/incidents?to=2026-01-01T24:00:00Z'],
    ['a hex bbox', '/api/streets?bbox=0x10,0,20,10'],
    ['an exponent bbox', '/api/streets?bbox=1e2,0,2e2,10'],
    ['an exponent longitude', '/api/reports/similar?category=0501&lon=1.04e2&lat=30.66'],
    ['an empty latitude', '/api/reports/similar?category=0501&lon=104.05&lat='],
    ['a hex walking radius', '/api/guidance-points/suggestions?walk_radius_m=0x100'],
    ['an audit cursor past 2^53', '/api/audit?before=99999999999999999999'],
  ])('%s in a query is 400 invalid-query', async (_, path) => {
    const { app } = await createTestApp({ clock: () => NOW })
    await expectProblem(await app.request(path, { headers: { cookie: await signIn(app, 'admin') } }), 400, 'invalid-query')
  })

  test('a measure deadline that does not exist is refused and nothing is stored', async () => {
    const f = await createFixture()
    const leader = (await f.cookie('leader'))!
    const before = await snapshotStore(f.store, f.photoDir)
    const measure = { area: 'sanitation', title: '背街小巷保洁', unit_id: 'SAN', person: '陈处长', deadline: '2026-02-31' }
    await expectProblem(await f.app.request('/api/measures', json('POST', measure, { cookie: leader })), 400, 'invalid-body')
    await expectProblem(await f.app.request(`/api/measures/${f.ids.measure}`, json('PATCH', { deadline: '2026-04-31' }, { cookie: leader })), 400, 'invalid-body')
    expect((await snapshotStore(f.store, f.photoDir)).hash).toBe(before.hash)
    expect((await f.app.request('/api/measures', json('POST', { ...measure, deadline: '2028-02-29' }, { cookie: leader }))).status).toBe(201)
  })

  test('If-Match with an unbalanced quote is 400 invalid-header and the case stays as it was', async () => {
    const f = await createFixture()
    const dispatcher = (await f.cookie('dispatcher'))!
    const before = await snapshotStore(f.store, f.photoDir)
    for (const ifMatch of ['"1', '1"', 'W/"1']) {
      await expectProblem(await f.app.request(`/api/cases/${f.ids.reportedCase}/transitions`, json('POST', { action: 'accept' }, { cookie: dispatcher, 'if-match': ifMatch })), 400, 'invalid-header')
    }
    expect((await snapshotStore(f.store, f.photoDir)).hash).toBe(before.hash)
  })

  test('a citizen\'s report is stored without its control characters', async () => {
    const f = await createFixture()
    const res = await f.app.request('/api/reports', json('POST', { category: '0104', lon: 104.0585, lat: 30.668, description: '路面\u0000很脏\u0007\u001b[31m\n第二行', phone: '138\u00000000\u00000000' }))
    expect(res.status, await res.clone().text()).toBe(201)
    const { case_id } = (await res.json()) as { case_id: string }
    const stored = await f.store.case(case_id)
    expect(stored?.description).toBe('路面很脏[31m\n第二行')
    expect(stored?.phone).toBe('13800000000')
  })
})
