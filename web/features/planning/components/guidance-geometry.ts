// Guidance-point geometries between terra-draw, the API and the map: what the planner drew, read into the shape the
// API takes; the points as the map source draws them.
import { bbox } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { GuidanceGeometry, GuidancePoint, GuidanceStatus } from '../api/get-guidance-points.ts'

// 7 decimals ≈ 1 cm: finer than any street centreline, and a drag that does not move a point gives the same text
const COORDINATE_DECIMALS = 7
/** The server's limit on a ring's positions (server/routes/guidance-points.ts). */
export const MAX_RING_POSITIONS = 200

const round = (value: number) => Math.round(value * 10 ** COORDINATE_DECIMALS) / 10 ** COORDINATE_DECIMALS

function readPosition(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value)) return undefined
  const [lng, lat]: unknown[] = value
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) return undefined
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return undefined
  return [round(lng), round(lat)]
}

/**
 * A drawn Point, or a Polygon's outer ring (closed, holes dropped), rounded to 7 decimals; undefined for any other
 * geometry, a bad position, a ring of fewer than 4 or more than MAX_RING_POSITIONS positions.
 */
export function readDrawnGeometry(geometry: { type: string; coordinates: unknown } | undefined): GuidanceGeometry | undefined {
  if (geometry?.type === 'Point') {
    const position = readPosition(geometry.coordinates)
    return position && { type: 'Point', coordinates: position }
  }
  if (geometry?.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) return undefined
  const [outer]: unknown[] = geometry.coordinates
  if (!Array.isArray(outer)) return undefined
  const ring: [number, number][] = []
  for (const item of outer) {
    const position = readPosition(item)
    if (!position) return undefined
    ring.push(position)
  }
  const first = ring[0]
  const last = ring.at(-1)
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first)
  if (ring.length < 4 || ring.length > MAX_RING_POSITIONS) return undefined
  return { type: 'Polygon', coordinates: [ring] }
}

/** Where to centre the map on a point or area: the point, or the middle of the area's box. */
export function findGeometryCenter(geometry: GuidanceGeometry): [number, number] {
  if (geometry.type === 'Point') return geometry.coordinates
  const [west, south, east, north] = bbox(geometry)
  return [(west + east) / 2, (south + north) / 2]
}

export interface GuidanceMapProperties {
  name: string
  status: GuidanceStatus
  /** How many rules it breaks now; the list endpoint's `violations` array would reach the map as a JSON string. */
  violation_count: number
}

/** The points the map draws: not retired, not the one being moved (terra-draw draws that one), with flat properties. */
export function toGuidanceMapFeatures(
  points: readonly GuidancePoint[],
  hiddenId: string | undefined,
): FeatureCollection<Geometry, GuidanceMapProperties> {
  const features: Feature<Geometry, GuidanceMapProperties>[] = points
    .filter((point) => point.properties.status !== 'retired' && point.id !== hiddenId)
    .map((point) => ({
      type: 'Feature',
      id: point.id,
      geometry: point.geometry,
      properties: { name: point.properties.name, status: point.properties.status, violation_count: point.properties.violations.length },
    }))
  return { type: 'FeatureCollection', features }
}
