// Timestamps for the demo data: China Standard Time (UTC+8, no daylight saving), written ISO 8601 with the
// +08:00 offset, and computed from fixed reference dates — never the clock — so output is deterministic.

export const CHINA_OFFSET_MS = 8 * 3_600_000 // UTC+8
export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000

/** Milliseconds since the epoch for an ISO 8601 string with an offset; throws on an unparseable string. */
export function parseIsoMs(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new Error(`parseIsoMs: not an ISO 8601 date-time: "${iso}"`)
  return ms
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00', truncated to the second. */
export function formatChinaTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + CHINA_OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
}

/** 'YYYY-MM-DD' of the China calendar day containing ms. */
export function formatChinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Month 0…11 of the China calendar day containing ms. */
export function findChinaMonth(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCMonth()
}

/** Start (00:00 China time) of the China calendar day containing ms. */
export function findChinaDayStart(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
}
