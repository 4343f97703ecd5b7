// The ten hottest cells, named by their nearest street and zone; picking one flies the map there and lists the
// incidents inside it.
import { useId } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import { useCellIncidents } from '../api/get-cell-incidents.ts'
import { readHotspotRefusal, useHotspots } from '../api/get-hotspots.ts'
import type { TopHotspot } from '../api/get-hotspots.ts'
import type { CategoryOption } from './category-option.ts'
import { nameCategory } from './category-option.ts'
import { buildCellIncidentsQuery, buildHotspotsQuery } from './hotspot-filters.ts'
import type { CellChoice } from './hotspot-filters.ts'
import { colorOfBin, readBin } from './hotspot-style.ts'
import { useBinLabel } from './use-bin-label.ts'
import type { HotspotView } from './use-hotspot-view.ts'
import '../hotspots.css'

// the picked cell with a ring or two of its neighbours around it, street names readable (labels show from 13.5)
const CELL_ZOOM: Record<CellChoice, number> = { 'h3-9': 15, 'h3-10': 16, 'h3-11': 17 }
// a cell's incidents listed at first; the rest behind "show more"
const INCIDENT_ROWS = 8

export interface TopHotspotsProps {
  view: HotspotView
  categories: readonly CategoryOption[]
  onFocus: (focus: MapFocus) => void
}

export function TopHotspots({ view, categories, onFocus }: TopHotspotsProps) {
  const { t, locale, formatNumber } = useI18n()
  const binLabel = useBinLabel()
  const headingId = useId()
  const hotspots = useHotspots(buildHotspotsQuery(view.filters, view.period))
  const refused = readHotspotRefusal(hotspots.error) !== undefined
  const top = refused ? [] : (hotspots.data?.top ?? [])

  const show = (cell: TopHotspot) => {
    view.selectCell(cell.id)
    onFocus({ center: cell.center, zoom: CELL_ZOOM[view.filters.cell] })
  }

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('hotspots.topTitle')}
      </h3>
      {!refused && <QueryState isPending={hotspots.isPending} error={hotspots.error} onRetry={() => void hotspots.refetch()} />}
      {hotspots.data && top.length === 0 && <p className="panel-empty">{t('hotspots.topEmpty')}</p>}
      <ol className="ranking-list" aria-labelledby={headingId}>
        {top.map((cell, index) => {
          const zone = pickName(locale, { name: cell.zone_name, name_en: cell.zone_name_en })
          return (
            <li key={cell.id}>
              <button
                type="button"
                className={`ranking-item${cell.id === view.selectedCellId ? ' ranking-item--selected' : ''}`}
                title={t('hotspots.showCell')}
                onClick={() => show(cell)}
              >
                <span className="ranking-item__rank">{index + 1}</span>
                <span className="ranking-item__text">
                  <span className="ranking-item__name">{cell.street ?? t('value.unnamed')}</span>
                  <span className="ranking-item__meta">
                    {zone ?? t('hotspots.outsideZones')} ·{' '}
                    <span className="hotspot-bin-tag" style={{ borderColor: colorOfBin(readBin(cell.bin)) }}>
                      {binLabel(readBin(cell.bin))}
                    </span>{' '}
                    · z {cell.z.toFixed(1)}
                  </span>
                </span>
                <span className="ranking-item__score" title={t('hotspots.incidents')}>
                  {t('hotspots.countShort', { count: formatNumber(cell.count) })}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {view.selectedCellId !== undefined && (
        <CellIncidentsList key={view.selectedCellId} view={view} cellId={view.selectedCellId} categories={categories} />
      )}
    </section>
  )
}

function CellIncidentsList({ view, cellId, categories }: { view: HotspotView; cellId: string; categories: readonly CategoryOption[] }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n()
  const headingId = useId()
  const incidents = useCellIncidents(cellId, buildCellIncidentsQuery(view.filters, view.period))
  const features = incidents.data?.features ?? []
  const rows = (list: typeof features) =>
    list.map((incident) => (
      <CellIncidentRow
        key={incident.id}
        id={incident.id}
        category={nameCategory(categories, incident.properties.category, (c) => pickName(locale, c))}
        reportedAt={formatDateTime(incident.properties.reported_at)}
        status={t(`incidentStatus.${incident.properties.status}`)}
        description={incident.properties.description}
      />
    ))
  return (
    <section className="cell-incidents" aria-labelledby={headingId}>
      <div className="panel-section__header">
        <h4 id={headingId} className="cell-incidents__title">
          {incidents.data ? t('hotspots.cellIncidentsCount', { count: formatNumber(incidents.data.total) }) : t('hotspots.cellIncidents')}
        </h4>
        <button type="button" className="link-button" onClick={() => view.selectCell(undefined)}>
          {t('hotspots.close')}
        </button>
      </div>
      <QueryState isPending={incidents.isPending} error={incidents.error} onRetry={() => void incidents.refetch()} />
      {incidents.data && features.length === 0 && <p className="panel-empty">{t('hotspots.cellIncidentsEmpty')}</p>}
      <ul className="cell-incidents__list" aria-labelledby={headingId}>
        {rows(features.slice(0, INCIDENT_ROWS))}
      </ul>
      {features.length > INCIDENT_ROWS && (
        <details className="panel-details">
          <summary>{t('hotspots.moreIncidents', { count: formatNumber(features.length - INCIDENT_ROWS) })}</summary>
          <ul className="cell-incidents__list">{rows(features.slice(INCIDENT_ROWS))}</ul>
        </details>
      )}
    </section>
  )
}

interface CellIncidentRowProps {
  id: string
  category: string
  reportedAt: string
  status: string
  description: string
}

function CellIncidentRow({ id, category, reportedAt, status, description }: CellIncidentRowProps) {
  return (
    <li className="cell-incident">
      <span className="cell-incident__head">
        <strong>{category}</strong> · {status}
      </span>
      <span className="cell-incident__meta">
        {reportedAt} · {id}
      </span>
      {description && <span className="cell-incident__text">{description}</span>}
    </li>
  )
}
