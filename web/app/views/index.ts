// Every side-panel view by its tab. Each view's hook runs on every render, open or not, so a view keeps its state
// (and React its hook order) while the user is on another tab.
import type { PanelMode } from '../permissions.ts'
import { useAuditView, useUsersView } from './admin-views.tsx'
import { useBriefingsView } from './briefings-view.tsx'
import { useCasesView } from './cases-view.tsx'
import { useCrewView } from './crew-view.tsx'
import { useDataView } from './data-view.tsx'
import type { LayerSwitches } from './layers-view.tsx'
import { useLayersView } from './layers-view.tsx'
import { useOverviewView } from './overview-view.tsx'
import { usePlannerView } from './planner-view.tsx'
import { usePlanningView } from './planning-view.tsx'
import type { ViewContext, ViewParts } from './view.ts'

export type { ViewContext, ViewParts }

export function useViews(mode: PanelMode, context: Omit<ViewContext, 'active'>, layers: LayerSwitches): Record<PanelMode, ViewParts> {
  const as = (view: PanelMode): ViewContext => ({ ...context, active: view === mode })
  return {
    layers: useLayersView(as('layers'), layers),
    overview: useOverviewView(as('overview')),
    cases: useCasesView(as('cases')),
    crew: useCrewView(as('crew')),
    planner: usePlannerView(as('planner')),
    planning: usePlanningView(as('planning')),
    briefings: useBriefingsView(as('briefings')),
    audit: useAuditView(as('audit')),
    users: useUsersView(as('users')),
    data: useDataView(as('data')),
  }
}
