import { useMemo } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { useStreets } from '../api/get-streets.ts'
import type { StreetCategory } from './street-style.ts'
import { STREET_CATEGORIES, STREET_CATEGORY_COLORS } from './street-style.ts'

export function StreetsLegend() {
  const { t, formatNumber } = useI18n()
  const streets = useStreets()
  const counts = useMemo(() => {
    const byCategory = new Map<StreetCategory, number>()
    for (const { properties } of streets.data?.features ?? []) {
      byCategory.set(properties.category, (byCategory.get(properties.category) ?? 0) + 1)
    }
    return byCategory
  }, [streets.data])
  return (
    <>
      <QueryState isPending={streets.isPending} error={streets.error} onRetry={() => void streets.refetch()} />
      <LegendList>
        {STREET_CATEGORIES.map((category) => (
          <LegendItem
            key={category}
            shape="line"
            color={STREET_CATEGORY_COLORS[category]}
            label={t(`streetCategory.${category}`)}
            count={streets.data ? formatNumber(counts.get(category) ?? 0) : undefined}
          />
        ))}
      </LegendList>
    </>
  )
}
