// What the planning view's panels and map layers share: the street and the guidance point picked, the draft being
// drawn or moved, and the suggestion query. A small external store rather than React state in the app: a drag
// changes the draft many times a second, and only the components that read the draft should re-render.
import { useSyncExternalStore } from 'react'
import type { GuidanceGeometry } from '../api/get-guidance-points.ts'
import type { GuidanceSuggestionsQuery } from '../api/get-guidance-suggestions.ts'

/** 'point' / 'polygon': waiting for the planner to draw one; 'edit': drawn (or loaded) and draggable. */
export type DraftStage = 'point' | 'polygon' | 'edit'

export interface GuidanceDraft {
  /** The point being moved; undefined for a new one. */
  pointId: string | undefined
  stage: DraftStage
  geometry: GuidanceGeometry | undefined
  /** A name to start the form with (an adopted suggestion). */
  presetName: string | undefined
}

export interface PlanningState {
  streetId: string | undefined
  pointId: string | undefined
  draft: GuidanceDraft | undefined
  /** Counts draft starts and ends: the drawing layer reloads its features when it changes, not on every drag. */
  draftSerial: number
  suggestions: GuidanceSuggestionsQuery | undefined
  /** Counts requests to place the draft point at the map's centre (the keyboard's way to place it). */
  centreRequest: number
}

export interface PlanningWorkspace {
  getState: () => PlanningState
  subscribe: (listener: () => void) => () => void
  /** Picks a street (undefined: none). Ignored while a draft is open: the click that places a point is not a pick. */
  selectStreet: (streetId: string | undefined) => void
  /** Picks a guidance point (undefined: none). Ignored while a draft is open. */
  selectPoint: (pointId: string | undefined) => void
  /** Starts a new point or area, to be drawn on the map. */
  startDrawing: (stage: 'point' | 'polygon') => void
  /** Starts moving an existing point or area. */
  startMove: (pointId: string, geometry: GuidanceGeometry) => void
  /** Starts a new point at a given place (an adopted suggestion), ready to drag and save. */
  startAt: (geometry: GuidanceGeometry, presetName: string) => void
  /** The draft's geometry as drawn or dragged; a draft waiting to be drawn becomes editable. */
  setDraftGeometry: (geometry: GuidanceGeometry) => void
  cancelDraft: () => void
  /** Closes the draft after a save and picks the saved point. */
  finishDraft: (savedPointId: string) => void
  showSuggestions: (query: GuidanceSuggestionsQuery | undefined) => void
  /** Asks the map to put the draft point where the map's centre is (pan there with the arrow keys first). */
  requestCentre: () => void
}

const INITIAL_STATE: PlanningState = { streetId: undefined, pointId: undefined, draft: undefined, draftSerial: 0, suggestions: undefined, centreRequest: 0 }

/** A workspace starting with nothing picked, or with the street and point a link names. */
export function createPlanningWorkspace(picked: Partial<Pick<PlanningState, 'streetId' | 'pointId'>> = {}): PlanningWorkspace {
  let state: PlanningState = { ...INITIAL_STATE, ...picked }
  const listeners = new Set<() => void>()
  const set = (next: PlanningState) => {
    if (next === state) return
    state = next
    for (const listener of listeners) listener()
  }
  const openDraft = (draft: GuidanceDraft) => set({ ...state, draft, draftSerial: state.draftSerial + 1 })
  const closeDraft = (pointId: string | undefined) => set({ ...state, draft: undefined, pointId, draftSerial: state.draftSerial + 1 })

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    selectStreet: (streetId) => {
      if (!state.draft && streetId !== state.streetId) set({ ...state, streetId })
    },
    selectPoint: (pointId) => {
      if (!state.draft && pointId !== state.pointId) set({ ...state, pointId })
    },
    startDrawing: (stage) => openDraft({ pointId: undefined, stage, geometry: undefined, presetName: undefined }),
    startMove: (pointId, geometry) => openDraft({ pointId, stage: 'edit', geometry, presetName: undefined }),
    startAt: (geometry, presetName) => openDraft({ pointId: undefined, stage: 'edit', geometry, presetName }),
    setDraftGeometry: (geometry) => {
      if (state.draft) set({ ...state, draft: { ...state.draft, stage: 'edit', geometry } })
    },
    cancelDraft: () => {
      if (state.draft) closeDraft(state.draft.pointId ?? state.pointId)
    },
    finishDraft: (savedPointId) => closeDraft(savedPointId),
    showSuggestions: (suggestions) => set({ ...state, suggestions }),
    requestCentre: () => {
      if (state.draft) set({ ...state, centreRequest: state.centreRequest + 1 })
    },
  }
}

/** One slice of the workspace state; re-renders only when that slice changes (compared with Object.is). */
export function usePlanningState<T>(workspace: PlanningWorkspace, select: (state: PlanningState) => T): T {
  return useSyncExternalStore(workspace.subscribe, () => select(workspace.getState()))
}
