// The incidents feature's query keys: the incident tiles the map draws and single incidents for the popup. Every
// key starts with 'incidents', so a write that changes incidents makes all of them stale with one prefix.
export const incidentKeys = {
  all: ['incidents'] as const,
  tiles: ['incidents', 'tiles'] as const,
  details: ['incidents', 'detail'] as const,
  detail: (id: string) => [...incidentKeys.details, id] as const,
}
