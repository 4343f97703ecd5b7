import { describe, expect, test } from 'vitest'
import { BIN_COLORS, HOTSPOT_BINS, binColorExpression, colorOfBin, describeBin, readBin, readTrend } from './hotspot-style.ts'

describe('hotspot bins', () => {
  test('colour hot cells red, cold cells blue and the rest near-white, in the ArcGIS palette', () => {
    expect(HOTSPOT_BINS.map(colorOfBin)).toEqual(['#d62f27', '#ed7551', '#fab984', '#f7f7f7', '#abd9e9', '#74add1', '#4575b5'])
  })

  test('name each bin by its side and confidence', () => {
    expect(describeBin(3)).toEqual({ kind: 'hot', confidence: 99 })
    expect(describeBin(2)).toEqual({ kind: 'hot', confidence: 95 })
    expect(describeBin(1)).toEqual({ kind: 'hot', confidence: 90 })
    expect(describeBin(0)).toEqual({ kind: 'none', confidence: null })
    expect(describeBin(-1)).toEqual({ kind: 'cold', confidence: 90 })
    expect(describeBin(-3)).toEqual({ kind: 'cold', confidence: 99 })
  })

  test('read anything that is not a bin as not significant', () => {
    expect(readBin(-2)).toBe(-2)
    expect(readBin(4)).toBe(0)
    expect(readBin(2.5)).toBe(0)
    expect(readBin('3')).toBe(0)
    expect(readBin(undefined)).toBe(0)
  })

  test('paint the map with the same colour per bin as the legend', () => {
    const [op, input, ...rest] = binColorExpression()
    expect(op).toBe('match')
    expect(input).toEqual(['get', 'bin'])
    const fallback = rest.pop()
    expect(fallback).toBe(BIN_COLORS[0])
    const pairs = new Map<unknown, unknown>()
    for (let i = 0; i < rest.length; i += 2) pairs.set(rest[i], rest[i + 1])
    for (const bin of HOTSPOT_BINS.filter((b) => b !== 0)) expect(pairs.get(bin), String(bin)).toBe(colorOfBin(bin))
  })
})

describe('readTrend', () => {
  test('knows the five comparison classes and nothing else', () => {
    expect(readTrend('intensifying')).toBe('intensifying')
    expect(readTrend('none')).toBeUndefined()
  })
})
