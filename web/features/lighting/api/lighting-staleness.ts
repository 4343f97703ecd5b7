// Other crews repair lamps at the same time: lighting answers older than this are refetched when a view that
// shows them opens again, so a crew coming back to its list does not drive to a lamp someone already fixed.
export const LIGHTING_STALE_MS = 60_000
