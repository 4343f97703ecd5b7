// Dark stretches by priority: long dark stretches where people were hurt or reported outages at night come first.
import { InfoTip } from '../../../lib/info-tip.tsx'
import { bbox } from '@turf/turf'
import { useId, useState } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { DarkZoneRankingQuery } from '../api/get-dark-zone-ranking.ts'
import { useDarkZoneRanking } from '../api/get-dark-zone-ranking.ts'
import { useDarkZones } from '../api/get-dark-zones.ts'

// stretches fetched; the server's default, and more than a crew works through in a week
const RANKED_LIMIT = 50
const PAGE_ROWS = 10
const STRETCH_MAX_ZOOM = 18

export interface DarkStretchRankingProps {
  zone: string | undefined
  selectedId: string | undefined
  onSelect: (id: string) => void
  onFocus: (focus: MapFocus) => void
}

export function DarkStretchRanking({ zone, selectedId, onSelect, onFocus }: DarkStretchRankingProps) {
  const { t, lookup, formatNumber, formatMeters } = useI18n()
  const query: DarkZoneRankingQuery = { limit: String(RANKED_LIMIT), ...(zone === undefined ? {} : { zone }) }
  const ranking = useDarkZoneRanking(query)
  const darkZones = useDarkZones()
  const headingId = useId()
  const [rows, setRows] = useState(PAGE_ROWS)
  const stretches = ranking.data ?? []

  const show = (id: string, center: [number, number]) => {
    onSelect(id)
    // the whole stretch when the map has its line, else its middle
    const line = darkZones.data?.features.find((f) => f.id === id)
    if (line) {
      const [west, south, east, north] = bbox(line)
      onFocus({ bounds: [west, south, east, north], maxZoom: STRETCH_MAX_ZOOM })
    } else {
      onFocus({ center, zoom: 17 })
    }
  }

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('lighting.ranking')}
        <InfoTip label={t('panel.explain')} text={t('lighting.scoreDetail')} />
      </h3>
      <p className="legend-note score-formula">{t('lighting.scoreFormula')}</p>
      <QueryState isPending={ranking.isPending} error={ranking.error} onRetry={() => void ranking.refetch()} />
      {ranking.data && stretches.length === 0 && <p className="panel-empty">{t('lighting.rankingEmpty')}</p>}
      <ol className="ranking-list">
        {stretches.slice(0, rows).map((stretch, index) => (
          <li key={stretch.id}>
            <button
              type="button"
              className={`ranking-item${stretch.id === selectedId ? ' ranking-item--selected' : ''}`}
              title={t('lighting.showOnMap')}
              onClick={() => show(stretch.id, stretch.center)}
            >
              <span className="ranking-item__rank">{index + 1}</span>
              <span className="ranking-item__text">
                <span className="ranking-item__name">
                  {stretch.name ?? t('value.unnamed')}
                  <span className="ranking-item__class"> · {lookup(`highway.${stretch.highway}`, stretch.highway)}</span>
                </span>
                <span className="ranking-item__meta">
                  {t('lighting.rankingFacts', {
                    length: formatMeters(stretch.length_m),
                    night: formatNumber(stretch.night_incidents),
                    outages: formatNumber(stretch.outage_reports),
                  })}
                </span>
              </span>
              <span className="ranking-item__score" title={t('lighting.score')}>
                {formatNumber(Math.round(stretch.score))}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {stretches.length > rows && (
        <button type="button" className="small-button" onClick={() => setRows(rows + PAGE_ROWS)}>
          {t('lighting.showMore', { count: formatNumber(stretches.length - rows) })}
        </button>
      )}
    </section>
  )
}
