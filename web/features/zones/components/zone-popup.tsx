import { FeatureCard } from '../../../lib/feature-card.tsx'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { ZoneFeature } from '../api/get-zones.ts'

export function ZonePopup({ zone }: { zone: ZoneFeature }) {
  const { t, locale } = useI18n()
  const { name, name_en, code } = zone.properties
  return (
    <FeatureCard
      title={pickName(locale, zone.properties) ?? code}
      subtitle={locale === 'en' ? name : name_en}
      rows={[
        [t('field.name'), name],
        [t('field.code'), code],
      ]}
    />
  )
}
