import { describe, expect, test } from 'vitest'
import { chinaDate, chinaHour, chinaMonth, toChinaIso } from './china-time.ts'

describe('China Standard Time helpers', () => {
  test('16:30 UTC on the last day of a month is already the next month and day in China', () => {
    const at = Date.parse('2026-10-31T16:30:00Z')
    expect(chinaDate(at)).toBe('2026-11-01')
    expect(chinaMonth('2026-10-31T16:30:00Z')).toBe('2026-11')
    expect(chinaHour('2026-10-31T16:30:00Z')).toBe(0)
    expect(toChinaIso(new Date(at))).toBe('2026-11-01T00:30:00+08:00')
  })

  test('reads instants written with any offset', () => {
    expect(chinaHour('2026-06-01T19:15:00+08:00')).toBe(19)
    expect(chinaMonth('2026-06-30T23:59:59+08:00')).toBe('2026-06')
  })
})
