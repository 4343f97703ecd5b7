// The escalated cases behind the "many calls, no fix" complaint: a place reported again and again, most reports
// first; a click flies the map to it.
import { useId, useState } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { EscalatedCase } from '../api/get-cases-overview.ts'
import { useCasesOverview } from '../api/get-cases-overview.ts'
import type { KpiPeriod } from './kpi-period.ts'
import { useUnitName } from './unit-names.ts'
import '../kpis.css'

// a case's place and the street around it
const CASE_ZOOM = 18
const FIRST_ROWS = 5

export interface EscalatedCasesProps {
  /** The period of the league table, whose unit names the cases borrow. */
  period: KpiPeriod
  /** Incident categories as /api/meta lists them, to name each case's. */
  categories: readonly (LocalizedName & { code: string })[]
  onFocus: (focus: MapFocus) => void
}

export function EscalatedCases({ period, categories, onFocus }: EscalatedCasesProps) {
  const { t, locale, formatNumber } = useI18n()
  const headingId = useId()
  const overview = useCasesOverview()
  const unitName = useUnitName(period)
  const [showAll, setShowAll] = useState(false)
  const escalated = overview.data?.escalated_cases ?? []
  const rows = showAll ? escalated : escalated.slice(0, FIRST_ROWS)
  const nameCategory = (code: string) => {
    const category = categories.find((c) => c.code === code)
    return (category && pickName(locale, category)) ?? code
  }

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('kpis.escalatedTitle')}
      </h3>
      <p className="legend-note">{t('kpis.escalatedNote')}</p>
      <QueryState isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()} />
      {overview.data && escalated.length === 0 && <p className="panel-empty">{t('kpis.escalatedEmpty')}</p>}
      <ol className="ranking-list" aria-labelledby={headingId}>
        {rows.map((item, index) => (
          <EscalatedRow
            key={item.id}
            rank={index + 1}
            item={item}
            category={nameCategory(item.category)}
            unit={unitName(item.unit_id)}
            onShow={() => onFocus({ center: item.coordinates, zoom: CASE_ZOOM })}
          />
        ))}
      </ol>
      {escalated.length > FIRST_ROWS && (
        <button type="button" className="small-button" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('kpis.showFewer') : t('kpis.showAll', { count: formatNumber(escalated.length) })}
        </button>
      )}
    </section>
  )
}

interface EscalatedRowProps {
  rank: number
  item: EscalatedCase
  category: string
  unit: string | null
  onShow: () => void
}

function EscalatedRow({ rank, item, category, unit, onShow }: EscalatedRowProps) {
  const { t, formatNumber, formatDate } = useI18n()
  return (
    <li>
      <button type="button" className="ranking-item" title={t('kpis.showCase')} onClick={onShow}>
        <span className="ranking-item__rank">{rank}</span>
        <span className="ranking-item__text">
          <span className="ranking-item__name">
            {category}
            {item.lamp_id !== null && <span className="ranking-item__class"> · {item.lamp_id}</span>}
          </span>
          <span className="ranking-item__meta">
            {item.id} · {unit ?? t('kpis.noUnit')} · {t('kpis.deadline', { date: formatDate(item.deadline) })}
            {item.overdue && <span className="kpi-flag"> {t('kpis.overdueFlag')}</span>}
          </span>
        </span>
        <span className="ranking-item__score kpi-reports" title={t('kpis.reportCount')}>
          {t('kpis.reports', { count: formatNumber(item.report_count) })}
        </span>
      </button>
    </li>
  )
}
