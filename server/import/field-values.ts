// Reading one cell of a user's file as what we need: a number, a text, an instant in the district's time zone.
// Each reader answers a value or a reason it cannot, so the importer can list the row instead of guessing.
import { DateTime } from 'luxon'

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
  let parsed: DateTime | undefined
  if (value instanceof Date) {
    // Excel keeps wall-clock time with no zone; the reader hands it over as that reading in UTC
    if (Number.isNaN(value.getTime())) return fail('unparseable date: not a date')
    parsed = DateTime.fromObject(
      { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), hour: value.getUTCHours(), minute: value.getUTCMinutes(), second: value.getUTCSeconds() },
      { zone: options.timeZone },
    )
  } else {
    const text = String(value).trim()
    if (options.format) {
      parsed = DateTime.fromFormat(text, options.format, { zone: options.timeZone, locale: 'en-US' })
      if (!parsed.isValid) return fail(`unparseable date: not ${options.format}`)
    } else {
      parsed = DateTime.fromISO(text, { zone: options.timeZone, setZone: false })
      for (const format of COMMON_FORMATS) {
        if (parsed.isValid) break
        parsed = DateTime.fromFormat(text, format, { zone: options.timeZone })
      }
      if (!parsed.isValid) return fail('unparseable date: not ISO 8601 or a common date form')
    }
  }
  if (!parsed.isValid) return fail(`unparseable date: ${parsed.invalidExplanation ?? 'invalid'}`)
  const ms = parsed.toMillis()
  if (ms < EARLIEST_MS) return fail('implausible date: before 1980')
  if (ms > options.nowMs + FUTURE_SLACK_MS) return fail('implausible date: in the future')
  return ok(ms)
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
