// The guidance-point form's inputs, controlled by the caller (the live rule check reads capacity and off-street as
// they are typed). Used to create a point and to edit one.
import { useId } from 'react'
import type { ReactNode } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { MessageKey } from '../../../lib/i18n.ts'
import type { GuidanceFormField, GuidanceFormProblem, GuidanceFormValues } from './guidance-form.ts'
import { MAX_CAPACITY } from './guidance-form.ts'

export interface GuidancePointFieldsProps {
  values: GuidanceFormValues
  onChange: (values: GuidanceFormValues) => void
  problems: readonly GuidanceFormProblem[]
}

const LABELS: Record<GuidanceFormField, MessageKey> = {
  name: 'planning.fieldName',
  capacity: 'planning.fieldCapacity',
  opening_hours: 'planning.fieldHours',
  allowed_goods: 'planning.fieldGoods',
  unit: 'planning.fieldUnit',
}

const PLACEHOLDERS: Record<GuidanceFormField, MessageKey> = {
  name: 'planning.placeholderName',
  capacity: 'planning.placeholderCapacity',
  opening_hours: 'planning.placeholderHours',
  allowed_goods: 'planning.placeholderGoods',
  unit: 'planning.placeholderUnit',
}

export function GuidancePointFields({ values, onChange, problems }: GuidancePointFieldsProps) {
  const { t } = useI18n()
  const id = useId()

  const problemFor = (field: GuidanceFormField): ReactNode => {
    const problem = problems.find((p) => p.field === field)
    if (!problem) return null
    const text =
      problem.kind === 'required' ? t('planning.required')
      : problem.kind === 'capacity' ? t('planning.capacityRange', { max: MAX_CAPACITY })
      : t('planning.tooLong', { max: problem.max ?? '' })
    return (
      <p className="form-problem" role="alert" id={`${id}-${field}-problem`}>
        {text}
      </p>
    )
  }

  const field = (name: GuidanceFormField, input: { inputMode?: 'numeric'; required?: boolean } = {}) => {
    const hasProblem = problems.some((p) => p.field === name)
    return (
      <div className="form-field">
        <label htmlFor={`${id}-${name}`}>
          {t(LABELS[name])}
          {input.required && <span aria-hidden="true"> *</span>}
        </label>
        <input
          id={`${id}-${name}`}
          name={name}
          value={values[name]}
          placeholder={t(PLACEHOLDERS[name])}
          inputMode={input.inputMode}
          required={input.required}
          aria-invalid={hasProblem || undefined}
          aria-describedby={hasProblem ? `${id}-${name}-problem` : undefined}
          autoComplete="off"
          onChange={(event) => onChange({ ...values, [name]: event.target.value })}
        />
        {problemFor(name)}
      </div>
    )
  }

  return (
    <div className="guidance-fields">
      {field('name', { required: true })}
      <div className="guidance-fields__pair">
        {field('capacity', { inputMode: 'numeric', required: true })}
        {field('opening_hours')}
      </div>
      {field('allowed_goods')}
      {field('unit', { required: true })}
      <label className="form-choice">
        <input type="checkbox" name="off_street" checked={values.off_street} onChange={(event) => onChange({ ...values, off_street: event.target.checked })} />
        <span>
          <strong>{t('planning.fieldOffStreet')}</strong>
          <span className="form-choice__note">{t('planning.offStreetNote')}</span>
        </span>
      </label>
    </div>
  )
}
