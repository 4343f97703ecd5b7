import { describe, expect, test } from 'vitest'
import { byCellCount, byZoom, cellCountLabel, matchColor } from './expressions.ts'

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

describe('byCellCount', () => {
  test('gives a z14 cell its stops and a cell one zoom out the same value for four times the count', () => {
    const expression = byCellCount([[1, 4], [10, 8]])
    expect(expression.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']])
    const byZoom = new Map<unknown, unknown>()
    for (let i = 3; i < expression.length; i += 2) byZoom.set(expression[i], expression[i + 1])
    expect(byZoom.get(14)).toEqual(['interpolate', ['linear'], ['get', 'count'], 1, 4, 10, 8])
    expect(byZoom.get(13)).toEqual(['interpolate', ['linear'], ['get', 'count'], 4, 4, 40, 8])
    expect(byZoom.get(10)).toEqual(['interpolate', ['linear'], ['get', 'count'], 256, 4, 2560, 8])
  })
})

describe('cellCountLabel', () => {
  test('labels a cell from the scaled count on, and leaves smaller cells without a number', () => {
    const expression = cellCountLabel(3)
    expect(expression.slice(0, 3)).toEqual(['step', ['zoom'], ['case', ['>=', ['get', 'count'], 768], ['to-string', ['get', 'count']], '']])
    expect(expression.at(-2)).toBe(14)
    expect(expression.at(-1)).toEqual(['case', ['>=', ['get', 'count'], 3], ['to-string', ['get', 'count']], ''])
  })
})
