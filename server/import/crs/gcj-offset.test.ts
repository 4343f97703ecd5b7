// detectGcjOffset on a synthetic street grid (points placed on its streets, then moved into GCJ-02 or not).
// The real-data case is in real-fixtures.test.ts.
import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../../analysis/local-metric.ts'
import type { LngLat } from '../../kernel/geo.ts'
import { detectGcjOffset, GCJ_CHECK_MAX_SAMPLES } from './gcj-offset.ts'

/** Synthetic: north–south streets every `spacingM` metres east of `origin`, as a distance function. */
function northSouthStreets(origin: LngLat, spacingM: number): (p: LngLat) => number {
  const kx = computeMetersPerDegreeLng(origin[1])
  return ([lng]) => {
    const x = (lng - origin[0]) * kx
    const r = ((x % spacingM) + spacingM) % spacingM
    return Math.min(r, spacingM - r)
  }
}

const ORIGIN: LngLat = [104.05, 30.66] // central Chengdu, where GCJ-02 moves points ~250 m east and ~250 m south
/** Synthetic: 500 WGS84 points lying exactly on the 1 km-spaced streets, spread north–south. */
const ON_STREETS: LngLat[] = Array.from({ length: 500 }, (_, i) => [
  ORIGIN[0] + ((i % 5) * 1000) / computeMetersPerDegreeLng(ORIGIN[1]),
  ORIGIN[1] + (i * 7) / METERS_PER_DEGREE,
])
const toGcj = (p: LngLat): LngLat => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as LngLat

describe('detectGcjOffset', () => {
  const distance = northSouthStreets(ORIGIN, 1000)

  it('flags GCJ-02 points declared as WGS84', () => {
    const check = detectGcjOffset(ON_STREETS.map(toGcj), distance)
    expect(check.suspicious).toBe(true)
    expect(check.medianRawM).toBeGreaterThan(150)
    expect(check.medianConvertedM).toBeLessThan(1)
  })

  it('does not flag points that really are WGS84', () => {
    const check = detectGcjOffset(ON_STREETS, distance)
    expect(check.suspicious).toBe(false)
    expect(check.medianRawM).toBeLessThan(0.001)
    expect(check.medianConvertedM).toBeGreaterThan(150) // converting them would push them off the streets
  })

  it('needs a real gain in metres, not just a ratio', () => {
    // Synthetic: raw 8 m, converted 2 m is a 4× ratio but only 6 m better: noise, not a GCJ offset.
    const points: LngLat[] = [[104.06, 30.66], [104.07, 30.67], [104.08, 30.68]]
    let call = 0
    const check = detectGcjOffset(points, () => (call++ < points.length ? 8 : 2))
    expect(check).toEqual({ suspicious: false, medianRawM: 8, medianConvertedM: 2 })
  })

  it('treats "no street in reach" (Infinity) as far, so GCJ points beyond the search radius still count', () => {
    const gcj = ON_STREETS.map(toGcj)
    const capped = (p: LngLat) => {
      const d = distance(p)
      return d > 100 ? Number.POSITIVE_INFINITY : d
    }
    const check = detectGcjOffset(gcj, capped)
    expect(check.medianRawM).toBe(Number.POSITIVE_INFINITY)
    expect(check.suspicious).toBe(true)
  })

  it('samples at most GCJ_CHECK_MAX_SAMPLES points, spread over the input', () => {
    const many: LngLat[] = Array.from({ length: 10_000 }, (_, i) => [ORIGIN[0], ORIGIN[1] + i / METERS_PER_DEGREE])
    const seen: LngLat[] = []
    detectGcjOffset(many, (p) => {
      seen.push(p)
      return 0
    })
    expect(seen.length).toBe(2 * GCJ_CHECK_MAX_SAMPLES)
    const lats = seen.slice(0, GCJ_CHECK_MAX_SAMPLES).map((p) => p[1])
    expect(Math.max(...lats) - ORIGIN[1]).toBeGreaterThan(9_000 / METERS_PER_DEGREE) // reaches the end, not just the start
  })

  it('no points (or none finite) → NaN medians, not suspicious', () => {
    expect(detectGcjOffset([], () => 0)).toEqual({ suspicious: false, medianRawM: Number.NaN, medianConvertedM: Number.NaN })
    expect(detectGcjOffset([[Number.NaN, 30]], () => 0).suspicious).toBe(false)
  })

  it('points outside China are never flagged (GCJ-02 leaves them as they are)', () => {
    const paris: LngLat[] = [[2.35, 48.85], [2.36, 48.86]]
    const check = detectGcjOffset(paris, (p) => p[0] * 1000)
    expect(check.medianRawM).toBe(check.medianConvertedM)
    expect(check.suspicious).toBe(false)
  })
})
