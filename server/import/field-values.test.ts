import { describe, expect, test } from 'vitest'
import { mapValue, readInstant, readNumber } from './field-values.ts'

const NOW = Date.parse('2026-12-05T12:00:00Z')
const at = (value: unknown, format?: string, timeZone = 'Asia/Shanghai') => readInstant(value, { format, timeZone, nowMs: NOW })
const iso = (r: ReturnType<typeof at>) => (r.ok ? new Date(r.value).toISOString() : r.reason)

describe('readInstant', () => {
  test('reads a 12-hour US hotline date as the district wall clock', () => {
    expect(iso(at('03/14/2026 09:15:00 AM', 'MM/dd/yyyy hh:mm:ss a'))).toBe('2026-03-14T01:15:00.000Z')
    expect(iso(at('03/14/2026 12:30:00 AM', 'MM/dd/yyyy hh:mm:ss a'))).toBe('2026-03-13T16:30:00.000Z') // 00:30 China
    expect(iso(at('03/14/2026 12:30:00 PM', 'MM/dd/yyyy hh:mm:ss a'))).toBe('2026-03-14T04:30:00.000Z')
  })

  test('follows daylight saving in a zone that has it (New York: -05:00 in winter, -04:00 in summer)', () => {
    expect(iso(at('01/15/2026 08:00:00 AM', 'MM/dd/yyyy hh:mm:ss a', 'America/New_York'))).toBe('2026-01-15T13:00:00.000Z')
    expect(iso(at('07/15/2026 08:00:00 AM', 'MM/dd/yyyy hh:mm:ss a', 'America/New_York'))).toBe('2026-07-15T12:00:00.000Z')
  })

  test('refuses impossible, missing, future and ancient dates with a reason', () => {
    expect(at('02/30/2026 10:00:00 AM', 'MM/dd/yyyy hh:mm:ss a')).toEqual({ ok: false, reason: 'unparseable date: not MM/dd/yyyy hh:mm:ss a' })
    expect(at('13/01/2026 10:00:00 AM', 'MM/dd/yyyy hh:mm:ss a').ok).toBe(false)
    expect(at('  ')).toEqual({ ok: false, reason: 'missing date' })
    expect(at('2031-01-01 10:00:00')).toEqual({ ok: false, reason: 'implausible date: in the future' })
    expect(at('1900-06-01')).toEqual({ ok: false, reason: 'implausible date: before 1980' })
  })

  test('without a format: ISO with its own offset, common Chinese forms, spreadsheet dates', () => {
    expect(iso(at('2026-03-14T09:15:00+09:00'))).toBe('2026-03-14T00:15:00.000Z')
    expect(iso(at('2026/3/14 9:15'))).toBe('2026-03-14T01:15:00.000Z')
    expect(iso(at('2026年3月14日'))).toBe('2026-03-13T16:00:00.000Z')
    expect(iso(at(new Date(Date.UTC(2026, 2, 14, 9, 15))))).toBe('2026-03-14T01:15:00.000Z')
  })

  test('a format with tokens the fast path does not know still parses (through Luxon)', () => {
    expect(iso(at('14 Mar 2026 09:15', 'dd MMM yyyy HH:mm'))).toBe('2026-03-14T01:15:00.000Z')
  })
})

describe('readNumber and mapValue', () => {
  test('numbers are plain decimals only', () => {
    expect(readNumber('104.0633')).toEqual({ ok: true, value: 104.0633 })
    expect(readNumber('0x10').ok).toBe(false)
    expect(readNumber('').ok).toBe(false)
    expect(readNumber(30.5)).toEqual({ ok: true, value: 30.5 })
  })

  test('a mapped value, one of ours as is, the default, or a refusal', () => {
    const mapping = { values: { 正常: 'ok' as const }, default: undefined }
    const ours = new Set(['ok', 'defective_lamp'])
    expect(mapValue('正常', mapping, ours)).toEqual({ ok: true, value: 'ok' })
    expect(mapValue('defective_lamp', mapping, ours)).toEqual({ ok: true, value: 'defective_lamp' })
    expect(mapValue('坏了', mapping, ours)).toEqual({ ok: false, reason: 'no mapping for "坏了" and no default' })
    expect(mapValue('坏了', { ...mapping, default: 'ok' as const }, ours)).toEqual({ ok: true, value: 'ok' })
  })
})
