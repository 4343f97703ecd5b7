import { FeatureCard } from '../../../lib/feature-card.tsx'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { StreetFeature } from '../api/get-streets.ts'

export function StreetPopup({ street }: { street: StreetFeature }) {
  const { t, lookup, formatMeters, locale } = useI18n()
  const { name, name_en, highway, category, length_m } = street.properties
  const title = pickName(locale, street.properties) ?? t('value.unnamed')
  const otherName = locale === 'en' ? name : name_en
  return (
    <FeatureCard
      title={title}
      subtitle={otherName && otherName !== title ? otherName : undefined}
      rows={[
        [t('field.category'), t(`streetCategory.${category}`)],
        [t('field.highway'), lookup(`highway.${highway}`, highway)],
        [t('field.length'), formatMeters(length_m)],
      ]}
    />
  )
}
