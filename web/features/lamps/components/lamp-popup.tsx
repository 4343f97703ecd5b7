import { FeatureCard } from '../../../lib/feature-card.tsx'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName } from '../../../lib/i18n.ts'
import type { LampFeature } from '../api/get-lamps.ts'

export interface LampPopupProps {
  lamp: LampFeature
  /** The lamp's street, undefined when it is not among the loaded streets. */
  street: LocalizedName | undefined
}

export function LampPopup({ lamp, street }: LampPopupProps) {
  const { t, locale, formatNumber, formatDate, formatDateTime } = useI18n()
  const { status, height_m, maintainer, installed_at, status_changed_at } = lamp.properties
  return (
    <FeatureCard
      title={`${t('layer.lamps')} ${lamp.id}`}
      rows={[
        [t('field.status'), `${t(`lampStatus.${status}`)} · ${formatDateTime(status_changed_at)}`],
        [t('field.height'), t('unit.meters', { value: formatNumber(height_m) })],
        [t('field.maintainer'), maintainer],
        [t('field.street'), street ? (pickName(locale, street) ?? t('value.unnamed')) : t('value.none')],
        [t('field.installedAt'), formatDate(installed_at)],
      ]}
    />
  )
}
