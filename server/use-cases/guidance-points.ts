// Planners place and edit vendor guidance points. A stored point must be a valid shape inside the district; an
// approved or active one must pass every street rule, whether it is being approved now or moved later.
import { polygonRingProblems } from '../analysis/polygon-validity.ts'
import type { GuidanceViolation } from '../analysis/guidance-check.ts'
import { DISTRICT_MARGIN_M, insideDistrict } from '../domain/district-bounds.ts'
import { RULE_CHECKED_STATUSES, canMoveGuidanceStatus, type GuidancePoint, type GuidancePointGeometry } from '../domain/guidance-points.ts'
import type { Actor } from '../domain/roles.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { DistrictModel } from '../model/district-model.ts'
import type { GuidancePointPatch, NewGuidancePoint } from '../store/store.ts'
import type { UseCaseContext } from './context.ts'

/** 422 invalid-geometry for a polygon that is open, crosses itself, encloses nothing or has too many vertices. */
export function assertValidGeometry(g: GuidancePointGeometry): void {
  if (g.type !== 'Polygon') return
  const problems = polygonRingProblems(g.coordinates[0] ?? [])
  if (problems.length > 0) throw new ProblemError(422, 'invalid-geometry', problems.join('; '), problems.map((message) => ({ path: 'geometry.coordinates', message })))
}

/** The street rules a point as drawn breaks (none for a retired point: it no longer stands anywhere). */
export async function checkGuidancePoint(model: DistrictModel, p: Pick<GuidancePoint, 'geometry' | 'capacity' | 'offStreet'> & { id?: string; status?: GuidancePoint['status'] }): Promise<GuidanceViolation[]> {
  if (p.status === 'retired') return []
  const { checker } = await model.guidanceRules()
  return checker.check({ id: p.id, geometry: p.geometry, capacity: p.capacity, offStreet: p.offStreet })
}

async function assertPlaceable(model: DistrictModel, g: GuidancePointGeometry): Promise<void> {
  assertValidGeometry(g)
  const { bounds } = await model.places()
  const positions = g.type === 'Point' ? [g.coordinates] : (g.coordinates[0] ?? [])
  if (!bounds || positions.some((p) => !insideDistrict(bounds, p, DISTRICT_MARGIN_M))) {
    throw new ProblemError(422, 'outside-district', `the guidance point lies outside the district (more than ${DISTRICT_MARGIN_M} m beyond its bounds)`, [{ path: 'geometry', message: 'outside the district' }])
  }
}

export async function createGuidancePoint(ctx: UseCaseContext, point: NewGuidancePoint, actor: Actor): Promise<GuidancePoint> {
  await assertPlaceable(ctx.model, point.geometry)
  const created = await ctx.store.createGuidancePoint(point, actor, ctx.clock())
  await ctx.model.changed({ kind: 'guidance-points' })
  return created
}

export async function updateGuidancePoint(ctx: UseCaseContext, id: string, patch: GuidancePointPatch, expectedVersion: number, actor: Actor): Promise<GuidancePoint> {
  const updated = await ctx.store.transaction(async (tx) => {
    const current = await tx.guidancePoint(id)
    if (!current) throw new ProblemError(404, 'not-found', `guidance point ${id} does not exist`)
    if (patch.geometry) await assertPlaceable(ctx.model, patch.geometry)
    if (expectedVersion !== current.version) throw new ProblemError(409, 'conflict', `guidance point ${id} is at version ${current.version}, not ${expectedVersion}: it changed since you loaded it`)
    if (patch.status && !canMoveGuidanceStatus(current.status, patch.status)) throw new ProblemError(409, 'conflict', `a ${current.status} guidance point cannot become ${patch.status}`)
    const next = {
      ...current,
      ...(patch.geometry ? { geometry: patch.geometry } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.offStreet !== undefined ? { offStreet: patch.offStreet } : {}),
      status: patch.status ?? current.status,
    }
    if (RULE_CHECKED_STATUSES.includes(next.status)) {
      const violations = await checkGuidancePoint(ctx.model, next)
      if (violations.length > 0) {
        throw new ProblemError(422, 'rule-violations', `guidance point ${id} breaks ${violations.length} rule(s): ${violations.map((v) => v.code).join(', ')}`, undefined, {}, { violations })
      }
    }
    return tx.updateGuidancePoint(id, patch, actor, ctx.clock(), expectedVersion)
  })
  await ctx.model.changed({ kind: 'guidance-points' })
  return updated
}
