// Features to Mapbox vector tile bytes: points placed in tile units here, lines and polygons cut and simplified by
// geojson-vt; point layers serialised by point-layer-encoder.ts, the rest by vt-pbf (spec version 2). A tile is a
// sequence of layer messages, so the two kinds of layer are simply written one after the other.
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import GeoJSONVT from 'geojson-vt'
import { fromGeojsonVt, type GeoJsonVtFeature } from 'vt-pbf'
import type { LngLat } from '../kernel/geo.ts'
import { encodePointLayer, isPointLayer } from './point-layer-encoder.ts'
import { EXTENT, toTileUnits } from './tile-geometry.ts'

export type TileTags = Record<string, string | number | boolean | null>
export interface TileLayer {
  features: readonly GeoJsonVtFeature[]
}

/** Point features in tile units; points outside the tile and its buffer are left out. */
export function pointLayer(points: readonly { at: LngLat; tags: TileTags }[], z: number, x: number, y: number, bufferUnits = 64): TileLayer {
  const features: GeoJsonVtFeature[] = []
  for (const p of points) {
    const [px, py] = toTileUnits(p.at, z, x, y)
    if (px < -bufferUnits || py < -bufferUnits || px > EXTENT + bufferUnits || py > EXTENT + bufferUnits) continue
    features.push({ type: 1, geometry: [[px, py]], tags: p.tags })
  }
  return { features }
}

/** Lines or polygons cut to the tile and simplified for its zoom (geojson-vt, 64-unit buffer). */
export function shapeLayer(features: readonly Feature<Geometry, TileTags>[], z: number, x: number, y: number): TileLayer {
  if (features.length === 0) return { features: [] }
  const collection: FeatureCollection<Geometry, TileTags> = { type: 'FeatureCollection', features: [...features] }
  // indexMaxZoom 0: nothing is pre-cut; getTile drills down to just this tile.
  const index = new GeoJSONVT(collection, { maxZoom: Math.max(z, 1), indexMaxZoom: 0, indexMaxPoints: 0, buffer: 64, extent: EXTENT, tolerance: 3 })
  const tile = index.getTile(z, x, y)
  return { features: (tile?.features ?? []) as GeoJsonVtFeature[] }
}

/** Serialises named layers into one tile. */
export function encodeTile(layers: Record<string, TileLayer>): Uint8Array {
  const parts = Object.entries(layers).map(([name, layer]) =>
    isPointLayer(layer.features) ? encodePointLayer(name, layer.features, EXTENT) : fromGeojsonVt({ [name]: layer }, { version: 2, extent: EXTENT }),
  )
  if (parts.length === 1) return parts[0]!
  const tile = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    tile.set(part, at)
    at += part.length
  }
  return tile
}
