// Reporting a problem, in three steps: fill in the form; if open cases of the same kind are near, say whether this
// is one of them; get the tracking number (and the photo uploaded behind it).
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { metaQueryOptions } from '../../features/meta/api/get-meta.ts'
import { readRequestFailure } from '../../lib/api.ts'
import { useAddReportPhoto } from '../api/add-report-photo.ts'
import { useCreateReport } from '../api/create-report.ts'
import type { CreatedReport } from '../api/create-report.ts'
import { similarReportsQueryOptions } from '../api/get-similar-reports.ts'
import type { SimilarReport } from '../api/get-similar-reports.ts'
import { useReportI18n } from '../i18n.ts'
import { describeReportError } from '../lib/describe-error.ts'
import { readFieldErrors } from '../lib/field-errors.ts'
import type { FieldError, ReportField } from '../lib/field-errors.ts'
import type { BBox } from '../lib/locate-user.ts'
import { MAX_DESCRIPTION_CHARS, findDraftErrors, toNewReport, toSimilarQuery } from '../lib/report-draft.ts'
import { FieldErrorLine, describedBy, hintId } from './field-message.tsx'
import { LocationField } from './location-field.tsx'
import type { PickedLocation } from './location-field.tsx'
import { PhotoField } from './photo-field.tsx'
import { ReportReceipt } from './report-receipt.tsx'
import { SimilarChoice } from './similar-choice.tsx'

/** Central Chengdu, used when the server cannot tell the district's bounds (empty store, /api/meta failed). */
const FALLBACK_BOUNDS: BBox = [104.03, 30.63, 104.11, 30.69]

// The element each field's error sends the focus to (the location's is its "use my location" button).
const FOCUS_TARGET: Record<ReportField, string> = {
  category: 'report-category',
  location: 'report-locate',
  description: 'report-description',
  phone: 'report-phone',
  photo: 'report-photo',
}
const FIELD_ORDER: readonly ReportField[] = ['category', 'location', 'description', 'photo', 'phone']

type Step = { kind: 'editing' } | { kind: 'choosing'; candidates: SimilarReport[] } | { kind: 'done'; created: CreatedReport }

export interface ReportPanelProps {
  /** A report was accepted: the page remembers its number on this phone. */
  onReported: (trackingNumber: string) => void
  onTrack: (trackingNumber: string) => void
  onReportAnother: () => void
}

export function ReportPanel({ onReported, onTrack, onReportAnother }: ReportPanelProps) {
  const i18n = useReportI18n()
  const { t, categoryName } = i18n
  const queryClient = useQueryClient()
  const meta = useQuery(metaQueryOptions())
  const createReport = useCreateReport()
  const uploadPhoto = useAddReportPhoto()

  const [category, setCategory] = useState('')
  const [location, setLocation] = useState<PickedLocation | null>(null)
  const [description, setDescription] = useState('')
  const [phone, setPhone] = useState('')
  const [photo, setPhoto] = useState<File | null>(null)
  const [errors, setErrors] = useState<Partial<Record<ReportField, FieldError>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'editing' })
  const receiptHeading = useRef<HTMLHeadingElement>(null)

  // While the district is still being asked for, the map waits rather than open on the fallback and jump
  const bounds: BBox | undefined = meta.data?.bounds
    ? [meta.data.bounds[0], meta.data.bounds[1], meta.data.bounds[2], meta.data.bounds[3]]
    : meta.isPending
      ? undefined
      : FALLBACK_BOUNDS

  useEffect(() => {
    if (step.kind === 'done') receiptHeading.current?.focus()
  }, [step.kind])

  const similarPlaces = useMemo(() => (step.kind === 'choosing' ? step.candidates.map((c) => c.coordinates) : []), [step])

  /** Any change to what the report says: the offered cases were for the old content, and its errors are stale. */
  const edit = (field: ReportField) => {
    if (step.kind === 'choosing') setStep({ kind: 'editing' })
    setFormError(null)
    if (errors[field]) setErrors(({ [field]: _fixed, ...rest }) => rest)
  }

  const draft = { category, coordinates: location?.coordinates ?? null, description, phone, photo }

  async function send(repeatOf: string | undefined) {
    if (!draft.coordinates) return
    setBusy('sending')
    setFormError(null)
    try {
      const created = await createReport.mutateAsync(toNewReport({ ...draft, coordinates: draft.coordinates }, repeatOf))
      onReported(created.tracking_number)
      setStep({ kind: 'done', created })
      if (photo) uploadPhoto.mutate({ trackingNumber: created.tracking_number, photo })
    } catch (error) {
      const failure = readRequestFailure(error)
      if (failure.code === 'invalid-body') {
        const { fields, other } = readFieldErrors(failure.errors)
        setErrors(fields)
        setFormError([t('error.invalid-body'), ...other].join(' '))
        focusFirst(fields)
      } else {
        setFormError(describeReportError(error, i18n))
      }
      // not-a-repeat: the chosen case closed meanwhile; the next 提交 asks again what is near
      setStep({ kind: 'editing' })
    } finally {
      setBusy(null)
    }
  }

  function focusFirst(found: Partial<Record<ReportField, FieldError>>) {
    const first = FIELD_ORDER.find((field) => found[field])
    if (first) document.getElementById(FOCUS_TARGET[first])?.focus()
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const found = findDraftErrors(draft)
    setErrors(found)
    if (Object.keys(found).length > 0 || !draft.coordinates) {
      setFormError(t('form.fixErrors'))
      focusFirst(found)
      return
    }
    setFormError(null)
    setBusy('checking')
    let candidates: SimilarReport[]
    try {
      candidates = await queryClient.fetchQuery(similarReportsQueryOptions(toSimilarQuery(category, draft.coordinates)))
    } catch (error) {
      setFormError(describeReportError(error, i18n))
      setBusy(null)
      return
    }
    if (candidates.length > 0) {
      setBusy(null)
      setStep({ kind: 'choosing', candidates })
      return
    }
    await send(undefined)
  }

  if (step.kind === 'done') {
    return (
      <ReportReceipt
        headingRef={receiptHeading}
        created={step.created}
        photo={photo ? { state: uploadPhoto.status, error: uploadPhoto.error, retry: () => uploadPhoto.mutate({ trackingNumber: step.created.tracking_number, photo }) } : null}
        onTrack={() => onTrack(step.created.tracking_number)}
        onReportAnother={onReportAnother}
      />
    )
  }

  const categories = meta.data?.incident_categories ?? []
  const groups = (['event', 'component'] as const).map((kind) => ({ kind, items: categories.filter((c) => c.kind === kind) }))

  return (
    <form className="report-form" aria-label={t('form.label')} noValidate onSubmit={(event) => void onSubmit(event)}>
      <p className="report-form__lead">{t('app.lead')}</p>

      <div className="field">
        <label className="field__label" htmlFor="report-category">
          {t('field.category')}
        </label>
        <select
          id="report-category"
          className="field__control"
          value={category}
          required
          disabled={meta.isPending && !meta.data}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describedBy('report-category', { hint: false, error: errors.category })}
          onChange={(event) => {
            edit('category')
            setCategory(event.target.value)
          }}
        >
          <option value="" disabled>
            {meta.isPending ? t('category.loading') : t('category.choose')}
          </option>
          {groups.map(({ kind, items }) =>
            items.length === 0 ? null : (
              <optgroup key={kind} label={t(kind === 'event' ? 'category.event' : 'category.component')}>
                {items.map((c) => (
                  <option key={c.code} value={c.code}>
                    {categoryName(c)}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
        {meta.error && (
          <p className="field__error" role="alert">
            {t('category.loadFailed', { reason: describeReportError(meta.error, i18n) })}{' '}
            <button type="button" className="link-button" onClick={() => void meta.refetch()}>
              {t('common.retry')}
            </button>
          </p>
        )}
        <FieldErrorLine fieldId="report-category" error={errors.category} i18n={i18n} />
      </div>

      <LocationField
        bounds={bounds}
        value={location}
        error={errors.location}
        similar={similarPlaces}
        onChange={(next) => {
          edit('location')
          setLocation(next)
        }}
      />

      <div className="field">
        <label className="field__label" htmlFor="report-description">
          {t('field.description')}
        </label>
        <p id={hintId('report-description')} className="field__hint">
          {t('description.hint')}
        </p>
        <textarea
          id="report-description"
          className="field__control field__control--textarea"
          value={description}
          rows={4}
          required
          maxLength={MAX_DESCRIPTION_CHARS}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('report-description', { hint: true, error: errors.description })}
          onChange={(event) => {
            edit('description')
            setDescription(event.target.value)
          }}
        />
        <p className="field__counter" aria-hidden="true">
          {t('description.count', { count: description.length, max: MAX_DESCRIPTION_CHARS })}
        </p>
        <FieldErrorLine fieldId="report-description" error={errors.description} i18n={i18n} />
      </div>

      <PhotoField
        value={photo}
        error={errors.photo}
        onChange={(next, problem) => {
          edit('photo')
          setPhoto(next)
          if (problem) setErrors((current) => ({ ...current, photo: { key: problem } }))
        }}
      />

      <div className="field">
        <label className="field__label" htmlFor="report-phone">
          {t('field.phone')}
        </label>
        <p id={hintId('report-phone')} className="field__hint">
          {t('phone.hint')}
        </p>
        <input
          id="report-phone"
          className="field__control"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          maxLength={20}
          aria-invalid={errors.phone ? true : undefined}
          aria-describedby={describedBy('report-phone', { hint: true, error: errors.phone })}
          onChange={(event) => {
            edit('phone')
            setPhone(event.target.value)
          }}
        />
        <FieldErrorLine fieldId="report-phone" error={errors.phone} i18n={i18n} />
      </div>

      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      {step.kind === 'choosing' ? (
        <SimilarChoice
          candidates={step.candidates}
          busy={busy === 'sending'}
          onSame={(caseId) => void send(caseId)}
          onNew={() => void send(undefined)}
          onBack={() => setStep({ kind: 'editing' })}
        />
      ) : (
        <button type="submit" className="button button--primary button--block" disabled={busy !== null} aria-busy={busy !== null}>
          {busy === 'checking' ? t('submit.checking') : busy === 'sending' ? t('submit.sending') : t('submit.label')}
        </button>
      )}
    </form>
  )
}
