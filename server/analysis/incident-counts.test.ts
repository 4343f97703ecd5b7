import { describe, expect, test } from 'vitest'
import { createCalendar, monthBuckets } from '../kernel/calendar.ts'
import { incidentCountsJson } from './incident-counts.ts'

const china = createCalendar('Asia/Shanghai')
const at = (iso: string) => Date.parse(iso)

describe('month buckets and the statistics counts', () => {
  test('cuts a period at the district calendar’s month starts', () => {
    const buckets = monthBuckets(china, at('2026-09-15T00:00:00+08:00'), at('2026-11-02T00:00:00+08:00'))
    expect(buckets.map((b) => b.month)).toEqual(['2026-09', '2026-10', '2026-11'])
    // 1 October begins at 16:00 UTC on 30 September in China
    expect(new Date(buckets[1]!.fromMs).toISOString()).toBe('2026-09-30T16:00:00.000Z')
    expect(buckets[0]!.fromMs).toBe(at('2026-09-15T00:00:00+08:00'))
    expect(buckets[2]!.toMs).toBe(at('2026-11-02T00:00:00+08:00'))
    // a year end, and a zone with daylight saving
    expect(monthBuckets(china, at('2026-12-20T00:00:00+08:00'), at('2027-01-10T00:00:00+08:00')).map((b) => b.month)).toEqual(['2026-12', '2027-01'])
    const ny = monthBuckets(createCalendar('America/New_York'), at('2026-10-20T00:00:00-04:00'), at('2026-11-20T00:00:00-05:00'))
    expect(new Date(ny[1]!.fromMs).toISOString()).toBe('2026-11-01T04:00:00.000Z')
    expect(monthBuckets(china, 5, 5)).toEqual([])
  })

  test('puts per-bucket counts together, most frequent category first, empty months left out', () => {
    const counts = incidentCountsJson(
      [
        { bucket: 0, category: '0501', count: 1 },
        { bucket: 1, category: '0501', count: 1 },
        { bucket: 1, category: '0102', count: 1 },
      ],
      ['2026-09', '2026-10', '2026-11'],
    )
    expect(counts.total).toBe(3)
    expect(counts.by_category).toEqual([{ category: '0501', count: 2 }, { category: '0102', count: 1 }])
    expect(counts.by_month).toEqual([{ month: '2026-09', total: 1, by_category: { '0501': 1 } }, { month: '2026-10', total: 2, by_category: { '0102': 1, '0501': 1 } }])
    expect(incidentCountsJson([], ['2026-09'])).toEqual({ total: 0, by_category: [], by_month: [] })
  })
})
