// The API reference: /api/openapi.json is generated from the routes the app registers and the zod schemas they
// validate with, so a route added without being documented, or a schema the document misstates, fails here; and
// /api/docs is a browsable page that loads nothing from outside the server (the intranet has no internet).
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { ROUTE_CATALOGUE } from '../../server/http/openapi-catalogue.ts'
import { recordGuard } from '../../server/http/openapi-guards.ts'
import { generateApiDocument, problemSchema } from '../../server/http/openapi.ts'
import { onError } from '../../server/http/problem.ts'
import { describeValidation, validate } from '../../server/http/validate.ts'
import { INCIDENT_CATEGORIES } from '../../server/kernel/categories.ts'
import { PERMISSIONS, ROLES } from '../../server/kernel/permissions.ts'
import { PROBLEM_CODES } from '../../server/kernel/problems.ts'
import { LAMP_STATUSES } from '../../server/kernel/statuses.ts'
import { browserUnavailableReason, launchBrowser, SCREENSHOT_DIR } from '../e2e/harness.ts'
import { type TestApp, createTestApp, signIn } from './helpers.ts'
import { ZONE_ID_PATTERN } from '../../server/kernel/record-ids.ts'

// The reference's own routes, which document the API and are not part of it.
const REFERENCE_ROUTES = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/:asset'])

interface JsonSchema {
  type?: string
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  required?: string[]
  properties?: Record<string, JsonSchema>
  additionalProperties?: unknown
  allOf?: JsonSchema[]
  $ref?: string
}
interface Parameter {
  in: string
  name: string
  required?: boolean
  schema: JsonSchema
}
interface MediaType {
  schema?: JsonSchema
}
interface Operation {
  summary?: string
  tags?: string[]
  parameters?: Parameter[]
  requestBody?: { content: Record<string, MediaType> }
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>
  security?: Record<string, string[]>[]
}
interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, { type: string; in: string; name: string }> }
}

// Written here rather than imported from openapi.ts, so a mistake there cannot hide one here.
const openApiPathOf = (honoPath: string) => honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')

/** Every 'METHOD /path' the app answers, from Hono's own route table: middleware (`.use`, ALL) and the reference left out. */
const registeredRoutes = (app: TestApp) =>
  [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter((key) => !REFERENCE_ROUTES.has(key))

async function fetchDocument(app: TestApp): Promise<OpenApiDocument> {
  const res = await app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as OpenApiDocument
}

function operationOf(doc: OpenApiDocument, method: string, path: string): Operation {
  const operation = doc.paths[path]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${method} ${path} is not in the document`)
  return operation
}

const parameterOf = (operation: Operation, where: string, name: string) => operation.parameters?.find((p) => p.in === where && p.name === name)

describe('GET /api/openapi.json', () => {
  test('is an OpenAPI 3.1 document titled and versioned', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    expect(doc.openapi.startsWith('3.1')).toBe(true)
    expect(doc.info).toMatchObject({ title: 'Gridwatch API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
  })

  test('documents every route the app registers, and nothing else', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const routes = registeredRoutes(app)
    expect(routes.length).toBeGreaterThan(40)
    const missing = routes.filter((key) => {
      const [method = '', path = ''] = key.split(' ')
      return doc.paths[openApiPathOf(path)]?.[method.toLowerCase()] === undefined
    })
    expect(missing, 'routes the document leaves out').toEqual([])
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    expect(documented.sort()).toEqual(routes.map((key) => openApiPathOf(key)).sort())
  })

  test('gives every operation a catalogue summary and tag, and the catalogue no route that is gone', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const routes = registeredRoutes(app)
    expect(routes.filter((key) => ROUTE_CATALOGUE[key] === undefined), 'routes without a catalogue entry (server/http/openapi-catalogue.ts)').toEqual([])
    expect(Object.keys(ROUTE_CATALOGUE).filter((key) => !routes.includes(key)), 'catalogue entries without a route').toEqual([])
    for (const key of routes) {
      const [method = '', path = ''] = key.split(' ')
      const operation = operationOf(doc, method, openApiPathOf(path))
      expect(operation.summary, key).toBe(ROUTE_CATALOGUE[key]?.summary)
      expect(operation.tags, key).toEqual([ROUTE_CATALOGUE[key]?.tag])
    }
  })

  test('renders the JSON body of PATCH /api/lamps/{id} from its zod schema', async () => {
    const { app } = await createTestApp()
    const body = operationOf(await fetchDocument(app), 'PATCH', '/api/lamps/{id}').requestBody?.content['application/json']?.schema
    expect(body?.properties?.status?.enum).toEqual([...LAMP_STATUSES])
    expect(body?.required).toEqual(['status'])
    expect(body?.additionalProperties).toBe(false) // z.strictObject: unknown fields are refused, and the document says so
  })

  test('renders path parameters with their constraints', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    expect(parameterOf(operationOf(doc, 'PATCH', '/api/lamps/{id}'), 'path', 'id')).toMatchObject({ required: true, schema: { type: 'string', minLength: 1, maxLength: 64 } })
    expect(parameterOf(operationOf(doc, 'GET', '/api/reports/{tracking}'), 'path', 'tracking')?.schema.pattern).toBe('^GW\\d{6}[A-Z2-9]{6}$')
    // A route that reads its path itself (no validate('param')) still documents the parameter.
    expect(parameterOf(operationOf(doc, 'GET', '/api/open311/v2/{file}'), 'path', 'file')).toMatchObject({ required: true })
  })

  test('renders query parameters with their constraints and whether they are required', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const similar = operationOf(doc, 'GET', '/api/reports/similar')
    expect(parameterOf(similar, 'query', 'category')).toMatchObject({ required: true })
    // a district's own categories count too, so the list is checked when asked, not fixed in the document
    expect(parameterOf(similar, 'query', 'category')?.schema).toMatchObject({ type: 'string' })
    expect(parameterOf(operationOf(doc, 'GET', '/api/lamps/work-list'), 'query', 'zone')).toMatchObject({ schema: { pattern: ZONE_ID_PATTERN.source } })
    expect(parameterOf(operationOf(doc, 'GET', '/api/lamps/work-list'), 'query', 'zone')?.required).toBeUndefined()
    expect(parameterOf(operationOf(doc, 'GET', '/api/hotspots'), 'query', 'cell')?.schema.enum).toContain('h3-10')
  })

  test('lists every field each validate() middleware checks', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const unlisted: string[] = []
    for (const route of app.routes) {
      const validation = describeValidation(route.handler)
      if (!validation) continue
      const operation = operationOf(doc, route.method, openApiPathOf(route.path))
      const fields = validation.schema instanceof z.ZodObject ? Object.keys(validation.schema.shape) : []
      if (validation.target === 'json') {
        const body = operation.requestBody?.content['application/json']?.schema
        if (!body) unlisted.push(`${route.method} ${route.path}: json body`)
        for (const field of fields) if (!body?.properties?.[field]) unlisted.push(`${route.method} ${route.path}: json ${field}`)
      } else {
        const where = validation.target === 'param' ? 'path' : validation.target
        for (const field of fields) if (!parameterOf(operation, where, field)) unlisted.push(`${route.method} ${route.path}: ${where} ${field}`)
      }
    }
    expect(unlisted).toEqual([])
  })

  test('describes every error as problem+json, with the codes of the checks the route runs', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    expect(doc.components.schemas.Problem?.properties?.code?.enum).toEqual([...PROBLEM_CODES])
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!/^4\d\d$|^default$/.test(status)) continue
          if (path.startsWith('/api/open311/') && (status === '400' || status === '404')) continue // GeoReport v2's own error format
          const schema = response.content?.['application/problem+json']?.schema
          expect(schema?.$ref ?? schema?.allOf?.[0]?.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Problem')
        }
      }
    }
    const workList = operationOf(doc, 'GET', '/api/lamps/work-list').responses['400']?.content?.['application/problem+json']?.schema
    expect(workList?.allOf?.[1]?.properties?.code?.enum).toEqual(['invalid-query'])
    const lampPatch = operationOf(doc, 'PATCH', '/api/lamps/{id}').responses
    expect(lampPatch['400']?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum).toEqual(['invalid-body', 'invalid-param'])
    expect(Object.keys(lampPatch)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '413', 'default']))
    expect(Object.keys(operationOf(doc, 'POST', '/api/cases').responses)).toContain('201')
  })

  test('a real 400 matches the documented problem schema and one of the documented codes', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const res = await app.request('/api/streets?bbox=north-of-here')
    expect(res.status).toBe(400)
    const problem = problemSchema.parse(await res.json())
    const documented = operationOf(doc, 'GET', '/api/streets').responses['400']?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum
    expect(documented).toContain(problem.code)
    expect(problem.errors?.[0]?.path).toBe('bbox')
  })

  test('names the session cookie as the security scheme', async () => {
    const { app } = await createTestApp()
    expect((await fetchDocument(app)).components.securitySchemes.session).toEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'gw_session' }))
  })

  test('is not a route of its own document', async () => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api/docs') || path === '/api/openapi.json')).toEqual([])
  })
})

describe('security from recorded guards', () => {
  // A small app: the real auth guards record themselves once auth.ts wraps them in recordGuard(), which is checked
  // against the real app's behaviour below.
  const createGuardedApp = () => {
    // One function per guard, as requireUser()/requirePermission() make: the record is kept per function.
    const pass = () => async (_c: unknown, next: () => Promise<void>) => next()
    const app = new Hono()
      .get('/open', (c) => c.text('ok'))
      .get('/signed-in', recordGuard({}, pass()), (c) => c.text('ok'))
      .patch('/lamps/:id', recordGuard({ permission: 'changeLampStatus' }, pass()), validate('param', z.object({ id: z.string().max(64) })), (c) => c.text('ok'))
    app.onError(onError)
    return app
  }

  test('a permission guard lists its roles and adds 401 and 403; a user guard lists none', async () => {
    const doc = (await generateApiDocument(createGuardedApp())) as unknown as OpenApiDocument
    const patch = operationOf(doc, 'PATCH', '/lamps/{id}')
    expect(patch.security).toEqual([{ session: [...PERMISSIONS.changeLampStatus] }])
    expect(patch.responses['401']?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum).toEqual(['unauthenticated'])
    expect(patch.responses['403']?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum).toEqual(['forbidden', 'csrf'])
    const signedIn = operationOf(doc, 'GET', '/signed-in')
    expect(signedIn.security).toEqual([{ session: [] }])
    expect(Object.keys(signedIn.responses)).toEqual(['200', '401', 'default'])
    expect(operationOf(doc, 'GET', '/open').security).toBeUndefined()
  })

  test('an app with no validators or guards still gets every route, with a success response', async () => {
    const doc = (await generateApiDocument(new Hono().get('/a', (c) => c.text('a')).post('/b/:id', (c) => c.text('b')))) as unknown as OpenApiDocument
    expect(Object.keys(doc.paths).sort()).toEqual(['/a', '/b/{id}'])
    expect(operationOf(doc, 'POST', '/b/{id}').parameters).toEqual([expect.objectContaining({ in: 'path', name: 'id', required: true })])
  })
})

describe('documented security matches what the guards do', () => {
  test('every documented guard refuses an anonymous request with 401, and a role it does not list with 403', async (ctx) => {
    const { app } = await createTestApp()
    const doc = await fetchDocument(app)
    const guarded = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).flatMap(([method, op]) => (op.security ? [{ method, path, roles: op.security[0]?.session ?? [] }] : [])))
    expect(guarded.length, 'requireUser/requirePermission record what they guard').toBeGreaterThan(0)
    const cookies = new Map<string, string>()
    for (const { method, path, roles } of guarded) {
      const url = path.replace(/\{[^}]+\}/g, 'x') // guards run before any validation, so placeholders do
      const anonymous = await app.request(url, { method: method.toUpperCase() })
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401)
      const outsider = ROLES.find((role) => !roles.includes(role))
      if (roles.length === 0 || outsider === undefined) continue
      if (!cookies.has(outsider)) cookies.set(outsider, await signIn(app, outsider))
      const refused = await app.request(url, { method: method.toUpperCase(), headers: { cookie: cookies.get(outsider) ?? '' } })
      expect(refused.status, `${method} ${path} as ${outsider}`).toBe(403)
    }
  })
})

describe('GET /api/docs', () => {
  test('is an HTML page that loads only same-origin files, each served with its type', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    // No inline script: the CSP would block it.
    expect([...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].every(([, attrs, body]) => /\bsrc=/.test(attrs ?? '') && body?.trim() === '')).toBe(true)
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '')
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '')
    const all = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(scripts.length).toBeGreaterThanOrEqual(2)
    expect(styles.length).toBeGreaterThanOrEqual(1)
    for (const url of all) expect(url, 'same-origin path').toMatch(/^\/(?!\/)/)
    for (const [urls, type] of [[scripts, /^text\/javascript/], [styles, /^text\/css/]] as const) {
      for (const url of urls) {
        const asset = await app.request(url)
        expect(asset.status, url).toBe(200)
        expect(asset.headers.get('content-type'), url).toMatch(type)
        expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0)
      }
    }
  })

  test('serves no file the page does not ask for', async () => {
    const { app } = await createTestApp()
    for (const name of ['index.html', 'constructor', '..%2Fpackage.json', 'swagger-initializer.js']) {
      const res = await app.request(`/api/docs/${name}`)
      expect(res.status, name).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
  })
})

const skipBrowser = browserUnavailableReason()

describe.skipIf(skipBrowser !== undefined)('a developer browses the API reference offline', () => {
  let stop: () => Promise<void> = async () => {}
  let baseUrl = ''

  beforeAll(async () => {
    const { app } = await createTestApp()
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        baseUrl = `http://127.0.0.1:${info.port}`
        resolve()
      })
      stop = () => new Promise((done) => server.close(() => done()))
    })
  })

  afterAll(async () => stop())

  test('sees the operations listed, with no request leaving the server and no CSP violation', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const foreign: string[] = []
      const problems: string[] = []
      page.on('request', (req) => {
        const url = req.url()
        if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
      })
      page.on('pageerror', (err) => problems.push(String(err)))
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(msg.text())
      })
      await page.goto(`${baseUrl}/api/docs`)
      await page.getByRole('heading', { name: /Gridwatch API/ }).waitFor({ timeout: 30_000 })
      await page.locator('.opblock').first().waitFor()
      expect(await page.locator('.opblock').count()).toBeGreaterThan(40)
      await expect(page.getByText('/api/lamps/{id}').first().isVisible()).resolves.toBe(true)
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'api-reference.png') })
      expect(foreign).toEqual([])
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
