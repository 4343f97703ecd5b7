// Who may do what. One table: the server's route guards enforce it and the web reads it to offer only what can
// succeed, so the two can never disagree. Finer rules (a unit's own cases, a crew's own zones) live with the
// domain; this table is the coarse gate in front of them.

export const ROLES = ['leader', 'planner', 'crew', 'dispatcher', 'inspector', 'unit', 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface RoleInfo {
  role: Role
  name: string // zh-CN
  nameEn: string
  may: string // zh-CN summary shown in the README and the admin UI
  mayEn: string
}

export const ROLE_TABLE: readonly RoleInfo[] = [
  { role: 'leader', name: '领导', nameEn: 'Leader', may: '查看全部数据、热点与考核指标、审计日志；起草并签发通报', mayEn: 'Read everything: hotspots, KPIs, audit log; draft and issue briefings' },
  { role: 'planner', name: '规划员', nameEn: 'Planner', may: '编辑街道分类、疏导点、路灯改造方案', mayEn: 'Edit street categories, guidance points, lamp retrofit plans' },
  { role: 'crew', name: '路灯班组', nameEn: 'Streetlight crew', may: '在所辖街道内更新路灯状态、登记维修', mayEn: 'Lamp status and repairs within assigned zones' },
  { role: 'dispatcher', name: '指挥中心派遣员', nameEn: 'Dispatcher', may: '立案、派遣、审批延期与回退', mayEn: 'Accept, dispatch, approve extensions and returns' },
  { role: 'inspector', name: '监督员', nameEn: 'Inspector', may: '现场上报、核查结案、返工', mayEn: 'Field reports, verification, rework' },
  { role: 'unit', name: '责任单位', nameEn: 'Responsible unit', may: '仅处置本单位案件', mayEn: 'Handle its own unit’s cases only' },
  { role: 'admin', name: '管理员', nameEn: 'Administrator', may: '管理用户、角色与配置，查看审计日志', mayEn: 'Users, roles, configuration, audit log' },
]

/** Roles whose holders read every case in the district (a unit reads only its own). */
export const CASE_READERS_ALL = ['dispatcher', 'inspector', 'leader', 'admin'] as const satisfies readonly Role[]

/** Each permission: the roles that hold it, and what it guards. */
export const PERMISSIONS = {
  manageUsers: ['admin'], // GET/POST/PATCH /api/users
  auditLog: ['admin', 'leader'], // GET /api/audit
  overview: ['leader', 'admin', 'dispatcher', 'inspector'], // GET /api/kpis, /api/cases-overview
  leaderOverview: ['leader', 'admin'], // the overview's leader parts: hotspots, trends, league table, measures
  createMeasure: ['leader', 'admin', 'inspector'], // POST /api/measures
  updateMeasure: ['leader', 'admin', 'inspector', 'unit'], // PATCH /api/measures/:id (a unit only its own)
  crewView: ['crew', 'leader', 'admin'], // GET /api/lamps/work-list
  changeLampStatus: ['crew', 'admin'], // PATCH /api/lamps/:id (a crew only in its zones)
  lampHistory: ['crew', 'planner', 'leader', 'admin'], // GET /api/lamps/:id/history
  plannerView: ['planner', 'leader', 'admin'], // GET /api/retrofit-plan(.geojson|.csv)
  guidanceView: ['planner', 'leader', 'admin', 'dispatcher', 'inspector'], // GET /api/guidance-points
  planningView: ['planner', 'leader', 'admin'], // GET /api/guidance-points/suggestions: the planning tab
  editPlanning: ['planner', 'admin'], // PATCH /api/streets/:id, POST/PATCH /api/guidance-points
  casesView: [...CASE_READERS_ALL, 'unit'], // GET /api/cases, /api/cases/:id, /api/photos/:id (a unit only its own)
  createCase: ['inspector', 'dispatcher'], // POST /api/cases
  mergeCases: ['dispatcher', 'inspector'], // POST /api/cases/:id/merge
  addCasePhotos: ['unit', 'inspector', 'dispatcher'], // POST /api/cases/:id/photos
  readBriefings: ['leader', 'admin', 'dispatcher', 'inspector', 'unit', 'crew', 'planner'], // GET /api/briefings…: every staff role reads what is circulated
  issueBriefings: ['leader'], // POST /api/briefings, /api/briefings/:id/issue: the leader signs what is circulated
  importData: ['admin'], // /api/imports/*: uploads, previews, import runs, saved profiles (the Data view)
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

/** True when one of `roles` holds the permission; nobody signed in (no roles) holds none. */
export function may(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission]
  return roles.some((role) => allowed.includes(role))
}
