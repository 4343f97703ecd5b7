import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { readHotspotRefusal } from './get-hotspots.ts'

// what hono's parseResponse throws for a problem+json answer
const problem = (statusCode: number, code: string) =>
  new DetailedError(`${statusCode}`, { statusCode, detail: { data: { type: 'about:blank', title: 'refused', status: statusCode, code } } })

describe('readHotspotRefusal', () => {
  test('reads the statistic refusing as a refusal, not a failure', () => {
    expect(readHotspotRefusal(problem(422, 'too-few-cells'))).toBe('too-few-cells')
    expect(readHotspotRefusal(problem(422, 'zero-variance'))).toBe('zero-variance')
  })

  test('leaves other problems, other statuses and network errors as failures', () => {
    expect(readHotspotRefusal(problem(400, 'invalid-query'))).toBeUndefined()
    expect(readHotspotRefusal(problem(500, 'zero-variance'))).toBeUndefined()
    expect(readHotspotRefusal(new TypeError('Failed to fetch'))).toBeUndefined()
    expect(readHotspotRefusal(undefined)).toBeUndefined()
  })
})
