// Tracking numbers as the server issues them (server/routes/reports.ts): GW, the date as yymmdd, six characters from
// an alphabet without 0/O and 1/I, so a number read out over the phone is not misheard.
const TRACKING_NUMBER = /^GW\d{6}[A-Z2-9]{6}$/

/** The tracking number in `input` (case, spaces and dashes forgiven), or undefined when it cannot be one. */
export function normalizeTrackingNumber(input: string): string | undefined {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase()
  return TRACKING_NUMBER.test(compact) ? compact : undefined
}
