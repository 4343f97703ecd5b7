// New reports arrive all day: an analysis older than this is redone when the overview opens again, so a leader who
// keeps the page open all morning is not shown the picture from breakfast.
export const HOTSPOT_STALE_MS = 5 * 60_000
