// The planner's view (改造规划): phase-2 lighting retrofit, where new lamps would close the dark stretches, how much
// the lit share would rise, and the plan as files for the design institute and the bureau's GIS.
import { bbox } from '@turf/turf'
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { Stat } from '../../../lib/stat.tsx'
import { ZoneSelect } from '../../../lib/zone-select.tsx'
import type { ZoneOption } from '../../../lib/zone-select.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { RetrofitPlanQuery } from '../api/get-retrofit-plan.ts'
import { retrofitPlanDownloadPaths, useRetrofitPlan } from '../api/get-retrofit-plan.ts'
import { RETROFIT_COLOR } from './retrofit-style.ts'

export interface PlannerPanelProps {
  zone: string | undefined
  zones: readonly ZoneOption[]
  onZoneChange: (zone: string | undefined) => void
  /** The dark-stretch colour, for the legend (the lighting feature draws them). */
  darkColor: string
  onFocus: (focus: MapFocus) => void
}

// the whole plan in view, but never closer than a few streets
const PLAN_MAX_ZOOM = 16

export function PlannerPanel({ zone, zones, onZoneChange, darkColor, onFocus }: PlannerPanelProps) {
  const { t, formatNumber, formatPercent } = useI18n()
  const headingId = useId()
  const query: RetrofitPlanQuery = zone === undefined ? {} : { zone }
  const plan = useRetrofitPlan(query)
  const downloads = retrofitPlanDownloadPaths(query)
  const before = plan.data?.lit_share_before ?? 0
  const after = plan.data?.lit_share_after ?? 0
  const showPlan = () => {
    if (!plan.data || plan.data.features.length === 0) return
    const [west, south, east, north] = bbox(plan.data)
    onFocus({ bounds: [west, south, east, north], maxZoom: PLAN_MAX_ZOOM })
  }

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('retrofit.title')}
      </h2>
      <p className="legend-note">{t('retrofit.intro')}</p>
      <LegendList>
        <LegendItem shape="hollow" color={RETROFIT_COLOR} label={t('retrofit.legendProposed')} />
        <LegendItem shape="line" color={darkColor} label={t('lighting.legendDark')} />
      </LegendList>
      <ZoneSelect label={t('field.zone')} zones={zones} value={zone} onChange={onZoneChange} allLabel={t('lighting.allZones')} />
      <QueryState isPending={plan.isPending} error={plan.error} onRetry={() => void plan.refetch()} />
      {plan.data && (
        <>
          <div className="stat-grid">
            <Stat label={t('retrofit.proposedCount')} value={formatNumber(plan.data.proposed_count)} />
            <Stat label={t('retrofit.litBefore')} value={formatPercent(before)} />
            <Stat label={t('retrofit.litAfter')} value={formatPercent(after)} />
          </div>
          <div
            className="share-bar"
            role="img"
            aria-label={t('retrofit.shareChange', { before: formatPercent(before), after: formatPercent(after) })}
          >
            <span className="share-bar__before" style={{ width: `${before * 100}%` }} />
            <span className="share-bar__gain" style={{ width: `${Math.max(0, after - before) * 100}%` }} />
          </div>
          <p className="legend-note">{t('retrofit.shareChange', { before: formatPercent(before), after: formatPercent(after) })}</p>
          <div className="download-row">
            <button type="button" className="small-button" disabled={plan.data.features.length === 0} onClick={showPlan}>
              {t('retrofit.showPlan')}
            </button>
            <a className="small-button" href={downloads.csv} download>
              {t('retrofit.downloadCsv')}
            </a>
            <a className="small-button" href={downloads.geojson} download>
              {t('retrofit.downloadGeojson')}
            </a>
          </div>
        </>
      )}
    </section>
  )
}
