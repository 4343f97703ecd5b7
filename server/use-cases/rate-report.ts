// A citizen rates the handling of their closed case, once, by tracking number.
import type { Case } from '../domain/cases.ts'
import { ProblemError } from '../kernel/problems.ts'
import { ConflictError } from '../kernel/errors.ts'
import type { UseCaseContext } from './context.ts'

export async function rateReport(ctx: UseCaseContext, input: { trackingNumber: string; stars: number; comment: string | null }): Promise<Case> {
  const rated = await ctx.store.transaction(async (tx) => {
    const found = await tx.caseByTracking(input.trackingNumber)
    if (!found) throw new ProblemError(404, 'not-found', 'no report has this tracking number')
    if (found.repeatOf) throw new ProblemError(409, 'conflict', 'this report was merged into another case; that case is rated by its first reporter')
    if (found.status !== 'closed') throw new ProblemError(409, 'conflict', `the case is ${found.status}; it can be rated once it is closed`)
    if (found.rating !== null) throw new ConflictError('this case has already been rated')
    return tx.rateCase(found.id, input.stars, input.comment, ctx.clock())
  })
  await ctx.model.changed({ kind: 'incidents', ids: [rated.id] }) // the KPIs' satisfaction
  return rated
}
