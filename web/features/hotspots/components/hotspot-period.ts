// The overview's period presets as the API's from/to, in China Standard Time: the bureau's day starts at 00:00
// +08:00 whatever the viewer's machine is set to, and the server reads a bare date (YYYY-MM-DD) the same way
// (server/http/params.ts instantParam). The days are the district calendar's (web/lib/district-calendar.ts).
import { addDays, districtCalendar, isDateText } from '../../../lib/district-calendar.ts'

export const PERIOD_PRESETS = ['30d', '90d', '12m', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** What the user picked; `from`/`to` are the custom period's first and last China dates, both included. */
export interface PeriodChoice {
  preset: PeriodPreset
  from?: string | undefined
  to?: string | undefined
}

/** A period as the API takes it: `from` inclusive, `to` exclusive (both midnight China time); `lastDay` is the day before `to`. */
export interface Period {
  from: string
  to: string
  lastDay: string
}

const PRESET_DAYS = { '30d': 30, '90d': 90 } as const

/** The district date 'YYYY-MM-DD' of an instant. */
export const toChinaDate = (instant: Date): string => districtCalendar.dateOf(instant.getTime())

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export const isCalendarDate = isDateText

export { addDays }

/** `date` moved back one year; 29 February becomes 1 March, as Date.UTC rolls it over. */
function yearBefore(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10)
}

/**
 * The API period of a choice at `now`: the last 30 or 90 China days, or the last 12 months, each up to and including
 * today; a custom choice is its two dates inclusive (swapped when given the wrong way round). A custom choice
 * missing a valid date falls back to the last 90 days, the server's own default.
 */
export function resolvePeriod(choice: PeriodChoice, now: Date): Period {
  const today = toChinaDate(now)
  const to = addDays(today, 1)
  const within = (from: string, end: string): Period => ({ from, to: end, lastDay: addDays(end, -1) })
  switch (choice.preset) {
    case '30d':
    case '90d':
      return within(addDays(to, -PRESET_DAYS[choice.preset]), to)
    case '12m':
      return within(yearBefore(to), to)
    case 'custom': {
      const { from, to: last } = choice
      if (!isCalendarDate(from) || !isCalendarDate(last)) return within(addDays(to, -PRESET_DAYS['90d']), to)
      const [first, final] = from <= last ? [from, last] : [last, from]
      return within(first, addDays(final, 1))
    }
  }
}

/** The twelve China months up to and including the current one ('YYYY-MM', oldest first), and the API period covering them. */
export function listRecentMonths(now: Date, count = 12): { months: string[]; period: Period } {
  const today = toChinaDate(now)
  const [year = 0, month = 1] = today.split('-').map(Number)
  const months = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1))
    return at.toISOString().slice(0, 7)
  })
  const to = addDays(today, 1)
  return { months, period: { from: `${months[0] ?? today.slice(0, 7)}-01`, to, lastDay: today } }
}

export interface MonthCount {
  month: string
  total: number
  by_category: Record<string, number>
}

/** One entry per month in `months`, in that order: the API's answer where it has the month, zero where it has none. */
export function fillMonths(months: readonly string[], byMonth: readonly MonthCount[]): MonthCount[] {
  const known = new Map(byMonth.map((m) => [m.month, m]))
  return months.map((month) => known.get(month) ?? { month, total: 0, by_category: {} })
}
