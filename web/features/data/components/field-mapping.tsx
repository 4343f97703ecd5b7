// Which of the file's columns fills each key of the layer's profile entry, pre-filled with the server's guesses.
// A required key shows "(choose)" until one is picked; lon/lat left empty mean the feature's own geometry.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { MessageKey } from '../../../lib/i18n.ts'
import { fieldLabel } from './data-labels.ts'
import { isPointRole, LAYER_FIELDS, listMissingFields, type FieldRole, type LayerForm } from './layer-form.ts'

export interface FieldMappingProps {
  form: LayerForm
  columns: readonly string[]
  onChange: (role: FieldRole, column: string) => void
}

export function FieldMapping({ form, columns, onChange }: FieldMappingProps) {
  const { t } = useI18n()
  const id = useId()
  const missing = listMissingFields(form)
  const emptyChoice = (role: FieldRole): MessageKey => (missing.includes(role) ? 'data.choose' : isPointRole(role) ? 'data.fromGeometry' : 'data.notImported')

  return (
    <fieldset className="data-mapping">
      <legend>{t('data.fieldsLegend')}</legend>
      <p className="form-hint">{t('data.fieldsHint')}</p>
      {LAYER_FIELDS[form.layer].map((role) => {
        const value = form.fields[role] ?? ''
        return (
          <div key={role} className="form-field form-field--inline">
            <label htmlFor={`${id}-${role}`}>{t(fieldLabel(form.layer, role))}</label>
            <select id={`${id}-${role}`} value={value} aria-invalid={missing.includes(role)} onChange={(event) => onChange(role, event.target.value)}>
              <option value="">{t(emptyChoice(role))}</option>
              {/* a column a saved mapping names but this file lacks still shows, so the form says what it holds */}
              {value !== '' && !columns.includes(value) && <option value={value}>{value}</option>}
              {columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </div>
        )
      })}
      {missing.length > 0 && (
        <p className="form-problem">{t('data.missing', { fields: missing.map((role) => t(fieldLabel(form.layer, role))).join('、') })}</p>
      )}
    </fieldset>
  )
}
