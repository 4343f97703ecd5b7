// A crew marks a lamp repaired (or broken). A repair closes the lamp's open outage cases in the same transaction —
// each with a timeline step and a version bump, so a dispatcher holding the old ETag gets 409 rather than
// overwriting the closure — and the answer carries what the change did to the dark zones.
import { mayActInZone } from '../domain/case-access.ts'
import type { Actor, User } from '../domain/roles.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { StoredLamp } from '../kernel/records.ts'
import { OPEN_INCIDENT_STATUSES, type LampStatus } from '../kernel/statuses.ts'
import type { LightingDiff } from '../model/lighting.ts'
import type { UseCaseContext } from './context.ts'

export interface LampStatusInput {
  id: string
  status: LampStatus
  /** The version the crew saw (If-Match); read once the lamp is known to be theirs. */
  expectedVersion: () => number
  user: User
  actor: Actor
}

export interface LampStatusOutcome {
  lamp: StoredLamp
  zoneId: string | null
  working: boolean
  closedCaseIds: string[]
  diff: LightingDiff
}

export async function setLampStatus(ctx: UseCaseContext, input: LampStatusInput): Promise<LampStatusOutcome> {
  const { id, status, user, actor } = input
  const places = await ctx.model.places()
  const at = ctx.clock()
  const { lamp, zoneId, closedCaseIds } = await ctx.store.transaction(async (tx) => {
    const existing = await tx.lamp(id)
    if (!existing) throw new ProblemError(404, 'not-found', `lamp ${id} does not exist`)
    const zoneId = places.streetZone.get(existing.streetId) ?? null
    if (!mayActInZone(user, zoneId)) throw new ProblemError(403, 'forbidden', `lamp ${id} is in zone ${zoneId ?? 'none'}, outside your assigned zones`)
    const expected = input.expectedVersion()
    if (expected !== existing.version) throw new ProblemError(409, 'conflict', `lamp ${id} is at version ${existing.version}, not ${expected}: it changed since you loaded it`)
    const closedCaseIds: string[] = []
    if (status === 'ok') {
      const open = await tx.incidents({ categories: [LAMP_OUTAGE_CATEGORY], statuses: [...OPEN_INCIDENT_STATUSES], lampIds: [id], limit: 'all' })
      for (const report of open.items) {
        const found = await tx.case(report.id)
        if (!found) continue
        await tx.transitionCase(found.id, found.version, { action: 'lamp_repair', toStatus: 'closed', note: id, set: { closedMs: at.getTime() } }, actor, at)
        closedCaseIds.push(found.id)
      }
    }
    const lamp = await tx.updateLampStatus(id, status, expected, actor, at, closedCaseIds)
    return { lamp, zoneId, closedCaseIds }
  })
  if (closedCaseIds.length > 0) await ctx.model.changed({ kind: 'incidents', ids: closedCaseIds })
  const diff = await ctx.model.changed({ kind: 'lamps', lampIds: [id] })
  const { working } = await ctx.model.lighting()
  return { lamp, zoneId, working: working.get(id) ?? false, closedCaseIds, diff: diff! }
}
