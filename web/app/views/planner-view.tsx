// The planner's lighting view (改造规划): the dark stretches ranked and the lamp retrofit plan, on a night map.
import { DarkZonesLayer } from '../../features/lighting/components/dark-zones-layer.tsx'
import { LIGHTING_COLORS } from '../../features/lighting/components/lighting-style.ts'
import { PlannerPanel } from '../../features/retrofit/components/planner-panel.tsx'
import { RetrofitLayer } from '../../features/retrofit/components/retrofit-layer.tsx'
import { LIGHTING_VIEW_HIDES } from './crew-view.tsx'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'

export function usePlannerView({ zone, zones, setZone, onFocus }: ViewContext): ViewParts {
  return {
    hides: LIGHTING_VIEW_HIDES,
    night: true,
    panel: <PlannerPanel zone={zone} zones={zones} onZoneChange={setZone} darkColor={LIGHTING_COLORS.dark} onFocus={onFocus} />,
    mapLayers: (
      <>
        <MapLayerBoundary name="dark-zones">
          <DarkZonesLayer selectedId={undefined} />
        </MapLayerBoundary>
        <MapLayerBoundary name="retrofit">
          <RetrofitLayer query={zone === undefined ? {} : { zone }} />
        </MapLayerBoundary>
      </>
    ),
  }
}
