// The district's calendar: the one place the server learns which time zone its days, months and nights are
// counted in. China Standard Time until the district's profile (stored by an import) names another; the server
// switches it at start, before anything counts a day.
import { createDistrictCalendar, type DistrictCalendar } from '../kernel/calendar.ts'

export const districtCalendar: DistrictCalendar = createDistrictCalendar()
