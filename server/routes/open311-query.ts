// The query of Open311 GeoReport v2 `GET requests`, parsed once so the handler only fetches and shapes.
//
// Parameters, as the spec lists them:
// - service_request_id: comma list; when given, every other parameter is ignored (the spec's rule), even a bad one.
// - service_code, status (open, closed): comma lists; a repeated parameter (status=open&status=closed) counts as
//   one list. An unknown value is refused (400): a misspelt filter must not pass for "no such requests".
// - start_date, end_date: W3C date-times with a timezone (the spec's format). With neither, the last 90 days up to
//   now (the spec's default); with only one, the 90 days after start_date or before end_date; both at most 90 days
//   apart, end not before start. Impossible calendar dates (2024-02-30) are refused, not rolled into March.
// - jurisdiction_id: accepted and ignored, since this endpoint serves one jurisdiction.
// Unknown parameters are ignored, like unknown fields of a POST: clients add their own (api_key on a GET,
// page_size, extensions), and refusing them would break those clients for nothing. An empty value counts as absent.
import { z } from 'zod'
import { isOpenCase } from '../domain/case-deadlines.ts'
import { INCIDENT_STATUSES, type IncidentStatus } from '../kernel/statuses.ts'
import { listParam, parseInstant } from '../http/params.ts'
import { districtCategoryCodes } from '../domain/district-categories.ts'

const DAY_MS = 86_400_000
export const MAX_SPAN_DAYS = 90 // the spec's limit on start_date..end_date, and its default window
export const MAX_RESULTS = 1000 // the spec's cap on one answer

/** Our workflow stages behind the spec's two statuses; merged repeats are never listed (they live on in the original). */
export const STAGES_OF_STATUS: Readonly<Record<'open' | 'closed', readonly IncidentStatus[]>> = {
  open: INCIDENT_STATUSES.filter((s) => s !== 'merged' && isOpenCase(s)),
  closed: INCIDENT_STATUSES.filter((s) => s !== 'merged' && !isOpenCase(s)),
}

export type RequestsQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'window'; fromMs: number; toMs: number; stages: IncidentStatus[] | undefined; serviceCodes: string[] | undefined } // toMs exclusive

/**
 * Epoch milliseconds of a W3C date-time with a timezone (the spec's format); undefined for anything else, including
 * a bare date (no timezone) and dates that do not exist. A space before the offset is read as '+': it is what an
 * unencoded '+' in a query string decodes to.
 */
export function parseW3cDateTime(raw: string): number | undefined {
  if (!raw.includes('T')) return undefined
  return parseInstant(raw.replace(/ (\d{2}:\d{2})$/, '+$1'))
}

const dateTime = z.string().transform((raw, ctx) => {
  const ms = parseW3cDateTime(raw)
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${raw.slice(0, 40)}" is not a W3C date-time with a timezone, e.g. 2026-10-01T00:00:00+08:00` })
    return z.NEVER
  }
  return ms
})

const windowQuery = z.object({
  service_code: listParam(districtCategoryCodes, 'service_code').optional(),
  status: listParam(['open', 'closed'] as const, 'status').optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  jurisdiction_id: z.string().optional(),
})

/** `queries` as Hono's `c.req.queries()` gives them; `nowMs` ends the default window. */
export function parseRequestsQuery(queries: Record<string, string[]>, nowMs: number): { success: true; data: RequestsQuery } | { success: false; error: string } {
  const raw: Record<string, string> = {}
  for (const [name, values] of Object.entries(queries)) {
    const joined = values.map((v) => v.trim()).filter((v) => v.length > 0).join(',')
    if (joined.length > 0) raw[name] = joined
  }
  if (raw.service_request_id !== undefined) {
    const ids = [...new Set(raw.service_request_id.split(',').map((s) => s.trim()).filter((s) => s.length > 0))]
    return { success: true, data: { kind: 'ids', ids: ids.slice(0, MAX_RESULTS) } }
  }
  const parsed = windowQuery.safeParse(raw)
  if (!parsed.success) return { success: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }
  const q = parsed.data
  const spanMs = MAX_SPAN_DAYS * DAY_MS
  const endMs = q.end_date ?? (q.start_date === undefined ? nowMs : q.start_date + spanMs)
  const startMs = q.start_date ?? endMs - spanMs
  if (endMs < startMs) return { success: false, error: 'end_date must not be before start_date' }
  if (endMs - startMs > spanMs) return { success: false, error: `the span from start_date to end_date may be at most ${MAX_SPAN_DAYS} days` }
  const stages = q.status?.flatMap((s) => STAGES_OF_STATUS[s])
  // end_date is inclusive (the spec's "latest datetime to include"); the store's upper bound is exclusive.
  return { success: true, data: { kind: 'window', fromMs: startMs, toMs: endMs + 1, stages, serviceCodes: q.service_code } }
}
