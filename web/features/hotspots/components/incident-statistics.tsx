// What was reported, by category for the chosen period and by month for the last twelve: the counts the monthly
// report lists (docs/domain-notes.md §2) and the trend chart beside them.
import { Suspense, lazy, useId, useMemo } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useIncidentStats } from '../api/get-incident-stats.ts'
import type { CategoryOption } from './category-option.ts'
import { nameCategory } from './category-option.ts'
import { buildStatsQuery } from './hotspot-filters.ts'
import { fillMonths, listRecentMonths } from './hotspot-period.ts'
import type { HotspotView } from './use-hotspot-view.ts'
import { buildCategorySeries, labelMonths } from './trend-series.ts'
import '../hotspots.css'

// ECharts is most of this view's code (~480 kB of the bundle): it loads when the overview first shows the chart,
// not with the app every user opens
const MonthlyTrendChart = lazy(() => import('./monthly-trend-chart.tsx').then((m) => ({ default: m.MonthlyTrendChart })))

export interface IncidentStatisticsProps {
  view: HotspotView
  categories: readonly CategoryOption[]
}

export function IncidentStatistics({ view, categories }: IncidentStatisticsProps) {
  const { t, locale, formatNumber } = useI18n()
  const countsId = useId()
  const trendId = useId()
  const picked = view.filters.categories
  const name = (code: string) => nameCategory(categories, code, (c) => pickName(locale, c))

  // every category for the chosen period, so a picked one is seen among the others
  const counts = useIncidentStats(buildStatsQuery([], view.period))
  // the picked categories (or all) over the twelve months up to this one
  const recent = listRecentMonths(new Date())
  const monthly = useIncidentStats(buildStatsQuery(picked, recent.period))

  const monthKey = recent.months.join(',')
  const chart = useMemo(() => {
    const months = fillMonths(monthKey.split(','), monthly.data?.by_month ?? [])
    const series = buildCategorySeries(months, picked).map((s) => ({
      name: nameCategory(categories, s.code, (c) => pickName(locale, c)),
      values: s.values,
    }))
    return { labels: labelMonths(monthKey.split(','), locale), totals: months.map((m) => m.total), series }
  }, [monthly.data, monthKey, picked, categories, locale])

  const largest = Math.max(1, ...(counts.data?.by_category ?? []).map((c) => c.count))

  return (
    <>
      <section className="panel-block" aria-labelledby={countsId}>
        <h3 id={countsId} className="panel-subtitle">
          {t('hotspots.byCategoryTitle')}
        </h3>
        <QueryState isPending={counts.isPending} error={counts.error} onRetry={() => void counts.refetch()} />
        {counts.data && (
          <>
            <p className="panel-count">{t('hotspots.statsTotal', { count: formatNumber(counts.data.total) })}</p>
            <table className="data-table category-counts">
              <tbody>
                {counts.data.by_category.map(({ category, count }) => (
                  <tr key={category} className={picked.includes(category) ? 'category-counts__row--picked' : undefined}>
                    <th scope="row">{name(category)}</th>
                    <td className="category-counts__bar" aria-hidden="true">
                      <span style={{ width: `${(count / largest) * 100}%` }} />
                    </td>
                    <td className="data-table__number">{formatNumber(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="panel-block" aria-labelledby={trendId}>
        <h3 id={trendId} className="panel-subtitle">
          {t('hotspots.trendTitle')}
        </h3>
        <p className="legend-note">{picked.length === 0 ? t('hotspots.trendAll') : picked.map(name).join('、')}</p>
        <QueryState isPending={monthly.isPending} error={monthly.error} onRetry={() => void monthly.refetch()} />
        <Suspense
          fallback={
            <p className="query-state trend-chart" role="status">
              {t('panel.loading')}
            </p>
          }
        >
          <MonthlyTrendChart months={chart.labels} series={chart.series} label={t('hotspots.trendChartLabel')} />
        </Suspense>
        {monthly.data && (
          <details className="panel-details">
            <summary>{t('hotspots.trendTable')}</summary>
            <table className="data-table">
              <tbody>
                {chart.labels.map((label, i) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="data-table__number">{formatNumber(chart.totals[i] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>
    </>
  )
}
