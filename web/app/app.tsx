// The page: header, side panel with layer switches and legends, and the map with every data layer on it.
// Features never see each other; what one needs from another (street names, incident categories) is passed here.
import type { ReactNode } from 'react'
import { BasemapData } from '../features/basemap/components/basemap-data.tsx'
import { BasemapStatus } from '../features/basemap/components/basemap-status.tsx'
import { DensityLayer } from '../features/incidents/components/density-layer.tsx'
import { DensityLegend } from '../features/incidents/components/density-legend.tsx'
import { IncidentsLayer } from '../features/incidents/components/incidents-layer.tsx'
import { IncidentsLegend } from '../features/incidents/components/incidents-legend.tsx'
import { IntersectionsLayer } from '../features/intersections/components/intersections-layer.tsx'
import { IntersectionsLegend } from '../features/intersections/components/intersections-legend.tsx'
import { LampsLayer } from '../features/lamps/components/lamps-layer.tsx'
import { LampsLegend } from '../features/lamps/components/lamps-legend.tsx'
import { useMeta } from '../features/meta/api/get-meta.ts'
import { useStreetNames } from '../features/streets/api/use-street-names.ts'
import { StreetsLayer } from '../features/streets/components/streets-layer.tsx'
import { StreetsLegend } from '../features/streets/components/streets-legend.tsx'
import { ZonesLayer } from '../features/zones/components/zones-layer.tsx'
import { ZonesLegend } from '../features/zones/components/zones-legend.tsx'
import { useI18n } from '../lib/i18n.ts'
import type { MessageKey } from '../lib/i18n.ts'
import { QueryState } from '../lib/query-state.tsx'
import { FALLBACK_BOUNDS, MapView } from '../map/map-view.tsx'
import { DemoNotice } from './demo-notice.tsx'
import { Header } from './header.tsx'
import { LayerSection } from './layer-section.tsx'
import type { LayerKey } from './layer-visibility.ts'
import { useLayerVisibility } from './layer-visibility.ts'
import { PanelBoundary } from './panel-boundary.tsx'

const NO_CATEGORIES: never[] = []

export function App() {
  const { t, locale } = useI18n()
  const meta = useMeta()
  const street = useStreetNames()
  const [visibility, setLayerVisible] = useLayerVisibility()
  const categories = meta.data?.incident_categories ?? NO_CATEGORIES

  const section = (key: LayerKey, title: MessageKey, legend: ReactNode) => (
    <LayerSection title={t(title)} visible={visibility[key]} onVisibleChange={(v) => setLayerVisible(key, v)}>
      <PanelBoundary name={`${key} legend`}>{legend}</PanelBoundary>
    </LayerSection>
  )
  const onMap = (key: string, layer: ReactNode) => (
    <PanelBoundary name={`${key} layer`} variant="map-layer">
      {layer}
    </PanelBoundary>
  )

  return (
    <div className="app">
      <Header demo={meta.data?.mode === 'demo'} />
      <main className="app-body">
        <aside className="side-panel" aria-label={t('panel.label')}>
          <PanelBoundary name="side panel">
            <h2 className="side-panel__heading">{t('panel.layers')}</h2>
            <QueryState isPending={false} error={meta.error} onRetry={() => void meta.refetch()} />
            {section('streets', 'layer.streets', <StreetsLegend />)}
            {section('lamps', 'layer.lamps', <LampsLegend />)}
            {section('incidents', 'layer.incidents', <IncidentsLegend categories={categories} />)}
            {section('density', 'layer.density', <DensityLegend />)}
            {section('zones', 'layer.zones', <ZonesLegend />)}
            {section('intersections', 'layer.intersections', <IntersectionsLegend />)}
            <BasemapStatus />
          </PanelBoundary>
        </aside>
        <div className="map-area">
          <PanelBoundary name="map">
            {/* the map starts on the district's bounds, so it waits for /api/meta (or its failure) */}
            {meta.isPending ? (
              <p className="map-overlay" role="status">
                {t('map.loading')}
              </p>
            ) : (
              <MapView
                bounds={meta.data?.bounds ?? FALLBACK_BOUNDS}
                locale={locale}
                labels={{
                  region: t('map.label'),
                  loading: t('map.loading'),
                  failed: (detail) => t('map.failed', { detail }),
                }}
              >
                {onMap('basemap', <BasemapData />)}
                {onMap('streets', <StreetsLayer visible={visibility.streets} />)}
                {onMap('zones', <ZonesLayer visible={visibility.zones} />)}
                {onMap('density', <DensityLayer visible={visibility.density} />)}
                {onMap('intersections', <IntersectionsLayer visible={visibility.intersections} />)}
                {onMap('lamps', <LampsLayer visible={visibility.lamps} street={street} />)}
                {onMap(
                  'incidents',
                  <IncidentsLayer visible={visibility.incidents} categories={categories} street={street} />,
                )}
              </MapView>
            )}
            {meta.data?.demo !== false && <DemoNotice />}
          </PanelBoundary>
        </div>
      </main>
    </div>
  )
}
