// What the dark-zone engine is fed from stored records: which lamps count as working, and streets and lamps in
// the engine's shape. One definition, used by the live district model, the retrofit plan and the golden test.
import type { DarkZoneLamp, DarkZoneStreet } from '../analysis/dark-zones.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import type { Incident, Lamp, Street } from '../kernel/records.ts'
import { isOpenStatus } from '../kernel/statuses.ts'

/** Ids of lamps named by an open outage report (category 0118): such a lamp does not count as working. */
export function openOutageLampIds(incidents: Iterable<Pick<Incident, 'category' | 'status' | 'lampId'>>): Set<string> {
  const ids = new Set<string>()
  for (const x of incidents) if (x.category === LAMP_OUTAGE_CATEGORY && x.lampId && isOpenStatus(x.status)) ids.add(x.lampId)
  return ids
}

/** A lamp is working when its status is ok and no open outage report names it (docs/domain-notes.md §3). */
export function isLampWorking(lamp: Pick<Lamp, 'id' | 'status'>, openOutages: ReadonlySet<string>): boolean {
  return lamp.status === 'ok' && !openOutages.has(lamp.id)
}

export const darkZoneStreet = (s: Street): DarkZoneStreet => ({ id: s.id, name: s.name, highway: s.highway, zoneId: s.zoneId, coordinates: s.coordinates })

export const darkZoneLamp = (l: Pick<Lamp, 'id' | 'coordinates' | 'status'>, openOutages: ReadonlySet<string>): DarkZoneLamp => ({ id: l.id, coordinates: l.coordinates, working: isLampWorking(l, openOutages) })
