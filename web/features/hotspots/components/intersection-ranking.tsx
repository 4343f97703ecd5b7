// The crossings where street vending piles up (无照经营游商, 店外经营, 露天烧烤 within 50 m), worst first: the
// answer to "which intersection do we send the squad to". A plain count, not a significance test.
import { useId } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import { useIntersectionHotspots } from '../api/get-intersection-hotspots.ts'
import type { CategoryOption } from './category-option.ts'
import { nameCategory } from './category-option.ts'
import { VENDING_CATEGORIES, buildIntersectionsQuery } from './hotspot-filters.ts'
import type { Period } from './hotspot-period.ts'
import '../hotspots.css'

const RANKED = 10
// the crossing at the centre with a block around it; the intersection dots show from zoom 16
const INTERSECTION_ZOOM = 17

export interface IntersectionRankingProps {
  period: Period
  categories: readonly CategoryOption[]
  onFocus: (focus: MapFocus) => void
}

export function IntersectionRanking({ period, categories, onFocus }: IntersectionRankingProps) {
  const { t, locale, formatNumber } = useI18n()
  const headingId = useId()
  const ranking = useIntersectionHotspots(buildIntersectionsQuery(period, RANKED))
  const intersections = ranking.data?.intersections ?? []
  const vending = VENDING_CATEGORIES.map((code) => nameCategory(categories, code, (c) => pickName(locale, c))).join('、')

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('hotspots.intersectionsTitle')}
      </h3>
      <p className="legend-note">
        {t('hotspots.intersectionsNote', { categories: vending, radius: formatNumber(ranking.data?.radius_m ?? 50) })}
      </p>
      <QueryState isPending={ranking.isPending} error={ranking.error} onRetry={() => void ranking.refetch()} />
      {ranking.data && intersections.length === 0 && <p className="panel-empty">{t('hotspots.intersectionsEmpty')}</p>}
      <ol className="ranking-list" aria-labelledby={headingId}>
        {intersections.map((intersection, index) => (
          <li key={intersection.id}>
            <button
              type="button"
              className="ranking-item"
              title={t('hotspots.showIntersection')}
              onClick={() => onFocus({ center: intersection.coordinates, zoom: INTERSECTION_ZOOM })}
            >
              <span className="ranking-item__rank">{index + 1}</span>
              <span className="ranking-item__text">
                <span className="ranking-item__name">{intersection.name ?? t('hotspots.unnamedIntersection')}</span>
              </span>
              <span className="ranking-item__score" title={t('hotspots.incidents')}>
                {t('hotspots.countShort', { count: formatNumber(intersection.count) })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
