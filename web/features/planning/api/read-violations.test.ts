import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { readRefusalViolations, readViolations } from './read-violations.ts'

const onDemonstration = {
  code: 'on-demonstration-street',
  message: '距示范街「人民中路」仅 0.0 米',
  message_en: 'Is 0.0 m from the demonstration street 人民中路',
  distance_m: 0,
  limit_m: 50,
  subject: { kind: 'street', id: 'w1', name: '人民中路' },
}

const refusal = (status: number, data: unknown) => new DetailedError(String(status), { statusCode: status, detail: { data } })

describe('readViolations', () => {
  test('reads every field the checker writes', () => {
    expect(readViolations([onDemonstration])).toEqual([onDemonstration])
  })

  test('leaves optional fields undefined and falls back to the Chinese text for a missing English one', () => {
    expect(readViolations([{ code: 'no-capacity', message: '容量为 0 个摊位' }])).toEqual([
      { code: 'no-capacity', message: '容量为 0 个摊位', message_en: '容量为 0 个摊位', distance_m: undefined, limit_m: undefined, subject: undefined },
    ])
  })

  test('skips malformed items and returns nothing for a non-array', () => {
    expect(readViolations([null, 'x', { code: 1, message: 'm' }, { code: 'c' }])).toEqual([])
    expect(readViolations(undefined)).toEqual([])
    expect(readViolations({ code: 'c', message: 'm' })).toEqual([])
  })

  test('does not mutate its input', () => {
    const input = [structuredClone(onDemonstration)]
    readViolations(input)
    expect(input).toEqual([onDemonstration])
  })
})

describe('readRefusalViolations', () => {
  test('reads the violations of a 422 rule-violations problem', () => {
    const error = refusal(422, { code: 'rule-violations', status: 422, violations: [onDemonstration] })
    expect(readRefusalViolations(error)).toEqual([onDemonstration])
  })

  test('is undefined for any other failure', () => {
    expect(readRefusalViolations(refusal(409, { code: 'conflict' }))).toBeUndefined()
    expect(readRefusalViolations(refusal(422, { code: 'unnamed-street' }))).toBeUndefined()
    expect(readRefusalViolations(new TypeError('Failed to fetch'))).toBeUndefined()
  })
})
