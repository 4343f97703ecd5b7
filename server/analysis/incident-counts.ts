// The statistics panel's counts — per category, and per category within each district-calendar month — put
// together from per-bucket counts (the in-memory incident index counts them: model/incident-index.ts), in the order the panel shows them.

export interface IncidentCounts {
  total: number
  /** Most frequent first (ties by code). */
  by_category: { category: string; count: number }[]
  /** Months with at least one incident, oldest first. */
  by_month: { month: string; total: number; by_category: Record<string, number> }[]
}

/** `rows` count category × bucket; `months[i]` names bucket i ('YYYY-MM'). */
export function incidentCountsJson(rows: readonly { bucket: number; category: string; count: number }[], months: readonly string[]): IncidentCounts {
  const byCategory = new Map<string, number>()
  const byMonth = new Map<string, Map<string, number>>()
  let total = 0
  for (const { bucket, category, count } of rows) {
    const month = months[bucket]
    if (month === undefined || count <= 0) continue
    total += count
    byCategory.set(category, (byCategory.get(category) ?? 0) + count)
    const m = byMonth.get(month) ?? new Map<string, number>()
    m.set(category, (m.get(category) ?? 0) + count)
    byMonth.set(month, m)
  }
  return {
    total,
    by_category: [...byCategory].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    by_month: [...byMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, m]) => ({ month, total: [...m.values()].reduce((a, b) => a + b, 0), by_category: Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b))) })),
  }
}
