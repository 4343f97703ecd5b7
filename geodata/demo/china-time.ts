// Timestamps for the demo data: China Standard Time (the demo district is Chengdu's), written ISO 8601 with the
// +08:00 offset, and computed from fixed reference dates — never the clock — so output is deterministic.
import { createCalendar, DAY_MS } from '../../server/kernel/calendar.ts'

export { DAY_MS }
export const HOUR_MS = 3_600_000

const chengdu = createCalendar('Asia/Shanghai')

/** Milliseconds since the epoch for an ISO 8601 string with an offset; throws on an unparseable string. */
export function parseIsoMs(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new Error(`parseIsoMs: not an ISO 8601 date-time: "${iso}"`)
  return ms
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00', truncated to the second. */
export const formatChinaTime = (ms: number): string => chengdu.isoInstant(ms)

/** 'YYYY-MM-DD' of the China calendar day containing ms. */
export const formatChinaDate = (ms: number): string => chengdu.dateOf(ms)

/** Month 0…11 of the China calendar day containing ms. */
export const findChinaMonth = (ms: number): number => Number(chengdu.monthOf(ms).slice(5)) - 1

/** Start (00:00 China time) of the China calendar day containing ms. */
export const findChinaDayStart = (ms: number): number => chengdu.startOfDate(chengdu.dateOf(ms))
