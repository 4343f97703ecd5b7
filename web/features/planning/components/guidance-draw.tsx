// Drawing and dragging guidance points with terra-draw and its MapLibre adapter: point and polygon modes to place a
// new one, select mode to drag it (or a loaded one) about. What is drawn goes to the workspace, which the panel
// checks live against the rules. terra-draw adds its own sources and layers ('guidance-draw-*', listed in
// layer-order.ts): circles, lines and fills only, with no text, sprite or image URL, so the offline style needs no
// glyphs or sprites; they are removed when this component unmounts.
import { useEffect, useRef } from 'react'
import {
  TerraDraw,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  ValidateMaxAreaSquareMeters,
  ValidateNotSelfIntersecting,
} from 'terra-draw'
import type { GeoJSONStoreFeatures } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import { useMapHandle } from '../../../map/map-context.ts'
import { readDrawnGeometry } from './guidance-geometry.ts'
import { GUIDANCE_DRAW_PREFIX, PLANNING_COLORS } from './planning-style.ts'
import type { GuidanceGeometry } from '../api/get-guidance-points.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { usePlanningState } from './planning-workspace.ts'

// 10,000 m²: one unit-grid cell (万米单元网格, docs/domain-notes.md §2). A guidance area is a strip of footway or a corner of a
// plaza; anything larger is a district plan, not a vending site.
export const MAX_GUIDANCE_AREA_M2 = 10_000
// terra-draw's store keeps this many decimals (≈1 cm), as the API's geometries
const COORDINATE_PRECISION = 7
// While drawing, the map's own hover cursor must not replace the crosshair (see planning.css)
const DRAWING_CLASS = 'planning-drawing'

type DrawnFeatureId = string | number

/** Areas must not cross themselves and must stay small; a vertex that breaks either is refused as it is placed. */
function validateArea(feature: GeoJSONStoreFeatures, { updateType }: { updateType: string }): { valid: boolean; reason?: string } {
  // the rubber-band edge that follows the pointer is not a placed vertex yet
  if (updateType === 'provisional') return { valid: true }
  const simple = ValidateNotSelfIntersecting(feature)
  return simple.valid ? ValidateMaxAreaSquareMeters(feature, MAX_GUIDANCE_AREA_M2) : simple
}

function createModes() {
  const { draft, draftOutline, draftHandle } = PLANNING_COLORS
  return [
    new TerraDrawPointMode({
      styles: { pointColor: draft, pointWidth: 8, pointOutlineColor: draftOutline, pointOutlineWidth: 2 },
    }),
    new TerraDrawPolygonMode({
      validation: validateArea,
      styles: {
        fillColor: draft,
        fillOpacity: 0.3,
        outlineColor: draftOutline,
        outlineWidth: 2,
        closingPointColor: draftHandle,
        closingPointOutlineColor: draftOutline,
        closingPointWidth: 5,
        closingPointOutlineWidth: 2,
      },
    }),
    new TerraDrawSelectMode({
      // the draft stays selected (and draggable) until it is saved or cancelled
      allowManualDeselection: false,
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      flags: {
        point: { feature: { draggable: true } },
        polygon: {
          feature: {
            draggable: true,
            validation: validateArea,
            coordinates: { draggable: true, midpoints: true, deletable: true },
          },
        },
      },
      styles: {
        selectedPointColor: draft,
        selectedPointWidth: 9,
        selectedPointOutlineColor: draftOutline,
        selectedPointOutlineWidth: 2,
        selectedPolygonColor: draft,
        selectedPolygonFillOpacity: 0.3,
        selectedPolygonOutlineColor: draftOutline,
        selectedPolygonOutlineWidth: 2,
        selectionPointColor: draftHandle,
        selectionPointOutlineColor: draftOutline,
        selectionPointWidth: 5,
        selectionPointOutlineWidth: 2,
        midPointColor: draft,
        midPointOutlineColor: draftOutline,
        midPointWidth: 3,
        midPointOutlineWidth: 1,
      },
    }),
  ]
}

export function GuidanceDraw({ workspace }: { workspace: PlanningWorkspace }) {
  const handle = useMapHandle()
  const drawRef = useRef<TerraDraw | undefined>(undefined)
  const featureIdRef = useRef<DrawnFeatureId | undefined>(undefined)
  const draftSerial = usePlanningState(workspace, (s) => s.draftSerial)
  const stage = usePlanningState(workspace, (s) => s.draft?.stage)

  useEffect(() => {
    const { map } = handle
    const adapter = new TerraDrawMapLibreGLAdapter({ map, prefixId: GUIDANCE_DRAW_PREFIX, coordinatePrecision: COORDINATE_PRECISION })
    const draw = new TerraDraw({ adapter, modes: createModes() })
    draw.start()
    const readDraft = (id: DrawnFeatureId) => readDrawnGeometry(draw.getSnapshotFeature(id)?.geometry)
    const edit = (id: DrawnFeatureId) => {
      featureIdRef.current = id
      draw.setMode('select')
      draw.selectFeature(id)
    }

    draw.on('finish', (id, context) => {
      if (context.mode === 'point' || context.mode === 'polygon') {
        const geometry = readDraft(id)
        if (!geometry) return
        workspace.setDraftGeometry(geometry)
        // switch to dragging once the click that finished the drawing has run its course in terra-draw
        setTimeout(() => {
          if (draw.enabled && draw.hasFeature(id)) edit(id)
        }, 0)
      } else if (id === featureIdRef.current) {
        const geometry = readDraft(id)
        if (geometry) workspace.setDraftGeometry(geometry)
      }
    })
    draw.on('change', (ids, type) => {
      const id = featureIdRef.current
      if (type !== 'update' || id === undefined || !ids.includes(id) || draw.getMode() !== 'select') return
      const geometry = readDraft(id)
      if (geometry) workspace.setDraftGeometry(geometry)
    })

    drawRef.current = draw
    return () => {
      drawRef.current = undefined
      featureIdRef.current = undefined
      map.getCanvasContainer().classList.remove(DRAWING_CLASS)
      // stop() removes terra-draw's layers and sources; when the whole map is being torn down they are gone already
      if (handle.isAlive()) draw.stop()
    }
  }, [handle, workspace])

  // a new draft (or none): load it into terra-draw in the mode it needs
  useEffect(() => {
    const draw = drawRef.current
    if (!draw) return
    const { draft } = workspace.getState()
    featureIdRef.current = undefined
    draw.setMode('static')
    draw.clear()
    if (!draft) return
    if (draft.stage !== 'edit') {
      draw.setMode(draft.stage)
      return
    }
    if (!draft.geometry) return
    const id = draw.getFeatureId()
    const feature: GeoJSONStoreFeatures = {
      id,
      type: 'Feature',
      geometry: draft.geometry,
      properties: { mode: draft.geometry.type === 'Point' ? 'point' : 'polygon' },
    }
    const [added] = draw.addFeatures([feature])
    if (!added?.valid) {
      console.warn('[gridwatch] terra-draw refused the guidance draft:', added?.reason)
      return
    }
    featureIdRef.current = id
    draw.setMode('select')
    draw.selectFeature(id)
  }, [draftSerial, handle, workspace])

  // the keyboard's way to place (or move) a point: the map's centre, after panning there with the arrow keys
  const centreRequest = usePlanningState(workspace, (s) => s.centreRequest)
  useEffect(() => {
    if (centreRequest === 0) return
    const { draft } = workspace.getState()
    if (!draft || draft.geometry?.type === 'Polygon' || draft.stage === 'polygon') return
    const { lng, lat } = handle.map.getCenter()
    const round = (x: number) => Number(x.toFixed(COORDINATE_PRECISION))
    const geometry: GuidanceGeometry = { type: 'Point', coordinates: [round(lng), round(lat)] }
    if (draft.pointId) workspace.startMove(draft.pointId, geometry)
    else workspace.startAt(geometry, draft.presetName ?? '')
  }, [centreRequest, handle, workspace])

  useEffect(() => {
    const container = handle.map.getCanvasContainer()
    container.classList.toggle(DRAWING_CLASS, stage === 'point' || stage === 'polygon')
  }, [handle, stage])

  return null
}
