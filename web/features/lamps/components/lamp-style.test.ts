import { Color, createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { FilterSpecification, LayerSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, test } from 'vitest'
import { LAYER_ORDER } from '../../../map/layer-order.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import { LAMP_CELL_BROKEN_COLORS, LAMP_NIGHT_COLORS, LAMP_STATUS_COLORS, LAMPS_SOURCE, lampCellsLayer, lampCellsNightLayer, lampsLayer, lampsNightLayer } from './lamp-style.ts'

// What the lamp tiles hold (server/routes/tiles.ts): a counted cell below z15, a lamp of its own from z15.
const cell = (count: number, broken: number) => ({ type: 1 as const, properties: { cluster: true, count, broken } })
const lamp = (status: string, working: boolean) => ({ type: 1 as const, id: 'L000002', properties: { id: 'L000002', status, working, street_id: 'w1' } })
type TileFeature = ReturnType<typeof cell> | ReturnType<typeof lamp>

/** Whether `layer` draws `feature` at `zoom`, as MapLibre decides it. */
function draws(layer: MapLayerSpec, feature: TileFeature, zoom = 14): boolean {
  const filter: FilterSpecification | undefined = 'filter' in layer ? layer.filter : undefined
  return featureFilter(filter, 'filter').filter({ zoom }, feature)
}

/** The circle colour `layer` gives `feature`, as an rgba() string. */
function colorOf(layer: MapLayerSpec, feature: TileFeature): string {
  if (layer.type !== 'circle') throw new Error(`${layer.id} is not a circle layer`)
  const spec = latest.paint_circle['circle-color'] as StylePropertySpecification
  const parsed = createPropertyExpression(layer.paint?.['circle-color'], 'circle-color', spec)
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value))
  return String(parsed.value.evaluate({ zoom: 14 }, feature))
}

const rgba = (css: string) => String(Color.parse(css))

describe('the lamp layers', () => {
  test('are valid MapLibre layers over the lamps vector source, by day and at night', () => {
    for (const layers of [[lampCellsLayer, lampsLayer], [lampCellsNightLayer, lampsNightLayer]]) {
      const style = {
        version: 8 as const,
        sources: { [LAMPS_SOURCE]: { type: 'vector' as const, tiles: ['http://localhost/api/tiles/lamps/{z}/{x}/{y}.mvt'] } },
        layers: layers.map((layer): LayerSpecification => layer),
      }
      expect(validateStyleMin(style)).toEqual([])
    }
  })

  test('draw a counted cell as a cell and a lamp of its own as a lamp', () => {
    for (const [cells, lamps] of [[lampCellsLayer, lampsLayer], [lampCellsNightLayer, lampsNightLayer]] as const) {
      expect(draws(cells, cell(4, 1))).toBe(true)
      expect(draws(lamps, cell(4, 1))).toBe(false)
      expect(draws(lamps, lamp('ok', true), 16)).toBe(true)
      expect(draws(cells, lamp('ok', true), 16)).toBe(false)
    }
  })

  test('colour a cell by its broken share: grey by day or warm at night with none, red with some', () => {
    expect(colorOf(lampCellsLayer, cell(5, 0))).toBe(rgba(LAMP_STATUS_COLORS.ok))
    expect(colorOf(lampCellsNightLayer, cell(5, 0))).toBe(rgba(LAMP_NIGHT_COLORS.lit))
    expect(colorOf(lampCellsLayer, cell(4, 2))).toBe(rgba(LAMP_CELL_BROKEN_COLORS.many))
    expect(colorOf(lampCellsNightLayer, cell(1, 1))).toBe(rgba(LAMP_CELL_BROKEN_COLORS.many))
    expect(colorOf(lampCellsLayer, cell(100, 1))).not.toBe(rgba(LAMP_STATUS_COLORS.ok))
  })

  test('colour a single lamp by its status by day and by whether it is lit at night', () => {
    expect(colorOf(lampsLayer, lamp('defective_lamp', false))).toBe(rgba(LAMP_STATUS_COLORS.defective_lamp))
    expect(colorOf(lampsNightLayer, lamp('ok', true))).toBe(rgba(LAMP_NIGHT_COLORS.lit))
    // ok but not lit: an outage report is still open
    expect(colorOf(lampsNightLayer, lamp('ok', false))).toBe(rgba(LAMP_NIGHT_COLORS.unlit))
  })

  test('put the cells just under the single lamps', () => {
    expect(LAYER_ORDER.indexOf('lamps-cells')).toBe(LAYER_ORDER.indexOf('lamps') - 1)
  })
})
