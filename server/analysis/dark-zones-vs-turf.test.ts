// Dark zones checked against independent computations: haversine (turf.distance) per sample point, and turf's
// circle ∩ union pipeline.
import { bbox, booleanPointInPolygon, circle, destination, distance, featureCollection, pointToLineDistance, polygon, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { createPrng, generateSyntheticCity } from '../../test/fixtures/dark-zones/synthetic-city.ts'
import type { LngLat } from '../kernel/geo.ts'
import { findCoverageRadius, resolveCoverageRadiusTable } from './coverage-radius.ts'
import { computeDarkZones, type DarkLine, type DarkZoneLamp } from './dark-zones.ts'
import { METERS_PER_DEGREE, computeMetersPerDegreeLng } from './local-metric.ts'

const TOLERANCE_M = 0.01 // 1 cm, plus the frame's relative error (< 1e-4 of the radius here)

/** Haversine distance (turf) from p to the nearest working lamp, or Infinity if none is within radiusM + 1 m. */
function measureNearestWorkingLampM(lamps: readonly DarkZoneLamp[], p: LngLat, radiusM: number): number {
  let nearestM = Infinity
  const dLat = (radiusM + 1) / METERS_PER_DEGREE
  const dLng = (radiusM + 1) / computeMetersPerDegreeLng(p[1])
  for (const lamp of lamps) {
    if (!lamp.working) continue
    if (Math.abs(lamp.coordinates[1] - p[1]) > dLat || Math.abs(lamp.coordinates[0] - p[0]) > dLng) continue
    nearestM = Math.min(nearestM, distance(p, lamp.coordinates, { units: 'meters' }))
  }
  return nearestM
}

function* samplePoints(line: readonly LngLat[], stepM: number): Generator<LngLat> {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    const length = distance(a, b, { units: 'meters' })
    const steps = Math.max(1, Math.ceil(length / stepM))
    for (let k = i === 1 ? 0 : 1; k <= steps; k++) {
      const t = k / steps
      yield [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
    }
  }
}

describe('computeDarkZones: independent checks on a generated district', () => {
  const table = resolveCoverageRadiusTable()

  it.each([
    ['Chengdu, 30.7° N', [104.066, 30.657]],
    ['Tromsø, 69.6° N', [18.955, 69.649]],
  ] as const)('has every sampled dark point farther than r from every working lamp, and every lit one within r of one (%s)', (_, center) => {
    const city = generateSyntheticCity({ seed: 42, segments: 300, lamps: 1400, center: [center[0], center[1]] })
    const result = computeDarkZones(city.streets, city.lamps)
    expect(city.streets.length).toBeGreaterThanOrEqual(40)
    expect(result.darkLines.length).toBeGreaterThan(50)
    const random = createPrng(1)
    let darkSamples = 0
    let litSamples = 0
    const linesByStreet = new Map<string, DarkLine[]>()
    for (const line of result.darkLines) linesByStreet.set(line.streetId, [...(linesByStreet.get(line.streetId) ?? []), line])
    for (const street of city.streets) {
      const r = findCoverageRadius(table, street.highway)
      const lines = linesByStreet.get(street.id) ?? []
      for (const line of lines) {
        for (const p of samplePoints(line.coordinates, 0.5)) {
          expect(measureNearestWorkingLampM(city.lamps, p, r)).toBeGreaterThanOrEqual(r - TOLERANCE_M)
          darkSamples++
        }
      }
      for (const p of samplePoints(street.coordinates, 1 + random())) {
        const toDark = Math.min(
          Infinity,
          ...lines.map((l) => pointToLineDistance(p, { type: 'LineString', coordinates: l.coordinates }, { units: 'meters', method: 'planar' })),
        )
        if (toDark < 0.02) continue // on a dark line, or within 2 cm of one's end
        expect(measureNearestWorkingLampM(city.lamps, p, r)).toBeLessThanOrEqual(r + TOLERANCE_M)
        litSamples++
      }
    }
    expect(darkSamples).toBeGreaterThan(1000)
    expect(litSamples).toBeGreaterThan(1000)
  })

  it('agrees within 0.5 % with turf: union of lamp circles, street length outside it', () => {
    const city = generateSyntheticCity({ seed: 42, segments: 300, lamps: 1400 })
    const result = computeDarkZones(city.streets, city.lamps)
    let turfDarkM = 0
    for (const [streetIndex, street] of city.streets.entries()) {
      const r = findCoverageRadius(table, street.highway)
      const [west, south, east, north] = street.coordinates.reduce(
        ([w, s, e, n], [x, y]) => [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)],
        [Infinity, Infinity, -Infinity, -Infinity],
      )
      const padLat = (r + 1) / METERS_PER_DEGREE
      const padLng = (r + 1) / computeMetersPerDegreeLng(north)
      const near = city.lamps.filter(
        (l) => l.working && l.coordinates[0] >= west - padLng && l.coordinates[0] <= east + padLng && l.coordinates[1] >= south - padLat && l.coordinates[1] <= north + padLat,
      )
      // Only circles that reach the street can change its length outside the union; polyclip slows fast with more.
      const line = { type: 'LineString' as const, coordinates: street.coordinates }
      const touching = near.filter((l) => pointToLineDistance(l.coordinates, line, { units: 'meters' }) < r + 0.5)
      const circles = touching.map((l) => circle(l.coordinates, r, { units: 'meters', steps: 128 }))
      const lit: Feature<Polygon | MultiPolygon> | null =
        circles.length === 0 ? null : circles.length === 1 ? circles[0]! : union(featureCollection(circles))
      // The union's parts with their boxes, so that a point is tested only against the parts around it.
      const parts = lit === null ? [] : lit.geometry.type === 'Polygon' ? [lit.geometry.coordinates] : lit.geometry.coordinates
      const boxed = parts.map((rings) => ({ polygon: polygon(rings), box: bbox(polygon(rings)) }))
      const isDark = (p: LngLat): boolean =>
        !boxed.some(({ polygon: part, box: [w, s, e, n] }) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n && booleanPointInPolygon(p, part))
      const streetDarkM = measureDarkAlong(street.coordinates, isDark)
      // Per street: 0.5 m for sampling (a dark sliver between two 0.2 m samples goes unseen) and the 128-gons.
      expect(Math.abs(streetDarkM - result.streets[streetIndex]!.darkLengthM), street.id).toBeLessThan(0.5)
      turfDarkM += streetDarkM
    }
    expect(result.totals.darkLengthM).toBeGreaterThan(1000)
    expect(Math.abs(result.totals.darkLengthM - turfDarkM) / turfDarkM).toBeLessThan(0.005)
  }, 120_000)
})

/** Dark length along a line by 0.2 m steps, bisecting each lit/dark change down to a millimetre. */
function measureDarkAlong(line: readonly LngLat[], isDark: (p: LngLat) => boolean): number {
  let darkM = 0
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    const length = distance(a, b, { units: 'meters' })
    if (length === 0) continue
    const lerp = (t: number): LngLat => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
    const steps = Math.ceil(length / 0.2)
    let t0 = 0
    let dark0 = isDark(lerp(0))
    for (let k = 1; k <= steps; k++) {
      const t1 = k / steps
      const dark1 = isDark(lerp(t1))
      if (dark1 === dark0) {
        if (dark0) darkM += (t1 - t0) * length
      } else {
        let lo = t0
        let hi = t1
        while ((hi - lo) * length > 0.001) {
          const mid = (lo + hi) / 2
          if (isDark(lerp(mid)) === dark0) lo = mid
          else hi = mid
        }
        darkM += (dark0 ? (lo + hi) / 2 - t0 : t1 - (lo + hi) / 2) * length
      }
      t0 = t1
      dark0 = dark1
    }
  }
  return darkM
}
