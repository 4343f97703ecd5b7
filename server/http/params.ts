// Shared zod schemas for query parameters (bbox, comma-separated enum lists, ISO 8601 instants, bounded integers and
// decimals) and for dates in bodies. Every number a client sends is bounded here, before a store or an analysis sees
// it: an unbounded one reached SQLite as 1e20 and failed there as a 500.
import { z } from 'zod'
import type { BBox } from '../kernel/geo.ts'
import { isCalendarDate } from '../kernel/calendar.ts'
import { districtCalendar } from '../domain/district-calendar.ts'

// Plain decimals only: Number() would also read '0x10', '1e2', '0b1', 'Infinity' and '' (as 0), none of which a
// form or map client sends; accepting them only widens what has to be checked.
const DECIMAL = /^-?\d+(\.\d+)?$/
// 32 characters hold any coordinate or count at full double precision; longer is padding or an attack.
const MAX_NUMBER_CHARS = 32

function readDecimal(raw: string, label: string, ctx: z.RefinementCtx): number | undefined {
  if (raw.length === 0) {
    ctx.addIssue({ code: 'custom', message: `${label} is empty` })
    return undefined
  }
  if (raw.length > MAX_NUMBER_CHARS || !DECIMAL.test(raw)) {
    ctx.addIssue({ code: 'custom', message: `${label} "${raw.slice(0, MAX_NUMBER_CHARS)}" is not a number (plain decimal digits)` })
    return undefined
  }
  return Number(raw)
}

/** A decimal number within [min, max], written as plain digits (`-12.5`; no hex, exponent or spaces). */
export function decimalParam(min: number, max: number, label = 'value') {
  return z.string().transform((raw, ctx): number => {
    const n = readDecimal(raw, label, ctx)
    if (n === undefined) return z.NEVER
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${label} must be within [${min}, ${max}]` })
      return z.NEVER
    }
    return n
  })
}

/** A whole number within [min, max], digits only (with a leading '-' when negative). */
export function intParam(min: number, max: number, label = 'value') {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) throw new Error(`intParam expects safe integers min ≤ max, got ${min}, ${max}`)
  const kind = min >= 1 ? 'a positive integer' : min >= 0 ? 'a non-negative integer' : 'an integer'
  return z.string().transform((raw, ctx): number => {
    if (raw.length > MAX_NUMBER_CHARS || !/^-?\d+$/.test(raw)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be ${kind}` })
      return z.NEVER
    }
    const n = Number(raw)
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: n < min ? `${label} must be at least ${min}` : `${label} must be at most ${max}` })
      return z.NEVER
    }
    return n
  })
}

export const limitParam = (max: number) => intParam(1, max, 'limit')

// A million rows is beyond any list this API pages through; SQLite's OFFSET takes a 64-bit integer, and anything past
// 2^53 could not even be represented exactly.
export const MAX_OFFSET = 1_000_000
export const offsetParam = intParam(0, MAX_OFFSET, 'offset')

/** `bbox=west,south,east,north` in WGS84 degrees. */
export const bboxParam = z.string().transform((raw, ctx): BBox => {
  const parts = raw.split(',')
  if (parts.length !== 4) {
    ctx.addIssue({ code: 'custom', message: 'bbox must be four numbers: west,south,east,north' })
    return z.NEVER
  }
  const names = ['west', 'south', 'east', 'north'] as const
  const nums: number[] = []
  for (const [i, part] of parts.entries()) {
    // Spaces after the commas are how people type a box by hand; they are not part of any number.
    const n = readDecimal(part.trim(), names[i] ?? 'value', ctx)
    if (n === undefined) return z.NEVER
    nums.push(n)
  }
  const [west, south, east, north] = nums as [number, number, number, number]
  const problems: string[] = []
  if (west < -180 || west > 180 || east < -180 || east > 180) problems.push('longitudes must be within [-180, 180]')
  if (south < -90 || south > 90 || north < -90 || north > 90) problems.push('latitudes must be within [-90, 90]')
  // Boxes crossing the antimeridian are not needed for a city and would silently select nothing: refuse them.
  if (west > east) problems.push('west must not be greater than east')
  if (south > north) problems.push('south must not be greater than north')
  for (const message of problems) ctx.addIssue({ code: 'custom', message })
  return problems.length > 0 ? z.NEVER : [west, south, east, north]
})

/** `a,b,c` restricted to known values; duplicates removed. */
/** A comma-separated list of known values; `allowed` may be a function when the list is the district's (its own categories). */
export function listParam<T extends string>(known: readonly T[] | (() => readonly T[]), label: string) {
  return z.string().transform((raw, ctx): T[] => {
    const allowed = typeof known === 'function' ? known() : known
    const values = [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0))]
    const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v))
    if (unknown.length > 0 || values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: values.length === 0 ? `${label} is empty` : `unknown ${label} ${unknown.slice(0, 5).map((u) => `"${u.slice(0, 32)}"`).join(', ')}; expected one of ${allowed.join(', ')}`,
      })
      return z.NEVER
    }
    return values as T[]
  })
}

// Years the bureau's records can mean: nothing before 1900 or after 9999 (where ISO 8601's four digits end).
const MIN_YEAR = 1900
const MAX_YEAR = 9999

/** Whether this year, month (1–12) and day exist on the calendar, within the years accepted. */
const isAcceptedDate = (year: number, month: number, day: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR && isCalendarDate(year, month, day)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// A space before the offset is read as '+': it is what an unencoded '+' in a query string decodes to, and it can
// mean nothing else.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+\- ])(\d{2}):(\d{2}))$/

/**
 * Epoch milliseconds of an ISO 8601 date (midnight in the district's time zone) or date-time with offset; undefined for anything
 * else, including dates and times that do not exist (2024-02-30, 24:00, +25:00). Date.parse is not used for the
 * check: V8 reads 2024-02-30 as 1 March.
 */
export function parseInstant(raw: string): number | undefined {
  const d = DATE.exec(raw)
  if (d) {
    const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
    // A bare date is the bureau's day: it starts at midnight in the district's time zone.
    return isAcceptedDate(year, month, day) ? districtCalendar.startOfDate(raw) : undefined
  }
  const m = DATE_TIME.exec(raw)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number]
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const offsetHours = Number(m[10] ?? '0')
  const offsetMinutes = Number(m[11] ?? '0')
  if (!isAcceptedDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined
  const offsetMs = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs
}

/** ISO 8601 date or date-time; a date-time without an offset is refused, since the bureau's clock (+08:00) and UTC differ by 8 h. */
export const instantParam = z.string().transform((raw, ctx): number => {
  const ms = parseInstant(raw)
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${raw.slice(0, 40)}" is not an ISO 8601 date (YYYY-MM-DD) or date-time with offset that exists` })
    return z.NEVER
  }
  return ms
})

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-31), kept as the string: for dates stored as dates, like deadlines. */
export const calendarDateString = z.string().refine((raw) => {
  const d = DATE.exec(raw)
  return d !== null && isAcceptedDate(Number(d[1]), Number(d[2]), Number(d[3]))
}, 'must be an existing date YYYY-MM-DD')
