// What each of the file's values in one column means in our vocabulary (road class, status, category): one select
// per value the server saw, pre-set where a rule recognised it, and one for every other value. A value mapped to
// nothing, with no other-values choice, is rejected at import, never guessed.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { describeTarget, valueGroupLabel, type CategoryChoice } from './data-labels.ts'
import type { LayerName, MappedRole, ValueMapping } from './layer-form.ts'

export interface DistinctValue {
  value: string
  count: number
}

export interface ValueMappingProps {
  layer: LayerName
  role: MappedRole
  /** The column's values, most frequent first; undefined when it has too many to list (or none). */
  values: readonly DistinctValue[] | undefined
  targets: readonly string[]
  mapping: ValueMapping
  categories: readonly CategoryChoice[]
  onMap: (theirs: string, ours: string) => void
  onFallback: (ours: string) => void
}

export function ValueMapping({ layer, role, values, targets, mapping, categories, onMap, onFallback }: ValueMappingProps) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  const id = useId()
  const options = (selected: string) =>
    // a value a saved mapping holds that the list lacks (a category since removed) still shows as it is
    [...targets, ...(selected !== '' && !targets.includes(selected) ? [selected] : [])].map((target) => (
      <option key={target} value={target}>
        {describeTarget(layer, role, target, i18n, categories)}
      </option>
    ))

  return (
    <fieldset className="data-values">
      <legend>{t(valueGroupLabel(layer, role))}</legend>
      {values === undefined || values.length === 0 ? (
        <p className="form-hint">{t('data.noDistinctValues')}</p>
      ) : (
        <>
          <p className="form-hint">{t('data.valuesHint')}</p>
          {values.map(({ value, count }, i) => {
            const selected = mapping.values[value] ?? ''
            return (
              <div key={value} className="data-values__row">
                <span className="data-values__theirs">
                  <label htmlFor={`${id}-${i}`}>{value}</label> <span className="data-values__count">{t('data.valueCount', { count: formatNumber(count) })}</span>
                </span>
                <select id={`${id}-${i}`} value={selected} onChange={(event) => onMap(value, event.target.value)}>
                  <option value="">{t('data.useFallback')}</option>
                  {options(selected)}
                </select>
              </div>
            )
          })}
        </>
      )}
      <div className="data-values__row data-values__row--other">
        <label htmlFor={`${id}-other`} className="data-values__theirs">
          {t('data.otherValues')}
        </label>
        <select id={`${id}-other`} value={mapping.fallback} onChange={(event) => onFallback(event.target.value)}>
          <option value="">{t('data.rejectRow')}</option>
          {options(mapping.fallback)}
        </select>
      </div>
    </fieldset>
  )
}
