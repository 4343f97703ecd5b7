// The tracking numbers of reports sent from this device, newest first, so a citizen who did not write one down can
// still follow it. Kept in localStorage only: nothing about the citizen leaves the phone.
import { normalizeTrackingNumber } from './tracking-number.ts'

const STORAGE_KEY = 'gridwatch.report.recent'
// enough for a week of a keen citizen's reports; older ones can still be typed in
const MAX_REMEMBERED = 10

/** Tracking numbers from `stored` (what localStorage held), keeping only well-formed ones, at most MAX_REMEMBERED. */
export function parseRecentReports(stored: string | null): string[] {
  if (stored === null) return []
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  const numbers = value.flatMap((item: unknown) => {
    const number = typeof item === 'string' ? normalizeTrackingNumber(item) : undefined
    return number === undefined ? [] : [number]
  })
  return [...new Set(numbers)].slice(0, MAX_REMEMBERED)
}

/** `recent` with `trackingNumber` moved to the front. */
export function addRecentReport(recent: readonly string[], trackingNumber: string): string[] {
  return [trackingNumber, ...recent.filter((n) => n !== trackingNumber)].slice(0, MAX_REMEMBERED)
}

export function readRecentReports(): string[] {
  try {
    return parseRecentReports(window.localStorage.getItem(STORAGE_KEY))
  } catch {
    return [] // storage can be off (private browsing in some in-app browsers)
  }
}

export function rememberReport(trackingNumber: string): string[] {
  const next = addRecentReport(readRecentReports(), trackingNumber)
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // not remembering is fine: the receipt shows the number
  }
  return next
}
