// The layer view (图层), open to everyone: a switch and a legend per shared data layer, and the basemap's status.
import type { ReactNode } from 'react'
import { BasemapStatus } from '../../features/basemap/components/basemap-status.tsx'
import { DensityLegend } from '../../features/incidents/components/density-legend.tsx'
import { IncidentsLegend } from '../../features/incidents/components/incidents-legend.tsx'
import { IntersectionsLegend } from '../../features/intersections/components/intersections-legend.tsx'
import { LampsLegend } from '../../features/lamps/components/lamps-legend.tsx'
import { useMeta } from '../../features/meta/api/get-meta.ts'
import { useSession } from '../../features/session/api/session.ts'
import { StreetsLegend } from '../../features/streets/components/streets-legend.tsx'
import { ZonesLegend } from '../../features/zones/components/zones-legend.tsx'
import { useI18n } from '../../lib/i18n.ts'
import type { MessageKey } from '../../lib/i18n.ts'
import { QueryState } from '../../lib/query-state.tsx'
import { LayerSection } from '../layer-section.tsx'
import type { LayerKey, LayerVisibility } from '../layer-visibility.ts'
import { PanelBoundary } from '../panel-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'
import { NO_LAYERS_HIDDEN } from './view.ts'

export interface LayerSwitches {
  visibility: LayerVisibility
  setLayerVisible: (key: LayerKey, visible: boolean) => void
}

export function useLayersView({ categories }: ViewContext, { visibility, setLayerVisible }: LayerSwitches): ViewParts {
  const { t } = useI18n()
  const meta = useMeta()
  const session = useSession()
  const section = (key: LayerKey, title: MessageKey, legend: ReactNode) => (
    <LayerSection title={t(title)} visible={visibility[key]} onVisibleChange={(v) => setLayerVisible(key, v)}>
      <PanelBoundary name={`${key} legend`}>{legend}</PanelBoundary>
    </LayerSection>
  )
  return {
    hides: NO_LAYERS_HIDDEN,
    panel: (
      <>
        <h2 className="side-panel__heading">{t('panel.layers')}</h2>
        {session.data === null && <p className="panel-callout">{t('panel.signInForMore')}</p>}
        <QueryState isPending={false} error={meta.error} onRetry={() => void meta.refetch()} />
        {section('streets', 'layer.streets', <StreetsLegend />)}
        {section('lamps', 'layer.lamps', <LampsLegend total={meta.data?.counts.lamps} />)}
        {section('incidents', 'layer.incidents', <IncidentsLegend categories={categories} total={meta.data?.counts.incidents} />)}
        {section('density', 'layer.density', <DensityLegend />)}
        {section('zones', 'layer.zones', <ZonesLegend />)}
        {section('intersections', 'layer.intersections', <IntersectionsLegend />)}
        <BasemapStatus />
      </>
    ),
  }
}
