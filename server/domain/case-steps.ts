// The bookkeeping each workflow step writes beside the new status: who took it on when, the responsible unit and
// deadline on dispatch, rework and extension counts. Which steps are allowed is case-workflow.ts.
import { ProblemError } from '../kernel/problems.ts'
import { computeDeadlineMs, extendDeadlineMs, pullInDeadlineMs } from './case-deadlines.ts'
import type { CaseAction } from './case-workflow.ts'
import type { Case, CaseFields } from './cases.ts'

export interface StepInput {
  nowMs: number
  note: string | null
  unitId?: string // dispatch: send to this unit instead of the routed one
  knownUnit: (id: string) => boolean
}

/** The fields a step sets; 422 unknown-unit for a dispatch to no known unit. */
export function stepFields(found: Case, action: CaseAction, { nowMs, note, unitId, knownUnit }: StepInput): Partial<CaseFields> {
  switch (action) {
    case 'accept':
      return { acceptedMs: nowMs }
    case 'dispatch': {
      const unit = unitId ?? found.unitId
      if (!unit || !knownUnit(unit)) throw new ProblemError(422, 'unknown-unit', `no responsible unit ${unit ?? '(none)'}; give unit_id`)
      const deadline = computeDeadlineMs({ category: found.category, reportedMs: Date.parse(found.reportedAt), dispatchedMs: nowMs, approvedExtensions: found.extensionCount })
      return { unitId: unit, dispatchedMs: nowMs, deadlineMs: found.escalated ? pullInDeadlineMs(deadline, nowMs) : deadline }
    }
    case 'handle':
      return { firstHandledMs: found.firstHandledMs ?? nowMs, result: note }
    case 'verify_pass':
      return { closedMs: nowMs }
    case 'verify_fail':
      return { reworkCount: found.reworkCount + 1 }
    case 'request_extension':
      return { extensionRequested: true }
    case 'approve_extension':
      return { extensionRequested: false, extensionCount: found.extensionCount + 1, deadlineMs: extendDeadlineMs(found.deadlineMs, found.category) }
    case 'refuse_extension':
      return { extensionRequested: false }
    case 'return':
      // Mis-dispatched: back to the command centre, which re-dispatches with a fresh handling time.
      return { unitId: null, dispatchedMs: null }
    case 'reject':
      return {}
  }
}
