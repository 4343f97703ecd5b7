import { describe, expect, test } from 'vitest'
import { expandBounds, isInside } from './locate-user.ts'

describe('expandBounds', () => {
  test('grows a box by a share of its size on every side', () => {
    expect(expandBounds([0, 10, 4, 12], 0.5)).toEqual([-2, 9, 6, 13])
  })

  test('leaves a degenerate box a point', () => {
    expect(expandBounds([1, 2, 1, 2], 0.5)).toEqual([1, 2, 1, 2])
  })
})

describe('isInside', () => {
  test('counts the edges as inside and anything past them as outside', () => {
    expect(isInside([104, 30, 105, 31], [104, 31])).toBe(true)
    expect(isInside([104, 30, 105, 31], [104.5, 30.5])).toBe(true)
    expect(isInside([104, 30, 105, 31], [103.99, 30.5])).toBe(false)
    expect(isInside([104, 30, 105, 31], [104.5, 31.01])).toBe(false)
  })
})
