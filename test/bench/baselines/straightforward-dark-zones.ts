// Baseline 2 for test/bench/dark-zones.bench.ts: the straightforward version of the same exact algorithm, as one
// would first write it: kdbush over working lamps, per segment a `range` query (a fresh array), [t0, t1] tuples,
// Array#sort, GeoJSON features built with turf, lengths from turf.length. Same answers as the engine to ~1e-6.

import { featureCollection, length as measureLength, lineString } from '@turf/turf'
import type { Feature, FeatureCollection, LineString } from 'geojson'
import KDBush from 'kdbush'
import { findCoverageRadius, resolveCoverageRadiusTable } from '../../../server/analysis/coverage-radius.ts'
import type { DarkZoneLamp, DarkZoneStreet } from '../../../server/analysis/dark-zones.ts'
import type { LngLat } from '../../../server/kernel/geo.ts'

const METERS_PER_DEGREE = (6371008.8 * Math.PI) / 180

export interface StraightforwardResult {
  darkLines: FeatureCollection<LineString>
  totalLengthM: number
  darkLengthM: number
}

export function computeDarkZonesStraightforward(streets: readonly DarkZoneStreet[], lamps: readonly DarkZoneLamp[]): StraightforwardResult {
  const table = resolveCoverageRadiusTable()
  const working = lamps.filter((lamp) => lamp.working)
  const index = new KDBush(Math.max(1, working.length))
  for (const lamp of working) index.add(lamp.coordinates[0], lamp.coordinates[1])
  if (working.length === 0) index.add(1e9, 1e9)
  index.finish()

  const features: Feature<LineString>[] = []
  let totalLengthM = 0
  let darkLengthM = 0
  for (const street of streets) {
    const r = findCoverageRadius(table, street.highway)
    let open: LngLat[] | null = null
    const close = () => {
      if (open === null) return
      const lengthM = measureLength(lineString(open), { units: 'meters' })
      darkLengthM += lengthM
      features.push(lineString(open, { streetId: street.id, name: street.name, highway: street.highway, lengthM }))
      open = null
    }
    for (let i = 1; i < street.coordinates.length; i++) {
      const a = street.coordinates[i - 1]!
      const b = street.coordinates[i]!
      const kx = METERS_PER_DEGREE * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180)
      const dx = (b[0] - a[0]) * kx
      const dy = (b[1] - a[1]) * METERS_PER_DEGREE
      const segmentLength = Math.hypot(dx, dy)
      totalLengthM += segmentLength
      if (segmentLength === 0) continue
      const rLng = r / kx
      const rLat = r / METERS_PER_DEGREE
      const ids = index.range(Math.min(a[0], b[0]) - rLng, Math.min(a[1], b[1]) - rLat, Math.max(a[0], b[0]) + rLng, Math.max(a[1], b[1]) + rLat)
      const lit: [number, number][] = []
      for (const id of ids) {
        const lamp = working[id]
        if (lamp === undefined) continue
        const px = (lamp.coordinates[0] - a[0]) * kx
        const py = (lamp.coordinates[1] - a[1]) * METERS_PER_DEGREE
        const qa = dx * dx + dy * dy
        const qb = -(dx * px + dy * py)
        const qc = px * px + py * py - r * r
        const disc = qb * qb - qa * qc
        if (disc <= 0) continue
        const t0 = Math.max(0, (-qb - Math.sqrt(disc)) / qa)
        const t1 = Math.min(1, (-qb + Math.sqrt(disc)) / qa)
        if (t0 < t1) lit.push([t0, t1])
      }
      lit.sort((p, q) => p[0] - q[0])
      const dark: [number, number][] = []
      let cursor = 0
      for (const [t0, t1] of lit) {
        if (t0 > cursor) dark.push([cursor, t0])
        cursor = Math.max(cursor, t1)
      }
      if (cursor < 1) dark.push([cursor, 1])
      const at = (t: number): LngLat => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
      if (dark.length === 0 || dark[0]![0] > 0) close()
      for (const [t0, t1] of dark) {
        if (t0 > 0) close()
        if (open === null) open = [at(t0)]
        open.push(at(t1))
        if (t1 < 1) close()
      }
    }
    close()
  }
  return { darkLines: featureCollection(features), totalLengthM, darkLengthM }
}
