import { distance } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { EARTH_RADIUS_M, METERS_PER_DEGREE, computeMetersPerDegreeLng } from './local-metric.ts'

describe('local metric frame', () => {
  it('uses turf’s Earth radius, so a degree of latitude matches turf.distance', () => {
    expect(EARTH_RADIUS_M).toBe(6371008.8)
    expect(METERS_PER_DEGREE).toBeCloseTo(distance([104, 30], [104, 31], { units: 'meters' }), 6)
  })

  it('stays within the documented bound tan|φ₀|·D/R of haversine for short distances', () => {
    for (const lat0 of [0, 30.66, 55, 69.65, 80]) {
      const kx = computeMetersPerDegreeLng(lat0)
      for (const [east, north] of [[100, 0], [0, 100], [70, 70], [-120, 40], [15, -60]] as const) {
        const to: [number, number] = [104 + east / kx, lat0 + north / METERS_PER_DEGREE]
        const haversine = distance([104, lat0], to, { units: 'meters' })
        const frame = Math.hypot(east, north)
        const bound = Math.tan((Math.abs(lat0) * Math.PI) / 180) * (Math.abs(north) / EARTH_RADIUS_M) + 1e-9
        expect(Math.abs(frame - haversine) / haversine, `lat ${lat0} east ${east} north ${north}`).toBeLessThanOrEqual(bound)
      }
    }
  })

  it('shrinks a degree of longitude with cos(latitude), to about zero at the poles', () => {
    expect(computeMetersPerDegreeLng(0)).toBeCloseTo(METERS_PER_DEGREE, 9)
    expect(computeMetersPerDegreeLng(60)).toBeCloseTo(METERS_PER_DEGREE / 2, 6)
    expect(computeMetersPerDegreeLng(90)).toBeLessThan(1e-9)
  })
})
