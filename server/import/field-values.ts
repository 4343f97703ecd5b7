// Reading one cell of a user's file as what we need: a number, a text, an instant in the district's time zone.
// Each reader answers a value or a reason it cannot, so the importer can list the row instead of guessing.
import { DateTime } from 'luxon'
import { createCalendar, isCalendarDate, type Calendar } from '../kernel/calendar.ts'

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason })

/** Whether a cell holds nothing: undefined, null, or only spaces. */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** A cell as text: trimmed; numbers as written; blank → ''. */
export function readText(value: unknown): string {
  if (isBlank(value)) return ''
  if (value instanceof Date) return value.toISOString()
  return String(value).trim()
}

/** A finite number from a number cell or a text such as "104.0633" (a decimal comma is not guessed at). */
export function readNumber(value: unknown): Read<number> {
  if (isBlank(value)) return fail('missing')
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail(`not a number: ${value}`)
  const text = String(value).trim()
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return fail(`not a number: ${JSON.stringify(text)}`)
  const n = Number(text)
  return Number.isFinite(n) ? ok(n) : fail(`not a number: ${JSON.stringify(text)}`)
}

// Formats tried, in order, for a text date when the profile gives none: ISO 8601 first, then the forms Chinese
// ledgers and hotline exports commonly use.
const COMMON_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm', 'yyyy/M/d H:mm:ss', 'yyyy/M/d H:mm', 'yyyy-MM-dd', 'yyyy/MM/dd', 'yyyy/M/d', "yyyy年M月d日 H:mm", 'yyyy年M月d日']

/** Earliest instant accepted: older dates in a complaint or lamp ledger are typos (1900, 0001 …). */
const EARLIEST_MS = Date.parse('1980-01-01T00:00:00Z')
/** How far past the import's clock a date may lie: a clock a little fast, not a date in the future. */
const FUTURE_SLACK_MS = 24 * 3_600_000

export interface DateOptions {
  format: string | undefined // Luxon tokens, e.g. 'MM/dd/yyyy hh:mm:ss a'
  timeZone: string // the district's: a date without an offset is its wall-clock time
  nowMs: number
}

/**
 * An instant from a cell: a spreadsheet date (its wall-clock reading, taken in the district's zone), a text in the
 * given format, or, without one, ISO 8601 (an offset in the text wins over the zone) or a common form.
 * Impossible dates (2026-02-30), dates before 1980 and dates more than a day in the future are refused.
 */
export function readInstant(value: unknown, options: DateOptions): Read<number> {
  if (isBlank(value)) return fail('missing date')
  let ms: number | undefined
  if (value instanceof Date) {
    // Excel keeps wall-clock time with no zone; the reader hands it over as that reading in UTC
    if (Number.isNaN(value.getTime())) return fail('unparseable date: not a date')
    ms = wallToInstant(value.getTime(), options.timeZone)
  } else {
    const text = String(value).trim()
    if (options.format) {
      const fast = compileFormat(options.format)
      if (fast) {
        const wall = fast(text)
        if (wall === null) return fail(`unparseable date: not ${options.format}`)
        ms = wallToInstant(wall, options.timeZone)
      } else {
        const parsed = DateTime.fromFormat(text, options.format, { zone: options.timeZone, locale: 'en-US' })
        if (!parsed.isValid) return fail(`unparseable date: not ${options.format}`)
        ms = parsed.toMillis()
      }
    } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      // an instant with its own offset: the offset wins over the district's zone
      const parsed = DateTime.fromISO(text, { setZone: true })
      if (!parsed.isValid) return fail('unparseable date: not a valid ISO 8601 instant')
      ms = parsed.toMillis()
    } else {
      for (const format of COMMON_FORMATS) {
        const wall = compileFormat(format)?.(text)
        if (wall !== null && wall !== undefined) {
          ms = wallToInstant(wall, options.timeZone)
          break
        }
      }
      if (ms === undefined) {
        const parsed = DateTime.fromISO(text, { zone: options.timeZone })
        if (!parsed.isValid) return fail('unparseable date: not ISO 8601 or a common date form')
        ms = parsed.toMillis()
      }
    }
  }
  if (ms < EARLIEST_MS) return fail('implausible date: before 1980')
  if (ms > options.nowMs + FUTURE_SLACK_MS) return fail('implausible date: in the future')
  return ok(ms)
}

const calendars = new Map<string, Calendar>()

/** The instant a wall-clock reading (given as if it were UTC) names in a time zone. */
function wallToInstant(wallMs: number, timeZone: string): number {
  let calendar = calendars.get(timeZone)
  if (!calendar) calendars.set(timeZone, (calendar = createCalendar(timeZone)))
  // Two steps settle on the offset in force at that wall time (a reading inside a spring-forward gap lands an hour on)
  const guess = wallMs - calendar.offsetMs(wallMs)
  return wallMs - calendar.offsetMs(guess)
}

type WallParser = (text: string) => number | null

const compiled = new Map<string, WallParser | undefined>()

const TOKENS: Record<string, string> = { yyyy: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', dd: '(\\d{2})', d: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', hh: '(\\d{2})', h: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})', a: '([AaPp][Mm])' }

/**
 * A parser for the formats hotline and ledger exports use (yyyy MM M dd d HH H hh h mm ss a and literal text):
 * a regular expression instead of Luxon's general parser, which costs tens of microseconds a row — minutes over two
 * million rows. Other tokens (month names, fractions, zones) return undefined and Luxon parses them.
 */
function compileFormat(format: string): WallParser | undefined {
  if (compiled.has(format)) return compiled.get(format)
  const parts = format.match(/y+|M+|d+|H+|h+|m+|s+|a+|[^A-Za-z]+|[A-Za-z]/g) ?? [] // runs of one letter: MMM is not MM + M
  const fields: string[] = []
  let pattern = '^'
  let parser: WallParser | undefined
  let supported = true
  for (const part of parts) {
    const token = TOKENS[part]
    if (token) {
      fields.push(part)
      pattern += token
    } else if (/^[^A-Za-z]+$/.test(part) || /^[年月日时分秒]+$/.test(part)) pattern += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    else supported = false
  }
  if (supported && fields.includes('yyyy')) {
    const regex = new RegExp(`${pattern}$`)
    const twelveHour = fields.includes('a')
    parser = (text) => {
      const m = regex.exec(text)
      if (!m) return null
      let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, pm: boolean | undefined
      fields.forEach((field, i) => {
        const v = m[i + 1] ?? ''
        if (field === 'yyyy') year = Number(v)
        else if (field === 'MM' || field === 'M') month = Number(v)
        else if (field === 'dd' || field === 'd') day = Number(v)
        else if (field === 'HH' || field === 'H' || field === 'hh' || field === 'h') hour = Number(v)
        else if (field === 'mm') minute = Number(v)
        else if (field === 'ss') second = Number(v)
        else if (field === 'a') pm = v.toLowerCase() === 'pm'
      })
      if (twelveHour) {
        if (hour < 1 || hour > 12) return null
        hour = (hour % 12) + (pm ? 12 : 0)
      }
      if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null
      return Date.UTC(year, month - 1, day, hour, minute, second)
    }
  }
  compiled.set(format, parser)
  return parser
}

/** The value a mapping gives a cell: its own mapping, else one of ours named as is, else the default, else a refusal. */
export function mapValue<T extends string>(value: unknown, mapping: { values: Record<string, T>; default?: T | undefined }, ours: ReadonlySet<string>): Read<T> {
  const text = readText(value)
  if (Object.hasOwn(mapping.values, text)) return ok(mapping.values[text] as T)
  // A value already in our vocabulary (a status 'closed', a category code '0118') stands for itself: not a guess
  if (ours.has(text)) return ok(text as T)
  if (mapping.default !== undefined) return ok(mapping.default)
  return fail(text === '' ? 'blank and no default' : `no mapping for ${JSON.stringify(text)} and no default`)
}
