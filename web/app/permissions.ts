// What the signed-in user's roles allow the interface to offer. It mirrors the server's requireRole lists so that
// nobody is shown a button that can only fail; the server stays the authority and refuses anything else.
export const PERMISSIONS = {
  crewView: ['crew', 'leader', 'admin'], // GET /api/lamps/work-list
  changeLampStatus: ['crew', 'admin'], // PATCH /api/lamps/:id
  plannerView: ['planner', 'leader', 'admin'], // GET /api/retrofit-plan
  auditLog: ['admin', 'leader'], // GET /api/audit
  manageUsers: ['admin'], // GET/POST/PATCH /api/users
  overview: ['leader', 'admin', 'dispatcher', 'inspector'], // GET /api/cases-overview: the overview tab's case tiles
  leaderOverview: ['leader', 'admin'], // the rest of the overview: hotspots, trends, league table, measures (issue 5)
  casesView: ['dispatcher', 'inspector', 'unit', 'leader', 'admin'], // GET /api/cases
  mergeCases: ['dispatcher', 'inspector'], // POST /api/cases/:id/merge
  addCasePhotos: ['unit', 'inspector'], // POST /api/cases/:id/photos (the server also lets a dispatcher; issue 7 asks for these two)
  planningView: ['planner', 'leader', 'admin'], // GET /api/guidance-points/suggestions: the planning tab (a leader reads only)
  editPlanning: ['planner', 'admin'], // PATCH /api/streets/:id, POST/PATCH /api/guidance-points
} as const satisfies Record<string, readonly string[]>

export type Permission = keyof typeof PERMISSIONS

/** True when one of `roles` is among those the permission needs; nobody signed in (no roles) has none. */
export function may(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission]
  return roles.some((role) => allowed.includes(role))
}

/** The side panel's views, in tab order. */
export const PANEL_MODES = ['layers', 'overview', 'cases', 'crew', 'planner', 'planning', 'audit', 'users'] as const
export type PanelMode = (typeof PANEL_MODES)[number]

const MODE_PERMISSION: Record<PanelMode, Permission | undefined> = {
  layers: undefined, // everyone, signed in or not
  overview: 'overview',
  cases: 'casesView',
  crew: 'crewView',
  planner: 'plannerView',
  planning: 'planningView',
  audit: 'auditLog',
  users: 'manageUsers',
}

/** The views these roles may open, in tab order; the layer view is always first. */
export function listPanelModes(roles: readonly string[]): PanelMode[] {
  return PANEL_MODES.filter((mode) => {
    const permission = MODE_PERMISSION[mode]
    return permission === undefined || may(roles, permission)
  })
}
