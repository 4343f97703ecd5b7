// The crew's route through the broken lamps: a dashed line in visiting order and a numbered circle per stop.
import type { FeatureCollection, LineString, Point } from 'geojson'
import { useMemo } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { CrewRoute } from '../api/crew-route.ts'
import { useCrewRoute } from '../api/crew-route.ts'
import type { WorkListQuery, WorkStop } from '../api/get-work-list.ts'
import { LampStatusActions } from './lamp-status-actions.tsx'
import { WORK_ROUTE_SOURCE, WORK_STOPS_SOURCE, workRouteLayer, workStopsLabelLayer, workStopsLayer } from './lighting-style.ts'

export interface WorkRouteLayerProps {
  query: WorkListQuery
  selectedId: string | undefined
  canChangeLamps: boolean
}

function toRoute(list: CrewRoute): FeatureCollection<LineString> {
  // one stop is no route; the stop itself is drawn
  if (list.stops.length < 2) return { type: 'FeatureCollection', features: [] }
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 'route', geometry: { type: 'LineString', coordinates: list.stops.map((s) => s.coordinates) }, properties: {} }],
  }
}

function toStops(list: CrewRoute): FeatureCollection<Point, { order: number; status: string }> {
  return {
    type: 'FeatureCollection',
    features: list.stops.map((stop, index) => ({
      type: 'Feature',
      id: stop.lamp_id,
      geometry: { type: 'Point', coordinates: stop.coordinates },
      properties: { order: index + 1, status: stop.status },
    })),
  }
}

export function WorkRouteLayer({ query, selectedId, canChangeLamps }: WorkRouteLayerProps) {
  const workList = useCrewRoute(query)
  const route = useMemo(() => workList.data && toRoute(workList.data), [workList.data])
  const stops = useMemo(() => workList.data && toStops(workList.data), [workList.data])
  useGeoJsonSource(WORK_ROUTE_SOURCE, { data: route, status: workList.status })
  useGeoJsonSource(WORK_STOPS_SOURCE, { data: stops, status: workList.status })
  const onClick = (feature: { id?: string | number | undefined }) => {
    const id = readFeatureId(feature)
    return id !== undefined && <WorkStopPopup lampId={id} query={query} canChangeLamps={canChangeLamps} />
  }
  useMapLayer(workRouteLayer)
  useMapLayer(workStopsLayer(selectedId), { onClick })
  useMapLayer(workStopsLabelLayer, { onClick })
  return null
}

interface WorkStopPopupProps {
  lampId: string
  query: WorkListQuery
  canChangeLamps: boolean
}

/** Reads the stop from the cached list while open: a repaired lamp leaves the list, and the popup says so. */
function WorkStopPopup({ lampId, query, canChangeLamps }: WorkStopPopupProps) {
  const { t, lookup, formatMeters } = useI18n()
  const workList = useCrewRoute(query)
  const index = workList.data?.stops.findIndex((s) => s.lamp_id === lampId) ?? -1
  const stop: WorkStop | undefined = workList.data?.stops[index]
  const order = index + 1
  if (!stop) return <p className="panel-notice">{t('lighting.stopDone', { id: lampId })}</p>
  return (
    <>
      <FeatureCard
        title={t('lighting.stopTitle', { order, id: stop.lamp_id })}
        rows={[
          [t('field.status'), lookup(`lampStatus.${stop.status}`, stop.status)],
          [t('field.street'), stop.street_name ?? t('value.unnamed')],
          [t('lighting.leg'), formatMeters(stop.leg_m)],
        ]}
      />
      {canChangeLamps && <LampStatusActions lampId={stop.lamp_id} working={false} repairOnly status={stop.status} />}
    </>
  )
}
