import { describe, expect, test } from 'vitest'
import { BASE_COLORS, NIGHT_COLORS, applyBasemapPalette, createOfflineStyle } from './offline-style.ts'

/** A stand-in map holding the offline style's layers and recording paint changes. */
function createRecordingMap() {
  const layers = new Set(createOfflineStyle('zh-CN').layers.map((l) => l.id))
  const painted = new Map<string, unknown>()
  return {
    painted,
    getLayer: (id: string) => (layers.has(id) ? { id } : undefined),
    setPaintProperty: (layer: string, property: string, value: string) => painted.set(`${layer}/${property}`, value),
  }
}

describe('applyBasemapPalette', () => {
  test('repaints land, water, buildings, streets and labels', () => {
    const map = createRecordingMap()
    applyBasemapPalette(map, NIGHT_COLORS)
    expect(map.painted.get('base-background/background-color')).toBe(NIGHT_COLORS.land)
    expect(map.painted.get('base-streets/line-color')).toBe(NIGHT_COLORS.street)
    expect(map.painted.get('base-streets-label/text-halo-color')).toBe(NIGHT_COLORS.halo)
  })

  test('restores the day colours the style starts with', () => {
    const map = createRecordingMap()
    applyBasemapPalette(map, BASE_COLORS)
    const style = createOfflineStyle('zh-CN')
    const background = style.layers.find((l) => l.id === 'base-background')
    expect(background?.paint).toEqual({ 'background-color': map.painted.get('base-background/background-color') })
  })

  test('skips layers the map does not have', () => {
    const painted: string[] = []
    applyBasemapPalette({ getLayer: () => undefined, setPaintProperty: (layer) => painted.push(layer) }, NIGHT_COLORS)
    expect(painted).toEqual([])
  })
})
