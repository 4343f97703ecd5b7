import { useMemo } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import type { IncidentCategory } from './incident-style.ts'
import { CLUSTER_COLOR, colorCategories } from './incident-style.ts'

export interface IncidentsLegendProps {
  categories: readonly IncidentCategory[]
  /** The district's incidents (from /api/meta): the map draws them from tiles and never holds them all. */
  total: number | undefined
}

export function IncidentsLegend({ categories, total }: IncidentsLegendProps) {
  const { t, formatNumber, locale } = useI18n()
  const colors = useMemo(() => colorCategories(categories), [categories])
  return (
    <>
      <LegendList>
        <LegendItem shape="bubble" color={CLUSTER_COLOR} label={t('legend.cluster')} />
        {categories.map((category) => (
          <LegendItem
            key={category.code}
            shape="ring"
            color={colors.get(category.code) ?? CLUSTER_COLOR}
            label={pickName(locale, category) ?? category.code}
          />
        ))}
      </LegendList>
      <p className="legend-note">{t('legend.singleFromZoom')}</p>
      {total !== undefined && (
        <p className="legend-total">
          {t('panel.total')}: <strong>{formatNumber(total)}</strong>
        </p>
      )}
    </>
  )
}
