import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { parseRetryAfter, readRequestFailure } from './api.ts'

describe('parseRetryAfter', () => {
  test('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-26T12:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:01:30 GMT', now)).toBe(90)
  })

  test('gives no wait for an unreadable value and none below zero for a past date', () => {
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:00 GMT', Date.parse('2026-11-26T12:00:00Z'))).toBe(0)
  })
})

describe('readRequestFailure', () => {
  test('reads code, wait and the inputs a problem names', () => {
    const data = { code: 'invalid-body', retry_after_seconds: 30, errors: [{ path: 'password', message: 'too short' }, 'junk'] }
    const failure = readRequestFailure(new DetailedError('400', { statusCode: 400, detail: { data } }))
    expect(failure).toEqual({ status: 400, code: 'invalid-body', retryAfterSeconds: 30, errors: [{ path: 'password', message: 'too short' }] })
  })

  test('has neither status nor code for a request that got no answer', () => {
    expect(readRequestFailure(new TypeError('Failed to fetch'))).toEqual({ status: undefined, code: undefined, retryAfterSeconds: undefined, errors: [] })
  })
})
