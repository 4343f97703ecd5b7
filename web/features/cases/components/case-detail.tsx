// One case in full: where it stands (state, report and rework counts, deadline), what it is and where, the steps
// the user may take now, its photos and its whole history.
import { CaseEnforcement } from './case-enforcement.tsx'
import { useId } from 'react'
import type { ReactNode } from 'react'
import { isOpenStatus } from '../../../../server/kernel/statuses.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { Stat } from '../../../lib/stat.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { UnitChoice } from '../api/case-queues.ts'
import { useCase } from '../api/get-case.ts'
import type { CaseDetail } from '../api/get-case.ts'
import { CaseActions } from './case-actions.tsx'
import { CaseDeadline } from './case-deadline.tsx'
import { PRIORITY_LABELS, describeCategory, describeStage, describeUnit } from './case-labels.ts'
import { CaseMerge } from './case-merge.tsx'
import { CasePhotos } from './case-photos.tsx'
import { CASE_FOCUS_ZOOM, colorForState } from './case-style.ts'
import { CaseTimeline } from './case-timeline.tsx'
import { useNow } from './use-now.ts'

const CLOCK_TICK_MS = 30_000

export interface CaseDetailViewProps {
  caseId: string
  units: readonly UnitChoice[]
  canMerge: boolean
  canAddPhotos: boolean
  /** A responsible unit's handler: records illegal construction's stop and outcome (the server checks the unit). */
  canRecordEnforcement?: boolean
  onBack: () => void
  onOpenCase: (id: string) => void
  onFocus: (focus: MapFocus) => void
}

export function CaseDetailView({ caseId, units, canMerge, canAddPhotos, canRecordEnforcement = false, onBack, onOpenCase, onFocus }: CaseDetailViewProps) {
  const { t } = useI18n()
  const loaded = useCase(caseId)
  const headingId = useId()
  const current = loaded.data?.case

  return (
    <article className="case-detail" aria-labelledby={headingId}>
      <div className="case-detail__bar">
        <button type="button" className="link-button" onClick={onBack}>
          {t('cases.back')}
        </button>
        <span className="case-detail__tools">
          {current && (
            <button type="button" className="small-button" onClick={() => onFocus({ center: current.coordinates, zoom: CASE_FOCUS_ZOOM })}>
              {t('cases.showOnMap')}
            </button>
          )}
          <button type="button" className="small-button" disabled={loaded.isFetching} onClick={() => void loaded.refetch()}>
            {t('cases.reload')}
          </button>
        </span>
      </div>
      <h3 id={headingId} className="case-detail__title">
        {t('cases.caseTitle', { id: caseId })}
      </h3>
      <QueryState isPending={loaded.isPending} error={loaded.error} onRetry={() => void loaded.refetch()} />
      {loaded.data && current && (
        <>
          <CaseSummaryBlock current={current} onOpenCase={onOpenCase} />
          <CaseEnforcement
            current={current}
            canRecord={canRecordEnforcement && ['dispatched', 'in_handling', 'handled'].includes(current.state)}
          />
          <CaseActions key={current.id} loaded={loaded.data} units={units} />
          {canMerge && isOpenStatus(current.state) && <CaseMerge key={current.id} caseId={current.id} etag={loaded.data.etag} onOpenCase={onOpenCase} likelyRepeats={current.likely_repeats} />}
          <CasePhotos caseId={current.id} photos={current.photos} canAdd={canAddPhotos && current.state !== 'merged'} />
          <CaseTimeline events={current.timeline} />
        </>
      )}
    </article>
  )
}

function CaseSummaryBlock({ current, onOpenCase }: { current: CaseDetail; onOpenCase: (id: string) => void }) {
  const i18n = useI18n()
  const { t, locale, lookup, formatNumber, formatDateTime } = i18n
  const nowMs = useNow(CLOCK_TICK_MS)
  const unit = describeUnit(current.unit, locale)
  const [lng, lat] = current.coordinates
  const stage = describeStage(current, i18n)
  const generic = lookup(`incidentStatus.${current.state}`, current.state)

  const facts: Array<[string, ReactNode]> = [
    [t('cases.field.category'), describeCategory(current, locale)],
    [t('cases.field.trackingNumber'), current.tracking_number],
    [t('cases.field.unit'), unit === undefined ? t('value.none') : `${unit} (${current.unit?.id ?? ''})`],
    [
      t('cases.field.deadline'),
      <CaseDeadline state={current.state} deadline={current.deadline} nowMs={nowMs} withDue />,
    ],
    [t('cases.field.priority'), t(PRIORITY_LABELS[current.priority])],
    [
      t('cases.field.extensions'),
      <>
        {formatNumber(current.extension_count)}
        {current.extension_requested && <span className="case-badge case-badge--extension">{t('cases.extensionPending')}</span>}
      </>,
    ],
    [t('cases.field.reportedAt'), formatDateTime(current.reported_at)],
    [t('cases.field.source'), lookup(`incidentSource.${current.source}`, current.source)],
    [t('cases.field.description'), current.description],
  ]
  if (current.repeat_of !== null) {
    const into = current.repeat_of
    facts.push([
      t('cases.field.repeatOf'),
      <button type="button" className="link-button" onClick={() => onOpenCase(into)}>
        {into}
      </button>,
    ])
  }
  if (current.lamp_id !== null) facts.push([t('cases.field.lamp'), current.lamp_id])
  facts.push([
    t('cases.field.position'),
    current.near_street ? (
      <span title={`${lng.toFixed(5)}, ${lat.toFixed(5)}`}>{t('cases.nearStreet', { street: current.near_street })}</span>
    ) : (
      `${lng.toFixed(5)}, ${lat.toFixed(5)}`
    ),
  ])
  if (current.result !== null) facts.push([t('cases.field.result'), current.result])
  if (current.closed_at !== null) facts.push([t('cases.field.closedAt'), formatDateTime(current.closed_at)])
  if (current.rating !== null) {
    facts.push([t('cases.field.rating'), `${'★'.repeat(current.rating)}${'☆'.repeat(Math.max(0, 5 - current.rating))}${current.rating_comment ? ` ${current.rating_comment}` : ''}`])
  }
  if (current.phone !== null) facts.push([t('cases.field.phone'), current.phone])

  return (
    <>
      {current.escalated && (
        <p className="case-callout" role="note">
          {t('cases.escalatedNote', { count: formatNumber(current.report_count) })}
        </p>
      )}
      <div className="stat-grid">
        <Stat
          label={t('cases.field.state')}
          value={
            <span className="case-state">
              <span className="case-dot" style={{ color: colorForState(current.state) }} aria-hidden="true" />
              {stage}
            </span>
          }
          note={stage === generic ? undefined : generic}
        />
        <Stat label={t('cases.field.reportCount')} value={formatNumber(current.report_count)} />
        <Stat label={t('cases.field.reworkCount')} value={formatNumber(current.rework_count)} />
      </div>
      <dl className="case-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="case-facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}
