// "附近已有相同问题的报告：这是同一个问题吗？" — the open cases of the same kind near the chosen place. Joining one
// adds weight to it (several reports raise its priority); a new problem gets its own case.
import { useEffect, useRef } from 'react'
import type { SimilarReport } from '../api/get-similar-reports.ts'
import { useReportI18n } from '../i18n.ts'

export interface SimilarChoiceProps {
  candidates: readonly SimilarReport[]
  busy: boolean
  onSame: (caseId: string) => void
  onNew: () => void
  onBack: () => void
}

export function SimilarChoice({ candidates, busy, onSame, onNew, onBack }: SimilarChoiceProps) {
  const { t, lookup, formatMeters, formatDateTime } = useReportI18n()
  const heading = useRef<HTMLHeadingElement>(null)

  // the question replaced the 提交 button: take the focus there, so a screen reader reads it next
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="similar" aria-labelledby="similar-title">
      <h2 id="similar-title" ref={heading} tabIndex={-1} className="similar__title">
        {t('similar.title')}
      </h2>
      <p className="similar__lead">{t('similar.lead')}</p>
      <ul className="similar__list">
        {candidates.map((candidate) => (
          <li key={candidate.case_id} className="similar__item">
            <p id={`similar-${candidate.case_id}`} className="similar__description">
              {candidate.description}
            </p>
            <p className="similar__meta">
              <span className="similar__state">{lookup(`state.${candidate.state}`, candidate.state)}</span>
              {candidate.same_lamp ? (
                <span>{t('similar.sameLamp')}</span>
              ) : (
                <span>{t('similar.distance', { distance: formatMeters(candidate.distance_m) })}</span>
              )}
              <span>{t('similar.reportedAt', { time: formatDateTime(candidate.reported_at) })}</span>
              {candidate.report_count > 1 && <span>{t('similar.count', { count: candidate.report_count })}</span>}
            </p>
            <button
              type="button"
              className="button button--primary button--block"
              disabled={busy}
              aria-describedby={`similar-${candidate.case_id}`}
              onClick={() => onSame(candidate.case_id)}
            >
              {t('similar.yes')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--secondary button--block" disabled={busy} onClick={onNew}>
        {t('similar.no')}
      </button>
      <button type="button" className="link-button similar__back" disabled={busy} onClick={onBack}>
        {t('similar.back')}
      </button>
    </section>
  )
}
