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
import type { Store } from '../store/store.ts'
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
  // the lamp and, for a repair, its open outage reports, read side by side (two connections on PostgreSQL)
  const [existing, open] = await Promise.all([
    ctx.store.lamp(id),
    status === 'ok' ? ctx.store.incidents({ categories: [LAMP_OUTAGE_CATEGORY], statuses: [...OPEN_INCIDENT_STATUSES], lampIds: [id], limit: 'all' }).then((page) => page.items) : [],
  ])
  if (!existing) throw new ProblemError(404, 'not-found', `lamp ${id} does not exist`)
  const zoneId = places.streetZone.get(existing.streetId) ?? null
  if (!mayActInZone(user, zoneId)) throw new ProblemError(403, 'forbidden', `lamp ${id} is in zone ${zoneId ?? 'none'}, outside your assigned zones`)
  const expected = input.expectedVersion()
  if (expected !== existing.version) throw new ProblemError(409, 'conflict', `lamp ${id} is at version ${existing.version}, not ${expected}: it changed since you loaded it`)
  // The lamp is changed only if still at the version read (the store checks it in the same statement), so the
  // reads above need no transaction; one is opened only when outage cases close with it, which must land together.
  // Most repairs close none: on PostgreSQL that spares a BEGIN and a COMMIT, a third of a repair's round trips.
  const write = async (s: Store) => {
    const closedCaseIds: string[] = []
    for (const report of open) {
      const found = await s.case(report.id)
      if (!found) continue
      await s.transitionCase(found.id, found.version, { action: 'lamp_repair', toStatus: 'closed', note: id, set: { closedMs: at.getTime() } }, actor, at)
      closedCaseIds.push(found.id)
    }
    return { ...(await s.updateLampStatus(existing, status, actor, at, closedCaseIds)), closedCaseIds }
  }
  const { lamp, reportedOut, closedCaseIds } = open.length > 0 ? await ctx.store.transaction(write) : await write(ctx.store)
  if (closedCaseIds.length > 0) await ctx.model.changed({ kind: 'incidents', ids: closedCaseIds })
  // the lamp as written, and its outage reports as the write saw them: the model need not read either again
  const diff = await ctx.model.changed({ kind: 'lamps', lampIds: [id] }, { lamps: [lamp], reportedOut: new Set(reportedOut ? [id] : []) })
  const { working } = await ctx.model.lighting()
  return { lamp, zoneId, working: working.get(id) ?? false, closedCaseIds, diff: diff! }
}
