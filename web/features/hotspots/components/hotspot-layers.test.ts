import { describe, expect, test } from 'vitest'
import { LAYER_ORDER } from '../../../map/layer-order.ts'
import { hotspotTrendsFillLayer, hotspotsFillLayer, hotspotsOutlineLayer } from './hotspot-style.ts'

const at = (id: (typeof LAYER_ORDER)[number]) => LAYER_ORDER.indexOf(id)

describe('the hotspot layers', () => {
  test('draw the cells over the basemap streets and under the zone boundaries, the density heatmap and every label', () => {
    for (const id of ['hotspots-fill', 'hotspot-trends-fill', 'hotspots-outline'] as const) {
      expect(at(id), id).toBeGreaterThan(at('base-streets'))
      expect(at(id), id).toBeLessThan(at('zones-outline'))
      expect(at(id), id).toBeLessThan(at('incidents-density'))
      expect(at(id), id).toBeLessThan(at('base-streets-label'))
    }
  })

  test('outline cells above their fill', () => {
    expect(at('hotspots-outline')).toBeGreaterThan(at('hotspots-fill'))
    expect(at('hotspots-outline')).toBeGreaterThan(at('hotspot-trends-fill'))
  })

  test('use the registered ids', () => {
    expect([hotspotsFillLayer.id, hotspotsOutlineLayer(undefined).id, hotspotTrendsFillLayer.id]).toEqual([
      'hotspots-fill',
      'hotspots-outline',
      'hotspot-trends-fill',
    ])
  })
})
