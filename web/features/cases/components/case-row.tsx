// One case in a queue: its id, category and stage, how urgent it is (priority, report count, deadline) and where
// it is; one click opens it.
import { useI18n } from '../../../lib/i18n.ts'
import type { CaseSummary } from '../api/get-cases.ts'
import { PRIORITY_LABELS, describeCategory, describeStage, describeUnit } from './case-labels.ts'
import { CaseDeadline } from './case-deadline.tsx'
import { colorForState } from './case-style.ts'

export interface CaseRowProps {
  summary: CaseSummary
  nowMs: number
  onOpen: (summary: CaseSummary) => void
}

export function CaseRow({ summary, nowMs, onOpen }: CaseRowProps) {
  const i18n = useI18n()
  const { t, locale, formatNumber } = i18n
  const unit = describeUnit(summary.unit, locale)
  return (
    <li className={`case-row${summary.escalated ? ' case-row--escalated' : ''}`}>
      <button type="button" className="case-row__open" onClick={() => onOpen(summary)}>
        <span className="case-row__head">
          <span className="case-dot" style={{ color: colorForState(summary.state) }} aria-hidden="true" />
          <strong className="case-row__id">{summary.id}</strong>
          <span className="case-row__category">{describeCategory(summary, locale)}</span>
          <span className="case-badge case-badge--state">{describeStage(summary, i18n)}</span>
        </span>
        <span className="case-row__meta">
          {summary.priority > 1 && (
            <span className={`case-badge case-badge--priority-${summary.priority}`}>{t(PRIORITY_LABELS[summary.priority])}</span>
          )}
          {summary.report_count > 1 && (
            <span className={`case-badge${summary.escalated ? ' case-badge--escalated' : ''}`}>
              {t('cases.reportCount', { count: formatNumber(summary.report_count) })}
            </span>
          )}
          {summary.extension_requested && <span className="case-badge case-badge--extension">{t('cases.extensionPending')}</span>}
          {summary.rework_count > 0 && (
            <span className="case-badge case-badge--rework">{t('cases.reworkBadge', { count: formatNumber(summary.rework_count) })}</span>
          )}
          <CaseDeadline state={summary.state} deadline={summary.deadline} nowMs={nowMs} />
        </span>
        <span className="case-row__description">{summary.description}</span>
        {unit !== undefined && <span className="case-row__unit">{unit}</span>}
      </button>
    </li>
  )
}
