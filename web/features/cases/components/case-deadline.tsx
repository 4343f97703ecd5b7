// A case's deadline countdown: time left, or red and "overdue" once it has passed; only while work is owed.
import { isPendingWork } from '../../../../server/kernel/statuses.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { describeDeadline, formatCountdown, formatDue } from './deadline-countdown.ts'

export interface CaseDeadlineProps {
  state: string
  deadline: string
  nowMs: number
  /** Say when it falls first ("明天 09:00 · 剩 12 小时"), for the detail view; a case no longer owing work shows just that. */
  withDue?: boolean
}

export function CaseDeadline({ state, deadline, nowMs, withDue = false }: CaseDeadlineProps) {
  const i18n = useI18n()
  const parts = describeDeadline(deadline, nowMs)
  const running = isPendingWork(state) && parts !== undefined
  if (!withDue && !running) return null
  return (
    <span className="case-deadline" title={i18n.formatDateTime(deadline)}>
      {withDue && (parts && running ? formatDue(deadline, parts, i18n) : i18n.formatDateTime(deadline))}
      {withDue && running && ' · '}
      {running && <span className={`case-deadline__countdown${parts.overdue ? ' case-deadline__countdown--overdue' : ''}`}>{formatCountdown(parts, i18n.t)}</span>}
    </span>
  )
}
