// Repeat reports (docs/domain-notes.md §5, FixMyStreet practice): before a new report is filed, suggest the open cases it may
// repeat; a merged repeat adds to the original's report count, and repeated reports raise the case's priority.
import type { LngLat } from '../kernel/geo.ts'
import { EARTH_RADIUS_M } from './local-metric.ts'

/**
 * Per category, metres. Our choice: FixMyStreet suggests within 250 m for the public, which suits a ward's sparse
 * reports; a city's fine-grained street order (a vendor per block, a pile per doorway) needs smaller radii so two
 * problems a street apart are not suggested as one. Lamps also match by lamp id, so their radius only serves
 * reports that name no lamp.
 */
export const DEFAULT_REPEAT_RADIUS_M: Readonly<Record<string, number>> = Object.freeze({
  '0101': 30, // 私搭乱建 illegal construction: one structure, one site
  '0102': 50, // 暴露垃圾 exposed garbage
  '0103': 50, // 积存垃圾渣土 accumulated garbage and debris
  '0104': 50, // 道路不洁 dirty road
  '0501': 50, // 无照经营游商 street vending: a vendor's pitch drifts along the block
  '0504': 50, // 店外经营 shop spill-over
  '0507': 50, // 乱堆物堆料 stacking
  '0510': 50, // 露天烧烤 open-air barbecue
  '0118': 30, // 路灯故障 lamp outage: about one lamp spacing on a small street
})

/** Metres, for categories the table does not name (our choice). */
export const DEFAULT_FALLBACK_REPEAT_RADIUS_M = 50

export interface OpenCaseForMatch {
  id: string
  category: string
  coordinates: LngLat
  lampId: string | null
  reportedMs: number
}

export interface RepeatCandidate {
  id: string
  distanceM: number // great-circle distance from the new report, metres
  sameLamp: boolean
}

const RADIANS = Math.PI / 180

/** Haversine distance in metres on turf's sphere, so it agrees with turf.distance on the map. */
function measureDistanceM(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RADIANS
  const dLng = (b[0] - a[0]) * RADIANS
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RADIANS) * Math.cos(b[1] * RADIANS) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Open cases the new report may repeat: same category AND (same lamp id when both have one, or within the category
 * radius, inclusive). When both the report and a case name a lamp, the lamp id alone decides (docs/domain-notes.md §5: "the
 * lamp id is the match"), so two neighbouring lamps' outages are never suggested as one. Same-lamp first, then
 * nearest; ties by id. `radiusM` replaces the default table as a whole; categories it does not name use
 * `fallbackRadiusM`. Empty → []. Throws a RangeError for a negative or non-finite radius. Does not mutate its input.
 * A linear scan: one report against a city's open cases (thousands) costs less than building an index for it.
 */
export function findRepeatCandidates(
  report: { category: string; coordinates: LngLat; lampId: string | null },
  openCases: readonly OpenCaseForMatch[],
  radiusM: Readonly<Record<string, number>> = DEFAULT_REPEAT_RADIUS_M,
  fallbackRadiusM: number = DEFAULT_FALLBACK_REPEAT_RADIUS_M,
): RepeatCandidate[] {
  const radius = Object.hasOwn(radiusM, report.category) ? (radiusM[report.category] ?? fallbackRadiusM) : fallbackRadiusM
  if (!Number.isFinite(radius) || radius < 0) {
    throw new RangeError(`findRepeatCandidates: the radius for ${report.category} must be a finite number of metres ≥ 0, got ${radius}`)
  }
  const candidates: RepeatCandidate[] = []
  for (const c of openCases) {
    if (c.category !== report.category) continue
    const distanceM = measureDistanceM(report.coordinates, c.coordinates)
    const bothLamps = report.lampId !== null && c.lampId !== null
    const sameLamp = bothLamps && report.lampId === c.lampId
    if (bothLamps ? sameLamp : distanceM <= radius) candidates.push({ id: c.id, distanceM, sameLamp })
  }
  return candidates.sort(
    (a, b) => Number(b.sameLamp) - Number(a.sameLamp) || a.distanceM - b.distanceM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

export interface EscalationPolicy {
  thresholdReports: number // reports (the original plus merged repeats) from which a case is escalated
  urgentReports: number // reports from which a case is urgent; ≥ thresholdReports
}

/** Our choice: three independent reports mean the problem is felt widely; six, that it is felt badly. */
export const DEFAULT_ESCALATION: EscalationPolicy = Object.freeze({
  thresholdReports: 3, // reports
  urgentReports: 6, // reports
})

/**
 * Priority for a case with `reportCount` reports (the original counts as 1): 1 normal, 2 escalated (≥ threshold),
 * 3 urgent (≥ urgentReports). Zero or fewer reports → 1. Throws a RangeError for a policy whose urgentReports is below
 * its thresholdReports or whose counts are not finite.
 */
export function priorityForReports(reportCount: number, policy: EscalationPolicy = DEFAULT_ESCALATION): 1 | 2 | 3 {
  const { thresholdReports, urgentReports } = policy
  if (!Number.isFinite(thresholdReports) || !Number.isFinite(urgentReports) || urgentReports < thresholdReports) {
    throw new RangeError(`priorityForReports: expected finite thresholdReports ≤ urgentReports, got ${thresholdReports} and ${urgentReports}`)
  }
  if (reportCount >= urgentReports) return 3
  if (reportCount >= thresholdReports) return 2
  return 1
}
