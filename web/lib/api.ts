// The typed API client. `import type` keeps every line of server code out of the bundle: only AppType's shape is used.
import { DetailedError, hc, parseResponse } from 'hono/client'
import type { AppType } from '../../server/app'

export const client = hc<AppType>('/')

export { parseResponse }

/** What the UI needs to explain a failed request: the problem `code` (RFC 9457 body) and HTTP status, when there was a response. */
export interface RequestFailure {
  status: number | undefined
  code: string | undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Reads the problem+json `code` out of what `parseResponse` threw; a network failure has neither status nor code. */
export function readRequestFailure(error: unknown): RequestFailure {
  if (!(error instanceof DetailedError)) return { status: undefined, code: undefined }
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined
  const detail: unknown = error.detail
  const body = isRecord(detail) ? detail.data : undefined
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : undefined
  return { status, code }
}
