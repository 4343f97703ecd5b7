// Turning a report into a case: where it is (zone, street, the lamp it names), who is responsible, its deadline,
// and whether it repeats an open case. The place indexes are built once per app; the rules are domain tables.
import { booleanPointInPolygon, point, polygon } from '@turf/turf'
import KDBush from 'kdbush'
import { createNearestStreetIndex, type NearestStreetIndex } from '../analysis/nearest-street.ts'
import { findRepeatCandidates, priorityForReports, type RepeatCandidate } from '../analysis/repeat-reports.ts'
import { routeCase, type ResponsibleUnit } from '../domain/case-routing.ts'
import { computeDeadlineMs, pullInDeadlineMs } from '../domain/case-deadlines.ts'
import type { Case } from '../domain/cases.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { Lamp } from '../kernel/records.ts'
import { DISTRICT_MARGIN_M, insideDistrict } from '../domain/district-bounds.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../analysis/local-metric.ts'
import type { EscalateFn, Store } from '../store/store.ts'

// A lamp report is snapped to the nearest lamp this close (issue 7); farther, it names no lamp.
const LAMP_SNAP_M = 30

interface Places {
  zones: { id: string; poly: ReturnType<typeof polygon> }[]
  streets: NearestStreetIndex
  lamps: Lamp[]
  lampIndex: KDBush | undefined
  units: ResponsibleUnit[]
  unitById: Map<string, ResponsibleUnit>
  bounds: BBox | undefined
}

/** Priority and deadline after a case gains reports: escalation at the policy's thresholds pulls the deadline in once. */
export const escalateCase: EscalateFn = (current, reportCount, nowMs) => {
  const priority = priorityForReports(reportCount)
  const escalated = priority > 1
  const deadlineMs = priority > current.priority ? pullInDeadlineMs(current.deadlineMs, nowMs) : current.deadlineMs
  return { priority: Math.max(priority, current.priority) as 1 | 2 | 3, deadlineMs, escalated: escalated || current.escalated }
}

export class CaseIntake {
  private places: Promise<Places> | undefined

  constructor(private readonly store: Store) {}

  private load(): Promise<Places> {
    this.places ??= (async () => {
      const [zones, streets, lamps, units, info] = await Promise.all([this.store.zones(), this.store.streets({}), this.store.lamps({}), this.store.units(), this.store.info()])
      let lampIndex: KDBush | undefined
      if (lamps.length > 0) {
        lampIndex = new KDBush(lamps.length)
        for (const l of lamps) lampIndex.add(l.coordinates[0], l.coordinates[1])
        lampIndex.finish()
      }
      return {
        zones: zones.map((z) => ({ id: z.id, poly: polygon(z.coordinates) })),
        streets: createNearestStreetIndex(streets),
        lamps,
        lampIndex,
        units,
        unitById: new Map(units.map((u) => [u.id, u])),
        bounds: info.bounds,
      }
    })().catch((err: unknown) => {
      this.places = undefined
      throw err
    })
    return this.places
  }

  async units(): Promise<Map<string, ResponsibleUnit>> {
    return (await this.load()).unitById
  }

  /** Whether a point is in the district (with the stated margin); an empty store has no district and takes nothing. */
  async inDistrict(coordinates: LngLat): Promise<boolean> {
    const { bounds } = await this.load()
    return bounds !== undefined && insideDistrict(bounds, coordinates, DISTRICT_MARGIN_M)
  }

  /** Zone, nearest street, the lamp a lamp report names, the responsible unit and the initial deadline. */
  async locate(category: string, coordinates: LngLat, reportedMs: number, lampId?: string | null) {
    const p = await this.load()
    const zoneId = p.zones.find((z) => booleanPointInPolygon(point(coordinates), z.poly))?.id ?? null
    const street = p.streets.nearest(coordinates, 100)
    let lamp: string | null = null
    if (category === LAMP_OUTAGE_CATEGORY) lamp = lampId && p.lamps.some((l) => l.id === lampId) ? lampId : this.nearestLamp(p, coordinates)
    const unitId = p.units.length > 0 ? routeCase({ category, zoneId }, p.units) : null
    const deadlineMs = computeDeadlineMs({ category, reportedMs, dispatchedMs: null, approvedExtensions: 0 })
    return { zoneId, streetId: street?.id ?? null, lampId: lamp, unitId, deadlineMs }
  }

  private nearestLamp(p: Places, [lng, lat]: LngLat): string | null {
    if (!p.lampIndex) return null
    const kx = computeMetersPerDegreeLng(lat)
    const dLng = LAMP_SNAP_M / kx
    const dLat = LAMP_SNAP_M / METERS_PER_DEGREE
    let best: { id: string; d: number } | undefined
    for (const i of p.lampIndex.range(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
      const l = p.lamps[i]!
      const d = Math.hypot((l.coordinates[0] - lng) * kx, (l.coordinates[1] - lat) * METERS_PER_DEGREE)
      if (d <= LAMP_SNAP_M && (!best || d < best.d)) best = { id: l.id, d }
    }
    return best?.id ?? null
  }

  /** Open cases the report may repeat, nearest first (same lamp before anything else). */
  async repeatCandidates(category: string, coordinates: LngLat, lampId: string | null): Promise<(RepeatCandidate & { case: Case })[]> {
    // The category radius is at most a few hundred metres: look in a 500 m box, then let the domain decide.
    const kx = computeMetersPerDegreeLng(coordinates[1])
    const box: [number, number, number, number] = [coordinates[0] - 500 / kx, coordinates[1] - 500 / METERS_PER_DEGREE, coordinates[0] + 500 / kx, coordinates[1] + 500 / METERS_PER_DEGREE]
    const nearby = (await this.store.incidents({ bbox: box, categories: [category], statuses: [...OPEN_INCIDENT_STATUSES], limit: 10_000 })).items
    const sameLamp = lampId ? (await this.store.incidents({ categories: [category], statuses: [...OPEN_INCIDENT_STATUSES], limit: 10_000 })).items.filter((x) => x.lampId === lampId) : []
    const open = [...new Map([...nearby, ...sameLamp].map((x) => [x.id, x])).values()]
    const candidates = findRepeatCandidates(
      { category, coordinates, lampId },
      open.map((x) => ({ id: x.id, category: x.category, coordinates: x.coordinates, lampId: x.lampId, reportedMs: Date.parse(x.reportedAt) })),
    )
    const out: (RepeatCandidate & { case: Case })[] = []
    for (const c of candidates) {
      const found = await this.store.case(c.id)
      if (found) out.push({ ...c, case: found })
    }
    return out
  }
}
