// Staff fold a case into another open case of the same problem: the target gains a report (and may escalate),
// the folded case becomes a merged repeat. One transaction; both cases' versions move.
import type { Case } from '../domain/cases.ts'
import type { Actor } from '../domain/roles.ts'
import { isOpenStatus } from '../kernel/statuses.ts'
import { ConflictError } from '../kernel/errors.ts'
import type { UseCaseContext } from './context.ts'
import { addRepeat } from './report-incident.ts'

export async function mergeCase(ctx: UseCaseContext, input: { id: string; into: string; expectedVersion: number; actor: Actor }): Promise<Case> {
  const { id, into, expectedVersion, actor } = input
  const at = ctx.clock()
  const merged = await ctx.store.transaction(async (tx) => {
    if (id === into) throw new ConflictError('a case cannot be merged into itself')
    const from = await tx.case(id)
    if (!from || !isOpenStatus(from.status)) throw new ConflictError(`case ${id} is not open, so it cannot be merged`)
    if (from.version !== expectedVersion) throw new ConflictError(`case ${id} is at version ${from.version}, not ${expectedVersion}: it changed since you loaded it`)
    const target = await addRepeat(tx, into, actor, at, `merged case ${id}`)
    await tx.transitionCase(id, from.version, { action: 'merge', toStatus: 'merged', note: `into ${into}`, set: { repeatOf: into } }, actor, at)
    return { target, lampIds: [from.lampId, target.lampId].filter((x): x is string => x !== null) }
  })
  await ctx.model.changed({ kind: 'incidents', ids: [id, into] })
  // A merged outage report no longer names its lamp as out; the case it joined still does.
  if (merged.lampIds.length > 0) await ctx.model.changed({ kind: 'lamps', lampIds: merged.lampIds })
  return merged.target
}
