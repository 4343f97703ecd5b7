// The page: header, side panel with its views, and the map with every data layer on it. The views (layers; for
// staff with the role, the overview, cases, the crew's and the planner's lighting views, planning, the audit log,
// user management) are modules under views/, each with its panel, its own map layers and the shared layers it
// hides; this file is the chrome around them. Features never see each other; what one needs from another (street
// names, zones, role names, lamp repair buttons) is passed here or in a view.
import { useEffect, useRef, useState } from 'react'
import { parseAsString, useQueryStates } from 'nuqs'
import { BasemapData } from '../features/basemap/components/basemap-data.tsx'
import { DensityLayer } from '../features/incidents/components/density-layer.tsx'
import { IncidentsLayer } from '../features/incidents/components/incidents-layer.tsx'
import { IntersectionsLayer } from '../features/intersections/components/intersections-layer.tsx'
import { LampsLayer } from '../features/lamps/components/lamps-layer.tsx'
import { LampStatusActions } from '../features/lighting/components/lamp-status-actions.tsx'
import { useMeta } from '../features/meta/api/get-meta.ts'
import { useRoles } from '../features/roles/api/get-roles.ts'
import { useSession } from '../features/session/api/session.ts'
import { useStreetNames } from '../features/streets/api/use-street-names.ts'
import { StreetsLayer } from '../features/streets/components/streets-layer.tsx'
import { useZones } from '../features/zones/api/get-zones.ts'
import { ZonesLayer } from '../features/zones/components/zones-layer.tsx'
import { useI18n } from '../lib/i18n.ts'
import type { ZoneOption } from '../lib/zone-select.tsx'
import type { MapFocus } from '../map/map-view.tsx'
import { FALLBACK_BOUNDS, MapView } from '../map/map-view.tsx'
import { DemoNotice } from './demo-notice.tsx'
import { MapLegend } from './map-legend.tsx'
import { Header } from './header.tsx'
import type { LayerKey } from './layer-visibility.ts'
import { useLayerVisibility } from './layer-visibility.ts'
import { PANEL_BODY_ID, PanelTabs, panelTabId } from './panel-tabs.tsx'
import { PanelBoundary } from './panel-boundary.tsx'
import { listPanelModes, may } from './permissions.ts'
import { ALL_ZONES, VIEW_KEYS, useCaseParam, usePlanningParams, useTabParam, useZoneParam } from './url-state.ts'
import { PlaceSearchBox } from '../lib/place-search-box.tsx'
import type { PlaceSearchHit } from '../lib/place-search.ts'
import { useViews } from './views/index.ts'
import { MapLayerBoundary } from './views/map-layer-boundary.tsx'
import type { SignedInUser } from './views/view.ts'

const NO_CATEGORIES: never[] = []
// drawn for staff only (their tiles answer 401 to a visitor)
const STAFF_LAYERS: ReadonlySet<LayerKey> = new Set(['lamps', 'incidents', 'density'])
const NO_ROLES: never[] = []

/** A crew assigned to zones changes lamps there only (the server refuses the rest with 403): the buttons hide elsewhere. */
function mayChangeLampIn(user: SignedInUser | undefined, zoneId: string | null): boolean {
  return !user || user.roles.includes('admin') || user.zone_ids.length === 0 || (zoneId !== null && user.zone_ids.includes(zoneId))
}

export function App() {
  const { t, locale } = useI18n()
  const meta = useMeta()
  const session = useSession()
  const roles = useRoles()
  const zones = useZones()
  const street = useStreetNames()
  const [chosenMode, setChosenMode] = useTabParam()
  const [zoneChoice, setZoneChoice] = useZoneParam()
  const setOpenCase = useCaseParam()[1]
  const setPlanningPick = usePlanningParams()[1]
  const clearView = useQueryStates(Object.fromEntries(VIEW_KEYS.map((key) => [key, parseAsString])))[1]
  const [focus, setFocus] = useState<MapFocus>()
  const categories = meta.data?.incident_categories ?? NO_CATEGORIES

  const user = session.data?.user
  const userRoles = user?.roles ?? NO_ROLES
  const [visibility, setLayerVisible] = useLayerVisibility(userRoles, user?.id)
  const modes = listPanelModes(userRoles)
  // after a sign-out (or a role change) a view the user may no longer open falls back to the layers
  const mode = modes.includes(chosenMode) ? chosenMode : 'layers'
  const canChangeLamps = may(userRoles, 'changeLampStatus')
  // lamps and incidents are staff-only (their tiles answer 401): nobody asks for them before a sign-in, and a
  // sign-out hides them at once
  const signedIn = user !== undefined
  // a sign-out ends the view: the next person at this screen starts at the default one, not in the last user's case
  const wasSignedIn = useRef(false)
  useEffect(() => {
    if (wasSignedIn.current && !signedIn && !session.isPending) void clearView(null, { history: 'replace' })
    if (!session.isPending) wasSignedIn.current = signedIn
  }, [signedIn, session.isPending, clearView])

  // a crew assigned to zones picks among its own; everyone else among all. The first is the default: a whole
  // district's work list is thousands of stops, a zone's is a day or two of work
  const zoneOptions: ZoneOption[] = (zones.data?.features ?? [])
    .filter((zone) => !user || user.zone_ids.length === 0 || user.zone_ids.includes(zone.id))
    .map((zone) => ({ id: zone.id, name: zone.properties.name, name_en: zone.properties.name_en }))
  const zone = zoneChoice === ALL_ZONES ? undefined : (zoneOptions.find((z) => z.id === zoneChoice)?.id ?? zoneOptions[0]?.id)

  const views = useViews(
    mode,
    {
      user,
      roles: userRoles,
      roleNames: roles.data ?? NO_ROLES,
      categories,
      zones: zoneOptions,
      zone,
      setZone: (next) => void setZoneChoice(next ?? ALL_ZONES),
      onFocus: setFocus,
    },
    { visibility, setLayerVisible },
  )
  const view = views[mode]
  // a street fits the map, a junction is shown close up, a case opens in the case view (where it is drawn)
  const showFound = (hit: PlaceSearchHit) => {
    if (hit.kind === 'street') {
      setFocus({ bounds: hit.bbox, maxZoom: 17 })
      // in the planning view a street found is a street picked: its category can be edited without a mouse
      if (mode === 'planning') void setPlanningPick({ street: hit.id, point: null })
    } else if (hit.kind === 'intersection') setFocus({ center: hit.center, zoom: 18 })
    else if (hit.kind === 'lamp') setFocus({ center: hit.center, zoom: 19 })
    else {
      void setChosenMode('cases')
      void setOpenCase(hit.id)
      setFocus({ center: hit.center, zoom: 17 })
    }
  }
  const night = view.night === true
  const shown = (key: LayerKey) => visibility[key] && !view.hides.has(key)

  return (
    <div className="app">
      <Header demo={meta.data?.mode === 'demo'} roles={roles.data ?? NO_ROLES} />
      <main className="app-body">
        <aside
          className={`side-panel side-panel--${mode}${modes.length > 4 ? ' side-panel--many-tabs' : ''}`}
          aria-label={t('panel.label')}
        >
          {modes.length > 1 && <PanelTabs
              modes={modes}
              active={mode}
              onChange={(next) => {
                void setChosenMode(next)
                for (const each of Object.values(views)) each.onTabChange?.()
              }}
            />}
          {/* keyed by view: a new view starts at its top, not where the last one was scrolled to */}
          <div
            key={mode}
            id={PANEL_BODY_ID}
            className="side-panel__body"
            {...(modes.length > 1 ? { role: 'tabpanel', 'aria-labelledby': panelTabId(mode) } : {})}
          >
            <PanelBoundary name={`${mode} panel`}>{view.panel}</PanelBoundary>
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
                night={night}
                focus={focus}
                labels={{
                  region: t('map.label'),
                  loading: t('map.loading'),
                  updating: t('map.updating'),
                  failed: (detail) => t('map.failed', { detail }),
                }}
              >
                <MapLayerBoundary name="basemap">
                  <BasemapData />
                </MapLayerBoundary>
                <MapLayerBoundary name="streets">
                  <StreetsLayer visible={shown('streets')} onSelect={view.onSelectStreet} />
                </MapLayerBoundary>
                <MapLayerBoundary name="zones">
                  <ZonesLayer visible={shown('zones')} />
                </MapLayerBoundary>
                <MapLayerBoundary name="density">
                  <DensityLayer visible={shown('density') && signedIn} />
                </MapLayerBoundary>
                <MapLayerBoundary name="intersections">
                  <IntersectionsLayer visible={shown('intersections')} />
                </MapLayerBoundary>
                <MapLayerBoundary name="lamps">
                  <LampsLayer
                    visible={shown('lamps') && signedIn}
                    street={street}
                    night={night}
                    showHistory={may(userRoles, 'lampHistory')}
                    renderActions={
                      canChangeLamps
                        ? (lamp) =>
                            mayChangeLampIn(user, lamp.properties.zone_id) ? (
                              <LampStatusActions lampId={lamp.id} working={lamp.properties.working} version={lamp.properties.version} status={lamp.properties.status} />
                            ) : (
                              <p className="legend-note">{t('lighting.notYourZone')}</p>
                            )
                        : undefined
                    }
                  />
                </MapLayerBoundary>
                <MapLayerBoundary name="incidents">
                  <IncidentsLayer visible={shown('incidents') && signedIn} categories={categories} street={street} />
                </MapLayerBoundary>
                {view.mapLayers}
              </MapView>
            )}
            {!meta.isPending && (
              <PlaceSearchBox
                className="map-search"
                english={locale === 'en'}
                onPick={showFound}
                labels={{
                  label: t('search.label'),
                  placeholder: t('search.placeholder'),
                  empty: t('search.empty'),
                  kind: { street: t('search.kind.street'), intersection: t('search.kind.intersection'), case: t('search.kind.case'), lamp: t('search.kind.lamp') },
                }}
              />
            )}
            {!meta.isPending && <MapLegend shown={(key) => shown(key) && (signedIn || !STAFF_LAYERS.has(key))} night={night} />}
            {meta.data?.demo !== false && <DemoNotice />}
          </PanelBoundary>
        </div>
      </main>
    </div>
  )
}
