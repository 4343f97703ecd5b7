// Monthly counts as chart series: one per category, the biggest first (it sits at the bottom of the stack).
import type { MonthCount } from './hotspot-period.ts'

export interface CategorySeries {
  code: string
  /** One count per month, in the months' order; 0 where the month had none. */
  values: number[]
  total: number
}

/**
 * A series per category that has any incident in `months` (or per code in `only`, when given, even if empty),
 * most incidents first, ties by code. No months → no series.
 */
export function buildCategorySeries(months: readonly MonthCount[], only?: readonly string[]): CategorySeries[] {
  if (months.length === 0) return []
  const codes = only && only.length > 0 ? [...new Set(only)] : [...new Set(months.flatMap((m) => Object.keys(m.by_category)))]
  return codes
    .map((code) => {
      const values = months.map((m) => m.by_category[code] ?? 0)
      return { code, values, total: values.reduce((a, b) => a + b, 0) }
    })
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
}

/** Short month names for the axis, with the year on the first month and on every January ('2025年12月', '1月' …). */
export function labelMonths(months: readonly string[], locale: string): string[] {
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })
  return months.map((month, i) => {
    const at = new Date(`${month}-01T00:00:00Z`)
    return (i === 0 || month.endsWith('-01') ? long : short).format(at)
  })
}
