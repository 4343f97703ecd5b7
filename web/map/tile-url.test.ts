import { describe, expect, test } from 'vitest'
import { buildTileUrl } from './tile-url.ts'

describe('buildTileUrl', () => {
  test('keeps the tile placeholders literal and the origin absolute', () => {
    expect(buildTileUrl('http://127.0.0.1:8787', 'lamps')).toBe('http://127.0.0.1:8787/api/tiles/lamps/{z}/{x}/{y}.mvt')
  })

  test('sends the filters that have a value, in the order given', () => {
    expect(buildTileUrl('https://gw.example', 'incidents', { category: '0118,0104', status: undefined, from: '', to: '2026-01-01T00:00:00Z' })).toBe(
      'https://gw.example/api/tiles/incidents/{z}/{x}/{y}.mvt?category=0118%2C0104&to=2026-01-01T00%3A00%3A00Z',
    )
  })

  test('names a layer with a hyphen as it is', () => {
    expect(buildTileUrl('http://h', 'dark-zones')).toBe('http://h/api/tiles/dark-zones/{z}/{x}/{y}.mvt')
  })
})
