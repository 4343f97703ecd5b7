import { distance } from '@turf/turf'
import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { METERS_PER_DEGREE, computeMetersPerDegreeLng } from './local-metric.ts'
import {
  DEFAULT_ESCALATION,
  DEFAULT_REPEAT_RADIUS_M,
  type OpenCaseForMatch,
  findRepeatCandidates,
  priorityForReports,
} from './repeat-reports.ts'

const ORIGIN: LngLat = [104.08, 30.69]
/** The point `m` metres due north of ORIGIN: along a meridian the great-circle distance is exactly R·Δφ. */
const north = (m: number): LngLat => [ORIGIN[0], ORIGIN[1] + m / METERS_PER_DEGREE]
const east = (m: number): LngLat => [ORIGIN[0] + m / computeMetersPerDegreeLng(ORIGIN[1]), ORIGIN[1]]

const openCase = (id: string, category: string, coordinates: LngLat, lampId: string | null = null): OpenCaseForMatch => ({
  id,
  category,
  coordinates,
  lampId,
  reportedMs: 0,
})

describe('findRepeatCandidates', () => {
  test('returns [] for no open cases', () => {
    expect(findRepeatCandidates({ category: '0501', coordinates: ORIGIN, lampId: null }, [])).toEqual([])
  })

  test('matches the same category within the radius, measuring as turf does', () => {
    const cases = [openCase('I1', '0501', north(20))]
    const [hit] = findRepeatCandidates({ category: '0501', coordinates: ORIGIN, lampId: null }, cases)
    expect(hit?.id).toBe('I1')
    expect(hit?.sameLamp).toBe(false)
    expect(hit?.distanceM).toBeCloseTo(20, 6)
    expect(hit?.distanceM).toBeCloseTo(distance(ORIGIN, north(20), { units: 'meters' }), 6)
  })

  test('never matches another category, however close', () => {
    const cases = [openCase('I1', '0504', ORIGIN), openCase('I2', '0102', ORIGIN)]
    expect(findRepeatCandidates({ category: '0501', coordinates: ORIGIN, lampId: null }, cases)).toEqual([])
  })

  test.each<[string, number]>([
    ['0501', 50],
    ['0504', 50],
    ['0510', 50],
    ['0102', 50],
    ['0103', 50],
    ['0104', 50],
    ['0507', 50],
    ['0101', 30],
    ['0118', 30],
    ['9999', 50], // fallback
  ])('%s matches just inside its %s m radius and not just outside', (category, radius) => {
    const report = { category, coordinates: ORIGIN, lampId: null }
    expect(findRepeatCandidates(report, [openCase('in', category, north(radius - 0.1))]).map((c) => c.id)).toEqual(['in'])
    expect(findRepeatCandidates(report, [openCase('out', category, north(radius + 0.1))])).toEqual([])
    expect(findRepeatCandidates(report, [openCase('in-east', category, east(radius - 0.1))]).map((c) => c.id)).toEqual(['in-east'])
    expect(findRepeatCandidates(report, [openCase('out-east', category, east(radius + 0.1))])).toEqual([])
  })

  test('matches the same lamp however far away', () => {
    const [hit] = findRepeatCandidates({ category: '0118', coordinates: ORIGIN, lampId: 'L000123' }, [openCase('I1', '0118', north(500), 'L000123')])
    expect(hit).toMatchObject({ id: 'I1', sameLamp: true })
    expect(hit?.distanceM).toBeCloseTo(500, 6)
  })

  test('never matches a different lamp, even a neighbouring one within the radius', () => {
    expect(findRepeatCandidates({ category: '0118', coordinates: ORIGIN, lampId: 'L000123' }, [openCase('I1', '0118', north(10), 'L000124')])).toEqual([])
  })

  test('matches by radius when either side names no lamp', () => {
    const nearNoLamp = openCase('I1', '0118', north(20))
    const farNoLamp = openCase('I2', '0118', north(40))
    expect(findRepeatCandidates({ category: '0118', coordinates: ORIGIN, lampId: 'L000123' }, [nearNoLamp, farNoLamp]).map((c) => c.id)).toEqual(['I1'])
    expect(findRepeatCandidates({ category: '0118', coordinates: ORIGIN, lampId: null }, [openCase('I3', '0118', north(20), 'L000124')]).map((c) => c.id)).toEqual(['I3'])
  })

  test('orders same-lamp first, then nearest, ties by id', () => {
    const cases = [
      openCase('I5', '0118', north(25)),
      openCase('I4', '0118', east(10)),
      openCase('I3', '0118', east(10)),
      openCase('I9', '0118', north(900), 'L1'),
      openCase('I8', '0118', north(5), 'L2'),
      openCase('I7', '0118', north(25)),
    ]
    const hits = findRepeatCandidates({ category: '0118', coordinates: ORIGIN, lampId: 'L1' }, cases)
    expect(hits.map((c) => c.id)).toEqual(['I9', 'I3', 'I4', 'I5', 'I7'])
    expect(hits.map((c) => c.sameLamp)).toEqual([true, false, false, false, false])
  })

  test('lists a duplicate open case at the same spot once per case', () => {
    const cases = [openCase('I2', '0102', ORIGIN), openCase('I1', '0102', ORIGIN)]
    expect(findRepeatCandidates({ category: '0102', coordinates: ORIGIN, lampId: null }, cases)).toEqual([
      { id: 'I1', distanceM: 0, sameLamp: false },
      { id: 'I2', distanceM: 0, sameLamp: false },
    ])
  })

  test('uses a configured radius table, e.g. FixMyStreet’s 250 m for the public', () => {
    const report = { category: '0501', coordinates: ORIGIN, lampId: null }
    const cases = [openCase('I1', '0501', north(200))]
    expect(findRepeatCandidates(report, cases)).toEqual([])
    expect(findRepeatCandidates(report, cases, { ...DEFAULT_REPEAT_RADIUS_M, '0501': 250 }).map((c) => c.id)).toEqual(['I1'])
    expect(findRepeatCandidates(report, cases, {}, 250).map((c) => c.id)).toEqual(['I1'])
  })

  test('refuses a negative or non-finite radius', () => {
    const report = { category: '0501', coordinates: ORIGIN, lampId: null }
    expect(() => findRepeatCandidates(report, [], { '0501': -1 })).toThrow(RangeError)
    expect(() => findRepeatCandidates(report, [], {}, Number.NaN)).toThrow(RangeError)
  })

  test('does not mutate its input', () => {
    const cases = [openCase('I2', '0501', north(30)), openCase('I1', '0501', north(10))]
    const before = structuredClone(cases)
    const report = { category: '0501', coordinates: ORIGIN, lampId: null }
    findRepeatCandidates(report, cases)
    expect(cases).toEqual(before)
    expect(report).toEqual({ category: '0501', coordinates: ORIGIN, lampId: null })
  })
})

describe('priorityForReports', () => {
  test.each<[number, 1 | 2 | 3]>([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [40, 3],
  ])('%s reports → priority %s by default', (reports, priority) => {
    expect(priorityForReports(reports)).toBe(priority)
  })

  test('defaults to escalation at 3 reports and urgency at 6', () => {
    expect(DEFAULT_ESCALATION).toEqual({ thresholdReports: 3, urgentReports: 6 })
  })

  test('follows a configured policy; equal thresholds jump straight to urgent', () => {
    expect(priorityForReports(2, { thresholdReports: 2, urgentReports: 4 })).toBe(2)
    expect(priorityForReports(4, { thresholdReports: 2, urgentReports: 4 })).toBe(3)
    expect(priorityForReports(2, { thresholdReports: 2, urgentReports: 2 })).toBe(3)
  })

  test('refuses a policy with urgency below escalation', () => {
    expect(() => priorityForReports(1, { thresholdReports: 6, urgentReports: 3 })).toThrow(RangeError)
  })
})
