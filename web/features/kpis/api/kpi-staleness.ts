// Cases move all day (dispatches, closures, escalations): tiles and tables older than this are refetched when the
// overview opens again.
export const KPI_STALE_MS = 60_000
