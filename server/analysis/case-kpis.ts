// Evaluation KPIs of the closed loop (综合评价, docs/domain-notes.md §2) per responsible unit, zone or category, and the unit
// league table behind public naming (通报批评, docs/domain-notes.md §1).
//
// Definitions. A case counts for a period when fromMs ≤ reportedMs < toMs. Of those:
//   应结案数   cases           = accepted cases: status not 'reported' (立案 pending), 'rejected' or 'merged'
//   结案数     closed          = cases with status 'closed'
//   按期结案数 closed_on_time  = closed cases with closedMs ≤ deadlineMs
//   应处置数   should_handle   = cases dispatched to a unit: dispatchedMs ≠ null
//   处置数     handled         = should_handle cases the unit has reported handled: firstHandledMs ≠ null
//                                 (a case later sent back for rework stays handled; rework counts separately)
//   按期处置数 handled_on_time = handled cases with firstHandledMs ≤ deadlineMs
//   返工数     rework          = cases with reworkCount > 0
//   延期数     extended        = should_handle cases with extensionCount > 0 (approved extensions; only a dispatched
//                                 case can have one)
//   超期未处置 overdue_open    = should_handle cases still owing work (status reported, accepted, dispatched or
//                                 in_handling) with nowMs > deadlineMs — the same test as domain isOverdue
//   结案率 = closed / cases · 按期结案率 = closed_on_time / cases · 返工率 = rework / cases
//   处置率 = handled / should_handle · 按期处置率 = handled_on_time / should_handle · 延期率 = extended / should_handle
//   超期待处置率 = overdue_open / should_handle
//   平均处置时长 mean_handling_hours = mean of (firstHandledMs − dispatchedMs) in hours over handled cases
//   满意度 satisfaction = mean rating (1–5) over cases with a rating
// Every rate is null when its denominator is 0. An open case counts in the denominators from the start, so an open
// overdue case counts as late (in the denominator of the on-time rates, never in a numerator): late work cannot
// hide by staying open (the US 311 lesson in docs/domain-notes.md §2). Deadlines are each case's current deadline, extensions
// included, so an extended case is on time if it meets the extended deadline; the 延期率 shows how often that was.
// Statuses are the cases' current ones: `nowMs` is the moment of evaluation (normally the present) and only decides
// which open cases are overdue.
import { isPendingWork, type IncidentStatus } from '../kernel/statuses.ts'

export interface KpiCase {
  category: string
  unitId: string | null
  zoneId: string | null
  status: IncidentStatus | 'merged'
  reportedMs: number // epoch ms
  dispatchedMs: number | null // epoch ms of the dispatch to the current unit
  firstHandledMs: number | null // epoch ms the unit first reported the case handled
  closedMs: number | null // epoch ms
  deadlineMs: number // epoch ms, the current deadline (extensions and escalations applied)
  reworkCount: number
  extensionCount: number // approved extensions
  rating: number | null // 1–5
}

export type KpiGroup = 'unit' | 'zone' | 'category'
export const KPI_GROUPS: readonly KpiGroup[] = ['unit', 'zone', 'category']

export interface KpiRow {
  key: string | null // the unit id / zone id / category code (null collects cases without one)
  cases: number // 应结案数: cases reported in the period, accepted (not rejected, not merged)
  closed: number
  closed_on_time: number
  should_handle: number // 应处置数 = dispatched cases among them
  handled: number
  handled_on_time: number
  rework: number
  extended: number
  overdue_open: number
  closure_rate: number | null
  on_time_closure_rate: number | null
  handling_rate: number | null
  on_time_handling_rate: number | null
  rework_rate: number | null
  extension_rate: number | null
  overdue_open_rate: number | null
  mean_handling_hours: number | null // dispatched → first handled, mean over handled cases
  satisfaction: number | null // mean rating of rated cases
}

const HOUR_MS = 3_600_000
const NOT_A_CASE: ReadonlySet<string> = new Set(['reported', 'rejected', 'merged'])

interface Tally {
  key: string | null
  cases: number
  closed: number
  closedOnTime: number
  shouldHandle: number
  handled: number
  handledOnTime: number
  rework: number
  extended: number
  overdueOpen: number
  handlingMsSum: number
  ratingSum: number
  rated: number
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d)

/** Ascending by key in code-unit order (locale-independent, so every server sorts alike), null last. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

function keyOf(c: KpiCase, group: KpiGroup): string | null {
  if (group === 'unit') return c.unitId
  if (group === 'zone') return c.zoneId
  return c.category
}

/**
 * KPIs per group for cases reported in [fromMs, toMs), evaluated at nowMs: 结案率 = closed/cases; 按期结案率 = closed
 * on or before deadline / cases; 处置率 = handled/should_handle; 按期处置率 = handled by deadline / should_handle;
 * 返工率 = cases with reworkCount > 0 / cases; 延期率 = cases with extensionCount > 0 / should_handle; 超期待处置率 =
 * open cases not yet handled whose deadline has passed at nowMs / should_handle (open overdue cases count as late:
 * they are in the denominator of the on-time rates and never in the numerator); rates are null when their
 * denominator is 0. Rows sorted by key (null last); a group appears only when it has at least one case. Rates are
 * fractions in [0, 1], times in hours, unrounded. Empty → []. Throws a RangeError for non-finite times, fromMs > toMs
 * or an unknown group. Does not mutate its input. See the definitions at the top of this file.
 */
export function computeKpis(
  cases: { forEach(visit: (c: KpiCase) => void): void }, // an array, or the in-memory index's cases (one object reused)
  options: { fromMs: number; toMs: number; nowMs: number; group: KpiGroup },
): KpiRow[] {
  const { fromMs, toMs, nowMs, group } = options
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || !Number.isFinite(nowMs)) {
    throw new RangeError(`computeKpis: fromMs, toMs and nowMs must be finite epoch ms, got ${fromMs}, ${toMs}, ${nowMs}`)
  }
  if (fromMs > toMs) throw new RangeError(`computeKpis: expected fromMs ≤ toMs, got ${fromMs} > ${toMs}`)
  if (!KPI_GROUPS.includes(group)) throw new RangeError(`computeKpis: group must be one of ${KPI_GROUPS.join(', ')}, got ${String(group)}`)

  const tallies = new Map<string | null, Tally>()
  cases.forEach((c) => {
    if (c.reportedMs < fromMs || c.reportedMs >= toMs || NOT_A_CASE.has(c.status)) return
    const key = keyOf(c, group)
    let t = tallies.get(key)
    if (!t) {
      t = { key, cases: 0, closed: 0, closedOnTime: 0, shouldHandle: 0, handled: 0, handledOnTime: 0, rework: 0, extended: 0, overdueOpen: 0, handlingMsSum: 0, ratingSum: 0, rated: 0 }
      tallies.set(key, t)
    }
    t.cases++
    if (c.status === 'closed') {
      t.closed++
      if (c.closedMs !== null && c.closedMs <= c.deadlineMs) t.closedOnTime++
    }
    if (c.reworkCount > 0) t.rework++
    if (c.rating !== null) {
      t.rated++
      t.ratingSum += c.rating
    }
    if (c.dispatchedMs === null) return
    t.shouldHandle++
    if (c.firstHandledMs !== null) {
      t.handled++
      t.handlingMsSum += c.firstHandledMs - c.dispatchedMs
      if (c.firstHandledMs <= c.deadlineMs) t.handledOnTime++
    }
    if (c.extensionCount > 0) t.extended++
    if (isPendingWork(c.status) && nowMs > c.deadlineMs) t.overdueOpen++
  })

  return [...tallies.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((t) => ({
      key: t.key,
      cases: t.cases,
      closed: t.closed,
      closed_on_time: t.closedOnTime,
      should_handle: t.shouldHandle,
      handled: t.handled,
      handled_on_time: t.handledOnTime,
      rework: t.rework,
      extended: t.extended,
      overdue_open: t.overdueOpen,
      closure_rate: ratio(t.closed, t.cases),
      on_time_closure_rate: ratio(t.closedOnTime, t.cases),
      handling_rate: ratio(t.handled, t.shouldHandle),
      on_time_handling_rate: ratio(t.handledOnTime, t.shouldHandle),
      rework_rate: ratio(t.rework, t.cases),
      extension_rate: ratio(t.extended, t.shouldHandle),
      overdue_open_rate: ratio(t.overdueOpen, t.shouldHandle),
      mean_handling_hours: t.handled === 0 ? null : t.handlingMsSum / t.handled / HOUR_MS,
      satisfaction: t.rated === 0 ? null : t.ratingSum / t.rated,
    }))
}

export interface LeagueRow extends KpiRow {
  rank: number // 1-based position in the league
  laggard: boolean // to be named publicly (通报批评)
}

export interface LeagueOptions {
  laggardBelow?: number // on-time closure rate (fraction) below which a unit is a laggard
  minCases?: number // cases a unit needs to be placed by the bottom-quarter rule
}

const leagueDefaults = {
  laggardBelow: 0.8, // fraction; our choice: one case in five late is where a bureau starts naming
  minCases: 5, // cases; below this one late case swings the rate by 20 points or more
}

/** Descending, null last. */
function compareRatesDesc(a: number | null, b: number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return b - a
}

/**
 * Units ranked by on_time_closure_rate (desc; null last), then closure_rate, then cases desc, then key. Laggard (the
 * seed's public naming, 通报批评): on-time closure rate below `laggardBelow` (default 0.8) OR in the bottom quarter of
 * ranked units with ≥ `minCases` (default 5) cases. The bottom quarter is the last ⌊n/4⌋ of those n units (none when
 * n < 4), skipping any unit whose on-time closure rate equals the best one's (all on time is never lagging). Rows
 * with key null (cases not yet given to a unit) are left out. Rank is the 1-based position in that total order.
 * Empty → []. Does not mutate its input. Throws a RangeError for a non-finite laggardBelow or minCases.
 */
export function rankUnits(rows: readonly KpiRow[], options: LeagueOptions = {}): LeagueRow[] {
  const laggardBelow = options.laggardBelow ?? leagueDefaults.laggardBelow
  const minCases = options.minCases ?? leagueDefaults.minCases
  if (!Number.isFinite(laggardBelow) || !Number.isFinite(minCases)) {
    throw new RangeError(`rankUnits: laggardBelow and minCases must be finite, got ${laggardBelow} and ${minCases}`)
  }
  const ranked = rows
    .filter((r) => r.key !== null)
    .sort(
      (a, b) =>
        compareRatesDesc(a.on_time_closure_rate, b.on_time_closure_rate) ||
        compareRatesDesc(a.closure_rate, b.closure_rate) ||
        b.cases - a.cases ||
        compareKeys(a.key, b.key),
    )
  const eligible = ranked.filter((r) => r.cases >= minCases)
  const best = eligible[0]?.on_time_closure_rate ?? null
  const bottom = new Set(eligible.slice(eligible.length - Math.floor(eligible.length / 4)).filter((r) => r.on_time_closure_rate !== best))
  return ranked.map((r, i) => ({
    ...r,
    rank: i + 1,
    laggard: (r.on_time_closure_rate !== null && r.on_time_closure_rate < laggardBelow) || bottom.has(r),
  }))
}
