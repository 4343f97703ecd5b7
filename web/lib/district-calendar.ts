// The one calendar the web app counts days, months and clock times by: the district's zone, the same one the
// server uses (server/kernel/calendar.ts), whatever the viewer's machine is set to. A case "due 18:00" means
// 18:00 in the district, and a period "from 1 November" starts at the district's midnight.
import { addDays, createDistrictCalendar, isCalendarDate } from '../../server/kernel/calendar.ts'

// China time until /api/meta names the district's zone (the app switches it as soon as meta arrives)
export const districtCalendar = createDistrictCalendar()

export { addDays }

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isDateText(value: string | undefined): value is string {
  const match = value === undefined ? null : DATE_PATTERN.exec(value)
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** The instant a district date 'YYYY-MM-DD' begins, as ISO 8601 with the district's offset ('2026-11-27T00:00:00+08:00'). */
export const startOfDateIso = (date: string): string => districtCalendar.isoInstant(districtCalendar.startOfDate(date))
