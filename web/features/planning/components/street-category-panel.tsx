// The street picked on the map: its name, road class and category (示范街 / 规范街 / 商业街), who changed the category
// when and why, and for planners a change with a required reason — for this way, or every way of the street name.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { STREET_CATEGORIES } from '../../../../server/kernel/statuses.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { MessageKey } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { Street, StreetCategory } from '../api/get-street.ts'
import { useStreet, useStreetHistory } from '../api/get-street.ts'
import { useUpdateStreetCategory } from '../api/update-street-category.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { usePlanningState } from './planning-workspace.ts'
import './planning.css'

// The server's bounds on a reason, in characters (server/routes/streets.ts)
const MIN_REASON_LENGTH = 2
const MAX_REASON_LENGTH = 500

export interface StreetCategoryPanelProps {
  workspace: PlanningWorkspace
  canEdit: boolean
  /** The category colours the streets layer draws (the streets feature owns them). */
  categoryColors: Readonly<Record<StreetCategory, string>>
}

export function StreetCategoryPanel({ workspace, canEdit, categoryColors }: StreetCategoryPanelProps) {
  const { t } = useI18n()
  const headingId = useId()
  const streetId = usePlanningState(workspace, (s) => s.streetId)
  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('planning.streetTitle')}
      </h3>
      {streetId === undefined ? (
        <p className="panel-empty">{t('planning.streetHint')}</p>
      ) : (
        <StreetCategoryEditor
          key={streetId}
          streetId={streetId}
          canEdit={canEdit}
          categoryColors={categoryColors}
          onClose={() => workspace.selectStreet(undefined)}
        />
      )}
    </section>
  )
}

interface StreetCategoryEditorProps {
  streetId: string
  canEdit: boolean
  categoryColors: Readonly<Record<StreetCategory, string>>
  onClose: () => void
}

function StreetCategoryEditor({ streetId, canEdit, categoryColors, onClose }: StreetCategoryEditorProps) {
  const i18n = useI18n()
  const { t, lookup, locale, formatMeters } = i18n
  const street = useStreet(streetId)
  const history = useStreetHistory(streetId)

  if (!street.data) return <QueryState isPending={street.isPending} error={street.error} onRetry={() => void street.refetch()} />
  const { properties } = street.data
  const title = pickName(locale, properties) ?? t('value.unnamed')
  const category = (value: StreetCategory) => (
    <span className="category-chip">
      <span className="category-chip__line" style={{ background: categoryColors[value] }} aria-hidden="true" />
      {t(`streetCategory.${value}`)}
    </span>
  )

  return (
    <div className="street-editor">
      <div className="guidance-details__head">
        <h4 className="guidance-details__name">{title}</h4>
        {category(properties.category)}
        <button type="button" className="link-button" onClick={onClose}>
          {t('planning.close')}
        </button>
      </div>
      <p className="guidance-details__meta">
        {lookup(`highway.${properties.highway}`, properties.highway)} · {formatMeters(properties.length_m)} · {street.data.id}
      </p>
      {canEdit ? <StreetCategoryForm street={street.data} /> : <p className="panel-empty">{t('planning.readOnlyStreet')}</p>}
      <h5 className="planning-minor-title">{t('planning.historyTitle')}</h5>
      <QueryState isPending={history.isPending} error={history.error} onRetry={() => void history.refetch()} />
      {history.data && history.data.length === 0 && <p className="panel-empty">{t('planning.historyEmpty')}</p>}
      {history.data && history.data.length > 0 && (
        <ol className="history-list" aria-label={t('planning.historyTitle')}>
          {history.data.map((change) => (
            <li key={change.id} className="history-list__item">
              <span className="history-list__who">
                {i18n.formatDateTime(change.at)} · {change.username}
              </span>
              <span className="history-list__change">
                {category(change.from)} → {category(change.to)}
              </span>
              <span className="history-list__reason">{change.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

function StreetCategoryForm({ street }: { street: Street }) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  const id = useId()
  const update = useUpdateStreetCategory()
  const [category, setCategory] = useState<StreetCategory>(street.properties.category)
  const [reason, setReason] = useState('')
  const [wholeName, setWholeName] = useState(false)
  const [problem, setProblem] = useState<MessageKey>()
  const [notice, setNotice] = useState<string>()
  const named = street.properties.name !== null

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setNotice(undefined)
    const trimmed = reason.trim()
    const found: MessageKey | undefined =
      trimmed.length < MIN_REASON_LENGTH ? 'planning.reasonRequired'
      : trimmed.length > MAX_REASON_LENGTH ? 'planning.reasonTooLong'
      : !wholeName && category === street.properties.category ? 'planning.sameCategory'
      : undefined
    setProblem(found)
    if (found) return
    update.mutate(
      { id: street.id, patch: { category, reason: trimmed, ...(wholeName ? { scope: 'name' as const } : {}) } },
      {
        onSuccess: (changed) => {
          setReason('')
          setNotice(t('planning.categoryChanged', { count: formatNumber(changed.features.length), category: t(`streetCategory.${category}`) }))
        },
      },
    )
  }

  return (
    <form className="guidance-form" aria-label={t('planning.categoryFormLabel')} onSubmit={submit} noValidate>
      <div className="form-field">
        <label htmlFor={`${id}-category`}>{t('planning.newCategory')}</label>
        <select id={`${id}-category`} value={category} onChange={(event) => setCategory(readCategory(event.target.value) ?? category)}>
          {STREET_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`streetCategory.${value}`)} — {t(`planning.categoryRule.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-reason`}>
          {t('planning.reason')}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={`${id}-reason`}
          className="planning-textarea"
          value={reason}
          rows={2}
          maxLength={MAX_REASON_LENGTH}
          required
          placeholder={t('planning.reasonPlaceholder')}
          aria-invalid={problem !== undefined || undefined}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <label className="form-choice">
        <input type="checkbox" checked={wholeName} disabled={!named} onChange={(event) => setWholeName(event.target.checked)} />
        <span>
          <strong>{t('planning.wholeName')}</strong>
          <span className="form-choice__note">{named ? t('planning.wholeNameNote', { name: street.properties.name ?? '' }) : t('planning.unnamedNote')}</span>
        </span>
      </label>
      {problem && (
        <p className="form-problem" role="alert">
          {t(problem, { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH })}
        </p>
      )}
      {update.error && (
        <p className="form-problem" role="alert">
          {describeError(update.error, i18n)}
        </p>
      )}
      {notice && (
        <p className="panel-notice" role="status">
          {notice}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="small-button small-button--go" disabled={update.isPending}>
          {update.isPending ? t('planning.saving') : t('planning.saveCategory')}
        </button>
      </div>
    </form>
  )
}

function readCategory(value: string): StreetCategory | undefined {
  return STREET_CATEGORIES.find((category) => category === value)
}
