// The steps the signed-in user may take on the case now (the server's available_actions), with a note and, for a
// dispatch, the unit to send it to (the routed unit unless the dispatcher picks another). Every step sends the ETag
// the case was loaded with; if someone changed the case first, it is reloaded and the user told.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { UnitChoice } from '../api/case-queues.ts'
import { isStaleCaseError, useCaseTransition } from '../api/change-case.ts'
import type { LoadedCase } from '../api/get-case.ts'
import type { CaseActionName } from '../api/get-cases.ts'
import { ACTION_LABELS, STEP_TONES } from './case-labels.ts'
import { describeCaseError } from './describe-case-error.ts'

const BUTTON_TONE_CLASSES = { go: ' small-button--go', back: ' small-button--danger', plain: '' } as const

export interface CaseActionsProps {
  loaded: LoadedCase
  /** Units a dispatch may go to: those the loaded cases name (no unit list is hard-coded). */
  units: readonly UnitChoice[]
}

export function CaseActions({ loaded, units }: CaseActionsProps) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const { case: current, etag } = loaded
  const transition = useCaseTransition()
  const [note, setNote] = useState('')
  const [unitChoice, setUnitChoice] = useState<string>()
  const [done, setDone] = useState<CaseActionName>()
  const headingId = useId()
  const noteId = useId()
  const unitId = useId()
  const actions = current.available_actions

  const routed = current.unit
  const unitOptions = routed && !units.some((u) => u.id === routed.id) ? [routed, ...units] : units
  const dispatchTo = unitChoice ?? routed?.id ?? ''

  const take = (action: CaseActionName) => {
    setDone(undefined)
    transition.mutate(
      { id: current.id, etag, action, note: note.trim(), unitId: action === 'dispatch' ? dispatchTo : undefined },
      {
        onSuccess: () => {
          setNote('')
          setDone(action)
        },
      },
    )
  }
  const submit = (event: FormEvent<HTMLFormElement>) => event.preventDefault()

  // what the last step did stays in view, also when it left the user nothing more to do (a dispatched case)
  const feedback = (
    <>
      {transition.isPending && (
        <p className="panel-count" role="status">
          {t('cases.saving')}
        </p>
      )}
      {done !== undefined && !transition.isPending && (
        <p className="panel-notice" role="status">
          {t('cases.done', { action: t(ACTION_LABELS[done]) })}
        </p>
      )}
      {transition.error && (
        <p className="form-problem" role="alert">
          {isStaleCaseError(transition.error) ? t('cases.staleReloaded') : describeCaseError(transition.error, i18n)}
        </p>
      )}
    </>
  )
  if (actions.length === 0) return done === undefined && !transition.error ? null : <div className="case-block">{feedback}</div>

  return (
    <section className="case-block" aria-labelledby={headingId}>
      <h4 id={headingId} className="case-block__title">
        {t('cases.actions')}
      </h4>
      <form className="case-actions" onSubmit={submit}>
        {actions.includes('dispatch') && (
          <div className="case-field">
            <label htmlFor={unitId}>{t('cases.dispatchTo')}</label>
            <select id={unitId} value={dispatchTo} onChange={(event) => setUnitChoice(event.target.value)}>
              {dispatchTo === '' && <option value="">{t('cases.chooseUnit')}</option>}
              {unitOptions.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {locale === 'en' ? unit.name_en : unit.name} ({unit.id})
                  {unit.id === routed?.id ? ` · ${t('cases.routedUnit')}` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="case-field">
          <label htmlFor={noteId}>{t('cases.note')}</label>
          <textarea id={noteId} rows={2} maxLength={2000} value={note} placeholder={t('cases.noteHint')} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="case-actions__buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`small-button${BUTTON_TONE_CLASSES[STEP_TONES[action]]}`}
              disabled={transition.isPending || (action === 'dispatch' && dispatchTo === '')}
              onClick={() => take(action)}
            >
              {t(ACTION_LABELS[action])}
            </button>
          ))}
        </div>
        {/* the server refuses these steps without a photo of this round (server/domain/case-evidence.ts) */}
        {(actions.includes('handle') || actions.includes('verify_pass')) && <p className="legend-note">{t('cases.evidenceHint')}</p>}
      </form>
      {feedback}
    </section>
  )
}
