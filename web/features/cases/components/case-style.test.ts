import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec'
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, test } from 'vitest'
import { LAYER_ORDER } from '../../../map/layer-order.ts'
import { casesEscalatedCountLayer, casesEscalatedLayer, casesOpenLayer, casesSelectedLayer, colorForState, CASE_COLORS } from './case-style.ts'
import { toCaseFeatures } from './cases-layer.tsx'

const at = (id: (typeof LAYER_ORDER)[number]) => LAYER_ORDER.indexOf(id)

describe('the case layers', () => {
  test('draw over street names, escalated bubbles over plain dots, counts over bubbles, the selection on top', () => {
    for (const layer of [casesOpenLayer, casesEscalatedLayer, casesEscalatedCountLayer, casesSelectedLayer(undefined)]) {
      expect(at(layer.id), layer.id).toBeGreaterThan(at('base-streets-label'))
    }
    expect(at('cases-escalated')).toBeGreaterThan(at('cases-open'))
    expect(at('cases-escalated-count')).toBeGreaterThan(at('cases-escalated'))
    expect(at('cases-selected')).toBeGreaterThan(at('cases-escalated-count'))
  })

  test('overlapping counts do not print over each other: they collide, and the largest is placed first', () => {
    const layout = casesEscalatedCountLayer.layout as Record<string, unknown>
    expect(layout['text-allow-overlap']).toBe(false)
    const spec = latest.layout_symbol['symbol-sort-key'] as unknown as StylePropertySpecification
    const parsed = createPropertyExpression(layout['symbol-sort-key'] as never, 'symbol-sort-key', spec)
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value))
    const key = (count: number) => Number(parsed.value.evaluate({ zoom: 14 }, { type: 'Point', properties: { report_count: count } } as never))
    // placed in ascending key order: 12 reports before 3
    expect(key(12)).toBeLessThan(key(3))
  })

  test('colour each open state differently and anything else grey', () => {
    const colors = ['reported', 'accepted', 'dispatched', 'in_handling', 'handled'].map(colorForState)
    expect(new Set(colors).size).toBe(5)
    expect(colorForState('closed')).toBe(CASE_COLORS.unknown)
  })
})

describe('toCaseFeatures', () => {
  const row = (id: string, coordinates: [number, number], escalated = false) => ({
    id,
    coordinates,
    state: 'reported' as const,
    escalated,
    report_count: escalated ? 8 : 1,
    priority: escalated ? (3 as const) : (1 as const),
  })

  test('makes a point per case carrying what the layers draw by', () => {
    const features = toCaseFeatures({ items: [row('I1', [104.06, 30.66]), row('I2', [104.07, 30.67], true)] })
    expect(features.features).toEqual([
      { type: 'Feature', id: 'I1', geometry: { type: 'Point', coordinates: [104.06, 30.66] }, properties: { state: 'reported', escalated: false, report_count: 1, priority: 1 } },
      { type: 'Feature', id: 'I2', geometry: { type: 'Point', coordinates: [104.07, 30.67] }, properties: { state: 'reported', escalated: true, report_count: 8, priority: 3 } },
    ])
  })

  test('gives no points for no cases', () => {
    expect(toCaseFeatures({ items: [] }).features).toEqual([])
  })
})
