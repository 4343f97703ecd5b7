// The guidance point picked in the list or on the map: its record, the rules it breaks now, and for planners the
// status buttons (批准 / 启用 / 撤销), a move on the map and an edit of its fields. A refused approval lists the
// rules the server found broken; a point someone else changed meanwhile is reloaded.
import { useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { invalidateAffected } from '../../../lib/affects.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { MessageKey } from '../../../lib/i18n.ts'
import type { MapFocus } from '../../../map/map-view.tsx'
import { useUpdateGuidancePoint } from '../api/change-guidance-points.ts'
import type { GuidancePoint, GuidanceStatus } from '../api/get-guidance-points.ts'
import { readRefusalViolations, readViolations } from '../api/read-violations.ts'
import { GuidanceFailure, isConflict } from './guidance-failure.tsx'
import type { GuidanceFormProblem } from './guidance-form.ts'
import { listChangedFields, readGuidanceForm, toFormValues } from './guidance-form.ts'
import { findGeometryCenter } from './guidance-geometry.ts'
import { GuidancePointFields } from './guidance-point-fields.tsx'
import { GUIDANCE_STATUS_COLORS, listStatusMoves } from './guidance-status.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { ViolationList } from './violation-list.tsx'

// close enough to see which side of the street the point is on
const POINT_ZOOM = 18

const MOVE_LABEL: Record<GuidanceStatus, MessageKey> = {
  approved: 'planning.approve',
  active: 'planning.activate',
  retired: 'planning.retire',
  proposed: 'planning.reopen',
}

const REFUSED_TITLE: Record<GuidanceStatus, MessageKey> = {
  approved: 'planning.approveRefused',
  active: 'planning.activateRefused',
  retired: 'planning.statusRefused',
  proposed: 'planning.statusRefused',
}

export interface GuidancePointDetailsProps {
  point: GuidancePoint
  canEdit: boolean
  workspace: PlanningWorkspace
  onFocus: (focus: MapFocus) => void
}

export function GuidancePointDetails({ point, canEdit, workspace, onFocus }: GuidancePointDetailsProps) {
  const { t, lookup, formatDateTime, formatNumber } = useI18n()
  const headingId = useId()
  const queryClient = useQueryClient()
  const update = useUpdateGuidancePoint()
  const [lastMove, setLastMove] = useState<GuidanceStatus>()
  const [confirmRetire, setConfirmRetire] = useState(false)
  const [editing, setEditing] = useState(false)
  const { properties } = point
  const violations = readViolations(properties.violations)
  const moves = listStatusMoves(properties.status)
  const refused = !editing && readRefusalViolations(update.error) !== undefined

  const setStatus = (status: GuidanceStatus) => {
    setConfirmRetire(false)
    setLastMove(status)
    update.mutate(
      { id: point.id, patch: { status, version: properties.version } },
      {
        onError: (error) => {
          if (isConflict(error)) void invalidateAffected(queryClient, 'staleGuidancePoint')
        },
      },
    )
  }

  const rows: [string, string][] = [
    [t('planning.fieldCapacity'), t('planning.stalls', { count: formatNumber(properties.capacity) })],
    [t('planning.fieldHours'), properties.opening_hours || t('value.none')],
    [t('planning.fieldGoods'), properties.allowed_goods || t('value.none')],
    [t('planning.fieldUnit'), properties.unit],
    [t('planning.fieldOffStreet'), properties.off_street ? t('value.yes') : t('value.no')],
    [t('planning.createdBy'), `${properties.created_by} · ${formatDateTime(properties.created_at)}`],
    [t('planning.updatedAt'), formatDateTime(properties.updated_at)],
  ]

  return (
    <section className="guidance-details" aria-labelledby={headingId}>
      <div className="guidance-details__head">
        <h4 id={headingId} className="guidance-details__name">
          {properties.name}
        </h4>
        <span className="status-badge" style={{ borderColor: GUIDANCE_STATUS_COLORS[properties.status] }}>
          <span className="status-badge__dot" style={{ background: GUIDANCE_STATUS_COLORS[properties.status] }} aria-hidden="true" />
          {lookup(`planning.status.${properties.status}`, properties.status)}
        </span>
        <button type="button" className="link-button" onClick={() => workspace.selectPoint(undefined)}>
          {t('planning.close')}
        </button>
      </div>
      <p className="guidance-details__meta">
        {point.id} · {point.geometry.type === 'Polygon' ? t('planning.kindArea') : t('planning.kindPoint')} ·{' '}
        <button type="button" className="link-button" onClick={() => onFocus({ center: findGeometryCenter(point.geometry), zoom: POINT_ZOOM })}>
          {t('planning.showOnMap')}
        </button>
      </p>
      <dl className="guidance-details__rows">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* a refused approval lists the same rules below, as the server found them */}
      {properties.status !== 'retired' &&
        !refused &&
        (violations.length === 0 ? (
          <p className="live-check__ok">{t('planning.noViolations')}</p>
        ) : (
          <div className="live-check live-check--bad">
            <p className="live-check__bad">{t('planning.violationCount', { count: violations.length })}</p>
            <ViolationList violations={violations} />
          </div>
        ))}
      {canEdit && !editing && (
        <div className="guidance-details__actions" role="group" aria-label={t('planning.actions')}>
          {moves
            .filter((status) => status !== 'retired')
            .map((status) => (
              <button
                key={status}
                type="button"
                className={`small-button${status === 'proposed' ? '' : ' small-button--go'}`}
                disabled={update.isPending}
                onClick={() => setStatus(status)}
              >
                {t(MOVE_LABEL[status])}
              </button>
            ))}
          {properties.status !== 'retired' && (
            <>
              <button type="button" className="small-button" disabled={update.isPending} onClick={() => workspace.startMove(point.id, point.geometry)}>
                {t('planning.move')}
              </button>
              <button type="button" className="small-button" disabled={update.isPending} onClick={() => setEditing(true)}>
                {t('planning.edit')}
              </button>
            </>
          )}
          {moves.includes('retired') &&
            (confirmRetire ? (
              <span className="guidance-details__confirm">
                <button type="button" className="small-button small-button--danger" disabled={update.isPending} onClick={() => setStatus('retired')}>
                  {t('planning.confirmRetire')}
                </button>
                <button type="button" className="link-button" onClick={() => setConfirmRetire(false)}>
                  {t('planning.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" className="small-button small-button--danger" disabled={update.isPending} onClick={() => setConfirmRetire(true)}>
                {t('planning.retire')}
              </button>
            ))}
        </div>
      )}
      {update.isPending && <p className="panel-count">{t('planning.saving')}</p>}
      {update.error && !editing && <GuidanceFailure error={update.error} refusedTitle={t(REFUSED_TITLE[lastMove ?? 'approved'])} />}
      {canEdit && editing && <GuidancePointEditForm point={point} onDone={() => setEditing(false)} />}
    </section>
  )
}

function GuidancePointEditForm({ point, onDone }: { point: GuidancePoint; onDone: () => void }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const update = useUpdateGuidancePoint()
  const [values, setValues] = useState(() => toFormValues(point))
  const [problems, setProblems] = useState<GuidanceFormProblem[]>([])

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const { fields, problems: found } = readGuidanceForm(values)
    setProblems(found)
    if (!fields) return
    const changed = listChangedFields(point, fields)
    if (Object.keys(changed).length === 0) {
      onDone()
      return
    }
    update.mutate(
      { id: point.id, patch: { ...changed, version: point.properties.version } },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isConflict(error)) void invalidateAffected(queryClient, 'staleGuidancePoint')
        },
      },
    )
  }

  return (
    <form className="guidance-form" aria-label={t('planning.editFormLabel', { name: point.properties.name })} onSubmit={save} noValidate>
      <GuidancePointFields values={values} onChange={setValues} problems={problems} />
      {update.error && <GuidanceFailure error={update.error} refusedTitle={t('planning.editRefused')} />}
      <div className="form-actions">
        <button type="button" className="small-button" onClick={onDone}>
          {t('planning.cancel')}
        </button>
        <button type="submit" className="small-button small-button--go" disabled={update.isPending}>
          {update.isPending ? t('planning.saving') : t('planning.save')}
        </button>
      </div>
    </form>
  )
}
