// The briefings view (通报): the list every staff member reads, and for a leader the drafting and issuing.
import { BriefingsPanel } from '../../features/briefings/components/briefings-panel.tsx'
import { may } from '../permissions.ts'
import type { ViewContext, ViewParts } from './view.ts'
import { NO_LAYERS_HIDDEN } from './view.ts'

export function useBriefingsView({ active, roles, zones }: ViewContext): ViewParts {
  return { hides: NO_LAYERS_HIDDEN, panel: <BriefingsPanel active={active} canIssue={may(roles, 'issueBriefings')} zones={zones} /> }
}
