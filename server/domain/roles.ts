// Who may do what (docs/domain-notes.md §2 roles). Routes declare the roles they need; the server is the authority.

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
  { role: 'leader', name: '领导', nameEn: 'Leader', may: '查看全部数据、热点与考核指标、审计日志', mayEn: 'Read everything: hotspots, KPIs, audit log' },
  { role: 'planner', name: '规划员', nameEn: 'Planner', may: '编辑街道分类、疏导点、路灯改造方案', mayEn: 'Edit street categories, guidance points, lamp retrofit plans' },
  { role: 'crew', name: '路灯班组', nameEn: 'Streetlight crew', may: '在所辖街道内更新路灯状态、登记维修', mayEn: 'Lamp status and repairs within assigned zones' },
  { role: 'dispatcher', name: '指挥中心派遣员', nameEn: 'Dispatcher', may: '立案、派遣、审批延期与回退', mayEn: 'Accept, dispatch, approve extensions and returns' },
  { role: 'inspector', name: '监督员', nameEn: 'Inspector', may: '现场上报、核查结案、返工', mayEn: 'Field reports, verification, rework' },
  { role: 'unit', name: '责任单位', nameEn: 'Responsible unit', may: '仅处置本单位案件', mayEn: 'Handle its own unit’s cases only' },
  { role: 'admin', name: '管理员', nameEn: 'Administrator', may: '管理用户、角色与配置，查看审计日志', mayEn: 'Users, roles, configuration, audit log' },
]

/** A signed-in user as the HTTP layer sees it: never carries the password hash. */
export interface User {
  id: string
  username: string
  displayName: string
  roles: Role[]
  zoneIds: string[] // crew scoping: empty means every zone
  unitId: string | null // unit scoping: the responsible unit this handler belongs to
  demo: boolean // a seeded demo account with the documented password
  disabled: boolean
  createdAt: string
}

/** Who performed a write, for the audit log. */
export interface Actor {
  userId: string | null // null for the anonymous public
  username: string // 'anonymous' for the public
  ip?: string
}

export interface AuditEntry {
  id: number
  at: string
  userId: string | null
  username: string
  action: string // e.g. 'user.create', 'session.create', 'lamp.update'
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
  ip: string | null
}

/** The documented password of the demo accounts (README); refused for real accounts and in production mode. */
export const DEMO_PASSWORD = 'gridwatch-demo'
