// The retrofit proposal on the map: one hollow ring per proposed lamp.
import { useMemo } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { ProposedLamp, RetrofitPlanQuery } from '../api/get-retrofit-plan.ts'
import { useRetrofitPlan } from '../api/get-retrofit-plan.ts'
import { RETROFIT_SOURCE, retrofitLayer } from './retrofit-style.ts'

export function RetrofitLayer({ query }: { query: RetrofitPlanQuery }) {
  const plan = useRetrofitPlan(query)
  useGeoJsonSource(RETROFIT_SOURCE, { data: plan.data, status: plan.status })
  const byId = useMemo(() => indexById(plan.data), [plan.data])
  useMapLayer(retrofitLayer, {
    onClick: (feature) => {
      const lamp = byId.get(readFeatureId(feature) ?? '')
      return lamp && <ProposedLampPopup lamp={lamp} />
    },
  })
  return null
}

function ProposedLampPopup({ lamp }: { lamp: ProposedLamp }) {
  const { t, lookup, formatMeters } = useI18n()
  const { name, highway, spacing_m } = lamp.properties
  return (
    <FeatureCard
      title={t('retrofit.proposedLamp', { id: lamp.id })}
      rows={[
        [t('field.street'), name ?? t('value.unnamed')],
        [t('field.highway'), lookup(`highway.${highway}`, highway)],
        [t('retrofit.spacing'), formatMeters(spacing_m)],
      ]}
    />
  )
}
