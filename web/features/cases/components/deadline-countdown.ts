// A case's deadline as the people working it read it: how long is left (or how long it is overdue), and when it
// falls — "today 18:00", "tomorrow 09:00" — counted in the district calendar, whatever the viewer's machine is set to.
// A deadline runs while the responsible side still owes work: the kernel's isPendingWork says when.
import { districtCalendar } from '../../../lib/district-calendar.ts'
import type { I18n } from '../../../lib/i18n.ts'

const MINUTE_MS = 60_000
const HOUR_MINUTES = 60
const DAY_MINUTES = 24 * HOUR_MINUTES

export interface DeadlineParts {
  overdue: boolean
  /** Whole minutes left, or overdue, rounded down: "4 h left" until it really is under 4 hours. */
  minutes: number
  /** District calendar days from today to the deadline's day: 0 today, 1 tomorrow, -1 yesterday. */
  dayOffset: number
  /** The deadline's district clock, 'HH:mm'. */
  time: string
}

/** Where `deadlineIso` stands against `nowMs`; undefined for an unreadable timestamp. Past the deadline is overdue. */
export function describeDeadline(deadlineIso: string, nowMs: number): DeadlineParts | undefined {
  const deadlineMs = Date.parse(deadlineIso)
  if (Number.isNaN(deadlineMs)) return undefined
  const overdue = deadlineMs < nowMs
  return {
    overdue,
    minutes: Math.floor(Math.abs(deadlineMs - nowMs) / MINUTE_MS),
    dayOffset: districtCalendar.dayNumber(deadlineMs) - districtCalendar.dayNumber(nowMs),
    time: districtCalendar.isoInstant(deadlineMs).slice(11, 16), // 'YYYY-MM-DDTHH:mm:ss+08:00' → 'HH:mm'
  }
}

/** A span of minutes as a person says it: minutes under an hour, hours under a day, then days and hours. */
export function formatSpan(minutes: number, t: I18n['t']): string {
  if (minutes < HOUR_MINUTES) return t('cases.duration.minutes', { minutes })
  if (minutes < DAY_MINUTES) return t('cases.duration.hours', { hours: Math.floor(minutes / HOUR_MINUTES) })
  const days = Math.floor(minutes / DAY_MINUTES)
  const hours = Math.floor((minutes % DAY_MINUTES) / HOUR_MINUTES)
  return hours === 0 ? t('cases.duration.days', { days }) : t('cases.duration.daysHours', { days, hours })
}

/** "剩 5 小时" / "超期 3 天 2 小时". */
export function formatCountdown(parts: DeadlineParts, t: I18n['t']): string {
  const span = formatSpan(parts.minutes, t)
  return parts.overdue ? t('cases.countdown.overdue', { span }) : t('cases.countdown.left', { span })
}

/** When the deadline falls: "今天 18:00", "明天 09:00", "昨天 23:00", else the full date and time. */
export function formatDue(deadlineIso: string, parts: DeadlineParts, { t, formatDateTime }: Pick<I18n, 't' | 'formatDateTime'>): string {
  if (parts.dayOffset === 0) return t('cases.due.today', { time: parts.time })
  if (parts.dayOffset === 1) return t('cases.due.tomorrow', { time: parts.time })
  if (parts.dayOffset === -1) return t('cases.due.yesterday', { time: parts.time })
  return formatDateTime(deadlineIso)
}
