// The settings of a whole file rather than of a column: its coordinate system, the format of its dates, and for
// complaint records where they came from.
import { useId } from 'react'
import { INCIDENT_SOURCES, type IncidentSource } from '../../../../server/kernel/statuses.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { listCrsChoices, readPrjName } from './crs-choices.ts'
import type { LayerForm } from './layer-form.ts'

export interface LayerOptionsProps {
  form: LayerForm
  prj: string | null
  onChange: (change: Partial<Pick<LayerForm, 'crs' | 'dateFormat' | 'source'>>) => void
}

const toSource = (value: string): IncidentSource | undefined => INCIDENT_SOURCES.find((source) => source === value)

export function LayerOptions({ form, prj, onChange }: LayerOptionsProps) {
  const { t, lookup } = useI18n()
  const id = useId()
  const hasDates = form.layer === 'lamps' || form.layer === 'incidents'
  const crsLabel = (value: string) => (value === '' ? t('data.crs.own', { name: prj === null ? '' : readPrjName(prj) }) : lookup(`data.crs.${value}`, value))

  return (
    <>
      <div className="data-row">
        <div className="form-field">
          <label htmlFor={`${id}-crs`}>{t('data.crs')}</label>
          <select id={`${id}-crs`} value={form.crs} onChange={(event) => onChange({ crs: event.target.value })}>
            {listCrsChoices(prj).map((value) => (
              <option key={value} value={value}>
                {crsLabel(value)}
              </option>
            ))}
          </select>
        </div>
        {form.layer === 'incidents' && (
          <div className="form-field">
            <label htmlFor={`${id}-source`}>{t('data.source')}</label>
            <select
              id={`${id}-source`}
              value={form.source}
              onChange={(event) => {
                const source = toSource(event.target.value)
                if (source) onChange({ source })
              }}
            >
              {INCIDENT_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {lookup(`incidentSource.${source}`, source)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {hasDates && (
        <div className="form-field">
          <label htmlFor={`${id}-date`}>{t('data.dateFormat')}</label>
          <input
            id={`${id}-date`}
            value={form.dateFormat}
            placeholder="yyyy-MM-dd HH:mm"
            spellCheck={false}
            aria-describedby={`${id}-date-hint`}
            onChange={(event) => onChange({ dateFormat: event.target.value })}
          />
          <p id={`${id}-date-hint`} className="form-hint">
            {t('data.dateFormatHint')}
          </p>
        </div>
      )}
    </>
  )
}
