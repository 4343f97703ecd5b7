// Illegal construction (私搭乱建) in the case view: 发现一起、制止一起、查处一起. The stop (制止: the notice's date and
// number) and the investigation's outcome (查处: penalty, demolition or legalisation), each with its deadline; the
// responsible unit records them, and the case cannot be handled before the stop nor closed before the outcome.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { CaseDetail } from '../api/get-case.ts'
import { useRecordEnforcement } from '../api/change-case.ts'

const OUTCOMES = ['penalty', 'demolition', 'legalisation'] as const
type Outcome = (typeof OUTCOMES)[number]

export interface CaseEnforcementProps {
  current: CaseDetail
  /** The user may record the steps (the responsible unit, while it has the case). */
  canRecord: boolean
}

export function CaseEnforcement({ current, canRecord }: CaseEnforcementProps) {
  const i18n = useI18n()
  const { t, formatDateTime } = i18n
  const headingId = useId()
  const record = useRecordEnforcement()
  const [date, setDate] = useState('')
  const [notice, setNotice] = useState('')
  const [outcome, setOutcome] = useState<Outcome>('demolition')
  const [note, setNote] = useState('')
  const enforcement = current.enforcement
  if (!enforcement) return null
  const { stop, outcome: recorded } = enforcement
  const next = stop === null ? 'stop' : recorded === null ? 'outcome' : undefined
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!next || date === '') return
    if (next === 'stop' && notice.trim() === '') return
    record.mutate(
      { id: current.id, record: next === 'stop' ? { step: 'stop', date, notice_number: notice.trim() } : { step: 'outcome', date, outcome, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          setDate('')
          setNotice('')
          setNote('')
        },
      },
    )
  }
  const due = (deadline: string | null) => (deadline === null ? t('cases.enforcement.afterDispatch') : t('cases.enforcement.due', { deadline: formatDateTime(deadline) }))

  return (
    <section className="case-block case-enforcement" aria-labelledby={headingId}>
      <h4 id={headingId} className="case-block__title">
        {t('cases.enforcement.title')}
      </h4>
      <ol className="case-enforcement__steps">
        <li>
          <strong>{t('cases.action.enforce_stop')}</strong>{' '}
          {stop ? t('cases.enforcement.stopDone', { date: stop.date, notice: stop.notice_number ?? '' }) : due(enforcement.stop_deadline)}
        </li>
        <li>
          <strong>{t('cases.action.enforce_outcome')}</strong>{' '}
          {recorded ? t('cases.enforcement.outcomeDone', { date: recorded.date, outcome: t(`cases.enforcement.outcome.${recorded.outcome ?? 'penalty'}`) }) : due(enforcement.outcome_deadline)}
        </li>
      </ol>
      {canRecord && next && (
        <form className="case-enforcement__form" aria-label={t(next === 'stop' ? 'cases.enforcement.recordStop' : 'cases.enforcement.recordOutcome')} onSubmit={submit}>
          <label>
            {t('cases.enforcement.date')}
            <input type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
          </label>
          {next === 'stop' ? (
            <label>
              {t('cases.enforcement.notice')}
              <input value={notice} maxLength={40} required placeholder="责停〔2026〕1号" onChange={(event) => setNotice(event.target.value)} />
            </label>
          ) : (
            <>
              <label>
                {t('cases.enforcement.outcomeLabel')}
                <select value={outcome} onChange={(event) => setOutcome(event.target.value as Outcome)}>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`cases.enforcement.outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('cases.note')}
                <input value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
              </label>
            </>
          )}
          <button type="submit" className="small-button small-button--go" disabled={record.isPending}>
            {t(next === 'stop' ? 'cases.enforcement.recordStop' : 'cases.enforcement.recordOutcome')}
          </button>
          {record.error && (
            <p className="form-problem" role="alert">
              {describeError(record.error, i18n)}
            </p>
          )}
        </form>
      )}
    </section>
  )
}
