import { describe, expect, test } from 'vitest'
import {
  type CaseStatus,
  DEFAULT_FALLBACK_TIME_LIMIT,
  DEFAULT_TIME_LIMITS,
  HOUR_MS,
  type TimeLimit,
  computeDeadlineMs,
  extendDeadlineMs,
  isOpenCase,
  isOverdue,
  pullInDeadlineMs,
  timeLimitFor,
} from './case-deadlines.ts'
import { INCIDENT_CATEGORY_CODES } from '../kernel/categories.ts'
import { INCIDENT_STATUSES } from '../kernel/statuses.ts'

/** Epoch ms of a China Standard Time wall-clock reading. */
const cst = (local: string) => Date.parse(`${local}+08:00`)

describe('timeLimitFor', () => {
  test.each<[string, number, number]>([
    ['0501', 0.5, 2],
    ['0510', 0.5, 2],
    ['0504', 0.5, 4],
    ['0102', 1, 12],
    ['0103', 1, 24],
    ['0104', 1, 12],
    ['0507', 1, 24],
    ['0101', 1, 72],
    ['0118', 1, 24],
  ])('gives %s intake %s h and handling %s h, an extension the handling time once more', (category, intake, handling) => {
    expect(timeLimitFor(category)).toEqual({ intakeHours: intake, handlingHours: handling, extensionHours: handling })
  })

  test('has a limit for every category of the taxonomy', () => {
    expect(Object.keys(DEFAULT_TIME_LIMITS).sort()).toEqual([...INCIDENT_CATEGORY_CODES].sort())
  })

  test('gives unknown categories, including prototype names, the 1 h + 24 h fallback', () => {
    const fallback = { intakeHours: 1, handlingHours: 24, extensionHours: 24 }
    expect(timeLimitFor('9999')).toEqual(fallback)
    expect(timeLimitFor('constructor')).toEqual(fallback)
    expect(timeLimitFor('__proto__')).toEqual(fallback)
  })

  test('reads a configured table and fallback', () => {
    const limits: Record<string, TimeLimit> = { '0599': { intakeHours: 0.25, handlingHours: 1, extensionHours: 0.5 } }
    expect(timeLimitFor('0599', limits)).toEqual({ intakeHours: 0.25, handlingHours: 1, extensionHours: 0.5 })
    expect(timeLimitFor('0501', limits)).toEqual(DEFAULT_FALLBACK_TIME_LIMIT)
    expect(timeLimitFor('0501', limits, { intakeHours: 2, handlingHours: 48, extensionHours: 24 }).handlingHours).toBe(48)
  })

  test('refuses negative or non-finite hours', () => {
    expect(() => timeLimitFor('x', { x: { intakeHours: -1, handlingHours: 1, extensionHours: 1 } })).toThrow(RangeError)
    expect(() => timeLimitFor('x', { x: { intakeHours: 1, handlingHours: Number.NaN, extensionHours: 1 } })).toThrow(/handlingHours/)
  })
})

describe('computeDeadlineMs', () => {
  test('before dispatch: report + intake + handling, across midnight and the month end', () => {
    // 0103: 1 h + 24 h from 23:30 on 31 January → 00:30 on 2 February.
    expect(computeDeadlineMs({ category: '0103', reportedMs: cst('2024-01-31T23:30:00'), dispatchedMs: null, approvedExtensions: 0 })).toBe(
      cst('2024-02-02T00:30:00'),
    )
  })

  test('crosses a leap day and a non-leap February end alike, in calendar hours', () => {
    const deadline = (reported: string) => computeDeadlineMs({ category: '0103', reportedMs: cst(reported), dispatchedMs: null, approvedExtensions: 0 })
    expect(deadline('2024-02-28T23:30:00')).toBe(cst('2024-03-01T00:30:00')) // via 29 February
    expect(deadline('2023-02-28T23:30:00')).toBe(cst('2023-03-02T00:30:00'))
  })

  test('crosses the year end with half-hour intake limits', () => {
    // 0501: 0.5 h + 2 h from 23:30 on 31 December → 02:00 on 1 January.
    expect(computeDeadlineMs({ category: '0501', reportedMs: cst('2024-12-31T23:30:00'), dispatchedMs: null, approvedExtensions: 0 })).toBe(
      cst('2025-01-01T02:00:00'),
    )
  })

  test('from dispatch on: dispatch + handling, whatever the intake took', () => {
    const c = { category: '0103', reportedMs: cst('2024-01-31T23:30:00'), dispatchedMs: cst('2024-02-01T00:10:00'), approvedExtensions: 0 }
    expect(computeDeadlineMs(c)).toBe(cst('2024-02-02T00:10:00'))
    // A slow intake (dispatched 5 h after the report) does not shorten the unit's handling time.
    expect(computeDeadlineMs({ ...c, dispatchedMs: cst('2024-02-01T04:30:00') })).toBe(cst('2024-02-02T04:30:00'))
    // Illegal construction: stopped within 72 h of dispatch, across a 30-day month end.
    expect(computeDeadlineMs({ category: '0101', reportedMs: cst('2024-06-30T23:30:00'), dispatchedMs: cst('2024-07-01T00:20:00'), approvedExtensions: 0 })).toBe(
      cst('2024-07-04T00:20:00'),
    )
  })

  test('adds the extension hours once per approved extension', () => {
    const c = { category: '0103', reportedMs: cst('2024-01-31T23:30:00'), dispatchedMs: cst('2024-02-01T00:10:00'), approvedExtensions: 2 }
    expect(computeDeadlineMs(c)).toBe(cst('2024-02-04T00:10:00')) // 24 h + 2 × 24 h
    expect(computeDeadlineMs({ ...c, category: '0501', approvedExtensions: 1 })).toBe(cst('2024-02-01T04:10:00')) // 2 h + 2 h
  })

  test('gives unknown categories the fallback limit', () => {
    expect(computeDeadlineMs({ category: '9999', reportedMs: 0, dispatchedMs: null, approvedExtensions: 1 })).toBe(49 * HOUR_MS)
  })

  test('uses a configured table', () => {
    const limits = { '0501': { intakeHours: 0.25, handlingHours: 1, extensionHours: 0.5 } }
    expect(computeDeadlineMs({ category: '0501', reportedMs: 0, dispatchedMs: null, approvedExtensions: 1 }, limits)).toBe(1.75 * HOUR_MS)
  })

  test('refuses a negative or fractional extension count and non-finite times', () => {
    const c = { category: '0501', reportedMs: 0, dispatchedMs: null, approvedExtensions: 0 }
    expect(() => computeDeadlineMs({ ...c, approvedExtensions: -1 })).toThrow(RangeError)
    expect(() => computeDeadlineMs({ ...c, approvedExtensions: 0.5 })).toThrow(RangeError)
    expect(() => computeDeadlineMs({ ...c, reportedMs: Number.NaN })).toThrow(/reportedMs/)
    expect(() => computeDeadlineMs({ ...c, dispatchedMs: Number.POSITIVE_INFINITY })).toThrow(/dispatchedMs/)
  })

  test('does not mutate its input', () => {
    const c = { category: '0103', reportedMs: 1, dispatchedMs: 2, approvedExtensions: 1 }
    const limits = structuredClone(DEFAULT_TIME_LIMITS)
    computeDeadlineMs(c, limits)
    expect(c).toEqual({ category: '0103', reportedMs: 1, dispatchedMs: 2, approvedExtensions: 1 })
    expect(limits).toEqual(DEFAULT_TIME_LIMITS)
  })
})

describe('extendDeadlineMs', () => {
  test('adds one extension to the current deadline, so a pulled-in deadline stays pulled in', () => {
    const pulledIn = pullInDeadlineMs(cst('2024-02-02T00:10:00'), cst('2024-02-01T00:10:00')) // 12:10 on 1 February
    expect(extendDeadlineMs(pulledIn, '0103')).toBe(cst('2024-02-02T12:10:00'))
  })
})

describe('pullInDeadlineMs', () => {
  test('halves the time left', () => {
    expect(pullInDeadlineMs(cst('2024-02-02T00:30:00'), cst('2024-02-01T00:30:00'))).toBe(cst('2024-02-01T12:30:00'))
  })

  test('never moves the deadline before now, however often it is pulled in', () => {
    const now = cst('2024-02-01T23:59:00')
    let deadline = now + 3
    for (let i = 0; i < 5; i++) {
      deadline = pullInDeadlineMs(deadline, now)
      expect(deadline).toBeGreaterThanOrEqual(now)
    }
    expect(deadline).toBe(now)
  })

  test('leaves a deadline at or before now unchanged: pulling in never moves it later', () => {
    const now = cst('2024-02-01T12:00:00')
    expect(pullInDeadlineMs(now, now)).toBe(now)
    expect(pullInDeadlineMs(now - HOUR_MS, now)).toBe(now - HOUR_MS)
  })
})

describe('isOverdue', () => {
  const deadlineMs = cst('2024-02-02T00:30:00')
  const after = deadlineMs + 1

  test.each<[CaseStatus, boolean]>([
    ['reported', true],
    ['accepted', true],
    ['dispatched', true],
    ['in_handling', true], // rework
    ['handled', false], // waiting for the inspector: not the unit's delay
    ['closed', false],
    ['rejected', false],
    ['merged', false],
  ])('a %s case past its deadline is overdue: %s', (status, overdue) => {
    expect(isOverdue({ status, deadlineMs }, after)).toBe(overdue)
  })

  test('is on time at exactly the deadline and overdue one millisecond later', () => {
    expect(isOverdue({ status: 'dispatched', deadlineMs }, deadlineMs)).toBe(false)
    expect(isOverdue({ status: 'dispatched', deadlineMs }, deadlineMs + 1)).toBe(true)
  })

  test('counts overdue across days: 25 h after a 23:30 report of 0103 undispatched', () => {
    const reportedMs = cst('2024-01-31T23:30:00')
    const c = { status: 'accepted' as const, deadlineMs: computeDeadlineMs({ category: '0103', reportedMs, dispatchedMs: null, approvedExtensions: 0 }) }
    expect(isOverdue(c, cst('2024-02-02T00:29:59'))).toBe(false)
    expect(isOverdue(c, cst('2024-02-02T00:30:01'))).toBe(true)
  })

  test('treats only closed, rejected and merged cases as not open', () => {
    const open = [...INCIDENT_STATUSES, 'merged' as const].filter(isOpenCase)
    expect(open).toEqual(['reported', 'accepted', 'dispatched', 'in_handling', 'handled'])
  })
})
