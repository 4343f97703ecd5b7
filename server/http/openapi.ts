// The API's OpenAPI 3.1 document, generated from the routes the app registers. hono-openapi walks `app.routes` and
// renders every validate() schema as path/query parameters or a JSON body (validate.ts attaches the metadata its own
// validator() would), so the reference cannot drift from what the server checks. This module adds what no schema
// says: the problem+json errors an operation can answer with, the session and roles its guards require
// (openapi-guards.ts), and the catalogue's summaries and tags.
import { readFileSync } from 'node:fs'
import type { Env, Hono, Schema, ValidationTargets } from 'hono'
import type { RouterRoute } from 'hono/types'
import { generateSpecs } from 'hono-openapi'
import { z } from 'zod'
import { PERMISSIONS } from '../kernel/permissions.ts'
import { PROBLEM_CODES, PROBLEM_TITLES, type ProblemCode } from '../kernel/problems.ts'
import { SESSION_COOKIE } from './auth.ts'
import { ROUTE_CATALOGUE, TAGS } from './openapi-catalogue.ts'
import { describeGuard, type GuardInfo } from './openapi-guards.ts'
import { describeValidation, validationProblemCode } from './validate.ts'

export type ApiDocument = Awaited<ReturnType<typeof generateSpecs>>
type PathItem = NonNullable<ApiDocument['paths'][string]>
type Operation = NonNullable<PathItem['get']>
type Responses = NonNullable<Operation['responses']>

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const satisfies readonly (keyof PathItem)[]
// csrf.ts checks every method but these; only unsafe methods carry bodies the size limit (body-limit.ts) refuses.
const SAFE_METHODS: ReadonlySet<string> = new Set(['get', 'head', 'options'])
// Open311 answers its own 400s and 404s in the GeoReport v2 error format (routes/open311.ts), not problem+json.
const OPEN311_PREFIX = '/api/open311/'
const SECURITY_SCHEME = 'session'

/**
 * The problem+json body every error answers with (problem.ts renders it); exported so tests can check real ones. Some
 * problems carry extension members (RFC 9457 §3.2): rendered as input, the JSON Schema leaves other members open.
 */
export const problemSchema = z.object({
  type: z.string().describe('A URI naming the problem type; never fetched'),
  title: z.string().describe("The code's English title"),
  status: z.int().min(400).max(599),
  detail: z.string().describe('What went wrong with this request, in English'),
  code: z.enum(PROBLEM_CODES).describe('Stable kebab-case code; clients map it to their own wording'),
  errors: z.array(z.object({ path: z.string().describe('Dotted path of the offending input, e.g. `bbox`'), message: z.string() })).optional().describe('One entry per invalid input'),
})

const PACKAGE_VERSION = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))).version

/** `/lamps/:id` in Hono's syntax as OpenAPI writes it: `/lamps/{id}`. */
export const toOpenApiPath = (honoPath: string): string =>
  honoPath
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1).replace(/[{?].*$/, '')}}` : segment))
    .join('/')

/** What the handlers of one registered method + path do, read from the middleware metadata. */
interface RouteFacts {
  honoPath: string
  targets: Set<keyof ValidationTargets>
  guard?: GuardInfo
}

function collectRouteFacts(routes: readonly RouterRoute[]): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>()
  for (const route of routes) {
    if (route.method === 'ALL') continue
    const key = `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`
    const entry = facts.get(key) ?? { honoPath: route.path, targets: new Set() }
    facts.set(key, entry)
    const validation = describeValidation(route.handler)
    if (validation) entry.targets.add(validation.target)
    entry.guard ??= describeGuard(route.handler)
  }
  return facts
}

function problemResponse(status: number, codes: readonly ProblemCode[]): Responses[string] {
  const first = codes[0] ?? 'internal'
  return {
    description: codes.map((code) => `\`${code}\`: ${PROBLEM_TITLES[code]}`).join('; '),
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { status: { type: 'integer', enum: [status] }, code: { type: 'string', enum: [...codes] } } }] },
        example: { type: `https://gridwatch.invalid/problems/${first}`, title: PROBLEM_TITLES[first], status, detail: `(what went wrong with this request)`, code: first },
      },
    },
  }
}

const open311Error = (description: string): Responses[string] => ({
  description: `${description}: a GeoReport v2 error list \`[{ code, description }]\`, JSON or XML by the file extension`,
})

function errorResponses(method: string, path: string, facts: RouteFacts | undefined): Responses {
  const byStatus = new Map<number, ProblemCode[]>()
  const add = (status: number, code: ProblemCode) => byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])])
  const unsafe = !SAFE_METHODS.has(method)
  for (const target of [...(facts?.targets ?? [])].sort()) add(400, validationProblemCode(target))
  if (facts?.guard) add(401, 'unauthenticated')
  if (facts?.guard?.permission) add(403, 'forbidden')
  if (unsafe) add(403, 'csrf')
  if (path.includes('{')) add(404, 'not-found')
  if (unsafe) add(413, 'too-large')
  const responses: Responses = {}
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) responses[String(status)] = problemResponse(status, codes)
  if (path.startsWith(OPEN311_PREFIX)) {
    responses['400'] = open311Error('A malformed request')
    responses['404'] = open311Error('No such endpoint, service or request')
  }
  responses.default = { description: 'Any other error (5xx included) as problem+json', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
  return responses
}

function describeAccess(guard: GuardInfo): string {
  if (!guard.permission) return 'Requires a signed-in user (any role).'
  return `Requires permission \`${guard.permission}\`: roles ${PERMISSIONS[guard.permission].join(', ')}.`
}

function completeOperation(operation: Operation, method: string, path: string, facts: RouteFacts | undefined): void {
  const words = facts ? ROUTE_CATALOGUE[`${method.toUpperCase()} ${facts.honoPath}`] : undefined
  if (words) {
    operation.summary = words.summary
    operation.tags = [words.tag]
  }
  const guard = facts?.guard
  // OpenAPI 3.1 lets a non-OAuth requirement list role names (Security Requirement Object), so roles are machine-readable too.
  if (guard) operation.security = [{ [SECURITY_SCHEME]: guard.permission ? [...PERMISSIONS[guard.permission]] : [] }]
  const description = [words?.description, guard && describeAccess(guard)].filter(Boolean).join('\n\n')
  if (description) operation.description = description
  const success = String(words?.status ?? 200)
  operation.responses = { [success]: { description: success === '201' ? 'Created' : success === '202' ? 'Accepted' : 'Success' }, ...errorResponses(method, path, facts) }
}

/**
 * The OpenAPI 3.1 document of every route `app` registers (hidden ones aside): parameters and JSON bodies from the
 * routes' zod schemas, error responses, session and roles from their middleware, words from the catalogue.
 */
export async function generateApiDocument<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>): Promise<ApiDocument> {
  const problem = z.toJSONSchema(problemSchema, { target: 'draft-2020-12', io: 'input' })
  delete problem.$schema
  const document = await generateSpecs(app, {
    documentation: {
      info: {
        title: 'Gridwatch API',
        version: PACKAGE_VERSION,
        description:
          'The urban-management dashboard’s HTTP API. Errors are RFC 9457 `application/problem+json` with a stable `code`. ' +
          'Sign in with `POST /api/session`; the session cookie then authorises the operations marked with a lock.',
      },
      tags: TAGS.map((t) => ({ ...t })),
      components: {
        // OpenAPI 3.1's schema dialect is JSON Schema 2020-12, zod's target; only the two libraries' type declarations differ.
        schemas: { Problem: problem as Record<string, unknown> },
        securitySchemes: { [SECURITY_SCHEME]: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie `POST /api/session` sets.' } },
      },
    },
    includeEmptyPaths: true, // a route without a validator (GET /api/health) is an operation all the same
    excludeStaticFile: false, // '/api/retrofit-plan.csv' is a route, not a static file
    defaultValidationErrorResponse: false, // hono-openapi's default is not our error shape; errorResponses() says it
  })
  const facts = collectRouteFacts(app.routes)
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of OPERATION_METHODS) {
      const operation = item?.[method]
      if (operation) completeOperation(operation, method, path, facts.get(`${method} ${path}`))
    }
  }
  return document
}
