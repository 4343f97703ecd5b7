// The guidance-point rule checker's index: every street with its category, the intersections and the points in
// service. Rebuilt when a street's category or a guidance point changes.
import { createGuidanceChecker, type GuidanceChecker, type GuidanceContext } from '../analysis/guidance-check.ts'
import { formatGuidanceViolationText, resolveGuidanceRules } from '../domain/guidance-rules.ts'
import type { Store } from '../store/store.ts'

export interface GuidanceRules {
  context: GuidanceContext
  checker: GuidanceChecker
}

export async function buildGuidanceRules(store: Store): Promise<GuidanceRules> {
  const [streets, intersections, points] = await Promise.all([store.streets({}), store.intersections({}), store.guidancePoints({})])
  const context: GuidanceContext = {
    streets: streets.map((s) => ({ id: s.id, name: s.name, highway: s.highway, category: s.category, coordinates: s.coordinates })),
    intersections: intersections.map((x) => ({ id: x.id, coordinates: x.coordinates, streetIds: x.streetIds, names: x.names })),
    points: points.map((p) => ({ id: p.id, geometry: p.geometry })),
  }
  return { context, checker: createGuidanceChecker(context, resolveGuidanceRules(), formatGuidanceViolationText) }
}
