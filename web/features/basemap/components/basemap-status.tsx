// One line in the side panel while the basemap loads or when it failed: the map itself shows no text for it.
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useBuildings } from '../api/get-buildings.ts'
import { useWater } from '../api/get-water.ts'

export function BasemapStatus() {
  const { t } = useI18n()
  const water = useWater()
  const buildings = useBuildings()
  const failed = water.error ?? buildings.error
  if (!failed && !water.isPending && !buildings.isPending) return null
  return (
    <div className="basemap-status">
      <span className="basemap-status__label">{t('panel.basemap')}</span>
      <QueryState
        isPending={water.isPending || buildings.isPending}
        error={failed}
        onRetry={() => {
          if (water.error) void water.refetch()
          if (buildings.error) void buildings.refetch()
        }}
      />
    </div>
  )
}
