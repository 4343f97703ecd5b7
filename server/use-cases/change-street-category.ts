// A planner sets a street's category (示范街 / 规范街 / 商业街) — one way, or every way sharing its name — with a
// reason kept in its history. The guidance rules read categories, so their index is rebuilt.
import type { Actor } from '../domain/roles.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { Street } from '../kernel/records.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import type { UseCaseContext } from './context.ts'

export interface StreetCategoryInput {
  id: string
  category: StreetCategory
  reason: string
  scope: 'way' | 'name'
  actor: Actor
}

export async function changeStreetCategory(ctx: UseCaseContext, input: StreetCategoryInput): Promise<Street[]> {
  const { id, category, reason, scope, actor } = input
  const updated = await ctx.store.transaction(async (tx) => {
    const street = await tx.street(id)
    if (!street) throw new ProblemError(404, 'not-found', `street ${id} does not exist`)
    if (scope === 'name' && !street.name) throw new ProblemError(422, 'unnamed-street', `street ${id} has no name, so there are no other ways of it to change`)
    const ids = scope === 'name' ? (await tx.streets({})).filter((s) => s.name === street.name).map((s) => s.id) : [id]
    return tx.updateStreetCategory(ids, category, reason, actor, ctx.clock())
  })
  await ctx.model.changed({ kind: 'street-categories', streetIds: updated.map((s) => s.id) })
  return updated
}
