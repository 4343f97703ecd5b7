// Tracking numbers handed to reporters: 'GW' + the local date (YYMMDD) + six letters and digits. Unguessable enough
// that status look-ups cannot be enumerated; no 0/O/1/I to misread when read out over a phone.
import { randomBytes } from 'node:crypto'
import type { Calendar } from '../kernel/calendar.ts'

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newTrackingNumber(at: Date, calendar: Calendar): string {
  const day = calendar.dateOf(at.getTime()).slice(2).replace(/-/g, '')
  const bytes = randomBytes(6)
  return `GW${day}${[...bytes].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('')}`
}
