// Who may see and act on which case, by EVERY role a user holds. A user's reach is the union of what each of their
// roles grants: a dispatcher, inspector, leader or admin sees every case; a unit handler sees its own unit's cases;
// other roles see none. Whatever a user does *as a unit* (an action only the unit role grants them) is scoped to
// their unit, even when they hold other roles too — holding `crew` beside `unit` must not widen the unit's reach.
import type { CaseAction } from './case-workflow.ts'
import { TRANSITIONS } from './case-workflow.ts'
import { CASE_READERS_ALL, PERMISSIONS, type Role } from '../kernel/permissions.ts'
import type { User } from './roles.ts'


export interface CaseRef {
  id: string
  unitId: string | null
}

export type CaseListScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none'; reason: string }

/** Which cases a user may list. */
export function caseListScope(user: Pick<User, 'roles' | 'unitId'>): CaseListScope {
  if (user.roles.some((r) => (CASE_READERS_ALL as readonly Role[]).includes(r))) return { kind: 'all' }
  if (user.roles.includes('unit')) {
    return user.unitId ? { kind: 'unit', unitId: user.unitId } : { kind: 'none', reason: 'your account is not attached to a responsible unit' }
  }
  return { kind: 'none', reason: `reading cases needs one of the roles ${PERMISSIONS.casesView.join(', ')}` }
}

/** Whether a user may read one case (and so its timeline and photos). */
export function mayReadCase(user: Pick<User, 'roles' | 'unitId'>, c: CaseRef): boolean {
  const scope = caseListScope(user)
  return scope.kind === 'all' || (scope.kind === 'unit' && c.unitId === scope.unitId)
}

/**
 * Whether a user may take `action` on case `c`, as far as unit scoping goes (the workflow table decides the rest).
 * When one of the user's non-unit roles grants the action, the unit scope does not apply; when only the unit role
 * grants it, the case must be the user's unit's.
 */
export function unitScopeAllows(user: Pick<User, 'roles' | 'unitId'>, c: CaseRef, action: CaseAction): boolean {
  const granting = TRANSITIONS[action].roles.filter((r) => user.roles.includes(r))
  if (granting.some((r) => r !== 'unit')) return true
  if (granting.length === 0) return true // refused as forbidden by the workflow check, not here
  return user.unitId !== null && c.unitId === user.unitId
}

/** Photo uploads: dispatchers and inspectors on any case; a unit handler on its own unit's cases only. */
export function mayAddPhoto(user: Pick<User, 'roles' | 'unitId'>, c: CaseRef): boolean {
  if (user.roles.includes('dispatcher') || user.roles.includes('inspector')) return true
  return user.roles.includes('unit') && user.unitId !== null && c.unitId === user.unitId
}

/** Crew scoping: a crew member assigned to zones may act only there; no assignment means every zone. */
export function mayActInZone(user: User, zoneId: string | null): boolean {
  if (user.roles.includes('admin')) return true
  return user.zoneIds.length === 0 || (zoneId !== null && user.zoneIds.includes(zoneId))
}
