// The lamps feature's query keys: the lamp tiles the map draws and single lamps for the popup. Every key starts
// with 'lamps', so a write that leaves lamps in doubt (a 409) makes all of them stale with one prefix.
export const lampKeys = {
  all: ['lamps'] as const,
  tiles: ['lamps', 'tiles'] as const,
  details: ['lamps', 'detail'] as const,
  detail: (id: string) => [...lampKeys.details, id] as const,
  histories: ['lamps', 'history'] as const,
  history: (id: string) => ['lamps', 'history', id] as const,
}
