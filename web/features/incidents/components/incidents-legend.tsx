import { useMemo } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { useIncidents } from '../api/get-incidents.ts'
import type { IncidentCategory } from './incident-style.ts'
import { CLUSTER_COLOR, colorCategories } from './incident-style.ts'

export function IncidentsLegend({ categories }: { categories: readonly IncidentCategory[] }) {
  const { t, formatNumber, locale } = useI18n()
  const incidents = useIncidents()
  const colors = useMemo(() => colorCategories(categories), [categories])
  const counts = useMemo(() => {
    const byCategory = new Map<string, number>()
    for (const { properties } of incidents.data?.features ?? []) {
      byCategory.set(properties.category, (byCategory.get(properties.category) ?? 0) + 1)
    }
    return byCategory
  }, [incidents.data])
  const total = incidents.data?.features.length
  return (
    <>
      <QueryState isPending={incidents.isPending} error={incidents.error} onRetry={() => void incidents.refetch()} />
      <LegendList>
        <LegendItem shape="bubble" color={CLUSTER_COLOR} label={t('legend.cluster')} />
        {categories.map((category) => (
          <LegendItem
            key={category.code}
            shape="ring"
            color={colors.get(category.code) ?? CLUSTER_COLOR}
            label={pickName(locale, category) ?? category.code}
            count={incidents.data ? formatNumber(counts.get(category.code) ?? 0) : undefined}
          />
        ))}
      </LegendList>
      {total !== undefined && (
        <p className="legend-total">
          {t('panel.total')}: <strong>{formatNumber(total)}</strong>
        </p>
      )}
    </>
  )
}
