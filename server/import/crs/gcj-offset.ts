// Spotting GCJ-02 points that were declared WGS84. A file from Amap or a Chinese app exported "as lon/lat" is
// usually GCJ-02, 100–700 m off the OSM streets Gridwatch draws; nothing in the numbers says so. But points of
// street furniture, reports and trips lie on or beside streets: if shifting them GCJ-02 → WGS84 brings them much
// closer to the imported streets, they were GCJ-02. Pure: the caller supplies the street distance (e.g. from
// server/analysis/nearest-street.ts, with Infinity where no street is within reach).
import gcoord from 'gcoord'
import type { LngLat } from '../../kernel/geo.ts'

/** Points examined at most; a few thousand give a stable median and keep the check well under a second. */
export const GCJ_CHECK_MAX_SAMPLES = 2000
/** Suspicious when the converted median is below this share of the raw one … */
export const GCJ_CHECK_MAX_RATIO = 0.5
/** … and at least this many metres better (so two tiny medians, e.g. 4 m vs 1 m, do not trigger it). */
export const GCJ_CHECK_MIN_GAIN_M = 20

export interface GcjOffsetCheck {
  suspicious: boolean
  /** Median distance (m) from the points as given to the nearest street; NaN for no points. */
  medianRawM: number
  /** The same after treating them as GCJ-02 and converting to WGS84. */
  medianConvertedM: number
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  values.sort((a, b) => a - b)
  const mid = values.length >> 1
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2 // Infinity-safe enough: ∞ stays ∞
}

/** Evenly spread sample (every k-th point, deterministic) of at most `max` points. */
function sample(points: readonly LngLat[], max: number): LngLat[] {
  if (points.length <= max) return [...points]
  const step = points.length / max
  return Array.from({ length: max }, (_, i) => points[Math.floor(i * step)]!)
}

export function detectGcjOffset(
  points: readonly LngLat[],
  distanceToNearestStreetM: (p: LngLat) => number,
  maxSamples: number = GCJ_CHECK_MAX_SAMPLES,
): GcjOffsetCheck {
  const chosen = sample(points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)), maxSamples)
  const raw = chosen.map((p) => distanceToNearestStreetM(p))
  const converted = chosen.map((p) => distanceToNearestStreetM(gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as LngLat))
  const medianRawM = median(raw)
  const medianConvertedM = median(converted)
  const suspicious = medianConvertedM < medianRawM * GCJ_CHECK_MAX_RATIO && medianRawM - medianConvertedM >= GCJ_CHECK_MIN_GAIN_M
  return { suspicious, medianRawM, medianConvertedM }
}
