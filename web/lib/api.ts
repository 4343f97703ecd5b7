// The typed API client. `import type` keeps every line of server code out of the bundle: only AppType's shape is used.
import { DetailedError, hc, parseResponse } from 'hono/client'
import type { AppType } from '../../server/app'

/** The problem member the client adds for a `Retry-After` header, which `parseResponse` would otherwise drop. */
const RETRY_AFTER_MEMBER = 'retry_after_seconds'

/** Seconds from a Retry-After value: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when unreadable. */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000))
}

/**
 * fetch, except that a refused request's Retry-After (429 rate-limited) is copied into its problem body:
 * hono's parseResponse keeps only the body, and the UI must say how long to wait.
 */
async function fetchKeepingRetryAfter(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init)
  const header = response.headers.get('retry-after')
  if (response.ok || header === null) return response
  const seconds = parseRetryAfter(header, Date.now())
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined)
  if (seconds === undefined || !isRecord(body)) return response
  return new Response(JSON.stringify({ ...body, [RETRY_AFTER_MEMBER]: seconds }), {
    status: response.status,
    statusText: response.statusText,
    headers: { 'content-type': response.headers.get('content-type') ?? 'application/problem+json' },
  })
}

export const client = hc<AppType>('/', { fetch: fetchKeepingRetryAfter })

export { parseResponse }

/** What the UI needs to explain a failed request: the problem `code` (RFC 9457 body) and HTTP status, when there was a response. */
export interface RequestFailure {
  status: number | undefined
  code: string | undefined
  /** From Retry-After: how long a rate-limited client must wait. */
  retryAfterSeconds: number | undefined
  /** The problem's `errors` (which input was wrong), when it has them. */
  errors: ReadonlyArray<{ path: string; message: string }>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function readErrors(value: unknown): RequestFailure['errors'] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.message === 'string' ? [{ path: typeof item.path === 'string' ? item.path : '', message: item.message }] : [],
  )
}

/** Reads the problem+json `code` out of what `parseResponse` threw; a network failure has neither status nor code. */
export function readRequestFailure(error: unknown): RequestFailure {
  if (!(error instanceof DetailedError)) return { status: undefined, code: undefined, retryAfterSeconds: undefined, errors: [] }
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined
  const detail: unknown = error.detail
  const body = isRecord(detail) ? detail.data : undefined
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : undefined
  const retry = isRecord(body) ? body[RETRY_AFTER_MEMBER] : undefined
  const retryAfterSeconds = typeof retry === 'number' && Number.isFinite(retry) ? retry : undefined
  return { status, code, retryAfterSeconds, errors: readErrors(isRecord(body) ? body.errors : undefined) }
}
