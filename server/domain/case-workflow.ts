// The digital urban-management closed loop (docs/domain-notes.md §2) as a table: which action moves a case from which state
// to which, and who may take it. Pure; the store applies a transition with optimistic locking.
import type { IncidentStatus } from '../kernel/statuses.ts'
import type { Role } from '../kernel/permissions.ts'

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'handle',
  'verify_pass',
  'verify_fail',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'return',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export interface CaseFacts {
  status: IncidentStatus
  extensionRequested: boolean
}

interface TransitionRule {
  from: readonly IncidentStatus[]
  to: IncidentStatus | 'same' // 'same': the stage does not change (extension bookkeeping)
  roles: readonly Role[]
  /** Extra precondition beyond the state, with the reason shown when it fails. */
  requires?: { test: (c: CaseFacts) => boolean; reason: string }
}

// 立案 accept / reject by the command centre; 派遣 dispatch; the unit handles (处置) and reports back (反馈);
// the supervision centre's inspector verifies (核查): pass ⇒ 结案 closed, fail ⇒ 返工 rework (back to handling).
// The unit may ask for 延期 extension (the dispatcher approves or refuses) or 回退 return a mis-dispatched case.
export const TRANSITIONS: Readonly<Record<CaseAction, TransitionRule>> = {
  accept: { from: ['reported'], to: 'accepted', roles: ['dispatcher'] },
  reject: { from: ['reported'], to: 'rejected', roles: ['dispatcher'] },
  dispatch: { from: ['accepted'], to: 'dispatched', roles: ['dispatcher'] },
  handle: { from: ['dispatched', 'in_handling'], to: 'handled', roles: ['unit'] },
  verify_pass: { from: ['handled'], to: 'closed', roles: ['inspector'] },
  verify_fail: { from: ['handled'], to: 'in_handling', roles: ['inspector'] },
  request_extension: {
    from: ['dispatched', 'in_handling'],
    to: 'same',
    roles: ['unit'],
    requires: { test: (c) => !c.extensionRequested, reason: 'an extension request is already pending' },
  },
  approve_extension: {
    from: ['dispatched', 'in_handling'],
    to: 'same',
    roles: ['dispatcher'],
    requires: { test: (c) => c.extensionRequested, reason: 'no extension request is pending' },
  },
  refuse_extension: {
    from: ['dispatched', 'in_handling'],
    to: 'same',
    roles: ['dispatcher'],
    requires: { test: (c) => c.extensionRequested, reason: 'no extension request is pending' },
  },
  return: { from: ['dispatched', 'in_handling'], to: 'accepted', roles: ['unit'] },
}

export type TransitionCheck =
  | { ok: true; to: IncidentStatus }
  | { ok: false; reason: 'forbidden' | 'not-allowed-in-state'; detail: string }

/** Whether `roles` may take `action` on a case in `facts`; never throws. */
export function checkTransition(facts: CaseFacts, action: CaseAction, roles: readonly Role[]): TransitionCheck {
  const rule = TRANSITIONS[action]
  if (!roles.some((r) => rule.roles.includes(r))) {
    return { ok: false, reason: 'forbidden', detail: `${action} needs the role ${rule.roles.join(' or ')}` }
  }
  if (!rule.from.includes(facts.status)) {
    return { ok: false, reason: 'not-allowed-in-state', detail: `${action} is not possible in state ${facts.status} (only from ${rule.from.join(', ')})` }
  }
  if (rule.requires && !rule.requires.test(facts)) return { ok: false, reason: 'not-allowed-in-state', detail: rule.requires.reason }
  return { ok: true, to: rule.to === 'same' ? facts.status : rule.to }
}

/** The actions `roles` can take now, for the UI's buttons. */
export function availableActions(facts: CaseFacts, roles: readonly Role[]): CaseAction[] {
  return CASE_ACTIONS.filter((a) => checkTransition(facts, a, roles).ok)
}

// The seed's stages for illegal construction, "发现一起,制止一起,查处一起": shown instead of the generic stage names.
export const CONSTRUCTION_STAGE: Readonly<Record<IncidentStatus, { name: string; nameEn: string }>> = {
  reported: { name: '发现', nameEn: 'Discovered' },
  accepted: { name: '发现', nameEn: 'Discovered' },
  dispatched: { name: '制止', nameEn: 'Stopped' },
  in_handling: { name: '制止', nameEn: 'Stopped' },
  handled: { name: '查处', nameEn: 'Investigated' },
  closed: { name: '查处', nameEn: 'Investigated' },
  rejected: { name: '不予立案', nameEn: 'Not a case' },
  merged: { name: '已合并', nameEn: 'Merged' },
}
