// The demo district as one RFC 7946 FeatureCollection per layer, for files and GeoJSON viewers.
// Each feature carries its record's fields (minus coordinates) as properties and its id as Feature.id.

import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { DemoDistrict } from '../../server/kernel/records.ts'

export const DEMO_LAYER_NAMES = [
  'streets',
  'intersections',
  'buildings',
  'water',
  'zones',
  'grid',
  'lamps',
  'incidents',
] as const
export type DemoLayerName = (typeof DEMO_LAYER_NAMES)[number]

function toFeature<T extends { coordinates: unknown }>(record: T, id: string, geometry: Geometry): Feature {
  const { coordinates: _coordinates, ...properties } = record
  return { type: 'Feature', id, geometry, properties }
}

/** One FeatureCollection per layer, in the district's order. Empty layers give empty collections. */
export function convertDistrictToGeoJson(district: DemoDistrict): Record<DemoLayerName, FeatureCollection> {
  const collect = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
  return {
    streets: collect(district.streets.map((s) => toFeature(s, s.id, { type: 'LineString', coordinates: s.coordinates }))),
    intersections: collect(district.intersections.map((i) => toFeature(i, i.id, { type: 'Point', coordinates: i.coordinates }))),
    buildings: collect(district.buildings.map((b) => toFeature(b, b.id, { type: 'Polygon', coordinates: b.coordinates }))),
    water: collect(
      district.water.map((w) => {
        const geometry: Geometry = isLine(w.coordinates)
          ? { type: 'LineString', coordinates: w.coordinates }
          : { type: 'Polygon', coordinates: w.coordinates }
        return toFeature(w, w.id, geometry)
      }),
    ),
    zones: collect(district.zones.map((z) => toFeature(z, z.id, { type: 'Polygon', coordinates: z.coordinates }))),
    grid: collect(district.grid.map((g) => toFeature(g, g.code, { type: 'Polygon', coordinates: g.coordinates }))),
    lamps: collect(district.lamps.map((l) => toFeature(l, l.id, { type: 'Point', coordinates: l.coordinates }))),
    incidents: collect(district.incidents.map((i) => toFeature(i, i.id, { type: 'Point', coordinates: i.coordinates }))),
  }
}

/** A water line is a list of positions; an area is a list of rings. */
function isLine(coordinates: readonly unknown[]): coordinates is [number, number][] {
  const first = coordinates[0]
  return Array.isArray(first) && typeof first[0] === 'number'
}

/** GeoJSON text with one feature per line: stable bytes for the same data, and readable diffs. */
export function formatFeatureCollection(collection: FeatureCollection): string {
  if (collection.features.length === 0) return '{"type":"FeatureCollection","features":[]}\n'
  return `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}
