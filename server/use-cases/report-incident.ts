// A report becomes a case: located, routed, given a deadline and a tracking number — or, when it repeats an open
// case, stored as a merged repeat that adds to that case's report count and may escalate it. One transaction.
import type { RepeatCandidate } from '../analysis/repeat-reports.ts'
import { escalateCase } from '../domain/case-escalation.ts'
import type { Case } from '../domain/cases.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import type { Actor } from '../domain/roles.ts'
import { newTrackingNumber } from '../domain/tracking-numbers.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import type { LngLat } from '../kernel/geo.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { IncidentSource } from '../kernel/statuses.ts'
import { isOpenStatus } from '../kernel/statuses.ts'
import { ConflictError } from '../kernel/errors.ts'
import type { Store } from '../store/store.ts'
import type { UseCaseContext } from './context.ts'
import { findRepeats, locateReport } from './locate-report.ts'

export interface ReportInput {
  category: string
  coordinates: LngLat
  description: string
  source: IncidentSource
  phone: string | null
  lampId?: string | null // the lamp the reporter named; checked, else the nearest lamp is taken
  /**
   * none: always a new case (staff intake: the dispatcher merges by hand). same-lamp: another report about the same
   * dark lamp joins its open case. A case id: the reporter chose that open case as the same problem (422
   * not-a-repeat unless it is one of the candidates).
   */
  repeat: 'none' | 'same-lamp' | { caseId: string }
  actor: Actor
}

export interface ReportOutcome {
  created: Case
  repeatOf: string | null
  candidates: (RepeatCandidate & { case: Case })[] // open cases this report could repeat, nearest first
}

export async function reportIncident(ctx: UseCaseContext, input: ReportInput): Promise<ReportOutcome> {
  const at = ctx.clock()
  const place = await locateReport(ctx.model, input.category, input.coordinates, at.getTime(), input.lampId)
  const candidates = await findRepeats(ctx.store, input.category, input.coordinates, place.lampId)
  let repeatOf: string | null = null
  if (typeof input.repeat === 'object') {
    const { caseId } = input.repeat
    if (!candidates.some((x) => x.id === caseId)) throw new ProblemError(422, 'not-a-repeat', `case ${caseId} is not an open ${input.category} case near this place`)
    repeatOf = caseId
  } else if (input.repeat === 'same-lamp' && input.category === LAMP_OUTAGE_CATEGORY && place.lampId) {
    // For lamps the lamp id is the match: another call about the same dark lamp joins its case.
    repeatOf = candidates.find((x) => x.sameLamp)?.id ?? null
  }
  const created = await ctx.store.transaction(async (tx) => {
    const report = await tx.createReport(
      {
        ...place,
        category: input.category,
        coordinates: input.coordinates,
        description: input.description,
        source: input.source,
        phone: input.phone,
        trackingNumber: newTrackingNumber(at, districtCalendar),
        status: repeatOf ? 'merged' : 'reported',
        repeatOf,
      },
      input.actor,
      at,
    )
    if (repeatOf) await addRepeat(tx, repeatOf, input.actor, at, `repeat report ${report.id}`)
    return report
  })
  await ctx.model.changed({ kind: 'incidents', ids: repeatOf ? [created.id, repeatOf] : [created.id] })
  // An open outage report means its lamp no longer counts as lit.
  if (created.lampId) await ctx.model.changed({ kind: 'lamps', lampIds: [created.lampId] })
  return { created, repeatOf, candidates }
}

/** Folds one more report into open case `intoId` and escalates it as the domain decides. Inside a transaction. */
export async function addRepeat(tx: Store, intoId: string, actor: Actor, at: Date, note: string): Promise<Case> {
  const target = await tx.case(intoId)
  if (!target || !isOpenStatus(target.status)) throw new ConflictError(`case ${intoId} is not open, so a repeat cannot be merged into it`)
  const reportCount = target.reportCount + 1
  const next = escalateCase(target, reportCount, at.getTime())
  const updated = await tx.transitionCase(intoId, target.version, { action: 'merge', toStatus: target.status, note, set: { reportCount, ...next } }, actor, at)
  if (next.escalated && !target.escalated) await tx.addCaseEvent(intoId, at, 'escalate', target.status, target.status, actor, `${reportCount} reports`)
  return updated
}
