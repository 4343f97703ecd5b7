// Filing a case from the case view (dispatcher: a hotline call; inspector: a patrol find). The spot is picked on
// the map (pick-point-layer.tsx, wired by the app); the answer names the open cases nearby it may repeat
// (created-case-notice.tsx).
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { CreatedCase, NewCaseDraft, NewCaseSource } from '../api/create-case.ts'
import { defaultSource, toIntakeBody, useCreateCase } from '../api/create-case.ts'
import type { CategoryOption } from './case-queues-view.tsx'
import { describeCaseError } from './describe-case-error.ts'

export interface NewCaseFormProps {
  roles: readonly string[]
  categories: readonly CategoryOption[]
  picking: boolean
  pickedPoint: readonly [number, number] | undefined
  onStartPicking: () => void
  onCancelPicking: () => void
  onCreated: (created: CreatedCase) => void
  onClose: () => void
}

export function NewCaseForm({ roles, categories, picking, pickedPoint, onStartPicking, onCancelPicking, onCreated, onClose }: NewCaseFormProps) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const create = useCreateCase()
  const headingId = useId()
  const sourceId = useId()
  const categoryId = useId()
  const descriptionId = useId()
  const phoneId = useId()
  const [source, setSource] = useState<NewCaseSource>(() => defaultSource(roles))
  const [category, setCategory] = useState('')
  const [description, setDescription] = useState('')
  const [phone, setPhone] = useState('')
  const [tried, setTried] = useState(false)
  const draft: NewCaseDraft = { source, category, description, phone, point: pickedPoint }
  const result = toIntakeBody(draft)
  const missing = 'missing' in result ? result.missing : undefined
  // the form can go without its cancel button (a case opened from the queues): the map then stops picking too
  const cancelPicking = useRef(onCancelPicking)
  useEffect(() => {
    cancelPicking.current = onCancelPicking
  })
  useEffect(() => () => cancelPicking.current(), [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setTried(true)
    if (!('body' in result) || create.isPending) return
    create.mutate(result.body, { onSuccess: onCreated })
  }

  return (
    <form className="case-block new-case" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="case-block__title">
        {t('cases.new')}
      </h3>
      <p className="form-hint">{t('cases.new.hint')}</p>
      <div className="new-case__fields">
        <label htmlFor={sourceId}>{t('cases.new.source')}</label>
        <select id={sourceId} value={source} onChange={(event) => setSource(event.target.value === 'patrol' ? 'patrol' : 'hotline')}>
          <option value="hotline">{t('cases.new.source.hotline')}</option>
          <option value="patrol">{t('cases.new.source.patrol')}</option>
        </select>
        <label htmlFor={categoryId}>{t('cases.new.category')}</label>
        <select id={categoryId} value={category} required onChange={(event) => setCategory(event.target.value)}>
          <option value="">{t('cases.new.chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {pickName(locale, c) ?? c.code}
            </option>
          ))}
        </select>
        <label htmlFor={descriptionId}>{t('cases.new.description')}</label>
        <textarea id={descriptionId} value={description} required rows={3} maxLength={4000} onChange={(event) => setDescription(event.target.value)} />
        {source === 'hotline' && (
          <>
            <label htmlFor={phoneId}>{t('cases.new.phone')}</label>
            <input id={phoneId} type="tel" value={phone} maxLength={32} autoComplete="off" onChange={(event) => setPhone(event.target.value)} />
          </>
        )}
        <span>{t('cases.new.location')}</span>
        <div className="new-case__location">
          {picking ? (
            <>
              <span role="status">{t('cases.new.picking')}</span>
              <button type="button" className="small-button" onClick={onCancelPicking}>
                {t('cases.new.cancelPick')}
              </button>
            </>
          ) : (
            <>
              <span>
                {pickedPoint
                  ? t('cases.new.point', { lon: pickedPoint[0].toFixed(6), lat: pickedPoint[1].toFixed(6) })
                  : t('cases.new.noPoint')}
              </span>
              <button type="button" className="small-button" onClick={onStartPicking}>
                {pickedPoint ? t('cases.new.repick') : t('cases.new.pick')}
              </button>
            </>
          )}
        </div>
      </div>
      {tried && missing !== undefined && <p className="form-problem">{t(`cases.new.missing.${missing}`)}</p>}
      {create.error && (
        <p className="form-problem" role="alert">
          {describeCaseError(create.error, i18n)}
        </p>
      )}
      <div className="new-case__buttons">
        <button type="submit" className="small-button small-button--go" disabled={create.isPending}>
          {create.isPending ? t('cases.saving') : t('cases.new.submit')}
        </button>
        <button type="button" className="small-button" onClick={onClose}>
          {t('cases.new.cancel')}
        </button>
      </div>
    </form>
  )
}
