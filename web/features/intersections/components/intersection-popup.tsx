import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import type { IntersectionFeature } from '../api/get-intersections.ts'

export function IntersectionPopup({ intersection }: { intersection: IntersectionFeature }) {
  const { t, formatNumber } = useI18n()
  const { names, degree } = intersection.properties
  return (
    <FeatureCard
      title={t('layer.intersections')}
      subtitle={intersection.id}
      rows={[
        [t('field.streets'), names.length > 0 ? names.join(' · ') : t('value.unnamed')],
        [t('field.degree'), formatNumber(degree)],
      ]}
    />
  )
}
