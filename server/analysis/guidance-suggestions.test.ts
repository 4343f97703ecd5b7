import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import { formatGuidanceViolationText, resolveGuidanceRules } from '../domain/guidance-rules.ts'
import type { GuidanceRules } from './guidance-check.ts'
import type { GuidanceContext } from './guidance-check.ts'
import { createGuidanceChecker } from './guidance-check.ts'
import { measureGuidanceDistanceM } from './guidance-geometry.ts'
import type { GuidanceSuggestion, SuggestionOptions } from './guidance-suggestions.ts'
import { suggestGuidanceSites as suggestSites } from './guidance-suggestions.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

// The domain's defaults, as the analysis worker passes them; `rules` overrides some.
const suggestGuidanceSites = (
  demand: readonly { coordinates: LngLat }[],
  context: GuidanceContext,
  { rules, ...options }: SuggestionOptions & { rules?: Partial<GuidanceRules> } = {},
) => suggestSites(demand, context, resolveGuidanceRules(rules), options)

// Positions in metres east and north of (104.05, 30.66), central Chengdu.
const KX = computeMetersPerDegreeLng(30.66)
const at = (eastM: number, northM = 0): LngLat => [104.05 + eastM / KX, 30.66 + northM / METERS_PER_DEGREE]
const toMetres = (p: LngLat): [number, number] => [(p[0] - 104.05) * KX, (p[1] - 30.66) * METERS_PER_DEGREE]
const street = (id: string, category: StreetCategory, from: [number, number], to: [number, number], name: string | null = id) => ({
  id,
  name,
  highway: 'residential',
  category,
  coordinates: [at(...from), at(...to)],
})
const reports = (count: number, eastM: number, northM: number, spreadM = 0) =>
  Array.from({ length: count }, (_, i) => ({ coordinates: at(eastM + spreadM * Math.cos(i), northM + spreadM * Math.sin(i)) }))

/**
 * A demonstration street along y = 0, a regulated street crossing it along x = 100 (samples every 10 m from y = −195),
 * and a commercial street along x = 600 further east; 8 vending reports around (0, 5) on the demonstration street and
 * 3 at (620, 300) beside the commercial one.
 */
const createFixture = () => {
  const context: GuidanceContext = {
    streets: [
      street('demo', 'demonstration', [-300, 0], [300, 0], '春熙路'),
      street('reg', 'regulated', [100, -195], [100, 205], '红星路'),
      street('com', 'commercial', [600, 200], [600, 400], '太古里'),
    ],
    intersections: [],
    points: [],
  }
  const demand = [...reports(8, 0, 5, 4), ...reports(3, 620, 300)]
  return { context, demand }
}

/** Every suggestion passes the checker over the existing points plus the other suggestions. */
const expectAllCompliant = (context: GuidanceContext, suggestions: readonly GuidanceSuggestion[]) => {
  suggestions.forEach((s, i) => {
    const others = suggestions.filter((_, j) => j !== i).map((o, j) => ({ id: `S${j}`, geometry: { type: 'Point' as const, coordinates: o.coordinates } }))
    const checker = createGuidanceChecker({ ...context, points: [...context.points, ...others] }, resolveGuidanceRules(), formatGuidanceViolationText)
    expect(checker.check({ geometry: { type: 'Point', coordinates: s.coordinates } })).toEqual([])
  })
}

describe('suggestGuidanceSites', () => {
  test('moves demand on a demonstration street to the nearest compliant spot on an allowed street', () => {
    const { context, demand } = createFixture()
    const { suggestions } = suggestGuidanceSites(demand, context)
    const first = suggestions[0]!
    expect(first).toMatchObject({ streetId: 'reg', streetName: '红星路', served: 8, servedTotal: 8 })
    // On 红星路 (x = 100), the first sample north of the 50 m clearance: y = 55.
    const [x, y] = toMetres(first.coordinates)
    expect(x).toBeCloseTo(100, 3)
    expect(y).toBeCloseTo(55, 3)
    const [cx, cy] = toMetres(first.demandCenter)
    expect(Math.hypot(cx, cy - 5)).toBeLessThan(5)
    expect(first.movedM).toBeCloseTo(Math.hypot(100 - cx, 55 - cy), 0)
    expectAllCompliant(context, suggestions)
  })

  test('ranks the bigger cluster first and hand-checks the coverage', () => {
    const { context, demand } = createFixture()
    const result = suggestGuidanceSites(demand, context)
    expect(result.suggestions.map((s) => [s.streetId, s.served])).toEqual([
      ['reg', 8],
      ['com', 3],
    ])
    const [x, y] = toMetres(result.suggestions[1]!.coordinates)
    expect(x).toBeCloseTo(600, 3)
    expect(y).toBeCloseTo(300, 3)
    expect(result.suggestions[1]!.movedM).toBeCloseTo(20, 1)
    expect(result.coverage).toEqual({ demand: 11, servedByExisting: 0, servedWithSuggestions: 11, shareExisting: 0, shareWithSuggestions: 1 })
  })

  test('counts demand served by existing points and only suggests for the rest', () => {
    const { context, demand } = createFixture()
    const withPoint = { ...context, points: [{ id: 'G1', geometry: { type: 'Point' as const, coordinates: at(600, 250) } }] } // 54 m from the small cluster
    const result = suggestGuidanceSites(demand, withPoint)
    expect(result.suggestions.map((s) => s.served)).toEqual([8])
    expect(result.coverage).toEqual({ demand: 11, servedByExisting: 3, servedWithSuggestions: 11, shareExisting: 3 / 11, shareWithSuggestions: 1 })
    expectAllCompliant(withPoint, result.suggestions)
  })

  test('keeps suggestions 20 m apart from each other', () => {
    // Two stacks of duplicate reports either side of a regulated street; a 31 m walk radius means one site cannot serve both.
    const context: GuidanceContext = { streets: [street('reg', 'regulated', [-200, 0], [200, 0])], intersections: [], points: [] }
    const demand = [...reports(5, 0, 30), ...reports(3, 15, -30)]
    const { suggestions, coverage } = suggestGuidanceSites(demand, context, { walkRadiusM: 31 })
    expect(suggestions.map((s) => s.served)).toEqual([5, 3])
    expect(suggestions.map((s) => toMetres(s.coordinates)[0])).toEqual([expect.closeTo(0, 3), expect.closeTo(20, 3)]) // (10, 0) would be 10 m from the first
    expect(measureGuidanceDistanceM({ type: 'Point', coordinates: suggestions[0]!.coordinates }, { type: 'Point', coordinates: suggestions[1]!.coordinates })).toBeGreaterThanOrEqual(19.95)
    expect(coverage.servedWithSuggestions).toBe(8)
    expectAllCompliant(context, suggestions)
  })

  test('stops at maxSuggestions and when nothing more is served', () => {
    const { context, demand } = createFixture()
    expect(suggestGuidanceSites(demand, context, { maxSuggestions: 1 }).suggestions).toHaveLength(1)
    expect(suggestGuidanceSites(demand, context, { maxSuggestions: 1 }).coverage.servedWithSuggestions).toBe(8)
    expect(suggestGuidanceSites(demand, context, { maxSuggestions: 0 }).suggestions).toEqual([])
    expect(suggestGuidanceSites(demand, context, { maxSuggestions: 50 }).suggestions).toHaveLength(2)
  })

  test('drops demand with no compliant site within the search radius', () => {
    const { context, demand } = createFixture()
    // From (0, 5) the nearest compliant spot is ~112 m away.
    const result = suggestGuidanceSites(demand, context, { searchRadiusM: 100 })
    expect(result.suggestions.map((s) => s.streetId)).toEqual(['com'])
    expect(result.coverage.servedWithSuggestions).toBe(3)
  })

  test('takes rule overrides', () => {
    const { context, demand } = createFixture()
    const [first] = suggestGuidanceSites(demand, context, { rules: { demonstrationClearanceM: 30 } }).suggestions
    expect(toMetres(first!.coordinates)[1]).toBeCloseTo(35, 3)
  })

  test('returns no suggestions for no demand, and shares of 1', () => {
    const { context } = createFixture()
    expect(suggestGuidanceSites([], context)).toEqual({
      suggestions: [],
      coverage: { demand: 0, servedByExisting: 0, servedWithSuggestions: 0, shareExisting: 1, shareWithSuggestions: 1 },
    })
  })

  test('returns no suggestions without allowed streets', () => {
    const { demand } = createFixture()
    const result = suggestGuidanceSites(demand, { streets: [street('demo', 'demonstration', [-300, 0], [300, 0])], intersections: [], points: [] })
    expect(result.suggestions).toEqual([])
    expect(result.coverage).toMatchObject({ demand: 11, servedWithSuggestions: 0, shareWithSuggestions: 0 })
  })

  test('is deterministic and does not mutate its input', () => {
    const { context, demand } = createFixture()
    const before = structuredClone({ context, demand })
    const first = suggestGuidanceSites(demand, context)
    expect(suggestGuidanceSites(demand, context)).toEqual(first)
    expect({ context, demand }).toEqual(before)
  })

  test('rejects bad options and positions', () => {
    const { context, demand } = createFixture()
    expect(() => suggestGuidanceSites(demand, context, { stepM: 0 })).toThrow(RangeError)
    expect(() => suggestGuidanceSites(demand, context, { maxSuggestions: 1.5 })).toThrow(/maxSuggestions/)
    expect(() => suggestGuidanceSites([{ coordinates: [104, Number.NaN] }], context)).toThrow(/demand\[0\]/)
  })
})
