// Nearest street to a point, for naming places in lists ("the hotspot on 春熙路"): a flatbush index over segment
// boxes gives candidates by box distance (never more than the true distance), then the exact point–segment
// distance in a local metric frame decides.
import Flatbush from 'flatbush'
import type { LngLat } from '../kernel/geo.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export interface NamedLine {
  id: string
  name: string | null
  coordinates: readonly LngLat[]
}

export interface NearestStreetIndex {
  /** The nearest street with a name within `maxDistanceM` metres, or undefined. */
  nearest(point: LngLat, maxDistanceM?: number): { id: string; name: string; distanceM: number } | undefined
}

/** Indexes named streets' segments; unnamed streets are skipped (they cannot name a place). Empty input → finds nothing. */
export function createNearestStreetIndex(streets: readonly NamedLine[]): NearestStreetIndex {
  const segments: { street: number; a: LngLat; b: LngLat }[] = []
  streets.forEach((s, i) => {
    if (!s.name) return
    for (let k = 1; k < s.coordinates.length; k++) segments.push({ street: i, a: s.coordinates[k - 1]!, b: s.coordinates[k]! })
  })
  if (segments.length === 0) return { nearest: () => undefined }
  const index = new Flatbush(segments.length)
  for (const { a, b } of segments) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))
  index.finish()
  return {
    nearest(point, maxDistanceM = 200) {
      const kx = computeMetersPerDegreeLng(point[1])
      const ky = METERS_PER_DEGREE
      // Box distance in degrees; candidates within the max distance expressed in the larger degree unit.
      const candidates = index.neighbors(point[0], point[1], 32, maxDistanceM / Math.min(kx, ky))
      let best: { id: string; name: string; distanceM: number } | undefined
      for (const c of candidates) {
        const { street, a, b } = segments[c]!
        const ax = (a[0] - point[0]) * kx
        const ay = (a[1] - point[1]) * ky
        const dx = (b[0] - a[0]) * kx
        const dy = (b[1] - a[1]) * ky
        const len2 = dx * dx + dy * dy
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
        const d = Math.hypot(ax + t * dx, ay + t * dy)
        if (d <= maxDistanceM && (!best || d < best.distanceM)) {
          const s = streets[street]!
          best = { id: s.id, name: s.name ?? '', distanceM: d }
        }
      }
      return best
    },
  }
}
