// China Standard Time (+08:00) timestamps, as the demo data writes them.

/** `at` as an ISO 8601 instant in China Standard Time, e.g. 2026-11-26T21:57:00+08:00. */
export function toChinaIso(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}
