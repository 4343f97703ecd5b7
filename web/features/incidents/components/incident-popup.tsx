import { FeatureCard } from '../../../lib/feature-card.tsx'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName } from '../../../lib/i18n.ts'
import type { Incident } from '../api/get-incident.ts'
import type { IncidentCategory } from './incident-style.ts'

export interface IncidentPopupProps {
  incident: Incident
  category: IncidentCategory | undefined
  street: LocalizedName | undefined
}

export function IncidentPopup({ incident, category, street }: IncidentPopupProps) {
  const { t, locale, lookup, formatDateTime } = useI18n()
  const { status, source, reported_at, closed_at, description } = incident.properties
  const streetName = street && pickName(locale, street)
  return (
    <FeatureCard
      title={category ? pickName(locale, category) : incident.properties.category}
      subtitle={incident.id}
      rows={[
        [t('field.status'), t(`incidentStatus.${status}`)],
        [t('field.reportedAt'), formatDateTime(reported_at)],
        ...(closed_at ? [[t('field.closedAt'), formatDateTime(closed_at)] as const] : []),
        [t('field.source'), lookup(`incidentSource.${source}`, source)],
        ...(streetName ? [[t('field.street'), streetName] as const] : []),
        [t('field.description'), description],
      ]}
    />
  )
}
