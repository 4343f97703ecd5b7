// The planning view's map layers: guidance points and areas by status with their broken rules marked, the
// suggested sites, and the outline of the street open in the panel. A click on a point picks it in the panel; a
// click on a suggested site opens its card.
import { useMemo } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { EMPTY_COLLECTION } from '../../../map/offline-style.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useGuidancePoints } from '../api/get-guidance-points.ts'
import type { GuidanceSuggestion } from '../api/get-guidance-suggestions.ts'
import { useGuidanceSuggestions } from '../api/get-guidance-suggestions.ts'
import { toGuidanceMapFeatures } from './guidance-geometry.ts'
import { adoptSuggestion } from './guidance-suggestions-panel.tsx'
import {
  GUIDANCE_POINTS_SOURCE,
  GUIDANCE_SUGGESTIONS_SOURCE,
  guidancePointsCircleLayer,
  guidancePointsFillLayer,
  guidancePointsLabelLayer,
  guidancePointsOutlineLayer,
  guidancePointsViolationsLayer,
  guidancePointsViolationsOutlineLayer,
  guidanceSuggestionsLabelLayer,
  guidanceSuggestionsLayer,
  guidanceSuggestionsServedLayer,
  streetsSelectedLayer,
} from './planning-style.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { usePlanningState } from './planning-workspace.ts'

export function GuidancePointsLayer({ workspace }: { workspace: PlanningWorkspace }) {
  const points = useGuidancePoints()
  const movingId = usePlanningState(workspace, (s) => s.draft?.pointId)
  const selectedId = usePlanningState(workspace, (s) => s.pointId)
  const data = useMemo(() => points.data && toGuidanceMapFeatures(points.data.features, movingId), [points.data, movingId])
  useGeoJsonSource(GUIDANCE_POINTS_SOURCE, { data, status: points.status })
  const onClick = (feature: { id?: string | number | undefined }) => {
    const id = readFeatureId(feature)
    if (id !== undefined) workspace.selectPoint(id)
    return undefined // the panel shows the point; no popup
  }
  useMapLayer(guidancePointsFillLayer, { onClick })
  useMapLayer(guidancePointsOutlineLayer(selectedId))
  useMapLayer(guidancePointsViolationsOutlineLayer)
  useMapLayer(guidancePointsCircleLayer(selectedId), { onClick })
  useMapLayer(guidancePointsViolationsLayer, { onClick })
  useMapLayer(guidancePointsLabelLayer)
  return null
}

export function GuidanceSuggestionsLayer({ workspace, canEdit }: { workspace: PlanningWorkspace; canEdit: boolean }) {
  const { t } = useI18n()
  const query = usePlanningState(workspace, (s) => s.suggestions)
  const suggestions = useGuidanceSuggestions(query)
  // nothing asked yet is nothing to draw, and no reason to hold back the map's "ready" flag
  useGeoJsonSource(GUIDANCE_SUGGESTIONS_SOURCE, {
    data: query === undefined ? EMPTY_COLLECTION : suggestions.data,
    status: query === undefined ? 'success' : suggestions.status,
  })
  const byId = useMemo(() => indexById(suggestions.data), [suggestions.data])
  const onClick = (feature: { id?: string | number | undefined }) => {
    // while a point or area is being drawn, a click on a site is a click on the map
    if (workspace.getState().draft) return undefined
    const site = byId.get(readFeatureId(feature) ?? '')
    return site && <SuggestionPopup site={site} workspace={workspace} canEdit={canEdit} />
  }
  useMapLayer(guidanceSuggestionsLayer, { onClick })
  useMapLayer(guidanceSuggestionsLabelLayer, { onClick })
  // no values: the {count} placeholder stays in the text, to be filled per site by the layer's expression
  useMapLayer(guidanceSuggestionsServedLayer(t('planning.servedOnMap')))
  return null
}

export function SelectedStreetLayer({ workspace }: { workspace: PlanningWorkspace }) {
  const streetId = usePlanningState(workspace, (s) => s.streetId)
  useMapLayer(streetsSelectedLayer(streetId))
  return null
}

function SuggestionPopup({ site, workspace, canEdit }: { site: GuidanceSuggestion; workspace: PlanningWorkspace; canEdit: boolean }) {
  const i18n = useI18n()
  const { t, formatNumber, formatMeters } = i18n
  const drafting = usePlanningState(workspace, (s) => s.draft !== undefined)
  const { rank, street_name, served, served_total, moved_m } = site.properties
  return (
    <>
      <FeatureCard
        title={t('planning.suggestionTitle', { rank })}
        subtitle={street_name ?? t('value.unnamed')}
        rows={[
          [t('planning.servedNew'), formatNumber(served)],
          [t('planning.servedTotal'), formatNumber(served_total)],
          [t('planning.movedFromCenter'), formatMeters(moved_m)],
        ]}
      />
      {canEdit && (
        <div className="lamp-actions">
          <button type="button" className="small-button small-button--go" disabled={drafting} onClick={() => adoptSuggestion(workspace, i18n, site)}>
            {t('planning.adopt')}
          </button>
        </div>
      )}
    </>
  )
}
