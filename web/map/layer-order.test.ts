import { describe, expect, test } from 'vitest'
import { LAYER_ORDER, findLayerAbove } from './layer-order.ts'

describe('findLayerAbove', () => {
  test('returns the nearest listed layer above that is on the map', () => {
    const onMap = new Set(['base-background', 'base-streets', 'lamps', 'incidents-points'])
    expect(findLayerAbove('streets-category', (id) => onMap.has(id))).toBe('lamps')
    expect(findLayerAbove('base-buildings', (id) => onMap.has(id))).toBe('base-streets')
  })

  test('returns undefined for the topmost layer, which is then added on top', () => {
    expect(findLayerAbove('incidents-points', () => true)).toBeUndefined()
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
