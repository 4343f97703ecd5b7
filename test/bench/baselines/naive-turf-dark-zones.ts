// Baseline 1 for test/bench/dark-zones.bench.ts: the naive GIS pipeline with turf. Buffer every working lamp by
// each class radius, union the buffers, split every street by the union's outline and keep the pieces whose
// midpoint lies outside. Buffers are 32-gons (turf's default 8 steps per quadrant), so the answer runs a little
// darker than the exact one.

import { along, booleanPointInPolygon, buffer, featureCollection, length as measureLength, lineSplit, lineString, point, union } from '@turf/turf'
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson'
import { findCoverageRadius, resolveCoverageRadiusTable } from '../../../server/analysis/coverage-radius.ts'
import type { DarkZoneLamp, DarkZoneStreet } from '../../../server/analysis/dark-zones.ts'

export interface NaiveTurfResult {
  darkLines: Feature<LineString>[]
  darkLengthM: number
}

export function computeDarkZonesNaiveTurf(streets: readonly DarkZoneStreet[], lamps: readonly DarkZoneLamp[]): NaiveTurfResult {
  const table = resolveCoverageRadiusTable()
  const working = lamps.filter((lamp) => lamp.working)
  const litByRadius = new Map<number, Feature<Polygon | MultiPolygon> | null>()
  for (const street of streets) {
    const r = findCoverageRadius(table, street.highway)
    if (litByRadius.has(r)) continue
    const buffers = working.flatMap((lamp) => buffer(point(lamp.coordinates), r, { units: 'meters' }) ?? [])
    litByRadius.set(r, buffers.length === 0 ? null : buffers.length === 1 ? buffers[0]! : union(featureCollection(buffers)))
  }

  const darkLines: Feature<LineString>[] = []
  let darkLengthM = 0
  for (const street of streets) {
    if (street.coordinates.length < 2) continue
    const line = lineString(street.coordinates.map(([lng, lat]) => [lng, lat]), { streetId: street.id })
    const lit = litByRadius.get(findCoverageRadius(table, street.highway)) ?? null
    const pieces = lit === null ? [line] : lineSplit(line, lit).features
    for (const piece of pieces.length === 0 ? [line] : pieces) {
      const pieceLength = measureLength(piece, { units: 'meters' })
      if (pieceLength === 0) continue
      const middle = along(piece, pieceLength / 2, { units: 'meters' })
      if (lit !== null && booleanPointInPolygon(middle, lit)) continue
      darkLines.push(piece)
      darkLengthM += pieceLength
    }
  }
  return { darkLines, darkLengthM }
}
