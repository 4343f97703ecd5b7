// The broken lamps of the chosen zone in visiting order: where to go next, how far it is, and one click to mark
// a lamp repaired (undoable for a few seconds). The same order is drawn on the map as the route, and it holds
// still after a repair (api/crew-route.ts); re-planning is offered when it would shorten the route.
import { bbox } from '@turf/turf'
import { useId, useState } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import { useCrewRoute } from '../api/crew-route.ts'
import type { WorkListQuery } from '../api/get-work-list.ts'
import { LampStatusActions } from './lamp-status-actions.tsx'
import { LampUndoNotice } from './lamp-undo-notice.tsx'

// rows shown at first and added per "more": a day's work fits, the rest is a click away
const PAGE_ROWS = 30
// close enough to tell the lamp from its neighbours (~20 m apart)
const STOP_ZOOM = 18
// the whole route in view, but never closer than a few streets
const ROUTE_MAX_ZOOM = 16

export interface WorkListSectionProps {
  query: WorkListQuery
  canChangeLamps: boolean
  selectedId: string | undefined
  onSelect: (lampId: string) => void
  onFocus: (focus: MapFocus) => void
}

export function WorkListSection({ query, canChangeLamps, selectedId, onSelect, onFocus }: WorkListSectionProps) {
  const { t, lookup, formatNumber, formatMeters, formatKilometers } = useI18n()
  const workList = useCrewRoute(query)
  const headingId = useId()
  const [rows, setRows] = useState(PAGE_ROWS)
  const stops = workList.data?.stops ?? []
  const showRoute = () => {
    if (stops.length === 0) return
    const [west, south, east, north] = bbox({ type: 'MultiPoint', coordinates: stops.map((s) => s.coordinates) })
    onFocus({ bounds: [west, south, east, north], maxZoom: ROUTE_MAX_ZOOM })
  }

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('lighting.workList')}
      </h3>
      <QueryState isPending={workList.isPending} error={workList.error} onRetry={() => void workList.refetch()} />
      {workList.data && (
        <div className="panel-more">
          <p className="panel-count" role="status">
            {t('lighting.workListCount', { count: formatNumber(stops.length) })}
            {stops.length > 1 && ` · ${t('lighting.routeLength', { length: formatKilometers(workList.data.total_m) })}`}
          </p>
          {stops.length > 0 && (
            <button type="button" className="small-button" onClick={showRoute}>
              {t('lighting.showRoute')}
            </button>
          )}
        </div>
      )}
      {workList.data?.shorter_m !== undefined && (
        <button type="button" className="small-button" onClick={workList.replan}>
          {t('lighting.replan', { length: formatKilometers(workList.data.shorter_m) })}
        </button>
      )}
      {workList.data && stops.length > 1 && <p className="legend-note">{t('lighting.routeKept')}</p>}
      {canChangeLamps && <LampUndoNotice />}
      {workList.data && stops.length === 0 && <p className="panel-empty">{t('lighting.workListEmpty')}</p>}
      <ol className="work-list" aria-labelledby={headingId}>
        {stops.slice(0, rows).map((stop, index) => (
          <li key={stop.lamp_id} className={`work-stop${stop.lamp_id === selectedId ? ' work-stop--selected' : ''}`}>
            <button
              type="button"
              className="work-stop__place"
              title={t('lighting.showOnMap')}
              onClick={() => {
                onSelect(stop.lamp_id)
                onFocus({ center: stop.coordinates, zoom: STOP_ZOOM })
              }}
            >
              <span className="stop-badge" aria-hidden="true">
                {index + 1}
              </span>
              <span className="work-stop__text">
                <span className="work-stop__street">{stop.street_name ?? t('value.unnamed')}</span>
                <span className="work-stop__meta">
                  {stop.lamp_id} · {lookup(`lampStatus.${stop.status}`, stop.status)} ·{' '}
                  {index === 0 ? t('lighting.firstStop') : t('lighting.legFromPrevious', { length: formatMeters(stop.leg_m) })}
                </span>
              </span>
            </button>
            {canChangeLamps && <LampStatusActions lampId={stop.lamp_id} working={false} repairOnly status={stop.status} />}
          </li>
        ))}
      </ol>
      {stops.length > rows && (
        <button type="button" className="small-button" onClick={() => setRows(rows + PAGE_ROWS)}>
          {t('lighting.showMore', { count: formatNumber(stops.length - rows) })}
        </button>
      )}
    </section>
  )
}
