// Guidance-point rule violations as the server writes them (server/analysis/guidance-check.ts), read from wherever
// they arrive: the check endpoint, a point's `violations` property (typed only as JSON by the list endpoint), or the
// `violations` member of a 422 `rule-violations` problem.
import { DetailedError } from 'hono/client'

export interface RuleViolation {
  code: string
  message: string // zh-CN
  message_en: string
  distance_m: number | undefined
  limit_m: number | undefined
  subject: { kind: string; id: string; name: string | null } | undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const readNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

function readSubject(value: unknown): RuleViolation['subject'] {
  if (!isRecord(value) || typeof value.kind !== 'string' || typeof value.id !== 'string') return undefined
  return { kind: value.kind, id: value.id, name: typeof value.name === 'string' ? value.name : null }
}

/** The well-formed violations in `value`; anything that is not one (or not an array) is skipped. */
export function readViolations(value: unknown): RuleViolation[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.code !== 'string' || typeof item.message !== 'string') return []
    return [
      {
        code: item.code,
        message: item.message,
        message_en: typeof item.message_en === 'string' ? item.message_en : item.message,
        distance_m: readNumber(item.distance_m),
        limit_m: readNumber(item.limit_m),
        subject: readSubject(item.subject),
      },
    ]
  })
}

/**
 * The violations of a refused approval or move (422 `rule-violations`), read from what `parseResponse` threw;
 * undefined for any other failure.
 */
export function readRefusalViolations(error: unknown): RuleViolation[] | undefined {
  if (!(error instanceof DetailedError) || error.statusCode !== 422) return undefined
  const detail: unknown = error.detail
  const body = isRecord(detail) ? detail.data : undefined
  if (!isRecord(body) || body.code !== 'rule-violations') return undefined
  return readViolations(body.violations)
}
