// The phase-2 small-street lighting retrofit (docs/domain-notes.md §1, §3): new lamp positions that close every dark stretch.
// A stretch of length L gets n = ⌈L / (2r)⌉ lamps at (i + ½)·L/n along it: consecutive lamps are at most 2r apart
// along the line and the ends at most r from a lamp, so (distance along a line ≥ straight distance) every point of
// the stretch is within r of a new lamp. r is the street class's coverage radius, so spacing 2r is the class
// spacing S_max (docs/domain-notes.md §3: r ≈ S_max / 2).
import type { LngLat } from '../kernel/geo.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export interface RetrofitStretch {
  streetId: string
  name: string | null
  highway: string
  coordinates: readonly LngLat[]
  lengthM: number
}

export interface ProposedLamp {
  coordinates: LngLat
  streetId: string
  name: string | null
  highway: string
  spacingM: number // the spacing used along this stretch, metres (≤ 2r)
}

/** The point `distanceM` metres along a polyline (clamped to its ends), measured in a local metric frame. */
function pointAlong(coords: readonly LngLat[], distanceM: number): LngLat {
  const first = coords[0]!
  const kx = computeMetersPerDegreeLng(first[1])
  let remaining = distanceM
  for (let k = 1; k < coords.length; k++) {
    const a = coords[k - 1]!
    const b = coords[k]!
    const seg = Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * METERS_PER_DEGREE)
    if (remaining <= seg && seg > 0) {
      const t = remaining / seg
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
    }
    remaining -= seg
  }
  return coords[coords.length - 1] ?? first
}

function polylineLengthM(coords: readonly LngLat[]): number {
  if (coords.length < 2) return 0
  const kx = computeMetersPerDegreeLng(coords[0]![1])
  let total = 0
  for (let k = 1; k < coords.length; k++) {
    const a = coords[k - 1]!
    const b = coords[k]!
    total += Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * METERS_PER_DEGREE)
  }
  return total
}

/**
 * New lamp positions closing each dark stretch at its class spacing (2 × `radiusFor(highway)` metres).
 * Stretches shorter than `minLengthM` are left (default 0: close every gap). Empty input → no lamps.
 */
export function proposeRetrofitLamps(
  stretches: readonly RetrofitStretch[],
  radiusFor: (highway: string) => number,
  options: { minLengthM?: number } = {},
): ProposedLamp[] {
  const minLengthM = options.minLengthM ?? 0 // metres
  const proposed: ProposedLamp[] = []
  for (const s of stretches) {
    if (s.coordinates.length === 0 || s.lengthM < minLengthM) continue
    const r = radiusFor(s.highway)
    if (!(r > 0)) continue
    // Place along the geometry's own measured length so positions land on the line whatever lengthM's source.
    const length = polylineLengthM(s.coordinates)
    const n = Math.max(1, Math.ceil(length / (2 * r)))
    const step = length / n
    for (let i = 0; i < n; i++) {
      proposed.push({ coordinates: pointAlong(s.coordinates, (i + 0.5) * step), streetId: s.streetId, name: s.name, highway: s.highway, spacingM: step })
    }
  }
  return proposed
}
