// The case view (案件): the role queues, a case's detail and actions, filing a new case with its spot picked on the
// map. It owns the open case and the picking state, which its panel and its map layers share.
import { useState } from 'react'
import { CasesLayer } from '../../features/cases/components/cases-layer.tsx'
import { CasesPanel } from '../../features/cases/components/cases-panel.tsx'
import { PickPointLayer } from '../../features/cases/components/pick-point-layer.tsx'
import type { LayerKey } from '../layer-visibility.ts'
import { useCaseParam } from '../url-state.ts'
import { may } from '../permissions.ts'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'

// The open cases are drawn by state; the same records as incident points and density would hide them, and a unit's
// few dozen cases would drown among the district's lamp dots.
export const CASES_VIEW_HIDES: ReadonlySet<LayerKey> = new Set(['incidents', 'density', 'lamps'])

export function useCasesView({ active, user, roles, categories, onFocus }: ViewContext): ViewParts {
  // the case open is in the URL (?case=…), so a link opens it; a sign-out clears it (app.tsx)
  const [openCase, setOpenCase] = useCaseParam()
  // a new case's spot: while picking, the next map click sets it ([lon, lat])
  const [picking, setPicking] = useState(false)
  const [pickedPoint, setPickedPoint] = useState<[number, number]>()
  const caseId = openCase ?? undefined
  const setCaseId = (next: string | undefined) => void setOpenCase(next ?? null)
  // picking belongs to this view: leaving it (or the new-case form) ends it
  const pickingNow = picking && active

  return {
    hides: CASES_VIEW_HIDES,
    onTabChange: () => {
      setPicking(false)
      setPickedPoint(undefined)
    },
    panel: (
      <CasesPanel
        roles={roles}
        unitId={user?.unit_id ?? null}
        categories={categories}
        canMerge={may(roles, 'mergeCases')}
        canAddPhotos={may(roles, 'addCasePhotos')}
        selectedId={caseId}
        onSelect={setCaseId}
        onFocus={onFocus}
        picking={pickingNow}
        pickedPoint={pickedPoint}
        onStartPicking={() => setPicking(true)}
        onCancelPicking={() => setPicking(false)}
        onClearPickedPoint={() => setPickedPoint(undefined)}
      />
    ),
    mapLayers: (
      <>
        <MapLayerBoundary name="cases">
          {/* while a new case's spot is picked, a click on a case dot must not swap the form for that case */}
          <CasesLayer
            selectedId={caseId}
            onOpen={(id) => {
              if (!pickingNow) setCaseId(id)
            }}
          />
        </MapLayerBoundary>
        <MapLayerBoundary name="picked-point">
          <PickPointLayer
            picking={pickingNow}
            point={pickedPoint}
            onPick={(point) => {
              setPickedPoint(point)
              setPicking(false)
            }}
            onCancel={() => setPicking(false)}
          />
        </MapLayerBoundary>
      </>
    ),
  }
}
