// Recording illegal construction's stop (制止) or investigation outcome (查处) on its case: once each, by the
// responsible unit, while the case is with the unit (dispatched, in handling or handled). Appended to the timeline;
// the workflow then lets the case be reported handled (after the stop) and closed (after the outcome).
import { unitScopeAllows, mayReadCase } from '../domain/case-access.ts'
import { TRANSITIONS } from '../domain/case-workflow.ts'
import { ENFORCEMENT_ACTIONS, isEnforced, readEnforcement, type EnforcementRecord } from '../domain/case-enforcement.ts'
import type { Case } from '../domain/cases.ts'
import type { Actor, User } from '../domain/roles.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { UseCaseContext } from './context.ts'

const WITH_THE_UNIT = new Set(['dispatched', 'in_handling', 'handled'])

export async function recordEnforcement(ctx: UseCaseContext, id: string, record: EnforcementRecord, user: User, actor: Actor): Promise<Case> {
  return ctx.store.transaction(async (tx) => {
    const found = await tx.case(id)
    if (!found) throw new ProblemError(404, 'not-found', `case ${id} does not exist`)
    if (!user.roles.some((role) => TRANSITIONS.handle.roles.includes(role))) throw new ProblemError(403, 'forbidden', 'the stop and the outcome are recorded by the responsible unit')
    if (!mayReadCase(user, found) || !unitScopeAllows(user, found, 'handle')) throw new ProblemError(403, 'forbidden', `case ${id} belongs to another unit`)
    if (!isEnforced(found.category)) throw new ProblemError(409, 'invalid-transition', `case ${id} is not illegal construction (0101): it has no stop or outcome to record`)
    if (!WITH_THE_UNIT.has(found.status)) throw new ProblemError(409, 'invalid-transition', `case ${id} is ${found.status}: the stop and the outcome are recorded while the unit has the case`)
    const recorded = (await tx.caseEvents(id)).flatMap((e) => readEnforcement(e.action, e.note) ?? [])
    if (recorded.some((r) => r.step === record.step)) throw new ProblemError(409, 'conflict', `case ${id}: the ${record.step} is recorded already`)
    if (record.step === 'outcome' && !recorded.some((r) => r.step === 'stop')) {
      throw new ProblemError(422, 'enforcement-required', `case ${id}: record the stop (制止) before the outcome (查处)`, [{ path: 'step', message: 'the stop comes first' }])
    }
    const { step: _step, ...fields } = record
    await tx.addCaseEvent(id, ctx.clock(), ENFORCEMENT_ACTIONS[record.step], found.status, found.status, actor, JSON.stringify(fields))
    return found
  })
}
