import { describe, expect, test } from 'vitest'
import { isOverdue } from '../domain/case-deadlines.ts'
import { INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { type KpiCase, type KpiRow, computeKpis, rankUnits } from './case-kpis.ts'

/** Epoch ms of a China Standard Time wall-clock reading in 2024, 'MM-DD HH:mm'. */
const t = (monthDayTime: string) => Date.parse(`2024-${monthDayTime.replace(' ', 'T')}:00+08:00`)

const kpiCase = (over: Partial<KpiCase> & { id: string }): KpiCase & { id: string } => ({
  category: '0104',
  unitId: 'SD001',
  zoneId: '001',
  status: 'closed',
  reportedMs: t('02-01 08:00'),
  dispatchedMs: null,
  firstHandledMs: null,
  closedMs: null,
  deadlineMs: t('02-01 21:00'),
  reworkCount: 0,
  extensionCount: 0,
  rating: null,
  ...over,
})

// February 2024, evaluated at noon on 2 March. Two units: SD001 (sub-district office 001) and SAN (sanitation).
const FROM = t('02-01 00:00')
const TO = t('03-01 00:00')
const NOW = t('03-02 12:00')

const createFixture = (): (KpiCase & { id: string })[] => [
  // SD001 — closed on time, handled in 6 h, rated 5.
  kpiCase({ id: 'A1', reportedMs: t('02-01 08:00'), dispatchedMs: t('02-01 08:30'), firstHandledMs: t('02-01 14:30'), closedMs: t('02-01 18:00'), deadlineMs: t('02-01 20:30'), rating: 5 }),
  // SD001 — handled on time in 10 h, failed verification (rework), closed the next morning after the deadline; rated 3.
  kpiCase({ id: 'A2', reportedMs: t('02-02 08:00'), dispatchedMs: t('02-02 09:00'), firstHandledMs: t('02-02 19:00'), closedMs: t('02-03 10:00'), deadlineMs: t('02-02 21:00'), reworkCount: 1, rating: 3 }),
  // SD001, zone 002 — one approved extension (24 h + 24 h), handled in 33 h, closed within the extended deadline.
  kpiCase({ id: 'A3', category: '0507', zoneId: '002', reportedMs: t('02-05 10:00'), dispatchedMs: t('02-05 11:00'), firstHandledMs: t('02-06 20:00'), closedMs: t('02-07 09:00'), deadlineMs: t('02-07 11:00'), extensionCount: 1 }),
  // SD001 — open overdue: dispatched, deadline long passed, never handled. Counts as late.
  kpiCase({ id: 'A4', status: 'dispatched', reportedMs: t('02-20 08:00'), dispatchedMs: t('02-20 09:00'), deadlineMs: t('02-20 21:00') }),
  // SD001 — handled late (49 h, across the leap day), waiting for verification: late handling, but not open overdue.
  kpiCase({ id: 'A5', category: '0507', status: 'handled', reportedMs: t('02-27 08:00'), dispatchedMs: t('02-27 09:00'), firstHandledMs: t('02-29 10:00'), deadlineMs: t('02-28 09:00') }),
  // SD001 — reported on the last evening, dispatched after midnight; its deadline is still ahead at NOW.
  kpiCase({ id: 'A10', zoneId: '002', status: 'dispatched', reportedMs: t('02-29 23:00'), dispatchedMs: t('03-02 01:00'), deadlineMs: t('03-02 13:00') }),
  // Excluded: rejected, merged, reported before the period, reported exactly at its end, not yet accepted.
  kpiCase({ id: 'A6', status: 'rejected', reportedMs: t('02-04 08:00'), rating: 1 }),
  kpiCase({ id: 'A7', status: 'merged', reportedMs: t('02-04 09:00'), dispatchedMs: t('02-04 09:30'), deadlineMs: t('02-04 10:00') }),
  kpiCase({ id: 'A8', reportedMs: t('01-31 23:30'), dispatchedMs: t('02-01 00:10'), firstHandledMs: t('02-01 03:00'), closedMs: t('02-01 05:00'), deadlineMs: t('02-01 12:10'), rating: 5 }),
  kpiCase({ id: 'A9', status: 'dispatched', reportedMs: TO, dispatchedMs: TO, deadlineMs: TO }),
  kpiCase({ id: 'B5', unitId: null, status: 'reported', reportedMs: t('02-28 23:00'), deadlineMs: t('02-29 00:00') }),
  // SAN — closed on time, handled in 4 h, rated 4.
  kpiCase({ id: 'B1', category: '0102', unitId: 'SAN', reportedMs: t('02-03 07:00'), dispatchedMs: t('02-03 07:30'), firstHandledMs: t('02-03 11:30'), closedMs: t('02-03 15:00'), deadlineMs: t('02-03 19:30'), rating: 4 }),
  // SAN, zone 002 — handled on time in 10 h, but verified and closed after the deadline; rated 2.
  kpiCase({ id: 'B2', category: '0103', unitId: 'SAN', zoneId: '002', reportedMs: t('02-10 06:00'), dispatchedMs: t('02-10 06:45'), firstHandledMs: t('02-10 16:45'), closedMs: t('02-11 08:00'), deadlineMs: t('02-11 06:45'), rating: 2 }),
  // SAN, zone 002 — extended once, handled on time in 22 h, failed verification, rework still open past the deadline.
  kpiCase({ id: 'B3', category: '0103', unitId: 'SAN', zoneId: '002', status: 'in_handling', reportedMs: t('02-15 10:00'), dispatchedMs: t('02-15 11:00'), firstHandledMs: t('02-16 09:00'), deadlineMs: t('02-17 11:00'), reworkCount: 1, extensionCount: 1 }),
  // No unit yet, outside every zone — accepted but never dispatched: a case, not one to handle.
  kpiCase({ id: 'B4', category: '0102', unitId: null, zoneId: null, status: 'accepted', reportedMs: t('02-28 22:00'), deadlineMs: t('03-01 11:00') }),
]

const options = (group: 'unit' | 'zone' | 'category') => ({ fromMs: FROM, toMs: TO, nowMs: NOW, group })

describe('computeKpis', () => {
  test('computes the hand-counted KPIs per unit', () => {
    expect(computeKpis(createFixture(), options('unit'))).toEqual<KpiRow[]>([
      {
        key: 'SAN', // B1, B2, B3
        cases: 3,
        closed: 2, // B1, B2
        closed_on_time: 1, // B1 (B2 closed 08:00 after a 06:45 deadline)
        should_handle: 3,
        handled: 3,
        handled_on_time: 3,
        rework: 1, // B3
        extended: 1, // B3
        overdue_open: 1, // B3, in rework past its deadline
        closure_rate: 2 / 3,
        on_time_closure_rate: 1 / 3,
        handling_rate: 3 / 3,
        on_time_handling_rate: 3 / 3,
        rework_rate: 1 / 3,
        extension_rate: 1 / 3,
        overdue_open_rate: 1 / 3,
        mean_handling_hours: (4 + 10 + 22) / 3, // = 12
        satisfaction: (4 + 2) / 2, // = 3
      },
      {
        key: 'SD001', // A1, A2, A3, A4, A5, A10
        cases: 6,
        closed: 3, // A1, A2, A3
        closed_on_time: 2, // A1, A3 (A2 closed after its deadline)
        should_handle: 6,
        handled: 4, // A1, A2, A3, A5
        handled_on_time: 3, // A1, A2, A3 (A5 handled late)
        rework: 1, // A2
        extended: 1, // A3
        overdue_open: 1, // A4 (A5 is handled, A10 not yet due)
        closure_rate: 3 / 6,
        on_time_closure_rate: 2 / 6, // A4 open and overdue counts in the denominator, never the numerator
        handling_rate: 4 / 6,
        on_time_handling_rate: 3 / 6,
        rework_rate: 1 / 6,
        extension_rate: 1 / 6,
        overdue_open_rate: 1 / 6,
        mean_handling_hours: (6 + 10 + 33 + 49) / 4, // = 24.5
        satisfaction: (5 + 3) / 2, // = 4
      },
      {
        key: null, // B4: accepted, no unit yet
        cases: 1,
        closed: 0,
        closed_on_time: 0,
        should_handle: 0,
        handled: 0,
        handled_on_time: 0,
        rework: 0,
        extended: 0,
        overdue_open: 0, // past its deadline but never dispatched: no unit owes it yet
        closure_rate: 0,
        on_time_closure_rate: 0,
        handling_rate: null,
        on_time_handling_rate: null,
        rework_rate: 0,
        extension_rate: null,
        overdue_open_rate: null,
        mean_handling_hours: null,
        satisfaction: null,
      },
    ])
  })

  test('computes the hand-counted KPIs per zone', () => {
    const rows = computeKpis(createFixture(), options('zone'))
    expect(rows.map((r) => r.key)).toEqual(['001', '002', null])
    expect(rows[0]).toMatchObject({
      key: '001', // A1, A2, A4, A5, B1
      cases: 5,
      closed: 3, // A1, A2, B1
      closed_on_time: 2, // A1, B1
      should_handle: 5,
      handled: 4, // A1, A2, A5, B1
      handled_on_time: 3, // A1, A2, B1
      rework: 1,
      extended: 0,
      overdue_open: 1, // A4
      on_time_closure_rate: 2 / 5,
      extension_rate: 0,
      mean_handling_hours: (6 + 10 + 49 + 4) / 4, // = 17.25
      satisfaction: (5 + 3 + 4) / 3, // = 4
    })
    expect(rows[1]).toMatchObject({
      key: '002', // A3, A10, B2, B3
      cases: 4,
      closed: 2, // A3, B2
      closed_on_time: 1, // A3
      should_handle: 4,
      handled: 3, // A3, B2, B3
      handled_on_time: 3,
      rework: 1, // B3
      extended: 2, // A3, B3
      overdue_open: 1, // B3
      extension_rate: 2 / 4,
      mean_handling_hours: (33 + 10 + 22) / 3,
      satisfaction: 2, // B2 only
    })
    expect(rows[2]).toMatchObject({ key: null, cases: 1 })
  })

  test('groups by category code in code order', () => {
    const rows = computeKpis(createFixture(), options('category'))
    expect(rows.map((r) => [r.key, r.cases])).toEqual([
      ['0102', 2], // B1, B4
      ['0103', 2], // B2, B3
      ['0104', 4], // A1, A2, A4, A10
      ['0507', 2], // A3, A5
    ])
  })

  test('counts a case reported at fromMs and leaves out one reported at toMs', () => {
    const at = (reportedMs: number) => kpiCase({ id: 'X', reportedMs })
    expect(computeKpis([at(FROM)], options('unit'))).toHaveLength(1)
    expect(computeKpis([at(TO)], options('unit'))).toEqual([])
    expect(computeKpis([at(FROM - 1)], options('unit'))).toEqual([])
  })

  test('judges on time inclusively at the deadline and overdue strictly after it', () => {
    const deadlineMs = t('02-10 12:00')
    const base = { reportedMs: t('02-10 08:00'), dispatchedMs: t('02-10 09:00'), deadlineMs }
    const rows = computeKpis(
      [
        kpiCase({ id: 'onTheDot', ...base, firstHandledMs: deadlineMs, closedMs: deadlineMs }),
        kpiCase({ id: 'dueNow', ...base, status: 'dispatched' }),
      ],
      { fromMs: FROM, toMs: TO, nowMs: deadlineMs, group: 'unit' },
    )
    expect(rows[0]).toMatchObject({ closed_on_time: 1, handled_on_time: 1, overdue_open: 0 })
    const later = computeKpis([kpiCase({ id: 'dueNow', ...base, status: 'dispatched' })], { fromMs: FROM, toMs: TO, nowMs: deadlineMs + 1, group: 'unit' })
    expect(later[0]?.overdue_open).toBe(1)
  })

  test('counts open overdue work exactly as the domain’s isOverdue does, for every status', () => {
    for (const status of [...INCIDENT_STATUSES, 'merged' as const]) {
      const c = kpiCase({ id: 'X', status, dispatchedMs: t('02-10 09:00'), deadlineMs: t('02-10 12:00') })
      const [row] = computeKpis([c], options('unit'))
      const counted = row?.overdue_open ?? 0
      // Not yet accepted, rejected and merged reports are no cases at all; for the rest the two must agree.
      const isCase = status !== 'reported' && status !== 'rejected' && status !== 'merged'
      expect(counted, status).toBe(isCase && isOverdue(c, NOW) ? 1 : 0)
    }
  })

  test('gives null rates for zero denominators and null means without data', () => {
    const [row] = computeKpis([kpiCase({ id: 'X', status: 'accepted' })], options('unit'))
    expect(row).toMatchObject({
      cases: 1,
      closure_rate: 0,
      handling_rate: null,
      on_time_handling_rate: null,
      extension_rate: null,
      overdue_open_rate: null,
      mean_handling_hours: null,
      satisfaction: null,
    })
  })

  test('returns [] for no cases, an empty period, or only excluded cases', () => {
    expect(computeKpis([], options('unit'))).toEqual([])
    expect(computeKpis(createFixture(), { ...options('unit'), toMs: FROM })).toEqual([])
    expect(computeKpis([kpiCase({ id: 'R', status: 'rejected' }), kpiCase({ id: 'M', status: 'merged' })], options('zone'))).toEqual([])
  })

  test('refuses a reversed period, non-finite times and an unknown group', () => {
    expect(() => computeKpis([], { ...options('unit'), fromMs: TO, toMs: FROM })).toThrow(RangeError)
    expect(() => computeKpis([], { ...options('unit'), nowMs: Number.NaN })).toThrow(RangeError)
    // @ts-expect-error -- a caller bug the types already rule out, checked at run time for untyped callers
    expect(() => computeKpis([], { ...options('unit'), group: 'street' })).toThrow(/group/)
  })

  test('does not mutate its input', () => {
    const cases = createFixture()
    const before = structuredClone(cases)
    computeKpis(cases, options('zone'))
    expect(cases).toEqual(before)
  })
})

/** A league input row with the fields rankUnits reads; the rest zero. */
const row = (key: string | null, cases: number, onTime: number | null, closure: number | null): KpiRow => ({
  key,
  cases,
  closed: 0,
  closed_on_time: 0,
  should_handle: 0,
  handled: 0,
  handled_on_time: 0,
  rework: 0,
  extended: 0,
  overdue_open: 0,
  closure_rate: closure,
  on_time_closure_rate: onTime,
  handling_rate: null,
  on_time_handling_rate: null,
  rework_rate: null,
  extension_rate: null,
  overdue_open_rate: null,
  mean_handling_hours: null,
  satisfaction: null,
})

const createLeague = () => [
  row('U7', 6, 0.82, 0.9),
  row('U5', 10, 0.85, 0.9),
  row('U1', 10, 1, 1),
  row(null, 4, 0, 0),
  row('U9', 0, null, null),
  row('U3', 20, 0.9, 0.95),
  row('U6', 30, 0.82, 0.9),
  row('U8', 3, 0.5, 0.6),
  row('U4', 10, 0.85, 0.9),
  row('U2', 10, 0.9, 1),
  row('U10', 5, 0.95, 1),
]

describe('rankUnits', () => {
  test('ranks by on-time closure rate, then closure rate, then cases, then key; null rates last; no null key', () => {
    const league = rankUnits(createLeague())
    expect(league.map((r) => [r.rank, r.key])).toEqual([
      [1, 'U1'],
      [2, 'U10'],
      [3, 'U2'], // 0.9 on time, closure 1 beats U3's 0.95
      [4, 'U3'],
      [5, 'U4'], // ties U5 on both rates and cases: key order
      [6, 'U5'],
      [7, 'U6'], // ties U7 on both rates: 30 cases before 6
      [8, 'U7'],
      [9, 'U8'],
      [10, 'U9'],
    ])
  })

  test('marks laggards below 80 % on time, or in the bottom quarter of units with ≥ 5 cases', () => {
    const laggards = rankUnits(createLeague()).filter((r) => r.laggard).map((r) => r.key)
    // 8 units have ≥ 5 cases (U1–U7, U10): the bottom ⌊8/4⌋ = 2 are U6 and U7 though above 80 %; U8 is below 80 %.
    expect(laggards).toEqual(['U6', 'U7', 'U8'])
  })

  test('follows configured thresholds', () => {
    // minCases 6 leaves 7 eligible units (U10 drops out): the bottom ⌊7/4⌋ = 1 is U7.
    expect(rankUnits(createLeague(), { minCases: 6 }).filter((r) => r.laggard).map((r) => r.key)).toEqual(['U7', 'U8'])
    // Below 90 %: U4–U8 by the rate; U2 and U3 at exactly 0.9 are not below it.
    expect(rankUnits(createLeague(), { laggardBelow: 0.9 }).filter((r) => r.laggard).map((r) => r.key)).toEqual(['U4', 'U5', 'U6', 'U7', 'U8'])
  })

  test('names no unit by rank when fewer than four units qualify or all tie with the best', () => {
    expect(rankUnits([row('A', 10, 0.9, 1), row('B', 10, 0.85, 1), row('C', 10, 0.81, 1)]).some((r) => r.laggard)).toBe(false)
    const allOnTime = ['A', 'B', 'C', 'D', 'E'].map((k) => row(k, 10, 1, 1))
    expect(rankUnits(allOnTime).some((r) => r.laggard)).toBe(false)
  })

  test('ranks the fixture’s units: equal on-time rates, SAN ahead on closure rate, both laggards', () => {
    const league = rankUnits(computeKpis(createFixture(), options('unit')))
    expect(league.map((r) => [r.rank, r.key, r.laggard])).toEqual([
      [1, 'SAN', true],
      [2, 'SD001', true],
    ])
  })

  test('returns [] for no rows', () => {
    expect(rankUnits([])).toEqual([])
  })

  test('does not mutate its input', () => {
    const rows = createLeague()
    const before = structuredClone(rows)
    rankUnits(rows)
    expect(rows).toEqual(before)
  })
})
