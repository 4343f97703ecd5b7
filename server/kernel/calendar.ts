// Days, months and hours as the district counts them: in its own time zone, whatever the server's or the
// viewer's clock is set to. One calendar per time zone (an IANA name, e.g. 'Asia/Shanghai'); a zone without
// daylight saving — China's — is pure arithmetic, one with it asks Intl for the offset of each hour.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export interface Calendar {
  readonly timeZone: string
  /** The zone's offset from UTC at an instant, in milliseconds (+08:00 → 28,800,000). */
  offsetMs(ms: number): number
  /** An instant as ISO 8601 with the zone's offset, to the second: 2026-11-26T21:57:00+08:00. */
  isoInstant(at: number | Date): string
  /** The local date 'YYYY-MM-DD' of an instant. */
  dateOf(ms: number): string
  /** The local month 'YYYY-MM' of an instant. */
  monthOf(ms: number): string
  /** The local hour 0–23 of an instant. */
  hourOf(ms: number): number
  /** Whole local days since 1970-01-01: two instants on the same local day share it. */
  dayNumber(ms: number): number
  /** The instant a local date 'YYYY-MM-DD' begins. */
  startOfDate(date: string): number
}

/** Whether year-month-day names a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The district-calendar months that [fromMs, toMs) touches, each cut to the period: the first starts at fromMs,
 * the last ends at toMs. Empty when the period is.
 */
export function monthBuckets(calendar: Pick<Calendar, 'monthOf' | 'startOfDate'>, fromMs: number, toMs: number): { month: string; fromMs: number; toMs: number }[] {
  const out: { month: string; fromMs: number; toMs: number }[] = []
  let start = fromMs
  while (start < toMs) {
    const month = calendar.monthOf(start)
    const [y, m] = month.split('-').map(Number) as [number, number]
    const next = calendar.startOfDate(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`)
    const end = Math.min(next, toMs)
    out.push({ month, fromMs: start, toMs: end })
    start = end
  }
  return out
}

/** A 'YYYY-MM-DD' date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

const pad = (n: number) => String(n).padStart(2, '0')

function offsetString(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+'
  const minutes = Math.abs(offsetMs) / 60_000
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Reads a zone's offset at an instant from Intl ('GMT+08:00' → 28,800,000). Throws RangeError for an unknown zone. */
function intlOffsetReader(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
  return (ms) => {
    const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
    if (!m) return 0 // 'GMT' alone: UTC
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000
  }
}

export function createCalendar(timeZone: string): Calendar {
  const read = intlOffsetReader(timeZone)
  // Fixed when the offset is the same at each month's start across two years: no daylight saving to follow.
  const now = Date.UTC(2026, 0, 1)
  const samples = Array.from({ length: 24 }, (_, i) => read(now + i * 30.5 * DAY_MS))
  const fixed = samples.every((o) => o === samples[0])
  const cache = new Map<number, number>()
  const offsetMs = fixed
    ? () => samples[0]!
    : (ms: number) => {
        const hour = Math.floor(ms / HOUR_MS)
        let o = cache.get(hour)
        if (o === undefined) {
          if (cache.size > 100_000) cache.clear() // bounded: a long analysis touches a few years of hours at most
          o = read(hour * HOUR_MS)
          cache.set(hour, o)
        }
        return o
      }
  const local = (ms: number) => new Date(ms + offsetMs(ms))
  return {
    timeZone,
    offsetMs,
    isoInstant(at) {
      const ms = Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000) * 1000
      return `${local(ms).toISOString().slice(0, 19)}${offsetString(offsetMs(ms))}`
    },
    dateOf: (ms) => local(ms).toISOString().slice(0, 10),
    monthOf: (ms) => local(ms).toISOString().slice(0, 7),
    hourOf: (ms) => local(ms).getUTCHours(),
    dayNumber: (ms) => Math.floor((ms + offsetMs(ms)) / DAY_MS),
    startOfDate(date) {
      const utcMidnight = Date.parse(`${date}T00:00:00Z`)
      // The offset at local midnight: guess with the offset at UTC midnight, then correct once across a change.
      const guess = utcMidnight - offsetMs(utcMidnight)
      return utcMidnight - offsetMs(guess)
    },
  }
}

/** A calendar whose zone is set once the district is known (its profile, read at start): every holder sees the switch. */
export interface DistrictCalendar extends Calendar {
  /** Counts in `timeZone` from now on. */
  use(timeZone: string): void
}

export function createDistrictCalendar(timeZone: string = DEFAULT_TIME_ZONE): DistrictCalendar {
  let current = createCalendar(timeZone)
  return {
    get timeZone() {
      return current.timeZone
    },
    use(zone) {
      if (zone !== current.timeZone) current = createCalendar(zone)
    },
    offsetMs: (ms) => current.offsetMs(ms),
    isoInstant: (at) => current.isoInstant(at),
    dateOf: (ms) => current.dateOf(ms),
    monthOf: (ms) => current.monthOf(ms),
    hourOf: (ms) => current.hourOf(ms),
    dayNumber: (ms) => current.dayNumber(ms),
    startOfDate: (date) => current.startOfDate(date),
  }
}
