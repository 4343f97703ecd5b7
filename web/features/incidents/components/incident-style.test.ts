import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { FilterSpecification, LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, test } from 'vitest'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import {
  INCIDENTS_SOURCE,
  colorCategories,
  incidentClusterCountLayer,
  incidentClustersLayer,
  incidentDensityLayer,
  incidentPointsLayer,
} from './incident-style.ts'

// What the incident tiles hold (server/routes/tiles.ts): a counted cell below z15, an incident of its own from z15.
const cell = (count: number, open: number) => ({ type: 1 as const, properties: { cluster: true, count, open } })
const incident = (category: string) => ({
  type: 1 as const,
  id: 'I000001',
  properties: { id: 'I000001', category, status: 'reported', reported_at: '2026-11-01T08:00:00Z', street_id: 'w1' },
})
type TileFeature = ReturnType<typeof cell> | ReturnType<typeof incident>

const categories = [
  { code: '0104', name: '私搭乱建', name_en: null },
  { code: '0118', name: '路灯故障', name_en: null },
]
const pointsLayer = incidentPointsLayer(colorCategories(categories))

function draws(layer: MapLayerSpec, feature: TileFeature): boolean {
  const filter: FilterSpecification | undefined = 'filter' in layer ? layer.filter : undefined
  return featureFilter(filter, 'filter').filter({ zoom: 15 }, feature)
}

describe('the incident layers', () => {
  test('are valid MapLibre layers over the incidents vector source', () => {
    const style = {
      version: 8 as const,
      sources: { [INCIDENTS_SOURCE]: { type: 'vector' as const, tiles: ['http://localhost/api/tiles/incidents/{z}/{x}/{y}.mvt'] } },
      layers: [incidentDensityLayer, incidentClustersLayer, incidentClusterCountLayer, pointsLayer].map((layer): LayerSpecification => layer),
    }
    expect(validateStyleMin(style)).toEqual([])
  })

  test('draw a counted cell as a bubble with its count and an incident of its own as a dot', () => {
    expect(draws(incidentClustersLayer, cell(12, 3))).toBe(true)
    expect(draws(incidentClusterCountLayer, cell(12, 3))).toBe(true)
    expect(draws(pointsLayer, cell(12, 3))).toBe(false)
    expect(draws(pointsLayer, incident('0118'))).toBe(true)
    expect(draws(incidentClustersLayer, incident('0118'))).toBe(false)
    expect(draws(incidentClusterCountLayer, incident('0118'))).toBe(false)
  })

  test('weigh the density by the incidents a cell counts, and a single incident as one', () => {
    if (incidentDensityLayer.type !== 'heatmap') throw new Error('not a heatmap')
    const spec = latest.paint_heatmap['heatmap-weight'] as StylePropertySpecification
    const weight = createPropertyExpression(incidentDensityLayer.paint?.['heatmap-weight'], 'heatmap-weight', spec)
    if (weight.result !== 'success') throw new Error(JSON.stringify(weight.value))
    expect(weight.value.evaluate({ zoom: 12 }, cell(37, 5))).toBe(37)
    expect(weight.value.evaluate({ zoom: 16 }, incident('0104'))).toBe(1)
  })
})
