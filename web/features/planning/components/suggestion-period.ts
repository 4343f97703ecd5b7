// The period and walk radius the planner picks for suggested guidance sites, as calendar days in China Standard
// Time (the bureau's day), turned into the API's instants.
import type { GuidanceSuggestionsQuery } from '../api/get-guidance-suggestions.ts'

export const DEFAULT_DEMAND_DAYS = 90 // days: the server's default period, and Open311's default span
export const DEFAULT_WALK_RADIUS_M = 200 // m: about three minutes' walk, how far a vendor is asked to move
export const MIN_WALK_RADIUS_M = 50 // m: the server's bounds
export const MAX_WALK_RADIUS_M = 1000

// China Standard Time has had no daylight saving since 1991, so the offset is fixed
const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export interface SuggestionPeriod {
  from: string // YYYY-MM-DD, first day included
  to: string // YYYY-MM-DD, last day included
  walkRadiusM: number
}

/** The calendar day (YYYY-MM-DD) in China at `ms`. */
export function formatChinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The last DEFAULT_DEMAND_DAYS days up to and including today, and the default walk radius. */
export function createDefaultPeriod(nowMs: number): SuggestionPeriod {
  const to = formatChinaDate(nowMs)
  return { from: addDays(to, -(DEFAULT_DEMAND_DAYS - 1)), to, walkRadiusM: DEFAULT_WALK_RADIUS_M }
}

export type PeriodProblem = 'invalid-date' | 'from-after-to' | 'radius-out-of-range'

/** What is wrong with a period the planner typed, or undefined when it can be asked for. */
export function checkPeriod({ from, to, walkRadiusM }: SuggestionPeriod): PeriodProblem | undefined {
  if (!DATE_PATTERN.test(from) || !DATE_PATTERN.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return 'invalid-date'
  if (from > to) return 'from-after-to'
  if (!Number.isInteger(walkRadiusM) || walkRadiusM < MIN_WALK_RADIUS_M || walkRadiusM > MAX_WALK_RADIUS_M) return 'radius-out-of-range'
  return undefined
}

/** The API query for a checked period: from the first day's midnight to the midnight after the last day, +08:00. */
export function toSuggestionsQuery({ from, to, walkRadiusM }: SuggestionPeriod): GuidanceSuggestionsQuery {
  return { from: `${from}T00:00:00+08:00`, to: `${addDays(to, 1)}T00:00:00+08:00`, walk_radius_m: String(walkRadiusM) }
}
