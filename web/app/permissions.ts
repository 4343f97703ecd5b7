// What the signed-in user's roles let the interface offer. Who may do what is the kernel's one table
// (server/kernel/permissions.ts), the same the server's route guards enforce, so nobody is shown a button that can
// only fail; the server stays the authority and refuses anything else. The side panel's views are the web's own.
import { PERMISSIONS, may } from '../../server/kernel/permissions.ts'
import type { Permission } from '../../server/kernel/permissions.ts'

export { PERMISSIONS, may, type Permission }

/** The side panel's views, in tab order. */
export const PANEL_MODES = ['layers', 'overview', 'cases', 'crew', 'planner', 'planning', 'briefings', 'audit', 'users', 'data'] as const
export type PanelMode = (typeof PANEL_MODES)[number]

const MODE_PERMISSION: Record<PanelMode, Permission | undefined> = {
  layers: undefined, // everyone, signed in or not
  overview: 'overview',
  cases: 'casesView',
  crew: 'crewView',
  planner: 'plannerView',
  planning: 'planningView',
  briefings: 'readBriefings',
  audit: 'auditLog',
  users: 'manageUsers',
  data: 'importData',
}

/** The views these roles may open, in tab order; the layer view is always first. */
export function listPanelModes(roles: readonly string[]): PanelMode[] {
  return PANEL_MODES.filter((mode) => {
    const permission = MODE_PERMISSION[mode]
    return permission === undefined || may(roles, permission)
  })
}
