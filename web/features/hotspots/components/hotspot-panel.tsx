// The hotspot map's side of the overview: the filters, the legend of confidence bins (or, with 本期 vs 上期 on, of
// trend classes) with how many cells each has, and the analysis parameters a reader needs to trust the picture:
// distance band, number of cells, whether the bins are FDR-corrected.
import { InfoTip } from '../../../lib/info-tip.tsx'
import { useId, useMemo } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { HotspotRefusal, Hotspots } from '../api/get-hotspots.ts'
import { readHotspotRefusal, useHotspots } from '../api/get-hotspots.ts'
import type { HotspotTrends } from '../api/get-hotspot-trends.ts'
import { useHotspotTrends } from '../api/get-hotspot-trends.ts'
import type { CategoryOption } from './category-option.ts'
import { HotspotFilterBar } from './hotspot-filter-bar.tsx'
import { buildHotspotsQuery, buildTrendsQuery } from './hotspot-filters.ts'
import { HOTSPOT_BINS, TREND_CLASSES, TREND_COLORS, colorOfBin, readBin } from './hotspot-style.ts'
import type { HotspotBin } from './hotspot-style.ts'
import { useBinLabel } from './use-bin-label.ts'
import type { HotspotView } from './use-hotspot-view.ts'
import '../hotspots.css'

export interface HotspotPanelProps {
  view: HotspotView
  categories: readonly CategoryOption[]
}

export function HotspotPanel({ view, categories }: HotspotPanelProps) {
  const { t } = useI18n()
  const headingId = useId()
  const hotspots = useHotspots(buildHotspotsQuery(view.filters, view.period))
  const trends = useHotspotTrends(buildTrendsQuery(view.filters, view.period), view.compare)
  const refusal = readHotspotRefusal(hotspots.error)
  const trendRefusal = readHotspotRefusal(trends.error)

  return (
    <section className="panel-block hotspot-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('hotspots.title')}
        <InfoTip label={t('panel.explain')} text={t('hotspots.methodDetail')} />
      </h3>
      <HotspotFilterBar filters={view.filters} period={view.period} categories={categories} onChange={view.setFilters} />
      <label className="hotspot-compare">
        <input type="checkbox" checked={view.compare} onChange={(e) => view.setCompare(e.target.checked)} />
        {t('hotspots.compare')}
      </label>
      {refusal ? (
        <RefusalNote refusal={refusal} />
      ) : (
        <QueryState isPending={hotspots.isPending} error={hotspots.error} onRetry={() => void hotspots.refetch()} />
      )}
      {hotspots.isPlaceholderData && hotspots.isFetching && (
        <p className="query-state" role="status">
          {t('hotspots.updating')}
        </p>
      )}
      {hotspots.data && !refusal && <AnalysisFacts hotspots={hotspots.data} />}
      {view.compare ? (
        <>
          {/* the same selection is usually refused for both: say it once */}
          {trendRefusal ? (
            refusal === undefined && <RefusalNote refusal={trendRefusal} />
          ) : (
            <QueryState isPending={trends.isPending} error={trends.error} onRetry={() => void trends.refetch()} />
          )}
          <TrendLegend trends={trends.data} />
          {!view.filters.fdr && <p className="legend-note">{t('hotspots.compareFdrNote')}</p>}
        </>
      ) : (
        <BinLegend hotspots={refusal ? undefined : hotspots.data} />
      )}
      <p className="legend-note">{t('hotspots.notDensity')}</p>
    </section>
  )
}

function RefusalNote({ refusal }: { refusal: HotspotRefusal }) {
  const { t } = useI18n()
  return (
    <p className="panel-callout hotspot-refusal" role="status">
      <strong>{t('hotspots.refusedTitle')}</strong> {t(`hotspots.refused.${refusal}`)}
    </p>
  )
}

/** "距离带 369 m · 4,835 个单元 · FDR 校正" and the incidents and days the analysis covered. */
function AnalysisFacts({ hotspots }: { hotspots: Hotspots }) {
  const { t, formatNumber, formatDate } = useI18n()
  return (
    <div className="hotspot-facts">
      <p className="hotspot-facts__line" data-testid="hotspot-band">
        {t('hotspots.bandLine', {
          band: formatNumber(Math.round(hotspots.band_m)),
          n: formatNumber(hotspots.n),
          fdr: t(hotspots.fdr ? 'hotspots.fdrOn' : 'hotspots.fdrOff'),
        })}
      </p>
      <p className="legend-note">
        {t('hotspots.incidentsLine', {
          count: formatNumber(hotspots.incidents),
          from: formatDate(hotspots.period.from),
          to: formatDate(new Date(Date.parse(hotspots.period.to) - 1).toISOString()),
        })}
      </p>
      <p className="legend-note" data-testid="hotspot-inference">
        {t(`hotspots.inference.${hotspots.inference}`, { permutations: formatNumber(hotspots.permutations ?? 0) })}
      </p>
      {hotspots.low_data && (
        <p className="panel-callout hotspot-low-data" role="status">
          <strong>{t('hotspots.lowDataTitle')}</strong> {t('hotspots.lowData', { count: formatNumber(hotspots.incidents), min: formatNumber(hotspots.min_incidents) })}
        </p>
      )}
    </div>
  )
}

function BinLegend({ hotspots }: { hotspots: Hotspots | undefined }) {
  const { t, formatNumber } = useI18n()
  const binLabel = useBinLabel()
  const counts = useMemo(() => {
    const tally = new Map<HotspotBin, number>()
    for (const feature of hotspots?.features ?? []) {
      const bin = readBin(feature.properties.bin)
      tally.set(bin, (tally.get(bin) ?? 0) + 1)
    }
    return tally
  }, [hotspots])
  return (
    <ul className="legend-list hotspot-legend" aria-label={t('hotspots.legend')}>
      {HOTSPOT_BINS.map((bin) => (
        <li key={bin} className="legend-item">
          <span className={`hex-swatch${bin === 0 ? ' hex-swatch--faint' : ''}`} style={{ color: colorOfBin(bin) }} aria-hidden="true" />
          <span className="legend-label">{binLabel(bin)}</span>
          {hotspots && <span className="legend-count">{formatNumber(counts.get(bin) ?? 0)}</span>}
        </li>
      ))}
    </ul>
  )
}

function TrendLegend({ trends }: { trends: HotspotTrends | undefined }) {
  const { t, formatNumber, formatDate } = useI18n()
  const lastDay = (iso: string) => formatDate(new Date(Date.parse(iso) - 1).toISOString())
  return (
    <>
      {trends && (
        <p className="legend-note">
          {t('hotspots.comparePeriods', {
            from: formatDate(trends.period.from),
            to: lastDay(trends.period.to),
            beforeFrom: formatDate(trends.before_period.from),
            beforeTo: lastDay(trends.before_period.to),
          })}
        </p>
      )}
      <ul className="legend-list hotspot-legend" aria-label={t('hotspots.trendLegend')}>
        {TREND_CLASSES.map((trend) => (
          <li key={trend} className="legend-item">
            <span className="hex-swatch" style={{ color: TREND_COLORS[trend] }} aria-hidden="true" />
            <span className="legend-label">
              {t(`hotspots.trend.${trend}`)}
              <span className="hotspot-legend__hint"> · {t(`hotspots.trendHint.${trend}`)}</span>
            </span>
            {trends && <span className="legend-count">{formatNumber(trends.summary[trend] ?? 0)}</span>}
          </li>
        ))}
      </ul>
    </>
  )
}
