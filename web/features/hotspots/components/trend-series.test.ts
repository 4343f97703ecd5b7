import { describe, expect, test } from 'vitest'
import type { MonthCount } from './hotspot-period.ts'
import { buildCategorySeries, labelMonths } from './trend-series.ts'

const months: MonthCount[] = [
  { month: '2026-01', total: 3, by_category: { '0501': 2, '0102': 1 } },
  { month: '2026-02', total: 0, by_category: {} },
  { month: '2026-03', total: 5, by_category: { '0102': 5 } },
]

describe('buildCategorySeries', () => {
  test('gives each category a count per month, zero where it had none, the biggest first', () => {
    expect(buildCategorySeries(months)).toEqual([
      { code: '0102', values: [1, 0, 5], total: 6 },
      { code: '0501', values: [2, 0, 0], total: 2 },
    ])
  })

  test('keeps a picked category that had no incidents, as a flat zero line', () => {
    expect(buildCategorySeries(months, ['0510'])).toEqual([{ code: '0510', values: [0, 0, 0], total: 0 }])
  })

  test('returns no series for no months', () => {
    expect(buildCategorySeries([])).toEqual([])
    expect(buildCategorySeries([], ['0501'])).toEqual([])
  })

  test('does not mutate its input', () => {
    const copy = structuredClone(months)
    buildCategorySeries(months, ['0102', '0501'])
    expect(months).toEqual(copy)
  })
})

describe('labelMonths', () => {
  test('names the year on the first month and on January only', () => {
    expect(labelMonths(['2025-12', '2026-01', '2026-02'], 'zh-CN')).toEqual(['2025年12月', '2026年1月', '2月'])
    expect(labelMonths(['2025-12', '2026-01', '2026-02'], 'en')).toEqual(['Dec 2025', 'Jan 2026', 'Feb'])
  })
})
