import { describe, expect, test } from 'vitest'
import { parseRequestsQuery, parseW3cDateTime, STAGES_OF_STATUS } from './open311-query.ts'

const NOW = Date.parse('2026-11-01T02:00:00Z')
const DAY_MS = 86_400_000
const q = (params: Record<string, string | string[]>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))

describe('parseW3cDateTime', () => {
  test.each([
    ['2026-10-01T00:00:00Z', Date.UTC(2026, 9, 1)],
    ['2026-10-01T08:00:00+08:00', Date.UTC(2026, 9, 1)],
    ['2026-10-01T08:00:00 08:00', Date.UTC(2026, 9, 1)], // an unencoded '+' decoded to a space
    ['2026-09-30T19:00-05:00', Date.UTC(2026, 9, 1)],
    ['2026-10-01T00:00:00.250Z', Date.UTC(2026, 9, 1) + 250],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads %s', (raw, ms) => {
    expect(parseW3cDateTime(raw)).toBe(ms)
  })

  test.each(['2024-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-10-01T24:00:00Z', '2026-10-01T23:60:00Z', '2026-10-01T23:59:60Z', '2026-10-01T00:00:00+24:00', '2026-10-01T00:00:00', '2026-10-01', '', 'yesterday', '2026-10-01T00:00:00Z '])(
    'refuses %j',
    (raw) => {
      expect(parseW3cDateTime(raw)).toBeUndefined()
    },
  )
})

describe('parseRequestsQuery', () => {
  test('defaults to the 90 days up to now, every status and code', () => {
    expect(parseRequestsQuery({}, NOW)).toEqual({ success: true, data: { kind: 'window', fromMs: NOW - 90 * DAY_MS, toMs: NOW + 1, stages: undefined, serviceCodes: undefined } })
  })

  test('maps open and closed onto the workflow stages, never listing merged repeats', () => {
    expect(STAGES_OF_STATUS.open).toEqual(['reported', 'accepted', 'dispatched', 'in_handling', 'handled'])
    expect(STAGES_OF_STATUS.closed).toEqual(['closed', 'rejected'])
    const parsed = parseRequestsQuery(q({ status: ['open', 'closed,open'] }), NOW)
    expect(parsed.success && parsed.data.kind === 'window' && parsed.data.stages).toEqual([...STAGES_OF_STATUS.open, ...STAGES_OF_STATUS.closed])
  })

  test('returns only the ids, deduplicated, when service_request_id is given, whatever else is wrong', () => {
    expect(parseRequestsQuery(q({ service_request_id: ' I1, I2,,I1 ', status: 'bogus', end_date: 'x' }), NOW)).toEqual({ success: true, data: { kind: 'ids', ids: ['I1', 'I2'] } })
  })

  test('treats empty values as absent and ignores parameters it does not know', () => {
    expect(parseRequestsQuery(q({ status: '', service_code: ' ', page: '2', jurisdiction_id: 'x' }), NOW)).toEqual(parseRequestsQuery({}, NOW))
  })

  test('names the parameter and the value it refuses', () => {
    const parsed = parseRequestsQuery(q({ status: 'open,pending', start_date: '2024-02-30T00:00:00Z' }), NOW)
    expect(parsed.success).toBe(false)
    expect(!parsed.success && parsed.error).toMatch(/status: .*"pending"/)
    expect(!parsed.success && parsed.error).toMatch(/start_date: "2024-02-30T00:00:00Z"/)
  })

  test('allows a span of exactly 90 days and a zero-length window, refuses one millisecond more or a reversed one', () => {
    const start = '2026-07-01T00:00:00Z'
    expect(parseRequestsQuery(q({ start_date: start, end_date: '2026-09-29T00:00:00Z' }), NOW).success).toBe(true)
    expect(parseRequestsQuery(q({ start_date: start, end_date: '2026-09-29T00:00:00.001Z' }), NOW).success).toBe(false)
    expect(parseRequestsQuery(q({ start_date: start, end_date: start }), NOW).success).toBe(true)
    expect(parseRequestsQuery(q({ start_date: start, end_date: '2026-06-30T23:59:59Z' }), NOW)).toEqual({ success: false, error: 'end_date must not be before start_date' })
  })
})
