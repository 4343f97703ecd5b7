import { describe, expect, test } from 'vitest'
import { findChinaDayStart, findChinaMonth, formatChinaDate, formatChinaTime, parseIsoMs } from './china-time.ts'

describe('china-time', () => {
  test('writes UTC instants in China time with the +08:00 offset', () => {
    const ms = Date.UTC(2026, 9, 31, 15, 59, 59, 900) // 2026-10-31 23:59:59.9 in Beijing
    expect(formatChinaTime(ms)).toBe('2026-10-31T23:59:59+08:00')
    expect(formatChinaDate(ms)).toBe('2026-10-31')
    expect(findChinaMonth(Date.UTC(2026, 9, 31, 16, 0, 0))).toBe(10) // already 1 November in Beijing
    expect(formatChinaTime(findChinaDayStart(ms))).toBe('2026-10-31T00:00:00+08:00')
  })

  test('round-trips through parseIsoMs and rejects garbage', () => {
    expect(formatChinaTime(parseIsoMs('2026-03-01T08:30:00+08:00'))).toBe('2026-03-01T08:30:00+08:00')
    expect(() => parseIsoMs('yesterday')).toThrow(/ISO 8601/)
  })
})
