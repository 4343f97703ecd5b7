// The district's calendar: the one place the server learns which time zone its days, months and nights are
// counted in. Chengdu's (China Standard Time) until a district profile names another.
import { createCalendar, DEFAULT_TIME_ZONE, type Calendar } from '../kernel/calendar.ts'

export const districtCalendar: Calendar = createCalendar(DEFAULT_TIME_ZONE)
