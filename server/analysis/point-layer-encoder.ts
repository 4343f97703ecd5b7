// A layer of point features to Mapbox vector tile bytes (spec version 2), written with pbf directly. vt-pbf writes
// any layer, but keys each property value by a fresh `${type}:${value}` string in a plain object: for a z16 lamp
// tile of 4,000 features, each with its own id, that was the largest single cost of serving the megacity's tiles
// (15 % of the server's CPU under load, docs/load-results.md). Here values are deduplicated in a Map by the value
// itself, and a point's geometry is one MoveTo. The output decodes to the same features as vt-pbf's.
import Pbf from 'pbf'
import type { GeoJsonVtFeature } from 'vt-pbf'

type Value = string | number | boolean

const MOVE_TO_ONE = (1 << 3) | 1 // command MoveTo (1), count 1
const zigzag = (n: number) => (n << 1) ^ (n >> 31)

/** True when every feature is a single point: the layers this encoder takes. */
export const isPointLayer = (features: readonly GeoJsonVtFeature[]): boolean =>
  features.every((f) => f.type === 1 && (f.geometry as readonly unknown[]).length === 1)

/** One layer message (Tile field 3), ready to be concatenated with the tile's other layers. */
export function encodePointLayer(name: string, features: readonly GeoJsonVtFeature[], extent: number): Uint8Array {
  const keys = new Map<string, number>()
  const values = new Map<Value, number>()
  const indexOf = <T>(map: Map<T, number>, item: T) => {
    let index = map.get(item)
    if (index === undefined) {
      index = map.size
      map.set(item, index)
    }
    return index
  }
  const tags: number[] = []
  const pbf = new Pbf()
  pbf.writeMessage(3, (_: unknown, layer: Pbf) => {
    layer.writeVarintField(15, 2)
    layer.writeStringField(1, name)
    layer.writeVarintField(5, extent)
    for (const feature of features) {
      tags.length = 0
      for (const key in feature.tags) {
        const raw = feature.tags[key]
        if (raw === null || raw === undefined) continue // as vt-pbf: a null property is left out
        const value: Value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : JSON.stringify(raw)
        tags.push(indexOf(keys, key), indexOf(values, value))
      }
      const [x, y] = (feature.geometry as readonly (readonly [number, number])[])[0]!
      layer.writeMessage(2, (_: unknown, f: Pbf) => {
        if (typeof feature.id === 'number' && Number.isInteger(feature.id) && feature.id >= 0) f.writeVarintField(1, feature.id)
        f.writePackedVarint(2, tags)
        f.writeVarintField(3, 1)
        f.writePackedVarint(4, [MOVE_TO_ONE, zigzag(Math.round(x)), zigzag(Math.round(y))])
      }, undefined)
    }
    for (const key of keys.keys()) layer.writeStringField(3, key)
    for (const value of values.keys()) layer.writeMessage(4, writeValue, value)
  }, undefined)
  return pbf.finish()
}

// as vt-pbf writes a value: string, bool, double for a fraction, sint for a negative whole number, else uint
function writeValue(value: Value, pbf: Pbf): void {
  if (typeof value === 'string') pbf.writeStringField(1, value)
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value)
  else if (value % 1 !== 0) pbf.writeDoubleField(3, value)
  else if (value < 0) pbf.writeSVarintField(6, value)
  else pbf.writeVarintField(5, value)
}
