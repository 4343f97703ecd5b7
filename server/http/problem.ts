// RFC 9457 problem details: the one place that shapes HTTP errors.
import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ConflictError, NotFoundError } from '../store/errors.ts'
import { PoolUnavailableError } from '../workers/pool-errors.ts'

export interface ProblemDetail {
  path: string // dotted path of the offending input, e.g. 'bbox'
  message: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string // stable kebab-case, e.g. 'invalid-query'
  errors?: ProblemDetail[]
}

const TITLES: Record<string, string> = {
  'invalid-query': 'Invalid query parameters',
  'invalid-body': 'Invalid request body',
  'invalid-param': 'Invalid path parameter',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'too-large': 'Too large',
  unauthenticated: 'Sign-in required',
  'invalid-credentials': 'Wrong username or password',
  forbidden: 'Forbidden',
  csrf: 'Cross-site request refused',
  'rate-limited': 'Too many requests',
  'rule-violations': 'The guidance point breaks street rules',
  'too-few-cells': 'Too few cells for a hotspot analysis',
  'zero-variance': 'No variation to analyse',
  'invalid-request': 'Invalid request',
  'invalid-header': 'Invalid request header',
  'precondition-required': 'If-Match required',
  'invalid-transition': 'Step not possible in this state',
  'category-mismatch': 'Cases of different categories',
  'unknown-unit': 'Unknown responsible unit',
  'not-a-repeat': 'Not a repeat of that case',
  'unnamed-street': 'The street has no name',
  'no-study-area': 'No study area',
  'outside-district': 'Outside the district',
  'unsupported-media-type': 'Unsupported media type',
  'method-not-allowed': 'Method not allowed',
  'invalid-geometry': 'Invalid geometry',
  'too-many-pairs': 'Too many cell pairs for one analysis',
  'period-too-long': 'Period too long to analyse',
  busy: 'Analysis capacity busy',
  'analysis-timeout': 'Analysis ran out of time',
  internal: 'Internal server error',
}

/** The title of a problem code; undefined for a code without one (rendered as "Error", which the API tests refuse). */
export const problemTitle = (code: string): string | undefined => TITLES[code]

// Hono's own refusals (HTTPException) by status, for the few it raises itself.
const HTTP_CODES: Record<number, string> = { 400: 'invalid-request', 404: 'not-found', 405: 'method-not-allowed', 413: 'too-large', 415: 'unsupported-media-type' }

/** Thrown by handlers and validators; rendered by `onError` as application/problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    detail: string,
    readonly errors?: ProblemDetail[],
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {}, // extra members of the problem body (RFC 9457 §3.2)
  ) {
    super(detail)
  }
}

export function problemResponse(c: Context, problem: Problem | (Problem & Record<string, unknown>), headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    ...headers,
    'content-type': 'application/problem+json; charset=utf-8',
  })
}

function toProblem(status: number, code: string, detail: string, errors?: ProblemDetail[]): Problem {
  return {
    type: `https://gridwatch.invalid/problems/${code}`, // a URI naming the problem type; never fetched
    title: TITLES[code] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  }
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, { ...err.extensions, ...toProblem(err.status, err.code, err.message, err.errors) }, err.headers)
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
