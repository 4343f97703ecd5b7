// The page: header, side panel with its views (layers; for staff with the role, the crew's lighting view, the
// planner's retrofit view, the audit log, user management), and the map with every data layer on it.
// Features never see each other; what one needs from another (street names, zones, role names, lamp repair
// buttons) is passed here.
import { useState } from 'react'
import type { ReactNode } from 'react'
import { AuditLogPanel } from '../features/audit/components/audit-log-panel.tsx'
import { BasemapData } from '../features/basemap/components/basemap-data.tsx'
import { BasemapStatus } from '../features/basemap/components/basemap-status.tsx'
import { DensityLayer } from '../features/incidents/components/density-layer.tsx'
import { DensityLegend } from '../features/incidents/components/density-legend.tsx'
import { IncidentsLayer } from '../features/incidents/components/incidents-layer.tsx'
import { IncidentsLegend } from '../features/incidents/components/incidents-legend.tsx'
import { IntersectionsLayer } from '../features/intersections/components/intersections-layer.tsx'
import { IntersectionsLegend } from '../features/intersections/components/intersections-legend.tsx'
import { LAMP_NIGHT_COLORS, LAMP_STATUS_COLORS } from '../features/lamps/components/lamp-style.ts'
import { LampsLayer } from '../features/lamps/components/lamps-layer.tsx'
import { LampsLegend } from '../features/lamps/components/lamps-legend.tsx'
import { CrewPanel } from '../features/lighting/components/crew-panel.tsx'
import { DarkZonesLayer } from '../features/lighting/components/dark-zones-layer.tsx'
import { LampStatusActions } from '../features/lighting/components/lamp-status-actions.tsx'
import { LIGHTING_COLORS } from '../features/lighting/components/lighting-style.ts'
import { WorkRouteLayer } from '../features/lighting/components/work-route-layer.tsx'
import { useMeta } from '../features/meta/api/get-meta.ts'
import { PlannerPanel } from '../features/retrofit/components/planner-panel.tsx'
import { RetrofitLayer } from '../features/retrofit/components/retrofit-layer.tsx'
import { useRoles } from '../features/roles/api/get-roles.ts'
import { useSession } from '../features/session/api/session.ts'
import { useStreetNames } from '../features/streets/api/use-street-names.ts'
import { StreetsLayer } from '../features/streets/components/streets-layer.tsx'
import { StreetsLegend } from '../features/streets/components/streets-legend.tsx'
import { UserManagementPanel } from '../features/users/components/user-management-panel.tsx'
import { useZones } from '../features/zones/api/get-zones.ts'
import { ZonesLayer } from '../features/zones/components/zones-layer.tsx'
import { ZonesLegend } from '../features/zones/components/zones-legend.tsx'
import { useI18n } from '../lib/i18n.ts'
import type { MessageKey } from '../lib/i18n.ts'
import { QueryState } from '../lib/query-state.tsx'
import type { ZoneOption } from '../lib/zone-select.tsx'
import type { MapFocus } from '../map/map-view.tsx'
import { FALLBACK_BOUNDS, MapView } from '../map/map-view.tsx'
import { DemoNotice } from './demo-notice.tsx'
import { Header } from './header.tsx'
import { LayerSection } from './layer-section.tsx'
import type { LayerKey } from './layer-visibility.ts'
import { useLayerVisibility } from './layer-visibility.ts'
import { PANEL_BODY_ID, PanelTabs, panelTabId } from './panel-tabs.tsx'
import { PanelBoundary } from './panel-boundary.tsx'
import type { PanelMode } from './permissions.ts'
import { listPanelModes, may } from './permissions.ts'

const NO_CATEGORIES: never[] = []
const NO_ROLES: never[] = []

// In the lighting views these step back, so the dark stretches, lamps and route are what the eye finds;
// their switches in the layer view keep their state for when the user returns.
const HIDDEN_IN_LIGHTING_VIEWS: ReadonlySet<LayerKey> = new Set(['streets', 'incidents', 'density', 'intersections'])

export function App() {
  const { t, locale } = useI18n()
  const meta = useMeta()
  const session = useSession()
  const roles = useRoles()
  const zones = useZones()
  const street = useStreetNames()
  const [visibility, setLayerVisible] = useLayerVisibility()
  const [chosenMode, setChosenMode] = useState<PanelMode>('layers')
  const [zoneChoice, setZoneChoice] = useState<{ zone: string | undefined }>()
  const [selectedId, setSelectedId] = useState<string>()
  const [focus, setFocus] = useState<MapFocus>()
  const categories = meta.data?.incident_categories ?? NO_CATEGORIES
  const roleNames = roles.data ?? NO_ROLES

  const user = session.data?.user
  const userRoles = user?.roles ?? NO_ROLES
  const modes = listPanelModes(userRoles)
  // after a sign-out (or a role change) a view the user may no longer open falls back to the layers
  const mode = modes.includes(chosenMode) ? chosenMode : 'layers'
  const lightingView = mode === 'crew' || mode === 'planner'
  const canChangeLamps = may(userRoles, 'changeLampStatus')

  // a crew assigned to zones picks among its own; everyone else among all. The first is the default: a whole
  // district's work list is thousands of stops, a zone's is a day or two of work
  const zoneOptions: ZoneOption[] = (zones.data?.features ?? [])
    .filter((zone) => !user || user.zone_ids.length === 0 || user.zone_ids.includes(zone.id))
    .map((zone) => ({ id: zone.id, name: zone.properties.name, name_en: zone.properties.name_en }))
  const zone = zoneChoice ? zoneChoice.zone : zoneOptions[0]?.id
  const setZone = (next: string | undefined) => setZoneChoice({ zone: next })

  const shown = (key: LayerKey) => visibility[key] && !(lightingView && HIDDEN_IN_LIGHTING_VIEWS.has(key))

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
      <Header demo={meta.data?.mode === 'demo'} roles={roleNames} />
      <main className="app-body">
        <aside
          className={`side-panel side-panel--${mode}${modes.length > 4 ? ' side-panel--many-tabs' : ''}`}
          aria-label={t('panel.label')}
        >
          {modes.length > 1 && <PanelTabs modes={modes} active={mode} onChange={setChosenMode} />}
          {/* keyed by view: a new view starts at its top, not where the last one was scrolled to */}
          <div
            key={mode}
            id={PANEL_BODY_ID}
            className="side-panel__body"
            {...(modes.length > 1 ? { role: 'tabpanel', 'aria-labelledby': panelTabId(mode) } : {})}
          >
            <PanelBoundary name={`${mode} panel`}>
              {mode === 'layers' && (
                <>
                  <h2 className="side-panel__heading">{t('panel.layers')}</h2>
                  {session.data === null && <p className="panel-callout">{t('panel.signInForMore')}</p>}
                  <QueryState isPending={false} error={meta.error} onRetry={() => void meta.refetch()} />
                  {section('streets', 'layer.streets', <StreetsLegend />)}
                  {section('lamps', 'layer.lamps', <LampsLegend />)}
                  {section('incidents', 'layer.incidents', <IncidentsLegend categories={categories} />)}
                  {section('density', 'layer.density', <DensityLegend />)}
                  {section('zones', 'layer.zones', <ZonesLegend />)}
                  {section('intersections', 'layer.intersections', <IntersectionsLegend />)}
                  <BasemapStatus />
                </>
              )}
              {mode === 'crew' && (
                <CrewPanel
                  zone={zone}
                  zones={zoneOptions}
                  onZoneChange={setZone}
                  canChangeLamps={canChangeLamps}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  onFocus={setFocus}
                  lampColors={{ lit: LAMP_NIGHT_COLORS.lit, broken: LAMP_STATUS_COLORS.defective_lamp }}
                />
              )}
              {mode === 'planner' && (
                <PlannerPanel
                  zone={zone}
                  zones={zoneOptions}
                  onZoneChange={setZone}
                  darkColor={LIGHTING_COLORS.dark}
                  onFocus={setFocus}
                />
              )}
              {mode === 'audit' && <AuditLogPanel roles={roleNames} />}
              {mode === 'users' && <UserManagementPanel currentUserId={user?.id} roles={roleNames} zones={zoneOptions} />}
            </PanelBoundary>
          </div>
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
                night={lightingView}
                focus={focus}
                labels={{
                  region: t('map.label'),
                  loading: t('map.loading'),
                  failed: (detail) => t('map.failed', { detail }),
                }}
              >
                {onMap('basemap', <BasemapData />)}
                {onMap('streets', <StreetsLayer visible={shown('streets')} />)}
                {onMap('zones', <ZonesLayer visible={shown('zones')} />)}
                {onMap('density', <DensityLayer visible={shown('density')} />)}
                {onMap('intersections', <IntersectionsLayer visible={shown('intersections')} />)}
                {lightingView && onMap('dark-zones', <DarkZonesLayer selectedId={selectedId} />)}
                {mode === 'crew' &&
                  onMap(
                    'work-route',
                    <WorkRouteLayer query={zone === undefined ? {} : { zone }} selectedId={selectedId} canChangeLamps={canChangeLamps} />,
                  )}
                {onMap(
                  'lamps',
                  <LampsLayer
                    visible={shown('lamps')}
                    street={street}
                    night={lightingView}
                    renderActions={
                      canChangeLamps ? (lamp) => <LampStatusActions lampId={lamp.id} working={lamp.properties.working} /> : undefined
                    }
                  />,
                )}
                {mode === 'planner' && onMap('retrofit', <RetrofitLayer query={zone === undefined ? {} : { zone }} />)}
                {onMap(
                  'incidents',
                  <IncidentsLayer visible={shown('incidents')} categories={categories} street={street} />,
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
