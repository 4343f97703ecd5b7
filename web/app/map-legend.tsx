// What the map draws, on the map itself: one line per shared layer that is showing now (the layers tab has the
// full legends with counts and notes). Folds to its title so it never stands between a crew and its route.
import { useState } from 'react'
import { CLUSTER_COLOR } from '../features/incidents/components/incident-style.ts'
import { INTERSECTION_COLOR } from '../features/intersections/components/intersection-style.ts'
import { LAMP_NIGHT_COLORS, LAMP_STATUS_COLORS } from '../features/lamps/components/lamp-style.ts'
import { STREET_CATEGORIES, STREET_CATEGORY_COLORS } from '../features/streets/components/street-style.ts'
import { ZONE_COLOR } from '../features/zones/components/zone-style.ts'
import { useI18n } from '../lib/i18n.ts'
import { LegendItem, LegendList } from '../lib/legend.tsx'
import type { LayerKey } from './layer-visibility.ts'

// open on a desk screen; folded on a phone, where it would cover a third of the map
const startsOpen = () => typeof window === 'undefined' || window.matchMedia('(min-width: 700px)').matches

export function MapLegend({ shown, night }: { shown: (key: LayerKey) => boolean; night: boolean }) {
  const { t } = useI18n()
  const [open] = useState(startsOpen)
  const layers = (['streets', 'lamps', 'incidents', 'density', 'zones', 'intersections'] as const).filter(shown)
  if (layers.length === 0) return null
  return (
    <details className="map-legend" open={open}>
      <summary>{t('map.legend')}</summary>
      <LegendList>
        {layers.includes('streets') &&
          STREET_CATEGORIES.map((category) => <LegendItem key={category} shape="line" color={STREET_CATEGORY_COLORS[category]} label={t(`streetCategory.${category}`)} />)}
        {layers.includes('lamps') && (
          <>
            <LegendItem shape="dot" color={night ? LAMP_NIGHT_COLORS.lit : LAMP_STATUS_COLORS.ok} label={t('map.legendLampLit')} />
            <LegendItem shape="dot" color={LAMP_STATUS_COLORS.defective_lamp} label={t('map.legendLampBroken')} />
          </>
        )}
        {layers.includes('incidents') && <LegendItem shape="bubble" color={CLUSTER_COLOR} label={t('map.legendIncidents')} />}
        {layers.includes('density') && <LegendItem shape="bubble" color="#fde725" label={t('layer.density')} />}
        {layers.includes('zones') && <LegendItem shape="dash" color={ZONE_COLOR} label={t('layer.zones')} />}
        {layers.includes('intersections') && <LegendItem shape="dot" color={INTERSECTION_COLOR} label={t('layer.intersections')} />}
      </LegendList>
    </details>
  )
}
