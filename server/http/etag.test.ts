import { describe, expect, test } from 'vitest'
import { parseIfMatch, versionEtag } from './etag.ts'
import { ProblemError } from '../kernel/problems.ts'

function refusal(header: string | undefined): { status: number; code: string } | undefined {
  try {
    parseIfMatch(header, 'case')
    return undefined
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.status, code: err.code }
    throw err
  }
}

describe('parseIfMatch', () => {
  test('reads the version from a strong, weak or bare tag', () => {
    expect(parseIfMatch('"3"', 'case')).toBe(3)
    expect(parseIfMatch('W/"3"', 'case')).toBe(3)
    expect(parseIfMatch(' 3 ', 'case')).toBe(3)
    expect(parseIfMatch(versionEtag(12), 'lamp')).toBe(12)
  })

  test('a missing header is 428 precondition-required', () => {
    expect(refusal(undefined)).toEqual({ status: 428, code: 'precondition-required' })
  })

  test.each(['"1', '1"', 'W/"1', 'W/1', '*', '"1", "2"', '', '""', '"0"', '"-1"', '"abc"', '"99999999999999999999"', 'W/ "1"'])('refuses %j as 400 invalid-header', (header) => {
    expect(refusal(header)).toEqual({ status: 400, code: 'invalid-header' })
  })
})
