import { describe, expect, test } from 'vitest'
import { briefingPeriod, lastWeeklyRun, nextWeeklyRun, periodDates, periodTitle, trendBuckets, weekBefore } from './briefing-period.ts'
import { parseWeeklySchedule, weeklyKey } from './weekly-schedule.ts'

// the district's calendar defaults to China Standard Time (UTC+8, no daylight saving)
const at = (iso: string) => Date.parse(iso)

describe('briefing periods', () => {
  test('a Monday-to-Monday week is a week, with the week before as its previous period', () => {
    const p = briefingPeriod(at('2026-11-30T00:00:00+08:00'), at('2026-12-07T00:00:00+08:00'))
    expect(p.kind).toBe('week')
    expect(p.previous).toEqual({ fromMs: at('2026-11-23T00:00:00+08:00'), toMs: at('2026-11-30T00:00:00+08:00') })
    expect(periodTitle(p, 'zh')).toBe('2026年第49周')
    expect(periodTitle(p, 'en')).toBe('week 49 of 2026')
    expect(periodDates(p, 'zh')).toBe('2026年11月30日—12月6日')
  })

  test('a calendar month is a month, compared with the calendar month before (not the same number of days)', () => {
    const p = briefingPeriod(at('2026-03-01T00:00:00+08:00'), at('2026-04-01T00:00:00+08:00'))
    expect(p.kind).toBe('month')
    expect(p.previous).toEqual({ fromMs: at('2026-02-01T00:00:00+08:00'), toMs: at('2026-03-01T00:00:00+08:00') })
    expect(periodTitle(p, 'zh')).toBe('2026年3月')
    expect(periodTitle(p, 'en')).toBe('March 2026')
  })

  test('anything else is a custom range with the same length before it', () => {
    const p = briefingPeriod(at('2026-11-03T00:00:00+08:00'), at('2026-11-13T00:00:00+08:00'))
    expect(p.kind).toBe('custom')
    expect(p.previous).toEqual({ fromMs: at('2026-10-24T00:00:00+08:00'), toMs: at('2026-11-03T00:00:00+08:00') })
    expect(periodTitle(p, 'zh')).toBe('2026年11月3日至2026年11月12日')
    // a week that does not start on a Monday is not "a week"
    expect(briefingPeriod(at('2026-12-01T00:00:00+08:00'), at('2026-12-08T00:00:00+08:00')).kind).toBe('custom')
  })

  test('the trend has a bucket per day, or per week past 45 days', () => {
    expect(trendBuckets(at('2026-11-30T00:00:00+08:00'), at('2026-12-07T00:00:00+08:00')).map((b) => b.label)).toEqual(['11/30', '12/1', '12/2', '12/3', '12/4', '12/5', '12/6'])
    const quarter = trendBuckets(at('2026-09-01T00:00:00+08:00'), at('2026-12-01T00:00:00+08:00'))
    expect(quarter.length).toBe(13) // 91 days: thirteen weeks
    expect(quarter.at(-1)?.toMs).toBe(at('2026-12-01T00:00:00+08:00'))
  })
})

describe('the weekly schedule', () => {
  test('runs next at the coming Monday 08:00 district time, drafting the week that ended that Monday', () => {
    const sunday = at('2026-12-06T20:00:00+08:00')
    const next = nextWeeklyRun(sunday, 1, '08:00')
    expect(next).toBe(at('2026-12-07T08:00:00+08:00'))
    expect(weekBefore(next)).toEqual({ fromMs: at('2026-11-30T00:00:00+08:00'), toMs: at('2026-12-07T00:00:00+08:00') })
    // at 08:00 exactly the run is due now, so the next one is a week on
    expect(nextWeeklyRun(next, 1, '08:00')).toBe(at('2026-12-14T08:00:00+08:00'))
    expect(lastWeeklyRun(sunday, 1, '08:00')).toBe(at('2026-11-30T08:00:00+08:00'))
    expect(weeklyKey({ fromMs: at('2026-11-30T00:00:00+08:00') })).toBe('week:2026-11-29T16:00:00.000Z')
  })

  test('is read from GRIDWATCH_BRIEFING_SCHEDULE: unset is Monday 08:00, "off" is none, anything else is refused', () => {
    expect(parseWeeklySchedule(undefined)).toEqual({ weekday: 1, time: '08:00' })
    expect(parseWeeklySchedule('off')).toBeUndefined()
    expect(parseWeeklySchedule('5 17:30')).toEqual({ weekday: 5, time: '17:30' })
    expect(() => parseWeeklySchedule('Monday 8am')).toThrow(/GRIDWATCH_BRIEFING_SCHEDULE/)
    expect(() => parseWeeklySchedule('8 08:00')).toThrow()
  })
})
