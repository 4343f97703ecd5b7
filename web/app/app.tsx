// The page: header, side panel with its views (layers; for staff with the role, the leader overview, the crew's lighting view, the
// planner's retrofit view, the audit log, user management), and the map with every data layer on it.
// Features never see each other; what one needs from another (street names, zones, role names, lamp repair
// buttons) is passed here.
import { useState } from 'react'
import type { ReactNode } from 'react'
import { AuditLogPanel } from '../features/audit/components/audit-log-panel.tsx'
import { BasemapData } from '../features/basemap/components/basemap-data.tsx'
import { BasemapStatus } from '../features/basemap/components/basemap-status.tsx'
import { CasesLayer } from '../features/cases/components/cases-layer.tsx'
import { CasesPanel } from '../features/cases/components/cases-panel.tsx'
import { PickPointLayer } from '../features/cases/components/pick-point-layer.tsx'
import { HotspotPanel } from '../features/hotspots/components/hotspot-panel.tsx'
import { HotspotsLayer } from '../features/hotspots/components/hotspots-layer.tsx'
import { IncidentStatistics } from '../features/hotspots/components/incident-statistics.tsx'
import { IntersectionRanking } from '../features/hotspots/components/intersection-ranking.tsx'
import { TopHotspots } from '../features/hotspots/components/top-hotspots.tsx'
import { useHotspotView } from '../features/hotspots/components/use-hotspot-view.ts'
import { DensityLayer } from '../features/incidents/components/density-layer.tsx'
import { DensityLegend } from '../features/incidents/components/density-legend.tsx'
import { IncidentsLayer } from '../features/incidents/components/incidents-layer.tsx'
import { IncidentsLegend } from '../features/incidents/components/incidents-legend.tsx'
import { IntersectionsLayer } from '../features/intersections/components/intersections-layer.tsx'
import { IntersectionsLegend } from '../features/intersections/components/intersections-legend.tsx'
import { CaseTiles } from '../features/kpis/components/case-tiles.tsx'
import { EscalatedCases } from '../features/kpis/components/escalated-cases.tsx'
import { MeasuresBoard } from '../features/kpis/components/measures-board.tsx'
import { UnitLeague } from '../features/kpis/components/unit-league.tsx'
import { LAMP_NIGHT_COLORS, LAMP_STATUS_COLORS } from '../features/lamps/components/lamp-style.ts'
import { LampsLayer } from '../features/lamps/components/lamps-layer.tsx'
import { LampsLegend } from '../features/lamps/components/lamps-legend.tsx'
import { CrewPanel } from '../features/lighting/components/crew-panel.tsx'
import { DarkZonesLayer } from '../features/lighting/components/dark-zones-layer.tsx'
import { LampStatusActions } from '../features/lighting/components/lamp-status-actions.tsx'
import { LIGHTING_COLORS } from '../features/lighting/components/lighting-style.ts'
import { WorkRouteLayer } from '../features/lighting/components/work-route-layer.tsx'
import { useMeta } from '../features/meta/api/get-meta.ts'
import { GuidanceDraw } from '../features/planning/components/guidance-draw.tsx'
import { GuidancePointsPanel } from '../features/planning/components/guidance-points-panel.tsx'
import { GuidanceSuggestionsPanel } from '../features/planning/components/guidance-suggestions-panel.tsx'
import { PlanningIntro } from '../features/planning/components/planning-intro.tsx'
import { GuidancePointsLayer, GuidanceSuggestionsLayer, SelectedStreetLayer } from '../features/planning/components/planning-layers.tsx'
import { createPlanningWorkspace } from '../features/planning/components/planning-workspace.ts'
import { StreetCategoryPanel } from '../features/planning/components/street-category-panel.tsx'
import { PlannerPanel } from '../features/retrofit/components/planner-panel.tsx'
import { RetrofitLayer } from '../features/retrofit/components/retrofit-layer.tsx'
import { useRoles } from '../features/roles/api/get-roles.ts'
import { useSession } from '../features/session/api/session.ts'
import { useStreetNames } from '../features/streets/api/use-street-names.ts'
import { StreetsLayer } from '../features/streets/components/streets-layer.tsx'
import { StreetsLegend } from '../features/streets/components/streets-legend.tsx'
import { STREET_CATEGORY_COLORS } from '../features/streets/components/street-style.ts'
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
// In the overview the Gi* cells are the picture: street colours, points and the density heatmap over them would
// blur it (and the heatmap must never be mistaken for the hotspots). Zone boundaries stay for orientation, and the
// intersection dots (zoom 16 and closer) mark the crossing a click in the vending ranking flies to.
const HIDDEN_IN_OVERVIEW: ReadonlySet<LayerKey> = new Set(['streets', 'lamps', 'incidents', 'density'])
// In the case view the open cases are drawn by state; the same records as incident points and density would hide them.
const HIDDEN_IN_CASES_VIEW: ReadonlySet<LayerKey> = new Set(['incidents', 'density'])
// In the planning view the street categories and the guidance points are the picture, and a click places a point:
// lamps, incident points, density and junction dots would crowd it and catch those clicks.
const HIDDEN_IN_PLANNING_VIEW: ReadonlySet<LayerKey> = new Set(['lamps', 'incidents', 'density', 'intersections'])

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
  // the case open in the case view, remembered with whose it was: after a sign-out the next user starts at the queues
  const [openCase, setOpenCase] = useState<{ userId: string | undefined; caseId: string | undefined }>()
  const [focus, setFocus] = useState<MapFocus>()
  // a new case's spot: while picking, the next map click sets it ([lon, lat])
  const [picking, setPicking] = useState(false)
  const [pickedPoint, setPickedPoint] = useState<[number, number]>()
  const hotspotView = useHotspotView()
  // what the planning view's panels and map layers share (picked street and point, the draft being drawn)
  const [planning] = useState(createPlanningWorkspace)
  const categories = meta.data?.incident_categories ?? NO_CATEGORIES
  const roleNames = roles.data ?? NO_ROLES

  const user = session.data?.user
  const userRoles = user?.roles ?? NO_ROLES
  const modes = listPanelModes(userRoles)
  // after a sign-out (or a role change) a view the user may no longer open falls back to the layers
  const mode = modes.includes(chosenMode) ? chosenMode : 'layers'
  const lightingView = mode === 'crew' || mode === 'planner'
  const canChangeLamps = may(userRoles, 'changeLampStatus')
  // A crew assigned to zones changes lamps there only (the server refuses the rest with 403): hide the buttons.
  const mayChangeLampIn = (zoneId: string | null) =>
    !user || userRoles.includes('admin') || user.zone_ids.length === 0 || (zoneId !== null && user.zone_ids.includes(zoneId))
  const canEditPlanning = may(userRoles, 'editPlanning')
  const caseId = openCase?.userId === user?.id ? openCase?.caseId : undefined
  const setCaseId = (next: string | undefined) => setOpenCase({ userId: user?.id, caseId: next })
  // picking belongs to the case view: leaving it (or the new-case form) ends it
  const pickingNow = picking && mode === 'cases'

  // a crew assigned to zones picks among its own; everyone else among all. The first is the default: a whole
  // district's work list is thousands of stops, a zone's is a day or two of work
  const zoneOptions: ZoneOption[] = (zones.data?.features ?? [])
    .filter((zone) => !user || user.zone_ids.length === 0 || user.zone_ids.includes(zone.id))
    .map((zone) => ({ id: zone.id, name: zone.properties.name, name_en: zone.properties.name_en }))
  const zone = zoneChoice ? zoneChoice.zone : zoneOptions[0]?.id
  const setZone = (next: string | undefined) => setZoneChoice({ zone: next })

  const shown = (key: LayerKey) =>
    visibility[key] && !(lightingView && HIDDEN_IN_LIGHTING_VIEWS.has(key)) && !(mode === 'cases' && HIDDEN_IN_CASES_VIEW.has(key)) &&
    !(mode === 'overview' && HIDDEN_IN_OVERVIEW.has(key)) && !(mode === 'planning' && HIDDEN_IN_PLANNING_VIEW.has(key))

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
          {modes.length > 1 && <PanelTabs
              modes={modes}
              active={mode}
              onChange={(next) => {
                setChosenMode(next)
                setPicking(false)
                setPickedPoint(undefined)
              }}
            />}
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
              {mode === 'cases' && (
                <CasesPanel
                  roles={userRoles}
                  unitId={user?.unit_id ?? null}
                  categories={categories}
                  canMerge={may(userRoles, 'mergeCases')}
                  canAddPhotos={may(userRoles, 'addCasePhotos')}
                  selectedId={caseId}
                  onSelect={setCaseId}
                  onFocus={setFocus}
                  picking={pickingNow}
                  pickedPoint={pickedPoint}
                  onStartPicking={() => setPicking(true)}
                  onCancelPicking={() => setPicking(false)}
                  onClearPickedPoint={() => setPickedPoint(undefined)}
                />
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
              {mode === 'planning' && (
                <>
                  <PlanningIntro canEdit={canEditPlanning} categoryColors={STREET_CATEGORY_COLORS} />
                  <PanelBoundary name="guidance points">
                    <GuidancePointsPanel workspace={planning} canEdit={canEditPlanning} onFocus={setFocus} />
                  </PanelBoundary>
                  <PanelBoundary name="street category">
                    <StreetCategoryPanel workspace={planning} canEdit={canEditPlanning} categoryColors={STREET_CATEGORY_COLORS} />
                  </PanelBoundary>
                  <PanelBoundary name="guidance suggestions">
                    <GuidanceSuggestionsPanel workspace={planning} canEdit={canEditPlanning} onFocus={setFocus} />
                  </PanelBoundary>
                </>
              )}
              {mode === 'overview' && (
                <>
                  <h2 className="panel-title">{t('kpis.overviewTitle')}</h2>
                  <PanelBoundary name="case tiles">
                    <CaseTiles />
                  </PanelBoundary>
                  {may(userRoles, 'leaderOverview') && (
                    <>
                      <PanelBoundary name="hotspots">
                        <HotspotPanel view={hotspotView} categories={categories} />
                      </PanelBoundary>
                      <PanelBoundary name="top hotspots">
                        <TopHotspots view={hotspotView} categories={categories} onFocus={setFocus} />
                      </PanelBoundary>
                      <PanelBoundary name="intersection ranking">
                        <IntersectionRanking period={hotspotView.period} categories={categories} onFocus={setFocus} />
                      </PanelBoundary>
                      <PanelBoundary name="incident statistics">
                        <IncidentStatistics view={hotspotView} categories={categories} />
                      </PanelBoundary>
                    </>
                  )}
                  <PanelBoundary name="escalated cases">
                    <EscalatedCases period={hotspotView.period} categories={categories} onFocus={setFocus} />
                  </PanelBoundary>
                  {may(userRoles, 'leaderOverview') && (
                    <>
                      <PanelBoundary name="unit league">
                        <UnitLeague period={hotspotView.period} />
                      </PanelBoundary>
                      <PanelBoundary name="measures">
                        <MeasuresBoard
                          period={hotspotView.period}
                          // leaders, admins and the inspection office update any measure; a unit its own (server-enforced)
                          canUpdate={(unitId) => userRoles.some((r) => r === 'leader' || r === 'admin' || r === 'inspector') || (userRoles.includes('unit') && user?.unit_id === unitId)}
                        />
                      </PanelBoundary>
                    </>
                  )}
                </>
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
                {onMap('streets', <StreetsLayer visible={shown('streets')} onSelect={mode === 'planning' ? planning.selectStreet : undefined} />)}
                {onMap('zones', <ZonesLayer visible={shown('zones')} />)}
                {onMap('density', <DensityLayer visible={shown('density')} />)}
                {onMap('intersections', <IntersectionsLayer visible={shown('intersections')} />)}
                {lightingView && onMap('dark-zones', <DarkZonesLayer selectedId={selectedId} />)}
                {mode === 'overview' && may(userRoles, 'leaderOverview') && onMap('hotspots', <HotspotsLayer view={hotspotView} />)}
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
                      canChangeLamps
                        ? (lamp) =>
                            mayChangeLampIn(lamp.properties.zone_id) ? (
                              <LampStatusActions lampId={lamp.id} working={lamp.properties.working} version={lamp.properties.version} />
                            ) : (
                              <p className="legend-note">{t('lighting.notYourZone')}</p>
                            )
                        : undefined
                    }
                  />,
                )}
                {mode === 'planner' && onMap('retrofit', <RetrofitLayer query={zone === undefined ? {} : { zone }} />)}
                {mode === 'planning' && onMap('selected-street', <SelectedStreetLayer workspace={planning} />)}
                {mode === 'planning' && onMap('guidance-points', <GuidancePointsLayer workspace={planning} />)}
                {mode === 'planning' && onMap('guidance-suggestions', <GuidanceSuggestionsLayer workspace={planning} canEdit={canEditPlanning} />)}
                {mode === 'planning' && canEditPlanning && onMap('guidance-draw', <GuidanceDraw workspace={planning} />)}
                {onMap(
                  'incidents',
                  <IncidentsLayer visible={shown('incidents')} categories={categories} street={street} />,
                )}
                {/* while a new case's spot is picked, a click on a case dot must not swap the form for that case */}
                {mode === 'cases' && onMap('cases', <CasesLayer selectedId={caseId} onOpen={(id) => {
                  if (!pickingNow) setCaseId(id)
                }} />)}
                {mode === 'cases' &&
                  onMap(
                    'picked-point',
                    <PickPointLayer
                      picking={pickingNow}
                      point={pickedPoint}
                      onPick={(point) => {
                        setPickedPoint(point)
                        setPicking(false)
                      }}
                      onCancel={() => setPicking(false)}
                    />,
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
