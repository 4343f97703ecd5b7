import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { useZones } from '../api/get-zones.ts'
import { ZONE_COLOR } from './zone-style.ts'

export function ZonesLegend() {
  const { t, formatNumber } = useI18n()
  const zones = useZones()
  return (
    <>
      <QueryState isPending={zones.isPending} error={zones.error} onRetry={() => void zones.refetch()} />
      <LegendList>
        <LegendItem
          shape="dash"
          color={ZONE_COLOR}
          label={t('legend.zonesNote')}
          count={zones.data ? formatNumber(zones.data.features.length) : undefined}
        />
      </LegendList>
    </>
  )
}
