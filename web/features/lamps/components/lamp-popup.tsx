import type { ReactNode } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName } from '../../../lib/i18n.ts'
import type { LampFeature } from '../api/get-lamp.ts'
import { LampHistory } from './lamp-history.tsx'

export interface LampPopupProps {
  lamp: LampFeature
  /** The lamp's street, undefined when it is not among the loaded streets. */
  street: LocalizedName | undefined
  /** What the user may do with this lamp (a crew marks it repaired or broken); given by the app. */
  actions?: ReactNode
  /** The lamp's status changes and who made them (crews, planners, leaders). */
  showHistory?: boolean
}

export function LampPopup({ lamp, street, actions, showHistory = false }: LampPopupProps) {
  const { t, locale, formatNumber, formatDate, formatDateTime } = useI18n()
  const { status, working, height_m, maintainer, installed_at, status_changed_at } = lamp.properties
  return (
    <>
      <FeatureCard
        title={t('lamp.title', { id: lamp.id })}
        rows={[
          [t('field.status'), `${t(`lampStatus.${status}`)} · ${formatDateTime(status_changed_at)}`],
          // ok but not lit: an outage report is still open (docs/domain-notes.md §3)
          [t('field.working'), working ? t('lamp.lit') : t('lamp.unlit')],
          [t('field.height'), t('unit.meters', { value: formatNumber(height_m) })],
          [t('field.maintainer'), maintainer],
          [t('field.street'), street ? (pickName(locale, street) ?? t('value.unnamed')) : t('value.none')],
          [t('field.installedAt'), formatDate(installed_at)],
        ]}
      />
      {actions}
      {showHistory && <LampHistory lampId={lamp.id} />}
    </>
  )
}
