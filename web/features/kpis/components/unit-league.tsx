// The responsible units' league table for the period (综合评价): ranked by 按期结案率, the laggards named for public
// criticism (通报) in red, and the full KPI table as CSV for the monthly report.
import { Suspense, lazy, useId } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { LeagueRow } from '../api/get-unit-league.ts'
import { unitKpisCsvPath, useUnitLeague } from '../api/get-unit-league.ts'
import type { KpiPeriod } from './kpi-period.ts'
import '../kpis.css'

const LeagueChart = lazy(() => import('./league-chart.tsx').then((m) => ({ default: m.LeagueChart })))

export interface UnitLeagueProps {
  period: KpiPeriod
}

export function UnitLeague({ period }: UnitLeagueProps) {
  const { t, locale, formatNumber, formatPercent, formatDate } = useI18n()
  const headingId = useId()
  const league = useUnitLeague({ from: period.from, to: period.to })
  const rate = (value: number | null) => (value === null ? t('value.none') : formatPercent(value))
  const laggards = (league.data?.units ?? []).filter((u) => u.laggard).length

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <div className="panel-section__header">
        <h3 id={headingId} className="panel-subtitle">
          {t('kpis.leagueTitle')}
        </h3>
        <a className="small-button" href={unitKpisCsvPath(period)} download>
          {t('kpis.exportCsv')}
        </a>
      </div>
      {league.data && (
        <p className="legend-note">
          {t('kpis.leaguePeriod', {
            from: formatDate(league.data.period.from),
            to: formatDate(new Date(Date.parse(league.data.period.to) - 1).toISOString()),
          })}
          {laggards > 0 && <> · {t('kpis.laggardCount', { count: formatNumber(laggards) })}</>}
        </p>
      )}
      <QueryState isPending={league.isPending} error={league.error} onRetry={() => void league.refetch()} />
      {league.data && league.data.units.length === 0 && <p className="panel-empty">{t('kpis.leagueEmpty')}</p>}
      {league.data && league.data.units.length > 0 && (
        <Suspense fallback={null}>
          <LeagueChart
            bars={league.data.units.map((u) => ({ name: pickName(locale, u) ?? u.key ?? '—', rate: u.on_time_closure_rate, laggard: u.laggard }))}
            thresholdLabel={t('kpis.chartThreshold')}
            label={t('kpis.chartLabel')}
          />
        </Suspense>
      )}
      {league.data && league.data.units.length > 0 && (
        <table className="data-table kpi-league" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col" className="data-table__number">
                {t('kpis.rank')}
              </th>
              <th scope="col">{t('kpis.unit')}</th>
              <th scope="col" className="data-table__number" title={t('kpis.casesHint')}>
                {t('kpis.cases')}
              </th>
              <th scope="col" className="data-table__number">
                {t('kpis.closureRate')}
              </th>
              <th scope="col" className="data-table__number">
                {t('kpis.onTimeClosureRate')}
              </th>
              <th scope="col" className="data-table__number">
                {t('kpis.reworkRate')}
              </th>
              <th scope="col" className="data-table__number" title={t('kpis.overdueOpenHint')}>
                {t('kpis.overdueOpen')}
              </th>
            </tr>
          </thead>
          <tbody>
            {league.data.units.map((unit: LeagueRow) => (
              <tr key={unit.key ?? 'none'} className={unit.laggard ? 'kpi-league__row--laggard' : undefined}>
                <td className="data-table__number">{unit.rank}</td>
                <th scope="row">
                  {pickName(locale, unit) ?? unit.key}
                  {unit.laggard && (
                    <span className="kpi-laggard" title={t('kpis.laggardHint')}>
                      {t('kpis.laggard')}
                    </span>
                  )}
                </th>
                <td className="data-table__number">{formatNumber(unit.cases)}</td>
                <td className="data-table__number">{rate(unit.closure_rate)}</td>
                <td className="data-table__number kpi-league__key">{rate(unit.on_time_closure_rate)}</td>
                <td className="data-table__number">{rate(unit.rework_rate)}</td>
                <td className="data-table__number">{formatNumber(unit.overdue_open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="legend-note">{t('kpis.leagueNote')}</p>
    </section>
  )
}
