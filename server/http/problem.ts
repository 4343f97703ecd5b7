// RFC 9457 problem details: the one place that shapes HTTP errors.
import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isProblemCode, PROBLEM_TITLES, ProblemError, type ProblemDetail } from '../kernel/problems.ts'
import { ConflictError, NotFoundError } from '../kernel/errors.ts'
import { PoolUnavailableError } from '../workers/pool-errors.ts'


export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string // stable kebab-case, e.g. 'invalid-query'
  errors?: ProblemDetail[]
}


/** The title of a problem code; undefined for a code without one (rendered as "Error", which the API tests refuse). */
export const problemTitle = (code: string): string | undefined => (isProblemCode(code) ? PROBLEM_TITLES[code] : undefined)

// Hono's own refusals (HTTPException) by status, for the few it raises itself.
const HTTP_CODES: Record<number, string> = { 400: 'invalid-request', 404: 'not-found', 405: 'method-not-allowed', 413: 'too-large', 415: 'unsupported-media-type' }

export function problemResponse(c: Context, problem: Problem | (Problem & Record<string, unknown>), headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    ...headers,
    'content-type': 'application/problem+json; charset=utf-8',
  })
}

function toProblem(status: number, code: string, detail: string, errors?: ProblemDetail[]): Problem {
  return {
    type: `https://gridwatch.invalid/problems/${code}`, // a URI naming the problem type; never fetched
    title: problemTitle(code) ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  }
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, { ...err.extensions, ...toProblem(err.status as ContentfulStatusCode, err.code, err.message, err.errors) }, err.headers)
  if (err instanceof NotFoundError) return problemResponse(c, toProblem(404, 'not-found', err.message))
  if (err instanceof ConflictError) return problemResponse(c, toProblem(409, 'conflict', err.message))
  if (err instanceof PoolUnavailableError) return problemResponse(c, toProblem(503, err.code, err.message), { 'retry-after': String(err.retryAfterSeconds) })
  if (err instanceof HTTPException && err.status < 500) {
    const code = HTTP_CODES[err.status] ?? `http-${err.status}`
    return problemResponse(c, toProblem(err.status, code, err.message || 'Request refused'))
  }
  console.error('[gridwatch] unhandled error on', c.req.method, c.req.path, err)
  return problemResponse(c, toProblem(500, 'internal', 'The server failed to handle this request; the cause is logged.'))
}

export function notFound(c: Context): Response {
  return problemResponse(c, toProblem(404, 'not-found', `No route for ${c.req.method} ${c.req.path}`))
}
