import { describe, expect, test } from 'vitest'
import { addDays, fillMonths, isCalendarDate, listRecentMonths, resolvePeriod, toChinaDate } from './hotspot-period.ts'

// 2026-11-26 23:30 in Beijing is still the 26th there, but already 15:30 UTC of the same day…
const lateEvening = new Date('2026-11-26T15:30:00Z')
// …while 01:00 on the 27th in Beijing is 17:00 UTC on the 26th: the China date has moved on, the UTC date has not
const pastMidnight = new Date('2026-11-26T17:00:00Z')

describe('toChinaDate', () => {
  test('reads the date in China Standard Time, not UTC or the machine zone', () => {
    expect(toChinaDate(lateEvening)).toBe('2026-11-26')
    expect(toChinaDate(pastMidnight)).toBe('2026-11-27')
  })
})

describe('resolvePeriod', () => {
  test('covers the last 30 and 90 China days up to and including today, the end exclusive', () => {
    expect(resolvePeriod({ preset: '30d' }, lateEvening)).toEqual({ from: '2026-10-28', to: '2026-11-27', lastDay: '2026-11-26' })
    expect(resolvePeriod({ preset: '90d' }, lateEvening)).toEqual({ from: '2026-08-29', to: '2026-11-27', lastDay: '2026-11-26' })
  })

  test('moves on at midnight China time', () => {
    expect(resolvePeriod({ preset: '30d' }, pastMidnight)).toEqual({ from: '2026-10-29', to: '2026-11-28', lastDay: '2026-11-27' })
  })

  test('covers the last twelve months as one year back from tomorrow', () => {
    expect(resolvePeriod({ preset: '12m' }, lateEvening)).toEqual({ from: '2025-11-27', to: '2026-11-27', lastDay: '2026-11-26' })
  })

  test('rolls 29 February a year back to 1 March', () => {
    expect(resolvePeriod({ preset: '12m' }, new Date('2028-02-28T04:00:00Z')).from).toBe('2027-03-01')
  })

  test('includes both days of a custom period, and swaps days given the wrong way round', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2026-03-01', to: '2026-03-31' }, lateEvening)).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
      lastDay: '2026-03-31',
    })
    expect(resolvePeriod({ preset: 'custom', from: '2026-03-31', to: '2026-03-01' }, lateEvening).from).toBe('2026-03-01')
    expect(resolvePeriod({ preset: 'custom', from: '2026-05-05', to: '2026-05-05' }, lateEvening)).toEqual({
      from: '2026-05-05',
      to: '2026-05-06',
      lastDay: '2026-05-05',
    })
  })

  test('falls back to the last 90 days while a custom day is missing or not a date', () => {
    const fallback = resolvePeriod({ preset: '90d' }, lateEvening)
    expect(resolvePeriod({ preset: 'custom' }, lateEvening)).toEqual(fallback)
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' }, lateEvening)).toEqual(fallback)
  })
})

describe('calendar dates', () => {
  test('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  test('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-2-1')).toBe(false)
    expect(isCalendarDate(undefined)).toBe(false)
  })
})

describe('listRecentMonths', () => {
  test('lists the twelve China months up to the current one, and the period from the first of the oldest', () => {
    const { months, period } = listRecentMonths(pastMidnight)
    expect(months).toHaveLength(12)
    expect(months[0]).toBe('2025-12')
    expect(months.at(-1)).toBe('2026-11')
    expect(period).toEqual({ from: '2025-12-01', to: '2026-11-28', lastDay: '2026-11-27' })
  })

  test('crosses the year in January', () => {
    expect(listRecentMonths(new Date('2027-01-10T00:00:00Z'), 3).months).toEqual(['2026-11', '2026-12', '2027-01'])
  })
})

describe('fillMonths', () => {
  test('keeps the given order and fills months without incidents with zero', () => {
    const filled = fillMonths(['2026-01', '2026-02', '2026-03'], [{ month: '2026-03', total: 4, by_category: { '0501': 4 } }])
    expect(filled).toEqual([
      { month: '2026-01', total: 0, by_category: {} },
      { month: '2026-02', total: 0, by_category: {} },
      { month: '2026-03', total: 4, by_category: { '0501': 4 } },
    ])
  })

  test('drops months outside the list and returns nothing for no months', () => {
    expect(fillMonths([], [{ month: '2026-03', total: 4, by_category: {} }])).toEqual([])
  })
})
