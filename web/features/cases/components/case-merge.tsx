// Folding a duplicate into the case it repeats (dispatcher, inspector): the other case gains a report, and this one
// is marked merged and leaves the queues. Irreversible, so it asks once more before it goes.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { readRequestFailure } from '../../../lib/api.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { useMergeCase } from '../api/change-case.ts'
import { describeCaseError } from './describe-case-error.ts'

// the server's case ids: 'I' and seven digits (server/store: I0000001 …)
const CASE_ID = /^[A-Za-z]\d{1,31}$/

/** An open case this one likely repeats, as the server found it. */
export interface LikelyRepeat {
  id: string
  distance_m: number
  same_lamp: boolean
  report_count: number
}

export interface CaseMergeProps {
  /** Open cases this report likely repeats: offered first, one click (and a confirmation) to merge. */
  likelyRepeats: readonly LikelyRepeat[]
  caseId: string
  etag: string // the version the user is looking at: a merge of a case changed meanwhile is refused
  onOpenCase: (id: string) => void
}

export function CaseMerge({ caseId, etag, onOpenCase, likelyRepeats }: CaseMergeProps) {
  const i18n = useI18n()
  const { t } = i18n
  const merge = useMergeCase()
  const inputId = useId()
  const [into, setInto] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [keptApart, setKeptApart] = useState(false)
  const target = into.trim().toUpperCase()
  const problem = target === '' ? undefined : !CASE_ID.test(target) ? t('cases.mergeBadId') : target === caseId ? t('cases.mergeSelf') : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (target === '' || problem !== undefined) return
    if (!confirming) {
      setConfirming(true)
      return
    }
    merge.mutate({ id: caseId, into: target, etag })
    setConfirming(false)
  }

  const offered = !keptApart && !merge.isSuccess && likelyRepeats.length > 0
  return (
    <>
      {offered && (
        <div className="case-block case-repeat" role="note" aria-label={t('cases.likelyRepeat')}>
          <p className="case-repeat__title">{t('cases.likelyRepeat')}</p>
          <ul className="case-repeat__list">
            {likelyRepeats.slice(0, 3).map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => onOpenCase(r.id)}>
                  {r.id}
                </button>{' '}
                {r.same_lamp ? t('cases.repeatSameLamp') : t('cases.repeatDistance', { distance: String(r.distance_m) })}
                {' · '}
                {t('cases.repeatReports', { count: String(r.report_count) })}{' '}
                <button
                  type="button"
                  className={`small-button${confirming && target === r.id ? ' small-button--danger' : ''}`}
                  disabled={merge.isPending}
                  onClick={() => {
                    if (confirming && target === r.id) {
                      merge.mutate({ id: caseId, into: r.id, etag })
                      setConfirming(false)
                    } else {
                      setInto(r.id)
                      setConfirming(true)
                    }
                  }}
                >
                  {confirming && target === r.id ? t('cases.mergeConfirm', { id: caseId, into: r.id }) : t('cases.mergeInto1', { id: r.id })}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="small-button" onClick={() => setKeptApart(true)}>
            {t('cases.keepApart')}
          </button>
        </div>
      )}
    <details className="case-block case-merge">
      <summary className="case-block__title">{t('cases.merge')}</summary>
      <p className="form-hint">{t('cases.mergeHint')}</p>
      <form className="case-merge__form" onSubmit={submit}>
        <label htmlFor={inputId}>{t('cases.mergeInto')}</label>
        <input
          id={inputId}
          value={into}
          placeholder="I0000123"
          autoComplete="off"
          onChange={(event) => {
            setInto(event.target.value)
            setConfirming(false)
          }}
        />
        <button type="submit" className={`small-button${confirming ? ' small-button--danger' : ''}`} disabled={merge.isPending || target === '' || problem !== undefined}>
          {confirming ? t('cases.mergeConfirm', { id: caseId, into: target }) : t('cases.mergeSubmit')}
        </button>
      </form>
      {problem !== undefined && <p className="form-problem">{problem}</p>}
      {merge.isSuccess && (
        <p className="panel-notice" role="status">
          {t('cases.merged', { into: merge.variables.into })}{' '}
          <button type="button" className="link-button" onClick={() => onOpenCase(merge.variables.into)}>
            {t('cases.openCase', { id: merge.variables.into })}
          </button>
        </p>
      )}
      {merge.error && (
        <p className="form-problem" role="alert">
          {/* for a merge, 409 means one of the two cases is no longer open */}
          {readRequestFailure(merge.error).code === 'conflict' ? t('cases.mergeNotOpen') : describeCaseError(merge.error, i18n)}
        </p>
      )}
    </details>
    </>
  )
}
