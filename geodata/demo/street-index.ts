// Nearest-street lookups for the generators: a flatbush index over every street segment's bounding box in
// projected metres, queried with a growing search box, then exact point–segment distances.

import Flatbush from 'flatbush'
import type { XY } from './local-projection.ts'
import { distanceToSegment } from './planar.ts'

export interface NearestStreet {
  lineIndex: number // index into the lines the index was built from
  distanceM: number
}

export interface StreetIndex {
  /** The nearest line to p, or undefined when there are no lines or none within `maxDistanceM`. */
  findNearest(p: XY, maxDistanceM?: number): NearestStreet | undefined
}

const FIRST_SEARCH_RADIUS_M = 25 // most generated points sit within a few metres of a street
const DEFAULT_MAX_DISTANCE_M = 50_000 // beyond any city district

/** A nearest-line index over projected lines (metres). Lines with fewer than 2 vertices are ignored. */
export function createStreetIndex(lines: readonly (readonly XY[])[]): StreetIndex {
  const segLine: number[] = []
  const segA: XY[] = []
  const segB: XY[] = []
  lines.forEach((line, lineIndex) => {
    for (let i = 1; i < line.length; i++) {
      segLine.push(lineIndex)
      segA.push(line[i - 1] as XY)
      segB.push(line[i] as XY)
    }
  })
  if (segLine.length === 0) return { findNearest: () => undefined }

  const index = new Flatbush(segLine.length)
  for (let i = 0; i < segLine.length; i++) {
    const a = segA[i] as XY
    const b = segB[i] as XY
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))
  }
  index.finish()

  return {
    findNearest(p, maxDistanceM = DEFAULT_MAX_DISTANCE_M) {
      // Exact: a segment at distance d has its box within d of p on each axis, so once the best exact
      // distance is ≤ r, no segment outside the r-box can beat it.
      for (let r = FIRST_SEARCH_RADIUS_M; ; r *= 2) {
        const radius = Math.min(r, maxDistanceM)
        let best: NearestStreet | undefined
        for (const seg of index.search(p[0] - radius, p[1] - radius, p[0] + radius, p[1] + radius)) {
          const d = distanceToSegment(p, segA[seg] as XY, segB[seg] as XY)
          if (best === undefined || d < best.distanceM || (d === best.distanceM && (segLine[seg] ?? 0) < best.lineIndex)) {
            best = { lineIndex: segLine[seg] ?? 0, distanceM: d }
          }
        }
        if (best !== undefined && best.distanceM <= radius) return best
        if (radius >= maxDistanceM) return undefined
      }
    },
  }
}
