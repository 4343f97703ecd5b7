// The overview (概览): case tiles and escalated cases for the command centre; for leaders also the Gi* hotspots,
// the intersection ranking, incident statistics, the unit league table and the rectification measures. It owns the
// hotspot filters and the picked cell, shared by the panel and the hotspot map layer.
import { HotspotPanel } from '../../features/hotspots/components/hotspot-panel.tsx'
import { HotspotsLayer } from '../../features/hotspots/components/hotspots-layer.tsx'
import { IncidentStatistics } from '../../features/hotspots/components/incident-statistics.tsx'
import { IntersectionRanking } from '../../features/hotspots/components/intersection-ranking.tsx'
import { TopHotspots } from '../../features/hotspots/components/top-hotspots.tsx'
import { useHotspotView } from '../../features/hotspots/components/use-hotspot-view.ts'
import { CaseTiles } from '../../features/kpis/components/case-tiles.tsx'
import { EscalatedCases } from '../../features/kpis/components/escalated-cases.tsx'
import { MeasuresBoard } from '../../features/kpis/components/measures-board.tsx'
import { UnitLeague } from '../../features/kpis/components/unit-league.tsx'
import { useI18n } from '../../lib/i18n.ts'
import type { LayerKey } from '../layer-visibility.ts'
import { PanelBoundary } from '../panel-boundary.tsx'
import { may } from '../permissions.ts'
import { useHotspotParams } from '../url-state.ts'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'

// The Gi* cells are the picture: street colours, points and the density heatmap over them would blur it (and the
// heatmap must never be mistaken for the hotspots). Zone boundaries stay for orientation, and the intersection dots
// (zoom 16 and closer) mark the crossing a click in the vending ranking flies to.
export const OVERVIEW_HIDES: ReadonlySet<LayerKey> = new Set(['streets', 'lamps', 'incidents', 'density'])

export function useOverviewView({ user, roles, categories, onFocus }: ViewContext): ViewParts {
  const { t } = useI18n()
  const [params, setParams] = useHotspotParams()
  const hotspotView = useHotspotView({
    filters: {
      categories: params.category,
      period: params.period === 'custom' ? { preset: 'custom', from: params.from ?? undefined, to: params.to ?? undefined } : { preset: params.period },
      cell: params.cell,
      fdr: params.fdr,
    },
    compare: params.compare,
    selectedCellId: params.hotspot ?? undefined,
    update: ({ filters, compare, ...picked }) =>
      void setParams({
        ...(filters && {
          category: filters.categories.length === 0 ? null : [...filters.categories],
          period: filters.period.preset,
          from: filters.period.preset === 'custom' ? (filters.period.from ?? null) : null,
          to: filters.period.preset === 'custom' ? (filters.period.to ?? null) : null,
          cell: filters.cell,
          fdr: filters.fdr,
        }),
        ...(compare !== undefined && { compare }),
        ...('selectedCellId' in picked && { hotspot: picked.selectedCellId ?? null }),
      }),
  })
  const leader = may(roles, 'leaderOverview')
  // A unit updates only its own unit's measures (the server checks it); every other role that may update, any.
  const canUpdateMeasure = (unitId: string) =>
    may(roles.filter((role) => role !== 'unit'), 'updateMeasure') || (may(roles, 'updateMeasure') && roles.includes('unit') && user?.unit_id === unitId)
  return {
    hides: OVERVIEW_HIDES,
    panel: (
      <>
        <h2 className="panel-title">{t('kpis.overviewTitle')}</h2>
        <PanelBoundary name="case tiles">
          <CaseTiles />
        </PanelBoundary>
        {leader && (
          <>
            <PanelBoundary name="hotspots">
              <HotspotPanel view={hotspotView} categories={categories} />
            </PanelBoundary>
            <PanelBoundary name="top hotspots">
              <TopHotspots view={hotspotView} categories={categories} onFocus={onFocus} />
            </PanelBoundary>
            <PanelBoundary name="intersection ranking">
              <IntersectionRanking period={hotspotView.period} categories={categories} onFocus={onFocus} />
            </PanelBoundary>
            <PanelBoundary name="incident statistics">
              <IncidentStatistics view={hotspotView} categories={categories} />
            </PanelBoundary>
          </>
        )}
        <PanelBoundary name="escalated cases">
          <EscalatedCases period={hotspotView.period} categories={categories} onFocus={onFocus} />
        </PanelBoundary>
        {leader && (
          <>
            <PanelBoundary name="unit league">
              <UnitLeague period={hotspotView.period} />
            </PanelBoundary>
            <PanelBoundary name="measures">
              <MeasuresBoard period={hotspotView.period} canUpdate={canUpdateMeasure} />
            </PanelBoundary>
          </>
        )}
      </>
    ),
    mapLayers: leader && (
      <MapLayerBoundary name="hotspots">
        <HotspotsLayer view={hotspotView} />
      </MapLayerBoundary>
    ),
  }
}
