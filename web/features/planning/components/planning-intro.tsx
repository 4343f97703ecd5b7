// The head of the planning view (街道与疏导点): what it is for, what the map shows, and for a leader that it is
// read-only.
import { useId } from 'react'
import { STREET_CATEGORIES } from '../../../../server/kernel/statuses.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import type { StreetCategory } from '../api/get-street.ts'
import { GUIDANCE_STATUS_COLORS, VIOLATION_COLOR } from './guidance-status.ts'
import { PLANNING_COLORS } from './planning-style.ts'
import './planning.css'

const LEGEND_STATUSES = ['proposed', 'approved', 'active'] as const

export interface PlanningIntroProps {
  canEdit: boolean
  /** The category colours the streets layer draws (the streets feature owns them). */
  categoryColors: Readonly<Record<StreetCategory, string>>
}

export function PlanningIntro({ canEdit, categoryColors }: PlanningIntroProps) {
  const { t } = useI18n()
  const headingId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('planning.title')}
      </h2>
      <p className="legend-note">{t('planning.intro')}</p>
      {!canEdit && <p className="panel-callout">{t('planning.readOnly')}</p>}
      <div className="planning-legend">
        <LegendList>
          {STREET_CATEGORIES.map((category) => (
            <LegendItem key={category} shape="line" color={categoryColors[category]} label={`${t(`streetCategory.${category}`)} · ${t(`planning.categoryRule.${category}`)}`} />
          ))}
        </LegendList>
        <LegendList>
          {LEGEND_STATUSES.map((status) => (
            <LegendItem key={status} shape="dot" color={GUIDANCE_STATUS_COLORS[status]} label={t(`planning.status.${status}`)} />
          ))}
          <LegendItem shape="ring" color={VIOLATION_COLOR} label={t('planning.legendViolation')} />
          <LegendItem shape="hollow" color={PLANNING_COLORS.suggestion} label={t('planning.legendSuggestion')} />
        </LegendList>
      </div>
    </section>
  )
}
