import { describe, expect, test } from 'vitest'
import { MAX_OFFSET, bboxParam, calendarDateString, decimalParam, instantParam, intParam, limitParam, offsetParam, parseInstant } from './params.ts'

describe('parseInstant', () => {
  test('reads a bare date as midnight China time and a date-time by its offset', () => {
    expect(parseInstant('2026-10-01')).toBe(Date.parse('2026-10-01T00:00:00+08:00'))
    expect(parseInstant('2026-10-01T12:30:00Z')).toBe(Date.parse('2026-10-01T12:30:00Z'))
    expect(parseInstant('2026-10-01T12:30+08:00')).toBe(Date.parse('2026-10-01T04:30:00Z'))
    expect(parseInstant('2026-10-01T12:30 08:00')).toBe(Date.parse('2026-10-01T04:30:00Z')) // an unencoded '+'
    expect(parseInstant('2026-10-01T12:30:15.123456-05:30')).toBe(Date.parse('2026-10-01T18:00:15.123Z'))
  })

  test('accepts 29 February only in leap years', () => {
    expect(parseInstant('2024-02-29')).toBe(Date.parse('2024-02-29T00:00:00+08:00'))
    expect(parseInstant('2000-02-29')).toBeDefined()
    expect(parseInstant('2026-02-29')).toBeUndefined()
    expect(parseInstant('1900-02-29')).toBeUndefined()
  })

  test.each([
    ['30 February', '2024-02-30'],
    ['31 April', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-01-00'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T10:60:00Z'],
    ['second 60', '2026-01-01T10:00:60Z'],
    ['offset +25:00', '2026-01-01T10:00:00+25:00'],
    ['offset minutes 60', '2026-01-01T10:00:00+08:60'],
    ['no offset', '2026-01-01T10:00:00'],
    ['two-digit year', '26-01-01'],
    ['year 0000', '0000-01-01'],
    ['trailing text', '2026-01-01x'],
    ['empty', ''],
  ])('refuses %s', (_, raw) => {
    expect(parseInstant(raw)).toBeUndefined()
    expect(instantParam.safeParse(raw).success).toBe(false)
  })
})

describe('calendarDateString', () => {
  test('keeps an existing date as given and refuses impossible ones', () => {
    expect(calendarDateString.parse('2026-12-31')).toBe('2026-12-31')
    for (const raw of ['2026-02-31', '2026-02-29', '2026-13-01', '2026-1-1', '2026-12-31T00:00:00Z', '']) expect(calendarDateString.safeParse(raw).success).toBe(false)
  })
})

describe('numbers in query strings', () => {
  test('decimalParam takes plain decimals within its bounds', () => {
    const lon = decimalParam(-180, 180, 'lon')
    expect(lon.parse('104.0585')).toBe(104.0585)
    expect(lon.parse('-12')).toBe(-12)
    for (const raw of ['0x10', '1e2', '0b1', 'Infinity', 'NaN', '', ' 1', '+1', '1.', '.5', '181', '1'.repeat(40)]) expect(lon.safeParse(raw).success, raw).toBe(false)
  })

  test('intParam takes whole numbers within its bounds', () => {
    const n = intParam(1, 50, 'max')
    expect(n.parse('50')).toBe(50)
    for (const raw of ['0', '51', '1.5', '1e1', '0x10', '', '-1', '99999999999999999999']) expect(n.safeParse(raw).success, raw).toBe(false)
    expect(limitParam(10).safeParse('lots').error?.issues[0]?.message).toBe('limit must be a positive integer')
  })

  test('offsetParam refuses an offset beyond what any list pages through', () => {
    expect(offsetParam.parse('0')).toBe(0)
    expect(offsetParam.parse(String(MAX_OFFSET))).toBe(MAX_OFFSET)
    expect(offsetParam.safeParse('99999999999999999999').success).toBe(false)
    expect(offsetParam.safeParse('-1').success).toBe(false)
  })

  test('bboxParam refuses hex and exponent coordinates', () => {
    expect(bboxParam.parse('104.04, 30.65, 104.06, 30.67')).toEqual([104.04, 30.65, 104.06, 30.67])
    expect(bboxParam.safeParse('0x10,0,20,10').success).toBe(false)
    expect(bboxParam.safeParse('1e2,0,2e2,10').success).toBe(false)
    expect(bboxParam.safeParse(',0,20,10').success).toBe(false)
  })
})
