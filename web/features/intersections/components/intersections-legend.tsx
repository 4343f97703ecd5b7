import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { useIntersections } from '../api/get-intersections.ts'
import { INTERSECTION_COLOR } from './intersection-style.ts'

export function IntersectionsLegend() {
  const { t, formatNumber } = useI18n()
  const intersections = useIntersections()
  return (
    <>
      <QueryState
        isPending={intersections.isPending}
        error={intersections.error}
        onRetry={() => void intersections.refetch()}
      />
      <LegendList>
        <LegendItem
          shape="dot"
          color={INTERSECTION_COLOR}
          label={t('legend.intersectionsNote')}
          count={intersections.data ? formatNumber(intersections.data.features.length) : undefined}
        />
      </LegendList>
    </>
  )
}
