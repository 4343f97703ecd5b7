import { describe, expect, test } from 'vitest'
import { createI18n } from '../../../lib/i18n.ts'
import { describeDeadline, formatCountdown, formatDue, formatSpan } from './deadline-countdown.ts'

const noop = () => {}
const zh = createI18n('zh-CN', noop)
const en = createI18n('en', noop)
const at = (iso: string) => Date.parse(iso)

/** Countdown and due time together, as the detail view shows them. */
function read(deadline: string, now: string, i18n = zh) {
  const parts = describeDeadline(deadline, at(now))
  if (!parts) throw new Error(`unreadable deadline ${deadline}`)
  return `${formatCountdown(parts, i18n.t)} · ${formatDue(deadline, parts, i18n)}`
}

describe('describeDeadline', () => {
  test('counts whole minutes left and the China-time day the deadline falls on', () => {
    expect(describeDeadline('2026-11-01T18:30:00+08:00', at('2026-11-01T14:00:00+08:00'))).toEqual({
      overdue: false,
      minutes: 270,
      dayOffset: 0,
      time: '18:30',
    })
  })

  test('counts days in China time: a deadline past midnight there is tomorrow though it is the same UTC day', () => {
    // 23:30 and 01:00 China time are 15:30 and 17:00 UTC on 1 November
    const parts = describeDeadline('2026-11-01T17:00:00Z', at('2026-11-01T15:30:00Z'))
    expect(parts).toMatchObject({ overdue: false, minutes: 90, dayOffset: 1, time: '01:00' })
  })

  test('is overdue only once the deadline has passed', () => {
    expect(describeDeadline('2026-11-01T10:00:00+08:00', at('2026-11-01T10:00:00+08:00'))?.overdue).toBe(false)
    expect(describeDeadline('2026-11-01T10:00:00+08:00', at('2026-11-01T10:00:01+08:00'))?.overdue).toBe(true)
  })

  test('returns undefined for an unreadable deadline', () => {
    expect(describeDeadline('not a time', 0)).toBeUndefined()
  })
})

describe('formatCountdown and formatDue', () => {
  test('say time left in minutes, hours, then days and hours', () => {
    expect(read('2026-11-01T10:45:00+08:00', '2026-11-01T10:00:00+08:00')).toBe('剩 45 分钟 · 今天 10:45')
    expect(read('2026-11-01T18:59:00+08:00', '2026-11-01T10:00:00+08:00')).toBe('剩 8 小时 · 今天 18:59')
    expect(read('2026-11-03T13:00:00+08:00', '2026-11-01T10:00:00+08:00')).toMatch(/^剩 2 天 3 小时 · /)
    expect(read('2026-11-03T10:00:00+08:00', '2026-11-01T10:00:00+08:00')).toMatch(/^剩 2 天 · /)
  })

  test('say how long overdue, and yesterday for a deadline that passed the day before in China time', () => {
    expect(read('2026-11-01T23:00:00+08:00', '2026-11-02T01:30:00+08:00')).toBe('超期 2 小时 · 昨天 23:00')
    expect(read('2026-10-20T09:00:00+08:00', '2026-11-02T10:00:00+08:00')).toMatch(/^超期 13 天 1 小时 · /)
  })

  test('say tomorrow across China-time midnight, in both languages', () => {
    expect(read('2026-11-01T17:00:00Z', '2026-11-01T15:30:00Z')).toBe('剩 1 小时 · 明天 01:00')
    expect(read('2026-11-01T17:00:00Z', '2026-11-01T15:30:00Z', en)).toBe('1 h left · tomorrow 01:00')
    expect(read('2026-11-01T15:00:00Z', '2026-11-01T15:30:00Z', en)).toBe('overdue by 30 min · today 23:00')
  })

  test('fall back to the full date for a deadline more than a day away', () => {
    const deadline = '2026-11-05T09:00:00+08:00'
    expect(read(deadline, '2026-11-01T10:00:00+08:00')).toBe(`剩 3 天 23 小时 · ${zh.formatDateTime(deadline)}`)
  })

  test('write a span of zero as zero minutes', () => {
    expect(formatSpan(0, zh.t)).toBe('0 分钟')
    expect(formatSpan(60, en.t)).toBe('1 h')
    expect(formatSpan(24 * 60 + 59, en.t)).toBe('1 d')
  })
})
