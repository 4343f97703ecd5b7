import { VectorTile } from '@mapbox/vector-tile'
import Pbf from 'pbf'
import { describe, expect, test } from 'vitest'
import { fromGeojsonVt, type GeoJsonVtFeature } from 'vt-pbf'
import { encodePointLayer, isPointLayer } from './point-layer-encoder.ts'
import { encodeTile, pointLayer } from './vector-tile.ts'

/** Every feature of every layer as plain data: what a map reads from the tile. */
function decode(bytes: Uint8Array) {
  const tile = new VectorTile(new Pbf(bytes))
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      {
        extent: layer.extent,
        version: layer.version,
        features: Array.from({ length: layer.length }, (_, i) => {
          const f = layer.feature(i)
          return { id: f.id, type: f.type, geometry: f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])), properties: f.properties }
        }),
      },
    ]),
  )
}

let seed = 7
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647

describe('the point layer encoder', () => {
  test('writes the same features as vt-pbf: positions in and around the tile, every kind of value, nulls left out', () => {
    const statuses = ['ok', 'defective_lamp', 'no_power']
    const features: GeoJsonVtFeature[] = Array.from({ length: 2_000 }, (_, i) => ({
      type: 1,
      geometry: [[Math.round(rand() * 4352) - 128, Math.round(rand() * 4352) - 128]],
      tags: {
        id: `L${1_000_000 + i}`,
        status: statuses[i % 3]!,
        working: i % 3 === 0,
        count: i,
        delta: -i,
        share: i / 7,
        cluster: i % 5 === 0 ? true : null,
      },
      ...(i % 4 === 0 ? { id: i } : {}),
    }))
    const ours = decode(encodePointLayer('lamps', features, 4096))
    const theirs = decode(fromGeojsonVt({ lamps: { features } }, { version: 2, extent: 4096 }))
    expect(ours).toEqual(theirs)
    expect(ours.lamps!.features).toHaveLength(2_000)
    expect(ours.lamps!.features[5]!.properties).toEqual({ id: 'L1000005', status: 'no_power', working: false, count: 5, delta: -5, share: 5 / 7, cluster: true })
    expect(ours.lamps!.features[1]!.properties).not.toHaveProperty('cluster')
  })

  test('writes an empty layer, and a whole tile of point and line layers that decodes layer by layer', () => {
    expect(decode(encodePointLayer('incidents', [], 4096))).toEqual(decode(fromGeojsonVt({ incidents: { features: [] } }, { version: 2, extent: 4096 })))
    // 104.06, 30.66 lies in tile 15/25855/13449
    const points = pointLayer([{ at: [104.06, 30.66], tags: { id: 'I1', category: '0501' } }], 15, 25855, 13449)
    const line: GeoJsonVtFeature = { type: 2, geometry: [[[0, 0], [100, 100], [200, 50]]], tags: { name: '人民南路' } }
    expect(isPointLayer(points.features)).toBe(true)
    expect(isPointLayer([line])).toBe(false)
    const tile = decode(encodeTile({ incidents: points, streets: { features: [line] } }))
    expect(Object.keys(tile)).toEqual(['incidents', 'streets'])
    expect(tile.incidents!.features.map((f) => f.properties)).toEqual([{ id: 'I1', category: '0501' }])
    expect(tile.streets!.features[0]!.geometry).toEqual([[[0, 0], [100, 100], [200, 50]]])
  })
})
