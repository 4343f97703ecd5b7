// Which dark stretches to fix first: priority = dark length × (1 + night-time incidents nearby + outage reports
// nearby). Length is how much street is dark; the incident counts are how much it hurts people there (the seed's
// robberies on a dark street), so a short stretch with many night incidents can outrank a long quiet one.
import KDBush from 'kdbush'
import type { LngLat } from '../kernel/geo.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from './local-metric.ts'

export interface PriorityLine {
  coordinates: readonly LngLat[]
  lengthM: number
}

export interface PriorityPoint {
  coordinates: LngLat
}

export interface DarkStretchPriority {
  index: number // into the input lines
  nightIncidents: number
  outageReports: number
  score: number // lengthM × (1 + nightIncidents + outageReports)
}

export interface PriorityOptions {
  radiusM?: number // a point this close to a stretch counts for it, metres
}

const defaults = { radiusM: 50 } // metres: about a street block's depth, where a dark stretch still matters

/** Squared distance in m² from point p to segment ab, all in the same local metric frame. */
function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2))
  const ex = ax + t * dx - px
  const ey = ay + t * dy - py
  return ex * ex + ey * ey
}

function countNear(line: PriorityLine, points: readonly PriorityPoint[], index: KDBush | undefined, radiusM: number): number {
  if (!index || line.coordinates.length === 0) return 0
  const lat0 = line.coordinates[0]![1]
  const kx = computeMetersPerDegreeLng(lat0)
  const ky = METERS_PER_DEGREE
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const [x, y] of line.coordinates) {
    w = Math.min(w, x)
    e = Math.max(e, x)
    s = Math.min(s, y)
    n = Math.max(n, y)
  }
  const padLng = radiusM / kx
  const padLat = radiusM / ky
  const r2 = radiusM * radiusM
  let count = 0
  for (const id of index.range(w - padLng, s - padLat, e + padLng, n + padLat)) {
    const [plng, plat] = points[id]!.coordinates
    const px = plng * kx
    const py = plat * ky
    for (let k = 1; k < line.coordinates.length; k++) {
      const a = line.coordinates[k - 1]!
      const b = line.coordinates[k]!
      if (segmentDistanceSq(px, py, a[0] * kx, a[1] * ky, b[0] * kx, b[1] * ky) <= r2) {
        count++
        break
      }
    }
    if (line.coordinates.length === 1) {
      const a = line.coordinates[0]!
      if (segmentDistanceSq(px, py, a[0] * kx, a[1] * ky, a[0] * kx, a[1] * ky) <= r2) count++
    }
  }
  return count
}

function indexPoints(points: readonly PriorityPoint[]): KDBush | undefined {
  if (points.length === 0) return undefined
  const index = new KDBush(points.length)
  for (const p of points) index.add(p.coordinates[0], p.coordinates[1])
  index.finish()
  return index
}

/**
 * Scores each dark stretch by its length (m) and the night-time incidents and outage reports within `radiusM`
 * metres of it, highest score first (ties by input order). The caller chooses which incidents count (time of day,
 * period). Empty lines → empty list. Does not modify its input.
 */
export function rankDarkStretches(
  lines: readonly PriorityLine[],
  nightIncidents: readonly PriorityPoint[],
  outageReports: readonly PriorityPoint[],
  options: PriorityOptions = {},
): DarkStretchPriority[] {
  const radiusM = options.radiusM ?? defaults.radiusM
  const nightIndex = indexPoints(nightIncidents)
  const outageIndex = indexPoints(outageReports)
  return lines
    .map((line, index) => {
      const night = countNear(line, nightIncidents, nightIndex, radiusM)
      const outages = countNear(line, outageReports, outageIndex, radiusM)
      return { index, nightIncidents: night, outageReports: outages, score: line.lengthM * (1 + night + outages) }
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
}
