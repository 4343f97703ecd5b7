// One step of the closed loop (accept, dispatch, handle, verify, …) by a user on a case they may act on, at the
// version they saw. The workflow decides whether the step is allowed and what it records.
import { mayReadCase, unitScopeAllows } from '../domain/case-access.ts'
import { EVIDENCE_STAGE, missingEvidence, needsPhotoEvidence } from '../domain/case-evidence.ts'
import { isEnforced, missingEnforcement, readEnforcement } from '../domain/case-enforcement.ts'
import { stepFields } from '../domain/case-steps.ts'
import { checkTransition, type CaseAction } from '../domain/case-workflow.ts'
import type { Case } from '../domain/cases.ts'
import type { Actor, User } from '../domain/roles.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { UseCaseContext } from './context.ts'

export interface TransitionInput {
  id: string
  action: CaseAction
  note: string | null
  unitId?: string // dispatch: send to this unit instead of the routed one
  /** The version the user saw (If-Match); read only once the user is known to may act, so a refusal says why first. */
  expectedVersion: () => number
  user: User
  actor: Actor
}

export async function transitionCase(ctx: UseCaseContext, input: TransitionInput): Promise<Case> {
  const { id, action, user } = input
  const places = await ctx.model.places()
  const updated = await ctx.store.transaction(async (tx) => {
    const found = await tx.case(id)
    if (!found) throw new ProblemError(404, 'not-found', `case ${id} does not exist`)
    const check = checkTransition({ status: found.status, extensionRequested: found.extensionRequested }, action, user.roles)
    if (!check.ok && check.reason === 'forbidden') throw new ProblemError(403, 'forbidden', check.detail)
    if (!mayReadCase(user, found)) throw new ProblemError(403, 'forbidden', `case ${id} belongs to another unit`)
    if (!unitScopeAllows(user, found, action)) throw new ProblemError(403, 'forbidden', `case ${id} belongs to another unit; as a unit handler you act on your own unit's cases only`)
    const expected = input.expectedVersion()
    if (expected !== found.version) throw new ProblemError(409, 'conflict', `case ${id} is at version ${found.version}, not ${expected}: it changed since you loaded it`)
    if (!check.ok) throw new ProblemError(409, 'invalid-transition', check.detail)
    if (isEnforced(found.category)) {
      const recorded = new Set((await tx.caseEvents(id)).flatMap((e) => readEnforcement(e.action, e.note)?.step ?? []))
      const lacking = missingEnforcement(action, found.category, recorded)
      if (lacking) {
        throw new ProblemError(
          422,
          'enforcement-required',
          lacking === 'stop'
            ? `case ${id} is illegal construction: record the stop (制止: the notice's date and number, POST /api/cases/${id}/enforcement) first`
            : `case ${id} is illegal construction: record the investigation's outcome (查处: penalty, demolition or legalisation) before closing it`,
          [{ path: 'enforcement', message: `the ${lacking} is not recorded` }],
        )
      }
    }
    if (EVIDENCE_STAGE[action] && needsPhotoEvidence(found.category)) {
      // since the case entered its current state: the latest step that moved it
      const since = (await tx.caseEvents(id)).filter((e) => e.toStatus !== null && e.toStatus === found.status).at(-1)?.at ?? found.updatedAt
      const missing = missingEvidence(action, found.category, await tx.photos(id), since)
      if (missing) {
        throw new ProblemError(
          422,
          'evidence-required',
          missing === 'handling'
            ? `case ${id}: add a photo of the work done (POST /api/cases/${id}/photos) before reporting it handled`
            : `case ${id}: add a photo of the place as it now is (POST /api/cases/${id}/photos) before closing it`,
          [{ path: 'photos', message: `a ${missing} photo taken since ${since}` }],
        )
      }
    }
    const at = ctx.clock()
    const set = stepFields(found, action, { nowMs: at.getTime(), note: input.note, unitId: input.unitId, knownUnit: (unit) => places.unitById.has(unit) })
    return tx.transitionCase(id, expected, { action, toStatus: check.to, note: input.note, set }, input.actor, at)
  })
  await ctx.model.changed({ kind: 'incidents', ids: [updated.id] })
  // Closing or reopening an outage case changes whether its lamp counts as lit.
  if (updated.category === LAMP_OUTAGE_CATEGORY && updated.lampId) await ctx.model.changed({ kind: 'lamps', lampIds: [updated.lampId] })
  return updated
}
