// 照片（选填）: one photo from the camera, checked on the phone against what the server accepts, with a preview.
import { useEffect, useRef, useState } from 'react'
import { useReportI18n } from '../i18n.ts'
import { checkPhoto } from '../lib/check-photo.ts'
import type { PhotoProblem } from '../lib/check-photo.ts'
import type { FieldError } from '../lib/field-errors.ts'
import { FieldErrorLine, describedBy, hintId } from './field-message.tsx'

const FIELD_ID = 'report-photo'

export interface PhotoFieldProps {
  value: File | null
  error: FieldError | undefined
  /** A refused file comes back as null with the reason, so the form never holds a photo it cannot send. */
  onChange: (photo: File | null, problem?: PhotoProblem) => void
}

export function PhotoField({ value, error, onChange }: PhotoFieldProps) {
  const i18n = useReportI18n()
  const { t, formatFileSize } = i18n
  const inputRef = useRef<HTMLInputElement>(null)
  const [previewUrl, setPreviewUrl] = useState<string | null>(null)
  const [refused, setRefused] = useState<{ problem: PhotoProblem; bytes: number } | null>(null)

  useEffect(() => {
    if (!value) {
      setPreviewUrl(null)
      return
    }
    const url = URL.createObjectURL(value)
    setPreviewUrl(url)
    return () => URL.revokeObjectURL(url)
  }, [value])

  const clear = () => {
    if (inputRef.current) inputRef.current.value = ''
  }

  // the size goes into the message, so the citizen knows how far over the limit the photo is
  const shownError: FieldError | undefined =
    error && 'key' in error && error.key === 'photo.tooLarge' && refused ? { text: t('photo.tooLarge', { size: formatFileSize(refused.bytes) }) } : error

  return (
    <div className="field">
      <label className="field__label" htmlFor={FIELD_ID}>
        {t('field.photo')}
      </label>
      <p id={hintId(FIELD_ID)} className="field__hint">
        {t('photo.hint')}
      </p>
      <input
        ref={inputRef}
        id={FIELD_ID}
        className="field__file"
        type="file"
        accept="image/*"
        capture="environment"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(FIELD_ID, { hint: true, error: shownError })}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null
          if (!file) return onChange(null)
          const problem = checkPhoto(file)
          if (problem) {
            setRefused({ problem, bytes: file.size })
            clear()
            return onChange(null, problem)
          }
          setRefused(null)
          onChange(file)
        }}
      />
      <label htmlFor={FIELD_ID} className="button button--secondary photo-trigger">
        <span aria-hidden="true" className="button__icon">
          ⊕
        </span>
        {value ? t('photo.change') : t('photo.choose')}
      </label>
      {value && previewUrl && (
        <div className="photo-preview">
          <img src={previewUrl} alt={t('photo.preview')} className="photo-preview__image" />
          <div className="photo-preview__meta">
            <span className="photo-preview__name">{value.name}</span>
            <span>{formatFileSize(value.size)}</span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                clear()
                onChange(null)
              }}
            >
              {t('photo.remove')}
            </button>
          </div>
        </div>
      )}
      <FieldErrorLine fieldId={FIELD_ID} error={shownError} i18n={i18n} />
    </div>
  )
}

