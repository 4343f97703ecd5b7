import { describe, expect, test } from 'vitest'
import { checkPeriod, createDefaultPeriod, formatChinaDate, toSuggestionsQuery } from './suggestion-period.ts'

describe('createDefaultPeriod', () => {
  test('covers the last 90 days up to and including today in China, with a 200 m walk', () => {
    // 2026-11-26 20:00 UTC is already 27 November in China
    expect(createDefaultPeriod(Date.parse('2026-11-26T20:00:00Z'))).toEqual({ from: '2026-08-30', to: '2026-11-27', walkRadiusM: 200 })
  })
})

describe('formatChinaDate', () => {
  test('turns over at midnight China time, 16:00 UTC', () => {
    expect(formatChinaDate(Date.parse('2026-11-26T15:59:59Z'))).toBe('2026-11-26')
    expect(formatChinaDate(Date.parse('2026-11-26T16:00:00Z'))).toBe('2026-11-27')
  })
})

describe('toSuggestionsQuery', () => {
  test('asks from the first midnight to the midnight after the last day, in China time', () => {
    expect(toSuggestionsQuery({ from: '2026-09-01', to: '2026-11-30', walkRadiusM: 200 })).toEqual({
      from: '2026-09-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
      walk_radius_m: '200',
    })
  })

  test('asks for one whole day when from and to are the same day', () => {
    expect(toSuggestionsQuery({ from: '2026-12-31', to: '2026-12-31', walkRadiusM: 50 })).toMatchObject({ to: '2027-01-01T00:00:00+08:00' })
  })
})

describe('checkPeriod', () => {
  test('accepts a period in order with a radius the server takes', () => {
    expect(checkPeriod({ from: '2026-09-01', to: '2026-09-01', walkRadiusM: 1000 })).toBeUndefined()
  })

  test('names what is wrong', () => {
    expect(checkPeriod({ from: '', to: '2026-09-01', walkRadiusM: 200 })).toBe('invalid-date')
    expect(checkPeriod({ from: '2026-10-01', to: '2026-09-01', walkRadiusM: 200 })).toBe('from-after-to')
    expect(checkPeriod({ from: '2026-09-01', to: '2026-10-01', walkRadiusM: 20 })).toBe('radius-out-of-range')
    expect(checkPeriod({ from: '2026-09-01', to: '2026-10-01', walkRadiusM: 200.5 })).toBe('radius-out-of-range')
  })
})
