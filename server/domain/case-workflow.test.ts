import { describe, expect, test } from 'vitest'
import { CASE_ACTIONS, type CaseAction, TRANSITIONS, availableActions, checkTransition } from './case-workflow.ts'
import { ROLES } from '../kernel/permissions.ts'
import { INCIDENT_STATUSES } from '../kernel/statuses.ts'

const facts = (status: (typeof INCIDENT_STATUSES)[number], extensionRequested = false) => ({ status, extensionRequested })

describe('case workflow', () => {
  test('walks the closed loop report → accept → dispatch → handle → verify → close', () => {
    const path: [CaseAction, string, (typeof ROLES)[number]][] = [
      ['accept', 'accepted', 'dispatcher'],
      ['dispatch', 'dispatched', 'dispatcher'],
      ['handle', 'handled', 'unit'],
      ['verify_pass', 'closed', 'inspector'],
    ]
    let status: (typeof INCIDENT_STATUSES)[number] = 'reported'
    for (const [action, to, role] of path) {
      const check = checkTransition(facts(status), action, [role])
      expect(check).toEqual({ ok: true, to })
      if (check.ok) status = check.to
    }
  })

  test('a failed verification sends the case back to handling, from where the unit handles again', () => {
    const fail = checkTransition(facts('handled'), 'verify_fail', ['inspector'])
    expect(fail).toEqual({ ok: true, to: 'in_handling' })
    expect(checkTransition(facts('in_handling'), 'handle', ['unit'])).toEqual({ ok: true, to: 'handled' })
  })

  test.each(
    CASE_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)),
  )('%s by %s is allowed exactly when the table names the role', (action, role) => {
    const rule = TRANSITIONS[action]
    const state = rule.from[0]
    if (!state) throw new Error('rule without a source state')
    const needsPending = action === 'approve_extension' || action === 'refuse_extension'
    const check = checkTransition(facts(state, needsPending), action, [role])
    expect(check.ok).toBe(rule.roles.includes(role))
    if (!check.ok) expect(check.reason).toBe('forbidden')
  })

  test('refuses actions the state does not allow, for the right role', () => {
    expect(checkTransition(facts('closed'), 'accept', ['dispatcher'])).toMatchObject({ ok: false, reason: 'not-allowed-in-state' })
    expect(checkTransition(facts('reported'), 'handle', ['unit'])).toMatchObject({ ok: false, reason: 'not-allowed-in-state' })
    expect(checkTransition(facts('rejected'), 'dispatch', ['dispatcher'])).toMatchObject({ ok: false, reason: 'not-allowed-in-state' })
  })

  test('extensions: one pending request at a time, decided by the dispatcher, stage unchanged', () => {
    expect(checkTransition(facts('dispatched'), 'request_extension', ['unit'])).toEqual({ ok: true, to: 'dispatched' })
    expect(checkTransition(facts('dispatched', true), 'request_extension', ['unit'])).toMatchObject({ ok: false, detail: 'an extension request is already pending' })
    expect(checkTransition(facts('in_handling', true), 'approve_extension', ['dispatcher'])).toEqual({ ok: true, to: 'in_handling' })
    expect(checkTransition(facts('in_handling'), 'refuse_extension', ['dispatcher'])).toMatchObject({ ok: false, reason: 'not-allowed-in-state' })
  })

  test('a mis-dispatched case returns to accepted for re-dispatch', () => {
    expect(checkTransition(facts('dispatched'), 'return', ['unit'])).toEqual({ ok: true, to: 'accepted' })
  })

  test('lists the actions a role can take now', () => {
    expect(availableActions(facts('reported'), ['dispatcher'])).toEqual(['accept', 'reject'])
    expect(availableActions(facts('dispatched'), ['unit'])).toEqual(['handle', 'request_extension', 'return'])
    expect(availableActions(facts('closed'), [...ROLES])).toEqual([])
  })
})
