// Users, the actors behind writes and the audit trail. Which role may do what is the kernel's permission table.

import type { Role } from '../kernel/permissions.ts'

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
