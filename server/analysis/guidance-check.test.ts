import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'
import { formatGuidanceViolationText, resolveGuidanceRules } from '../domain/guidance-rules.ts'
import type { GuidanceRules } from './guidance-check.ts'
import type { GuidanceCandidate, GuidanceContext } from './guidance-check.ts'
import { createGuidanceChecker as createChecker, createGuidancePassTest as createPassTest, GUIDANCE_VIOLATION_CODES } from './guidance-check.ts'
import { breaksClearance, breaksProximity, measureGuidanceDistanceM, roundGuidanceDistanceM, type GuidanceGeometry } from './guidance-geometry.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

// The domain's defaults and message table, as the district model passes them.
const createGuidanceChecker = (context: GuidanceContext, overrides: Partial<GuidanceRules> = {}) =>
  createChecker(context, resolveGuidanceRules(overrides), formatGuidanceViolationText)
const createGuidancePassTest = (context: GuidanceContext, overrides: Partial<GuidanceRules> = {}) => createPassTest(context, resolveGuidanceRules(overrides))

// Positions in metres east and north of (104.05, 30.66), central Chengdu.
const KX = computeMetersPerDegreeLng(30.66)
const at = (eastM: number, northM = 0): LngLat => [104.05 + eastM / KX, 30.66 + northM / METERS_PER_DEGREE]
const pointAt = (eastM: number, northM = 0): GuidanceGeometry => ({ type: 'Point', coordinates: at(eastM, northM) })
/** A closed square ring of side 2·half metres centred at (eastM, northM). */
const squareAt = (eastM: number, northM: number, half: number): GuidanceGeometry => ({
  type: 'Polygon',
  coordinates: [[at(eastM - half, northM - half), at(eastM + half, northM - half), at(eastM + half, northM + half), at(eastM - half, northM + half), at(eastM - half, northM - half)]],
})
const street = (id: string, category: StreetCategory, from: [number, number], to: [number, number], highway = 'residential', name: string | null = id) => ({
  id,
  name,
  highway,
  category,
  coordinates: [at(...from), at(...to)],
})
const createContext = (partial: Partial<GuidanceContext> = {}): GuidanceContext => ({ streets: [], intersections: [], points: [], ...partial })
const codesOf = (context: GuidanceContext, candidate: GuidanceCandidate, rules = {}) => createGuidanceChecker(context, rules).check(candidate).map((v) => v.code)

/** A demonstration street along y = 0 and a regulated one along x = 100, so a candidate beside the latter passes rule 4. */
const createDemoContext = () =>
  createContext({
    streets: [street('demo', 'demonstration', [-300, 0], [300, 0], 'residential', '春熙路'), street('reg', 'regulated', [100, -300], [100, 300], 'residential', '红星路')],
  })

describe('on-demonstration-street', () => {
  test('passes 52 m from a demonstration street and fails at 48 m with the distance', () => {
    const context = createDemoContext()
    expect(codesOf(context, { geometry: pointAt(100, 52) })).toEqual([])
    const [v] = createGuidanceChecker(context).check({ geometry: pointAt(100, 48) })
    expect(v).toMatchObject({ code: 'on-demonstration-street', limit_m: 50, subject: { kind: 'street', id: 'demo', name: '春熙路' } })
    expect(v?.distance_m).toBeCloseTo(48, 1)
    expect(v?.message).toBe('距示范街「春熙路」仅 48.0 米，示范街禁止摆卖，疏导点应距其至少 50 米')
    expect(v?.message_en).toContain('48.0 m')
  })

  test('reports distance 0 on the street', () => {
    const [v] = createGuidanceChecker(createDemoContext()).check({ geometry: pointAt(100, 0) })
    expect(v).toMatchObject({ code: 'on-demonstration-street', distance_m: 0 })
  })

  test('fails a polygon crossing the street with distance 0 and passes one 60 m away', () => {
    const checker = createGuidanceChecker(createDemoContext())
    expect(checker.check({ geometry: squareAt(100, 2, 5) })[0]).toMatchObject({ code: 'on-demonstration-street', distance_m: 0 })
    expect(checker.check({ geometry: squareAt(100, 65, 5) })).toEqual([]) // nearest edge 60 m from the street
  })

  test('measures a polygon from its nearest edge', () => {
    const [v] = createGuidanceChecker(createDemoContext()).check({ geometry: squareAt(100, 55, 10) }) // edge at 45 m
    expect(v?.code).toBe('on-demonstration-street')
    expect(v?.distance_m).toBeCloseTo(45, 1)
  })

  test('takes a clearance override', () => {
    expect(codesOf(createDemoContext(), { geometry: pointAt(100, 48) }, { demonstrationClearanceM: 40 })).toEqual([])
  })
})

describe('near-arterial-intersection', () => {
  const createCrossing = (highway = 'primary', streetIds = ['a1', 'a2']) =>
    createContext({
      streets: [
        street('a1', 'regulated', [-200, 0], [0, 0], highway, '人民南路'),
        street('a2', 'regulated', [0, 0], [200, 0], highway, '人民南路'),
        street('a3', 'regulated', [0, 0], [0, 200], 'secondary', '蜀都大道'),
        street('r1', 'regulated', [0, 0], [0, -200], 'residential', '小巷'),
      ],
      intersections: [{ id: 'n1', coordinates: at(0, 0), streetIds, names: ['人民南路', '蜀都大道'] }],
    })

  test('fails 28 m from an intersection of two arterial streets and passes at 32 m', () => {
    const checker = createGuidanceChecker(createCrossing('primary', ['a1', 'a3', 'r1']))
    expect(checker.check({ geometry: pointAt(32, 0) })).toEqual([])
    const [v] = checker.check({ geometry: pointAt(28, 0) })
    expect(v).toMatchObject({ code: 'near-arterial-intersection', limit_m: 30, subject: { kind: 'intersection', id: 'n1', name: '人民南路 / 蜀都大道' } })
    expect(v?.distance_m).toBeCloseTo(28, 1)
    expect(v?.message).toContain('28.0 米')
    expect(v?.message_en).toContain('at least 30 m')
  })

  test('counts link roads as arterial', () => {
    expect(codesOf(createCrossing('primary_link', ['a1', 'a3']), { geometry: pointAt(10, 0) })).toEqual(['near-arterial-intersection'])
  })

  test('ignores an intersection with only one arterial street, even listed twice', () => {
    expect(codesOf(createCrossing('primary', ['a3', 'r1']), { geometry: pointAt(0, -10) })).toEqual([])
    expect(codesOf(createCrossing('primary', ['a3', 'a3', 'r1']), { geometry: pointAt(0, -10) })).toEqual([])
  })

  test('takes the arterial classes and the clearance from the rules', () => {
    const context = createCrossing('residential', ['a1', 'r1'])
    expect(codesOf(context, { geometry: pointAt(10, 0) })).toEqual([])
    expect(codesOf(context, { geometry: pointAt(10, 0) }, { arterialHighways: ['residential'] })).toEqual(['near-arterial-intersection'])
    expect(codesOf(createCrossing('primary', ['a1', 'a3']), { geometry: pointAt(10, 0) }, { arterialIntersectionClearanceM: 8 })).toEqual([])
  })

  test('gives distance 0 for a polygon around the intersection', () => {
    const [v] = createGuidanceChecker(createCrossing('primary', ['a1', 'a3'])).check({ geometry: squareAt(3, 3, 5) })
    expect(v).toMatchObject({ code: 'near-arterial-intersection', distance_m: 0 })
  })
})

describe('too-close-to-guidance-point', () => {
  const createWithPoints = () =>
    createContext({
      streets: [street('reg', 'regulated', [-300, 0], [300, 0])],
      points: [
        { id: 'G1', geometry: pointAt(0, 0), name: '春熙路东口' },
        { id: 'G2', geometry: squareAt(200, 0, 5) },
      ],
    })

  test('fails 18 m from another point and passes at 22 m', () => {
    const checker = createGuidanceChecker(createWithPoints())
    expect(checker.check({ geometry: pointAt(22, 0) })).toEqual([])
    const [v] = checker.check({ geometry: pointAt(18, 0) })
    expect(v).toMatchObject({ code: 'too-close-to-guidance-point', limit_m: 20, subject: { kind: 'guidance-point', id: 'G1', name: '春熙路东口' } })
    expect(v?.distance_m).toBeCloseTo(18, 1)
    expect(v?.message).toBe('距疏导点「春熙路东口」仅 18.0 米，疏导点间距应至少 20 米')
  })

  test('does not count the point being checked against itself', () => {
    expect(codesOf(createWithPoints(), { id: 'G1', geometry: pointAt(3, 0) })).toEqual([])
  })

  test('measures to a polygon point from its edge, naming it by id when it has no name', () => {
    const [v] = createGuidanceChecker(createWithPoints()).check({ geometry: pointAt(180, 0) }) // edge at x = 195
    expect(v?.distance_m).toBeCloseTo(15, 1)
    expect(v?.subject).toEqual({ kind: 'guidance-point', id: 'G2', name: null })
    expect(v?.message).toContain('「G2」')
  })

  test('gives distance 0 between overlapping polygons and measures edge to edge otherwise', () => {
    const checker = createGuidanceChecker(createWithPoints())
    expect(checker.check({ geometry: squareAt(203, 2, 4) })[0]).toMatchObject({ code: 'too-close-to-guidance-point', distance_m: 0 })
    expect(checker.check({ geometry: squareAt(198, 0, 1) })[0]).toMatchObject({ code: 'too-close-to-guidance-point', distance_m: 0 }) // inside
    expect(checker.check({ geometry: squareAt(232, 0, 5) })).toEqual([]) // edges at 205 and 227: 22 m
    const [v] = checker.check({ geometry: squareAt(218, 0, 5) }) // edges at 205 and 213: 8 m
    expect(v?.distance_m).toBeCloseTo(8, 1)
  })
})

describe('not-beside-allowed-street', () => {
  const createBeside = () =>
    createContext({ streets: [street('reg', 'regulated', [-300, 0], [300, 0], 'residential', '红星路'), street('com', 'commercial', [-300, 500], [300, 500])] })

  test('passes within 15 m of a regulated or commercial street', () => {
    expect(codesOf(createBeside(), { geometry: pointAt(0, 14) })).toEqual([])
    expect(codesOf(createBeside(), { geometry: pointAt(0, 488) })).toEqual([])
  })

  test('fails at 16 m, naming the nearest allowed street and its distance', () => {
    const [v] = createGuidanceChecker(createBeside()).check({ geometry: pointAt(0, 42) })
    expect(v).toMatchObject({ code: 'not-beside-allowed-street', limit_m: 15, subject: { kind: 'street', id: 'reg', name: '红星路' } })
    expect(v?.distance_m).toBeCloseTo(42, 1)
    expect(v?.message).toBe('15 米内没有规范街或商业街（最近的「红星路」在 42.0 米外），也未标为场外区域（广场、停车场）')
    expect(codesOf(createBeside(), { geometry: pointAt(0, 16) })).toEqual(['not-beside-allowed-street'])
  })

  test('finds the nearest allowed street far away', () => {
    const [v] = createGuidanceChecker(createBeside()).check({ geometry: pointAt(0, 1500) })
    expect(v?.subject?.id).toBe('com')
    expect(v?.distance_m).toBeCloseTo(1000, 0)
  })

  test('does not count a demonstration street', () => {
    const context = createContext({ streets: [street('demo', 'demonstration', [-300, 0], [300, 0])] })
    expect(codesOf(context, { geometry: pointAt(0, 60) })).toEqual(['not-beside-allowed-street'])
  })

  test('is satisfied by an off-street area the planner marked', () => {
    expect(codesOf(createBeside(), { geometry: pointAt(0, 100), offStreet: true })).toEqual([])
    expect(codesOf(createBeside(), { geometry: pointAt(0, 100), offStreet: false })).toEqual(['not-beside-allowed-street'])
  })

  test('measures a polygon from its edge', () => {
    expect(codesOf(createBeside(), { geometry: squareAt(0, 30, 20) })).toEqual([]) // edge at 10 m
  })

  test('follows an allowed-categories override in the check and the message', () => {
    const [v] = createGuidanceChecker(createBeside(), { allowedStreetCategories: ['commercial'] }).check({ geometry: pointAt(0, 5) })
    expect(v?.subject?.id).toBe('com')
    expect(v?.message).toContain('15 米内没有商业街')
    expect(v?.message_en).toContain('No commercial street within 15 m')
  })
})

describe('no-capacity', () => {
  const context = createContext({ streets: [street('reg', 'regulated', [-300, 0], [300, 0])] })

  test('fails a capacity of 0 or less and passes a positive one', () => {
    expect(codesOf(context, { geometry: pointAt(0, 0), capacity: 0 })).toEqual(['no-capacity'])
    expect(codesOf(context, { geometry: pointAt(0, 0), capacity: -2 })).toEqual(['no-capacity'])
    expect(codesOf(context, { geometry: pointAt(0, 0), capacity: 4 })).toEqual([])
    const [v] = createGuidanceChecker(context).check({ geometry: pointAt(0, 0), capacity: 0 })
    expect(v).toEqual({ code: 'no-capacity', message: '容量为 0 个摊位，应大于 0', message_en: 'Capacity is 0 stalls; it must be greater than 0' })
  })

  test('skips the rule when the capacity is not given', () => {
    expect(codesOf(context, { geometry: pointAt(0, 0) })).toEqual([])
  })
})

describe('createGuidanceChecker', () => {
  test('reports several violations at once in code order with their numbers', () => {
    const context = createContext({
      streets: [street('demo', 'demonstration', [-300, 0], [300, 0], 'primary', '春熙路'), street('demo2', 'demonstration', [0, -300], [0, 300], 'primary', '总府路')],
      intersections: [{ id: 'n1', coordinates: at(0, 0), streetIds: ['demo', 'demo2'], names: ['春熙路', '总府路'] }],
      points: [{ id: 'G1', geometry: pointAt(20, 10) }],
    })
    const violations = createGuidanceChecker(context).check({ geometry: pointAt(10, 10), capacity: 0 })
    expect(violations.map((v) => v.code)).toEqual(['on-demonstration-street', 'near-arterial-intersection', 'too-close-to-guidance-point', 'not-beside-allowed-street', 'no-capacity'])
    expect(violations.map((v) => v.distance_m)).toEqual([10, 14.1, 10, undefined, undefined])
    expect(violations[0]?.message).toContain('10.0 米')
    expect(violations[0]?.message).toContain('50 米')
    expect(violations[1]?.message).toContain('14.1 米')
    expect(violations[1]?.message_en).toContain('14.1 m')
    expect(violations[2]?.message_en).toContain('20 m apart')
    expect(violations[3]?.message).toBe('15 米内没有规范街或商业街，也未标为场外区域（广场、停车场）')
  })

  test('with an empty context fails only not-beside-allowed-street, unless off-street', () => {
    const checker = createGuidanceChecker(createContext())
    const violations = checker.check({ geometry: pointAt(0, 0), capacity: 3 })
    expect(violations).toEqual([
      {
        code: 'not-beside-allowed-street',
        message: '15 米内没有规范街或商业街，也未标为场外区域（广场、停车场）',
        message_en: 'No regulated street or commercial street within 15 m, and not marked as an off-street area (plaza, parking lot)',
        limit_m: 15,
      },
    ])
    expect(checker.check({ geometry: squareAt(0, 0, 5), offStreet: true, capacity: 3 })).toEqual([])
  })

  test('handles duplicate and degenerate geometry', () => {
    const context = createContext({
      streets: [street('reg', 'regulated', [0, 0], [0, 0]), { ...street('dot', 'regulated', [0, 0], [0, 0]), coordinates: [at(500, 0)] }],
      points: [
        { id: 'G1', geometry: pointAt(0, 0) },
        { id: 'G2', geometry: pointAt(0, 0) },
      ],
    })
    const checker = createGuidanceChecker(context)
    expect(checker.check({ geometry: pointAt(0, 30) }).map((v) => v.code)).toEqual(['not-beside-allowed-street'])
    expect(checker.check({ geometry: pointAt(505, 0) })).toEqual([]) // a one-position street still counts
    expect(checker.check({ geometry: pointAt(0, 10) })[0]?.subject?.id).toBe('G1') // ties: the earlier point
    const unclosed: GuidanceGeometry = { type: 'Polygon', coordinates: [[at(-5, 25), at(5, 25), at(5, 35)]] }
    expect(checker.check({ geometry: unclosed }).map((v) => v.code)).toEqual(['not-beside-allowed-street'])
  })

  test('counts a hole as outside', () => {
    const ring = (half: number) => [at(-half, -half), at(half, -half), at(half, half), at(-half, half), at(-half, -half)]
    const context = createContext({ streets: [street('demo', 'demonstration', [-2, 0], [2, 0])] })
    const donut: GuidanceGeometry = { type: 'Polygon', coordinates: [ring(100), ring(40)] }
    const [v] = createGuidanceChecker(context).check({ geometry: donut, offStreet: true })
    expect(v?.distance_m).toBeCloseTo(38, 1)
  })

  test('rejects a malformed geometry', () => {
    const checker = createGuidanceChecker(createContext())
    expect(() => checker.check({ geometry: { type: 'Point', coordinates: [104, Number.NaN] } })).toThrow(TypeError)
    expect(() => checker.check({ geometry: { type: 'Polygon', coordinates: [] } })).toThrow(/non-empty ring/)
    expect(() => checker.check({ geometry: { type: 'LineString', coordinates: [] } as unknown as GuidanceGeometry })).toThrow(/Point or Polygon/)
    expect(() => createGuidanceChecker(createContext({ points: [{ id: 'G1', geometry: { type: 'Point', coordinates: [200, 100] } }] }))).toThrow(/G1/)
  })

  test('does not mutate its input', () => {
    const context = createContext({
      streets: [street('demo', 'demonstration', [-300, 0], [300, 0]), street('reg', 'regulated', [100, -300], [100, 300], 'primary')],
      intersections: [{ id: 'n1', coordinates: at(100, 0), streetIds: ['demo', 'reg'], names: [] }],
      points: [{ id: 'G1', geometry: squareAt(100, 100, 5) }],
    })
    const candidate: GuidanceCandidate = { id: 'G9', geometry: { type: 'Polygon', coordinates: [[at(90, 20), at(110, 20), at(110, 40)]] }, capacity: 0 }
    const before = structuredClone({ context, candidate })
    createGuidanceChecker(context).check(candidate)
    expect({ context, candidate }).toEqual(before)
  })
})

describe('createGuidancePassTest', () => {
  test('agrees with the checker on every candidate of a grid', () => {
    const context = createContext({
      streets: [street('demo', 'demonstration', [-300, 0], [300, 0], 'primary'), street('reg', 'regulated', [0, -300], [0, 300], 'primary')],
      intersections: [{ id: 'n1', coordinates: at(0, 0), streetIds: ['demo', 'reg'], names: [] }],
      points: [{ id: 'G1', geometry: pointAt(0, 80) }],
    })
    const checker = createGuidanceChecker(context)
    const passes = createGuidancePassTest(context)
    let passing = 0
    for (let x = -40; x <= 40; x += 4) {
      for (let y = -100; y <= 100; y += 4) {
        const candidate = { geometry: pointAt(x, y) }
        expect(passes(candidate)).toBe(checker.check(candidate).length === 0)
        if (passes(candidate)) passing++
      }
    }
    expect(passing).toBeGreaterThan(0)
  })
})

describe('measureGuidanceDistanceM', () => {
  test('measures point to point, point to polygon and polygon to polygon in metres', () => {
    expect(measureGuidanceDistanceM(pointAt(0, 0), pointAt(30, 40))).toBeCloseTo(50, 2)
    expect(measureGuidanceDistanceM(pointAt(0, 0), squareAt(20, 0, 5))).toBeCloseTo(15, 2)
    expect(measureGuidanceDistanceM(squareAt(0, 0, 5), squareAt(20, 0, 5))).toBeCloseTo(10, 2)
    expect(measureGuidanceDistanceM(squareAt(0, 0, 5), pointAt(1, 1))).toBe(0)
  })
})
