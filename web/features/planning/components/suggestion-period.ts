// The period and walk radius the planner picks for suggested guidance sites, as calendar days of the district
// calendar (the bureau's day), turned into the API's instants.
import { addDays, districtCalendar, isDateText, startOfDateIso } from '../../../lib/district-calendar.ts'
import type { GuidanceSuggestionsQuery } from '../api/get-guidance-suggestions.ts'

export const DEFAULT_DEMAND_DAYS = 90 // days: the server's default period, and Open311's default span
export const DEFAULT_WALK_RADIUS_M = 200 // m: about three minutes' walk, how far a vendor is asked to move
export const MIN_WALK_RADIUS_M = 50 // m: the server's bounds
export const MAX_WALK_RADIUS_M = 1000

export interface SuggestionPeriod {
  from: string // YYYY-MM-DD, first day included
  to: string // YYYY-MM-DD, last day included
  walkRadiusM: number
}

/** The calendar day (YYYY-MM-DD) in the district at `ms`. */
export const formatChinaDate = (ms: number): string => districtCalendar.dateOf(ms)

/** The last DEFAULT_DEMAND_DAYS days up to and including today, and the default walk radius. */
export function createDefaultPeriod(nowMs: number): SuggestionPeriod {
  const to = formatChinaDate(nowMs)
  return { from: addDays(to, -(DEFAULT_DEMAND_DAYS - 1)), to, walkRadiusM: DEFAULT_WALK_RADIUS_M }
}

export type PeriodProblem = 'invalid-date' | 'from-after-to' | 'radius-out-of-range'

/** What is wrong with a period the planner typed, or undefined when it can be asked for. */
export function checkPeriod({ from, to, walkRadiusM }: SuggestionPeriod): PeriodProblem | undefined {
  if (!isDateText(from) || !isDateText(to)) return 'invalid-date'
  if (from > to) return 'from-after-to'
  if (!Number.isInteger(walkRadiusM) || walkRadiusM < MIN_WALK_RADIUS_M || walkRadiusM > MAX_WALK_RADIUS_M) return 'radius-out-of-range'
  return undefined
}

/** The API query for a checked period: from the first day's midnight to the midnight after the last day, district time. */
export function toSuggestionsQuery({ from, to, walkRadiusM }: SuggestionPeriod): GuidanceSuggestionsQuery {
  return { from: startOfDateIso(from), to: startOfDateIso(addDays(to, 1)), walk_radius_m: String(walkRadiusM) }
}
