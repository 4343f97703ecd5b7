// The probes of the fuzz suite: from a route's valid request (fuzz-routes.ts), every variant with one part malformed —
// path parameters, query values, JSON fields and texts, form fields, uploads, cookies, If-Match — and the check
// every answer must pass.
import { problemTitle } from '../../server/http/problem.ts'
import { describeValidation } from '../../server/http/validate.ts'
import { IF_MATCH_VALUES, MALFORMED_JSON_TEXTS, PATH_VALUES, RAW_JSON_NUMBERS, RAW_JSON_TOKEN, jsonValues, malformedUploads, photoForm, queryValues, randomText, schemaFields } from './fuzz-inputs.ts'
import type { Ids, RouteSpec } from './fuzz-routes.ts'
import type { TestApp } from './helpers.ts'

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface Probe {
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
export function buildProbes(app: TestApp, method: string, template: string, spec: RouteSpec, ids: Ids, random: () => number): Probe[] {
  const params = spec.params?.(ids) ?? {}
  const baseQuery = spec.query?.(ids) ?? {}
  const baseJson = spec.json?.(ids)
  const fieldsOf = routeSchemas(app, method, template)
  const valid = (): Pick<Probe, 'headers' | 'body'> => {
    if (baseJson) return jsonBody(baseJson)
    if (spec.form) return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(spec.form).toString() }
    if (spec.photo) return { headers: {}, body: photoForm() }
    if (spec.raw) return { headers: { 'content-type': spec.raw.contentType }, body: spec.raw.body }
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

  if (spec.raw) {
    probes.push(base('raw body of another type', { headers: { 'content-type': 'text/plain' }, body: spec.raw.body }))
    probes.push(base('raw body empty', { headers: { 'content-type': spec.raw.contentType }, body: '' }))
    probes.push(base('raw body without content-type', { headers: {}, body: spec.raw.body }))
    probes.push(base('raw body of garbage', { headers: { 'content-type': spec.raw.contentType }, body: randomText(random, 64) }))
  }

  if (WRITE_METHODS.has(method) && !baseJson && !spec.form && !spec.photo && !spec.raw) {
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
export async function checkResponse(res: Response, spec: RouteSpec): Promise<string | undefined> {
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
