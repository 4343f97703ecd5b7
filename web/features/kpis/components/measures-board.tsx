// The rectification measures of the bureau's plan, by area: what, who (unit and person), by when, how far along;
// overdue ones flagged for the inspection office (执法监察科), which tracks every measure to its deadline.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { MEASURE_STATUSES } from '../../../../server/kernel/statuses.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { startOfDateIso } from '../../../lib/district-calendar.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { Measure } from '../api/get-measures.ts'
import { useMeasures } from '../api/get-measures.ts'
import { useUpdateMeasure } from '../api/update-measure.ts'
import { groupMeasuresByArea } from './group-measures.ts'
import type { KpiPeriod } from './kpi-period.ts'
import { useUnitName } from './unit-names.ts'
import '../kpis.css'

export interface MeasuresBoardProps {
  /** The league's period, whose unit names the board borrows. */
  period: KpiPeriod
  /** Whether the signed-in user may report progress on a measure of this unit (the server decides in the end). */
  canUpdate: (unitId: string) => boolean
}

export function MeasuresBoard({ period, canUpdate }: MeasuresBoardProps) {
  const { t, formatNumber } = useI18n()
  const headingId = useId()
  const measures = useMeasures()
  const unitName = useUnitName(period)
  const groups = groupMeasuresByArea(measures.data ?? [])
  const overdue = groups.reduce((sum, g) => sum + g.overdue, 0)

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('kpis.measuresTitle')}
      </h3>
      <QueryState isPending={measures.isPending} error={measures.error} onRetry={() => void measures.refetch()} />
      {measures.data && (
        <p className={overdue > 0 ? 'kpi-overdue-note' : 'legend-note'}>
          {overdue > 0 ? t('kpis.measuresOverdue', { count: formatNumber(overdue) }) : t('kpis.measuresOnTrack')}
        </p>
      )}
      {measures.data &&
        groups.map((group) => (
          <section key={group.area} className="measure-area" aria-label={t(`kpis.area.${group.area}`)}>
            <h4 className="measure-area__title">
              {t(`kpis.area.${group.area}`)}
              <span className="measure-area__count">
                {t('kpis.areaCount', { done: formatNumber(group.done), total: formatNumber(group.measures.length) })}
              </span>
            </h4>
            {group.measures.length === 0 ? (
              <p className="panel-empty">{t('kpis.areaEmpty')}</p>
            ) : (
              <ul className="measure-list">
                {group.measures.map((measure) => (
                  <MeasureItem key={measure.id} measure={measure} unit={unitName(measure.unit_id) ?? measure.unit_id} canUpdate={canUpdate(measure.unit_id)} />
                ))}
              </ul>
            )}
          </section>
        ))}
    </section>
  )
}

function MeasureItem({ measure, unit, canUpdate }: { measure: Measure; unit: string; canUpdate: boolean }) {
  const { t, formatDate } = useI18n()
  const [editing, setEditing] = useState(false)
  const lastNote = measure.notes[measure.notes.length - 1]
  return (
    <li className={`measure${measure.overdue ? ' measure--overdue' : ''}`}>
      <span className="measure__title">{measure.title}</span>
      <span className="measure__who">
        {unit} · {measure.person} · {t('kpis.deadline', { date: formatDate(startOfDateIso(measure.deadline)) })}
      </span>
      <span className="measure__progress">
        <span
          className="measure__bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={measure.progress}
          aria-label={t('kpis.progress')}
        >
          <span style={{ width: `${measure.progress}%` }} />
        </span>
        <span className="measure__percent">{measure.progress} %</span>
        <span className={`measure__status measure__status--${measure.status}`}>{t(`kpis.status.${measure.status}`)}</span>
      </span>
      {measure.overdue && <span className="kpi-flag measure__flag">{t('kpis.measureOverdue')}</span>}
      {lastNote && (
        <span className="measure__note">
          {formatDate(lastNote.at)} · {lastNote.username}：{lastNote.note}
        </span>
      )}
      {canUpdate && !editing && (
        <button type="button" className="small-button measure__edit" onClick={() => setEditing(true)}>
          {t('kpis.updateProgress')}
        </button>
      )}
      {canUpdate && editing && <MeasureProgressForm measure={measure} onDone={() => setEditing(false)} />}
    </li>
  )
}

function MeasureProgressForm({ measure, onDone }: { measure: Measure; onDone: () => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const update = useUpdateMeasure()
  const formId = useId()
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const progress = Number(form.get('progress'))
    const status = MEASURE_STATUSES.find((s) => s === form.get('status'))
    const note = String(form.get('note') ?? '').trim()
    if (status === undefined) return
    update.mutate(
      { id: measure.id, update: { progress, status, version: measure.version, ...(note ? { note } : {}) } },
      { onSuccess: onDone },
    )
  }
  return (
    <form className="measure-form" onSubmit={submit} aria-label={t('kpis.updateProgress')}>
      <label htmlFor={`${formId}-progress`}>{t('kpis.progress')}</label>
      <input id={`${formId}-progress`} name="progress" type="number" min={0} max={100} step={5} defaultValue={measure.progress} required />
      <label htmlFor={`${formId}-status`}>{t('kpis.statusLabel')}</label>
      <select id={`${formId}-status`} name="status" defaultValue={measure.status}>
        {MEASURE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`kpis.status.${status}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${formId}-note`}>{t('kpis.progressNote')}</label>
      <textarea id={`${formId}-note`} name="note" rows={2} maxLength={2000} />
      {update.error && (
        <p className="sign-in__error" role="alert">
          {describeError(update.error, i18n)}
        </p>
      )}
      <div className="measure-form__buttons">
        <button type="submit" className="small-button" disabled={update.isPending}>
          {t('kpis.saveProgress')}
        </button>
        <button type="button" className="small-button" onClick={onDone}>
          {t('kpis.cancel')}
        </button>
      </div>
    </form>
  )
}
