// A report's progress in plain words: where it stands, by when it should be done, what has happened, and — once
// closed — the citizen's rating.
import { useEffect, useRef, useState } from 'react'
import type { Ref } from 'react'
import { isOpenStatus } from '../../../server/kernel/statuses.ts'
import { useReport } from '../api/get-report.ts'
import type { ReportStatus } from '../api/get-report.ts'
import { readRequestFailure } from '../../lib/api.ts'
import { useReportI18n } from '../i18n.ts'
import { describeReportError } from '../lib/describe-error.ts'
import { RatingForm, RatingShown } from './rating-form.tsx'

export function ReportStatusView({ trackingNumber }: { trackingNumber: string }) {
  const i18n = useReportI18n()
  const { t } = i18n
  const report = useReport(trackingNumber)
  const heading = useRef<HTMLHeadingElement>(null)
  const loaded = report.data !== undefined

  // a looked-up report takes the focus, so a screen reader reads the answer rather than the form again
  useEffect(() => {
    if (loaded) heading.current?.focus()
  }, [loaded, trackingNumber])

  if (report.error) {
    const { code } = readRequestFailure(report.error)
    return (
      <p className="status-error" role="alert">
        <span>{describeReportError(report.error, i18n)}</span>{' '}
        {code !== 'not-found' && (
          <button type="button" className="link-button" onClick={() => void report.refetch()}>
            {t('common.retry')}
          </button>
        )}
      </p>
    )
  }
  if (!report.data) {
    return (
      <p className="status-loading" role="status">
        {t('track.loading')}
      </p>
    )
  }
  return <StatusCard status={report.data} headingRef={heading} refreshing={report.isFetching} onRefresh={() => void report.refetch()} />
}

interface StatusCardProps {
  status: ReportStatus
  headingRef: Ref<HTMLHeadingElement>
  refreshing: boolean
  onRefresh: () => void
}

function StatusCard({ status, headingRef, refreshing, onRefresh }: StatusCardProps) {
  const { t, lookup, formatDateTime, categoryName, locale } = useReportI18n()
  const [justRated, setJustRated] = useState(false)
  // past the open stages the deadline no longer matters: the case is over, or it lives on in another case
  const open = isOpenStatus(status.state)
  const overdue = open && Date.parse(status.deadline) < Date.now()
  const category = categoryName({ name: status.category_name, name_en: status.category_name_en })

  return (
    <section className="status" aria-labelledby="status-title">
      <h2 id="status-title" ref={headingRef} tabIndex={-1} className="status__title">
        {category}
      </h2>
      <dl className="status__facts">
        <div className={`status__state status__state--${status.state}`}>
          <dt>{t('status.label')}</dt>
          <dd>{lookup(`state.${status.state}`, status.state)}</dd>
        </div>
        <p className="status__note">{lookup(`stateNote.${status.state}`, '')}</p>
        <div>
          <dt>{t('status.tracking')}</dt>
          <dd className="status__tracking">{status.tracking_number}</dd>
        </div>
        <div>
          <dt>{t('status.reportedAt')}</dt>
          <dd>{formatDateTime(status.reported_at)}</dd>
        </div>
        {open && (
          <div>
            <dt>{t('status.deadline')}</dt>
            <dd>
              {formatDateTime(status.deadline)}
              {overdue && <span className="status__overdue"> · {t('status.overdue')}</span>}
            </dd>
          </div>
        )}
        {status.closed_at && (
          <div>
            <dt>{t('status.closedAt')}</dt>
            <dd>{formatDateTime(status.closed_at)}</dd>
          </div>
        )}
        {status.report_count > 1 && (
          <div>
            <dt>{t('status.reportCount')}</dt>
            <dd>{status.report_count}</dd>
          </div>
        )}
      </dl>
      {status.merged_into_existing && <p className="notice">{t('status.merged')}</p>}
      {status.result && (
        <div className="status__result">
          <h3>{t('status.result')}</h3>
          <p>{status.result}</p>
        </div>
      )}

      <h3 className="status__subtitle">{t('timeline.label')}</h3>
      <ol className="timeline">
        {status.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="timeline__item">
            <time dateTime={entry.at} className="timeline__time">
              {formatDateTime(entry.at)}
            </time>
            <span className="timeline__action">{lookup(`action.${entry.action}`, entry.action)}</span>
          </li>
        ))}
      </ol>

      {status.merged_into_existing ? (
        status.state === 'closed' && <p className="status__rating-note">{t('rating.mergedNote')}</p>
      ) : status.rating !== null ? (
        <RatingShown stars={status.rating} thanks={justRated} />
      ) : status.can_rate ? (
        <RatingForm key={`${status.tracking_number}-${locale}`} trackingNumber={status.tracking_number} onRated={() => setJustRated(true)} />
      ) : null}

      <button type="button" className="button button--secondary button--small status__refresh" disabled={refreshing} onClick={onRefresh}>
        {t('track.refresh')}
      </button>
    </section>
  )
}
