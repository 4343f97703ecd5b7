// The planning view (街道与疏导点): street categories and vendor guidance points; a planner edits both, a leader reads.
// It owns the planning workspace: the street and point picked and the draft being drawn, shared by panel and map.
import { useEffect, useRef, useState } from 'react'
import { GuidanceDraw } from '../../features/planning/components/guidance-draw.tsx'
import { GuidancePointsPanel } from '../../features/planning/components/guidance-points-panel.tsx'
import { GuidanceSuggestionsPanel } from '../../features/planning/components/guidance-suggestions-panel.tsx'
import { PlanningIntro } from '../../features/planning/components/planning-intro.tsx'
import { GuidancePointsLayer, GuidanceSuggestionsLayer, SelectedStreetLayer } from '../../features/planning/components/planning-layers.tsx'
import { createPlanningWorkspace } from '../../features/planning/components/planning-workspace.ts'
import { StreetCategoryPanel } from '../../features/planning/components/street-category-panel.tsx'
import { STREET_CATEGORY_COLORS } from '../../features/streets/components/street-style.ts'
import type { LayerKey } from '../layer-visibility.ts'
import { PanelBoundary } from '../panel-boundary.tsx'
import { may } from '../permissions.ts'
import { usePlanningParams } from '../url-state.ts'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'

// The street categories and the guidance points are the picture, and a click places a point: lamps, incident
// points, density and junction dots would crowd it and catch those clicks.
export const PLANNING_VIEW_HIDES: ReadonlySet<LayerKey> = new Set(['lamps', 'incidents', 'density', 'intersections'])

export function usePlanningView({ roles, onFocus }: ViewContext): ViewParts {
  // the street and point picked live in the URL too (a link or a reload picks them again; Back unpicks)
  const [picked, setPicked] = usePlanningParams()
  const [workspace] = useState(() => createPlanningWorkspace({ streetId: picked.street ?? undefined, pointId: picked.point ?? undefined }))
  const inUrl = useRef(picked)
  inUrl.current = picked
  useEffect(() => {
    workspace.selectStreet(picked.street ?? undefined)
    workspace.selectPoint(picked.point ?? undefined)
  }, [workspace, picked.street, picked.point])
  useEffect(
    () =>
      workspace.subscribe(() => {
        const { streetId = null, pointId = null } = workspace.getState()
        if (streetId !== inUrl.current.street || pointId !== inUrl.current.point) void setPicked({ street: streetId, point: pointId })
      }),
    [workspace, setPicked],
  )
  const canEdit = may(roles, 'editPlanning')
  return {
    hides: PLANNING_VIEW_HIDES,
    onSelectStreet: workspace.selectStreet,
    panel: (
      <>
        <PlanningIntro canEdit={canEdit} categoryColors={STREET_CATEGORY_COLORS} />
        <PanelBoundary name="guidance points">
          <GuidancePointsPanel workspace={workspace} canEdit={canEdit} onFocus={onFocus} />
        </PanelBoundary>
        <PanelBoundary name="street category">
          <StreetCategoryPanel workspace={workspace} canEdit={canEdit} categoryColors={STREET_CATEGORY_COLORS} />
        </PanelBoundary>
        <PanelBoundary name="guidance suggestions">
          <GuidanceSuggestionsPanel workspace={workspace} canEdit={canEdit} onFocus={onFocus} />
        </PanelBoundary>
      </>
    ),
    mapLayers: (
      <>
        <MapLayerBoundary name="selected-street">
          <SelectedStreetLayer workspace={workspace} />
        </MapLayerBoundary>
        <MapLayerBoundary name="guidance-points">
          <GuidancePointsLayer workspace={workspace} />
        </MapLayerBoundary>
        <MapLayerBoundary name="guidance-suggestions">
          <GuidanceSuggestionsLayer workspace={workspace} canEdit={canEdit} />
        </MapLayerBoundary>
        {canEdit && (
          <MapLayerBoundary name="guidance-draw">
            <GuidanceDraw workspace={workspace} />
          </MapLayerBoundary>
        )}
      </>
    ),
  }
}
