// What a refused import request says beyond its code: the problem's `detail` (the reader's own reason for an
// unreadable file, the profile key that is wrong) and its `errors`. The Data view shows them in full, because an
// administrator fixing a mapping needs the server's exact words, not only "invalid input".
import { DetailedError } from 'hono/client'
import { readRequestFailure } from '../../../lib/api.ts'
import { ImportRunFailedError } from '../api/run-import.ts'

export interface ProblemDetail {
  /** The server's sentence, or a failed run's message; undefined when there is none. */
  detail: string | undefined
  errors: ReadonlyArray<{ path: string; message: string }>
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function readProblemDetail(error: unknown): ProblemDetail {
  if (error instanceof ImportRunFailedError) return { detail: error.message, errors: [] }
  const { errors } = readRequestFailure(error)
  if (!(error instanceof DetailedError)) return { detail: undefined, errors }
  const detail: unknown = error.detail
  const body = isRecord(detail) ? detail.data : undefined
  const text = isRecord(body) && typeof body.detail === 'string' && body.detail.trim() !== '' ? body.detail : undefined
  // a detail that only lists the errors again adds nothing once they are listed
  const repeated = text !== undefined && errors.length > 0 && errors.every((e) => text.includes(e.message))
  return { detail: repeated ? undefined : text, errors }
}
