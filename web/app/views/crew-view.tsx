// The crew's lighting view (路灯巡修): coverage, the broken lamps in visiting order and their route, the dark
// stretches glowing on a night map. It owns the stop picked in the list, which the route and the stretches outline.
import { LAMP_NIGHT_COLORS, LAMP_STATUS_COLORS } from '../../features/lamps/components/lamp-style.ts'
import { CrewPanel } from '../../features/lighting/components/crew-panel.tsx'
import { DarkZonesLayer } from '../../features/lighting/components/dark-zones-layer.tsx'
import { WorkRouteLayer } from '../../features/lighting/components/work-route-layer.tsx'
import type { LayerKey } from '../layer-visibility.ts'
import { useStopParam } from '../url-state.ts'
import { may } from '../permissions.ts'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'

// In the lighting views these step back, so the dark stretches, lamps and route are what the eye finds.
export const LIGHTING_VIEW_HIDES: ReadonlySet<LayerKey> = new Set(['streets', 'incidents', 'density', 'intersections'])

// the lamps feature's colours for a lit and a broken lamp, so the list's markers match the map's
const LAMP_COLORS = { lit: LAMP_NIGHT_COLORS.lit, broken: LAMP_STATUS_COLORS.defective_lamp }

export function useCrewView({ roles, zone, zones, setZone, onFocus }: ViewContext): ViewParts {
  const [stop, setStop] = useStopParam()
  const selectedId = stop ?? undefined
  const setSelectedId = (id: string | undefined) => void setStop(id ?? null)
  const canChangeLamps = may(roles, 'changeLampStatus')
  return {
    hides: LIGHTING_VIEW_HIDES,
    night: true,
    panel: (
      <CrewPanel
        zone={zone}
        zones={zones}
        onZoneChange={setZone}
        canChangeLamps={canChangeLamps}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onFocus={onFocus}
        lampColors={LAMP_COLORS}
      />
    ),
    mapLayers: (
      <>
        <MapLayerBoundary name="dark-zones">
          <DarkZonesLayer selectedId={selectedId} />
        </MapLayerBoundary>
        <MapLayerBoundary name="work-route">
          <WorkRouteLayer query={zone === undefined ? {} : { zone }} selectedId={selectedId} canChangeLamps={canChangeLamps} />
        </MapLayerBoundary>
      </>
    ),
  }
}
