// A form field's hint and error lines, with the ids its control names in aria-describedby.
import type { ReportI18n } from '../i18n.ts'
import type { FieldError } from '../lib/field-errors.ts'

export const hintId = (fieldId: string) => `${fieldId}-hint`
export const errorId = (fieldId: string) => `${fieldId}-error`

/** The aria-describedby value for a control with an optional hint and error. */
export function describedBy(fieldId: string, { hint, error }: { hint: boolean; error: FieldError | undefined }): string | undefined {
  const ids = [hint ? hintId(fieldId) : null, error ? errorId(fieldId) : null].filter((x) => x !== null)
  return ids.length > 0 ? ids.join(' ') : undefined
}

export function fieldErrorText(error: FieldError, { t }: ReportI18n): string {
  return 'key' in error ? t(error.key) : error.text
}

export function FieldErrorLine({ fieldId, error, i18n }: { fieldId: string; error: FieldError | undefined; i18n: ReportI18n }) {
  if (!error) return null
  return (
    <p id={errorId(fieldId)} className="field__error">
      {fieldErrorText(error, i18n)}
    </p>
  )
}
