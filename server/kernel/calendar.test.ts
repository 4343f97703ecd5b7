import { describe, expect, test } from 'vitest'
import { addDays, createCalendar, isCalendarDate } from './calendar.ts'

describe('a fixed-offset calendar (China Standard Time)', () => {
  const china = createCalendar('Asia/Shanghai')

  test('16:30 UTC on the last day of a month is already the next month and day in China', () => {
    const at = Date.parse('2026-10-31T16:30:00Z')
    expect(china.dateOf(at)).toBe('2026-11-01')
    expect(china.monthOf(at)).toBe('2026-11')
    expect(china.hourOf(at)).toBe(0)
    expect(china.isoInstant(new Date(at))).toBe('2026-11-01T00:30:00+08:00')
  })

  test('reads instants written with any offset and starts days at local midnight', () => {
    expect(china.hourOf(Date.parse('2026-06-01T19:15:00+08:00'))).toBe(19)
    expect(china.monthOf(Date.parse('2026-06-30T23:59:59+08:00'))).toBe('2026-06')
    expect(new Date(china.startOfDate('2026-11-27')).toISOString()).toBe('2026-11-26T16:00:00.000Z')
    expect(china.dayNumber(Date.parse('2026-11-27T00:00:00+08:00'))).toBe(china.dayNumber(Date.parse('2026-11-27T23:59:59+08:00')))
    expect(china.dayNumber(Date.parse('2026-11-27T23:59:59+08:00')) + 1).toBe(china.dayNumber(Date.parse('2026-11-28T00:00:00+08:00')))
  })
})

describe('a calendar with daylight saving (Europe/Berlin)', () => {
  const berlin = createCalendar('Europe/Berlin')

  test('follows the offset through the year', () => {
    expect(berlin.isoInstant(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00:00+02:00')
    expect(berlin.isoInstant(Date.parse('2026-01-01T12:00:00Z'))).toBe('2026-01-01T13:00:00+01:00')
  })

  test('a day that starts before the spring change begins at +01:00 midnight', () => {
    expect(new Date(berlin.startOfDate('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(new Date(berlin.startOfDate('2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z')
  })
})

test('an unknown time zone is refused when the calendar is made', () => {
  expect(() => createCalendar('Mars/Olympus_Mons')).toThrow(RangeError)
})

test('calendar dates and day arithmetic', () => {
  expect(isCalendarDate(2024, 2, 29)).toBe(true)
  expect(isCalendarDate(2026, 2, 29)).toBe(false)
  expect(isCalendarDate(2026, 13, 1)).toBe(false)
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
})
