import { describe, expect, test } from 'vitest'
import { LAYER_ORDER, findLayerAbove } from './layer-order.ts'

describe('findLayerAbove', () => {
  test('returns the nearest listed layer above that is on the map', () => {
    const onMap = new Set(['base-background', 'base-streets', 'lamps', 'incidents-points'])
    expect(findLayerAbove('streets-category', (id) => onMap.has(id))).toBe('lamps')
    expect(findLayerAbove('base-buildings', (id) => onMap.has(id))).toBe('base-streets')
  })

  test('returns undefined for the topmost layer, which is then added on top', () => {
    expect(findLayerAbove('guidance-draw-point-marker', () => true)).toBeUndefined()
    expect(findLayerAbove('zones-label', () => false)).toBeUndefined()
  })

  test('lists every layer once', () => {
    expect(new Set(LAYER_ORDER).size).toBe(LAYER_ORDER.length)
  })
})

describe('the lighting layers', () => {
  test('draw dark zones over the streets and under the lamps, and stop numbers above street names', () => {
    const at = (id: (typeof LAYER_ORDER)[number]) => LAYER_ORDER.indexOf(id)
    expect(at('dark-zones')).toBeGreaterThan(at('streets-category'))
    expect(at('dark-zones')).toBeLessThan(at('lamps'))
    expect(at('work-stops')).toBeGreaterThan(at('lamps'))
    expect(at('work-stops-label')).toBeGreaterThan(at('base-streets-label'))
  })
})

describe('the planning layers', () => {
  test('draw guidance points over the street categories, suggestion ranks above street names, and the draft on top', () => {
    const at = (id: (typeof LAYER_ORDER)[number]) => LAYER_ORDER.indexOf(id)
    expect(at('streets-selected')).toBeGreaterThan(at('streets-category'))
    expect(at('guidance-points-fill')).toBeGreaterThan(at('streets-category'))
    expect(at('guidance-points-violations')).toBeGreaterThan(at('guidance-points-circle'))
    expect(at('guidance-suggestions-label')).toBeGreaterThan(at('base-streets-label'))
    // terra-draw adds its layers on top; every layer added later must slot in below them
    const draw = LAYER_ORDER.filter((id) => id.startsWith('guidance-draw-'))
    expect(LAYER_ORDER.slice(-draw.length)).toEqual(draw)
  })
})
