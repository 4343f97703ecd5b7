// The rectification measures of the bureau's plan, by area: what, who (unit and person), by when, how far along;
// overdue ones flagged for the inspection office (执法监察科), which tracks every measure to its deadline.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { Measure } from '../api/get-measures.ts'
import { useMeasures } from '../api/get-measures.ts'
import { groupMeasuresByArea } from './group-measures.ts'
import type { KpiPeriod } from './kpi-period.ts'
import { useUnitName } from './unit-names.ts'
import '../kpis.css'

export interface MeasuresBoardProps {
  /** The league's period, whose unit names the board borrows. */
  period: KpiPeriod
}

export function MeasuresBoard({ period }: MeasuresBoardProps) {
  const { t, formatNumber } = useI18n()
  const headingId = useId()
  const measures = useMeasures()
  const unitName = useUnitName(period)
  const groups = groupMeasuresByArea(measures.data ?? [])
  const overdue = groups.reduce((sum, g) => sum + g.overdue, 0)

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('kpis.measuresTitle')}
      </h3>
      <QueryState isPending={measures.isPending} error={measures.error} onRetry={() => void measures.refetch()} />
      {measures.data && (
        <p className={overdue > 0 ? 'kpi-overdue-note' : 'legend-note'}>
          {overdue > 0 ? t('kpis.measuresOverdue', { count: formatNumber(overdue) }) : t('kpis.measuresOnTrack')}
        </p>
      )}
      {measures.data &&
        groups.map((group) => (
          <section key={group.area} className="measure-area" aria-label={t(`kpis.area.${group.area}`)}>
            <h4 className="measure-area__title">
              {t(`kpis.area.${group.area}`)}
              <span className="measure-area__count">
                {t('kpis.areaCount', { done: formatNumber(group.done), total: formatNumber(group.measures.length) })}
              </span>
            </h4>
            {group.measures.length === 0 ? (
              <p className="panel-empty">{t('kpis.areaEmpty')}</p>
            ) : (
              <ul className="measure-list">
                {group.measures.map((measure) => (
                  <MeasureItem key={measure.id} measure={measure} unit={unitName(measure.unit_id) ?? measure.unit_id} />
                ))}
              </ul>
            )}
          </section>
        ))}
    </section>
  )
}

function MeasureItem({ measure, unit }: { measure: Measure; unit: string }) {
  const { t, formatDate } = useI18n()
  return (
    <li className={`measure${measure.overdue ? ' measure--overdue' : ''}`}>
      <span className="measure__title">{measure.title}</span>
      <span className="measure__who">
        {unit} · {measure.person} · {t('kpis.deadline', { date: formatDate(`${measure.deadline}T00:00:00+08:00`) })}
      </span>
      <span className="measure__progress">
        <span
          className="measure__bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={measure.progress}
          aria-label={t('kpis.progress')}
        >
          <span style={{ width: `${measure.progress}%` }} />
        </span>
        <span className="measure__percent">{measure.progress} %</span>
        <span className={`measure__status measure__status--${measure.status}`}>{t(`kpis.status.${measure.status}`)}</span>
      </span>
      {measure.overdue && <span className="kpi-flag measure__flag">{t('kpis.measureOverdue')}</span>}
    </li>
  )
}
