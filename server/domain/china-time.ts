// The bureau's clock is China Standard Time (UTC+8, no daylight saving): days, months and "night" are counted in
// it, whatever the server's own time zone.

const OFFSET_MS = 8 * 3_600_000

/** `at` as an ISO 8601 instant in China Standard Time, e.g. 2026-11-26T21:57:00+08:00. */
export function toChinaIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** The China-time date 'YYYY-MM-DD' of an instant (epoch ms). */
export function chinaDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10)
}

/** The China-time month 'YYYY-MM' of an ISO 8601 instant. */
export function chinaMonth(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 7)
}

/** The China-time hour 0–23 of an ISO 8601 instant. */
export function chinaHour(iso: string): number {
  return new Date(Date.parse(iso) + OFFSET_MS).getUTCHours()
}
