import { describe, expect, test } from 'vitest'
import { byZoom, matchColor } from './expressions.ts'

describe('matchColor', () => {
  test('builds a match expression with the fallback last', () => {
    expect(matchColor('status', [['ok', '#0f0'], ['broken', '#f00']], '#999')).toEqual([
      'match',
      ['get', 'status'],
      'ok',
      '#0f0',
      'broken',
      '#f00',
      '#999',
    ])
  })

  test('gives every feature the fallback when the table is empty', () => {
    expect(matchColor('status', [], '#999')).toEqual(['to-color', '#999'])
  })
})

describe('byZoom', () => {
  test('interpolates linearly through zooms 12, 15 and 18', () => {
    expect(byZoom(1, 2, 4)).toEqual(['interpolate', ['linear'], ['zoom'], 12, 1, 15, 2, 18, 4])
  })
})
