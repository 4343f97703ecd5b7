// Where a report is and what it may repeat: its zone, nearest street, the lamp it names, the responsible unit and
// its first deadline, and the open cases it could be another report of. Reads only.
import { NEAR_STREET_M } from '../model/places.ts'
import { DEFAULT_REPEAT_RADIUS_M, findRepeatCandidates, type RepeatCandidate } from '../analysis/repeat-reports.ts'
import { ownCategory } from '../domain/district-categories.ts'
import { computeDeadlineMs } from '../domain/case-deadlines.ts'
import { routeCase } from '../domain/case-routing.ts'
import type { Case } from '../domain/cases.ts'
import { DISTRICT_MARGIN_M, insideDistrict } from '../domain/district-bounds.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../analysis/local-metric.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import { OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import type { DistrictModel } from '../model/district-model.ts'
import type { Store } from '../store/store.ts'

// A lamp report is snapped to the nearest lamp this close; farther, it names no lamp (a citizen's pin is seldom
// more than a few metres off the pole they stand under).
const LAMP_SNAP_M = 30
// Repeat radii are at most a few hundred metres: look in a box this large, then let the domain decide.
const REPEAT_SEARCH_M = 500
// More open cases of one category than this within 500 m would mean the search box is not what limits the work.
const MAX_NEARBY_OPEN = 10_000

export interface ReportPlace {
  zoneId: string | null
  streetId: string | null
  lampId: string | null
  unitId: string | null
  deadlineMs: number
}

/** Whether a point is in the district (with the stated margin); an empty store has no district and takes nothing. */
export async function isInDistrict(model: DistrictModel, coordinates: LngLat): Promise<boolean> {
  const { bounds } = await model.places()
  return bounds !== undefined && insideDistrict(bounds, coordinates, DISTRICT_MARGIN_M)
}

export async function locateReport(model: DistrictModel, category: string, coordinates: LngLat, reportedMs: number, lampId?: string | null): Promise<ReportPlace> {
  const places = await model.places()
  const zoneId = places.zoneAt(coordinates)?.id ?? null
  const street = places.nearestStreet.nearest(coordinates, NEAR_STREET_M)
  let lamp: string | null = null
  // a lamp named is checked against the lamp index (the place index keeps no table of a million lamp ids of its own)
  if (category === LAMP_OUTAGE_CATEGORY) lamp = lampId && (await model.lamps()).has(lampId) ? lampId : places.nearestLamp(coordinates, LAMP_SNAP_M)
  const unitId = places.units.length > 0 ? routeCase({ category, zoneId }, places.units) : null
  const own = ownCategory(category)
  // A district's own category brings its own time limit and unit (its profile); national ones use the tables
  const deadlineMs = own?.timeLimitHours !== undefined ? reportedMs + own.timeLimitHours * 3_600_000 : computeDeadlineMs({ category, reportedMs, dispatchedMs: null, approvedExtensions: 0 })
  const ownUnit = own?.unit ? (places.units.find((u) => u.id === own.unit) ?? places.units.find((u) => u.kind === own.unit && (u.zoneId === null || u.zoneId === zoneId))) : undefined
  return { zoneId, streetId: street?.id ?? null, lampId: lamp, unitId: ownUnit?.id ?? unitId, deadlineMs }
}

/** Open cases the report may repeat, nearest first (same lamp before anything else). */
export async function findRepeats(store: Store, category: string, coordinates: LngLat, lampId: string | null): Promise<(RepeatCandidate & { case: Case })[]> {
  const kx = computeMetersPerDegreeLng(coordinates[1])
  const dLng = REPEAT_SEARCH_M / kx
  const dLat = REPEAT_SEARCH_M / METERS_PER_DEGREE
  const box: BBox = [coordinates[0] - dLng, coordinates[1] - dLat, coordinates[0] + dLng, coordinates[1] + dLat]
  const statuses = [...OPEN_INCIDENT_STATUSES]
  const nearby = (await store.incidents({ bbox: box, categories: [category], statuses, limit: MAX_NEARBY_OPEN })).items
  const sameLamp = lampId ? (await store.incidents({ categories: [category], statuses, lampIds: [lampId], limit: 'all' })).items : []
  const open = [...new Map([...nearby, ...sameLamp].map((x) => [x.id, x])).values()]
  const ownRadius = ownCategory(category)?.repeatRadiusM
  const candidates = findRepeatCandidates(
    { category, coordinates, lampId },
    open.map((x) => ({ id: x.id, category: x.category, coordinates: x.coordinates, lampId: x.lampId, reportedMs: Date.parse(x.reportedAt) })),
    ownRadius === undefined ? DEFAULT_REPEAT_RADIUS_M : { ...DEFAULT_REPEAT_RADIUS_M, [category]: ownRadius },
  )
  const out: (RepeatCandidate & { case: Case })[] = []
  for (const c of candidates) {
    const found = await store.case(c.id)
    if (found) out.push({ ...c, case: found })
  }
  return out
}
