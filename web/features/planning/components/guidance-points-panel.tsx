// Vendor guidance points (流动摊贩有序疏导点): for planners the tools to place a point or draw an area, the draft
// being drawn or moved, the point picked with its actions, and the list of every point by status.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { GuidancePoint } from '../api/get-guidance-points.ts'
import { useGuidancePoints } from '../api/get-guidance-points.ts'
import { GuidanceDraftSection } from './guidance-draft.tsx'
import { findGeometryCenter } from './guidance-geometry.ts'
import { GuidancePointDetails } from './guidance-point-details.tsx'
import { GUIDANCE_STATUSES, GUIDANCE_STATUS_COLORS } from './guidance-status.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { usePlanningState } from './planning-workspace.ts'
import './planning.css'

// a point in view with the streets around it
const POINT_ZOOM = 17

export interface GuidancePointsPanelProps {
  workspace: PlanningWorkspace
  canEdit: boolean
  onFocus: (focus: MapFocus) => void
}

const byStatusThenName = (a: GuidancePoint, b: GuidancePoint) =>
  GUIDANCE_STATUSES.indexOf(a.properties.status) - GUIDANCE_STATUSES.indexOf(b.properties.status) ||
  a.properties.name.localeCompare(b.properties.name, 'zh-CN')

export function GuidancePointsPanel({ workspace, canEdit, onFocus }: GuidancePointsPanelProps) {
  const { t, formatNumber } = useI18n()
  const headingId = useId()
  const points = useGuidancePoints()
  const draft = usePlanningState(workspace, (s) => s.draft)
  const draftSerial = usePlanningState(workspace, (s) => s.draftSerial)
  const selectedId = usePlanningState(workspace, (s) => s.pointId)
  const features = points.data?.features ?? []
  const live = features.filter((p) => p.properties.status !== 'retired').sort(byStatusThenName)
  const retired = features.filter((p) => p.properties.status === 'retired')
  const selected = features.find((p) => p.id === selectedId)
  const moving = draft?.pointId === undefined ? undefined : features.find((p) => p.id === draft.pointId)

  const pick = (point: GuidancePoint) => {
    workspace.selectPoint(point.id)
    onFocus({ center: findGeometryCenter(point.geometry), zoom: POINT_ZOOM })
  }
  const row = (point: GuidancePoint) => (
    <GuidancePointRow key={point.id} point={point} selected={point.id === selectedId} disabled={draft !== undefined} onPick={() => pick(point)} />
  )

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('planning.pointsTitle')}
      </h3>
      {canEdit && !draft && (
        <div className="planning-toolbar" role="group" aria-label={t('planning.newTools')}>
          <button type="button" className="small-button small-button--go" onClick={() => workspace.startDrawing('point')}>
            {t('planning.drawPoint')}
          </button>
          <button type="button" className="small-button" onClick={() => workspace.startDrawing('polygon')}>
            {t('planning.drawArea')}
          </button>
        </div>
      )}
      {/* keyed by draft: a new draft starts with an empty form */}
      {draft && <GuidanceDraftSection key={draftSerial} workspace={workspace} draft={draft} moving={moving} />}
      {selected && !draft && <GuidancePointDetails key={selected.id} point={selected} canEdit={canEdit} workspace={workspace} onFocus={onFocus} />}
      <QueryState isPending={points.isPending} error={points.error} onRetry={() => void points.refetch()} />
      {points.data && (
        <p className="panel-count" role="status">
          {t('planning.pointsCount', { count: formatNumber(live.length) })}
        </p>
      )}
      {points.data && features.length === 0 && <p className="panel-empty">{t('planning.pointsEmpty')}</p>}
      <ul className="guidance-list" aria-label={t('planning.pointsListLabel')}>
        {live.map(row)}
      </ul>
      {retired.length > 0 && (
        <details className="panel-details">
          <summary>{t('planning.retiredCount', { count: formatNumber(retired.length) })}</summary>
          <ul className="guidance-list">{retired.map(row)}</ul>
        </details>
      )}
    </section>
  )
}

interface GuidancePointRowProps {
  point: GuidancePoint
  selected: boolean
  disabled: boolean
  onPick: () => void
}

function GuidancePointRow({ point, selected, disabled, onPick }: GuidancePointRowProps) {
  const { t, lookup, formatNumber } = useI18n()
  const { name, status, capacity, violations } = point.properties
  return (
    <li className={`guidance-list__item${selected ? ' guidance-list__item--selected' : ''}`}>
      <button type="button" className="guidance-list__button" disabled={disabled} onClick={onPick}>
        <span className="guidance-list__dot" style={{ background: GUIDANCE_STATUS_COLORS[status] }} aria-hidden="true" />
        <span className="guidance-list__text">
          <span className="guidance-list__name">{name}</span>
          <span className="guidance-list__meta">
            {lookup(`planning.status.${status}`, status)} · {t('planning.stalls', { count: formatNumber(capacity) })} ·{' '}
            {point.geometry.type === 'Polygon' ? t('planning.kindArea') : t('planning.kindPoint')}
          </span>
        </span>
        {status !== 'retired' && violations.length > 0 && (
          <span className="guidance-list__violations">{t('planning.violationBadge', { count: violations.length })}</span>
        )}
      </button>
    </li>
  )
}
