import { describe, expect, test } from 'vitest'
import type { BBox } from '../kernel/geo.ts'
import { bucketPoints, forEachNear, GridCounter } from './point-buckets.ts'

let seed = 5
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)

describe('points bucketed by place', () => {
  const n = 20_000
  const positions = new Float64Array(2 * n).map((_, k) => (k % 2 === 0 ? 104 + rand() * 0.1 : 30.6 + rand() * 0.1))
  const buckets = bucketPoints(positions)

  test('every point sits in exactly one bucket', () => {
    expect(buckets.count).toBe(n)
    expect(buckets.start[buckets.start.length - 1]).toBe(n)
    expect(new Set(buckets.order).size).toBe(n)
  })

  test('a box visits every point inside it, each once (and only points of buckets it overlaps)', () => {
    for (let k = 0; k < 30; k++) {
      const w = 104 + rand() * 0.1
      const s = 30.6 + rand() * 0.1
      const box: BBox = [w, s, w + rand() * 0.03, s + rand() * 0.03]
      const seen: number[] = []
      forEachNear(buckets, box, (i) => seen.push(i))
      expect(new Set(seen).size).toBe(seen.length)
      const inside = (i: number) => positions[2 * i]! >= box[0] && positions[2 * i]! <= box[2] && positions[2 * i + 1]! >= box[1] && positions[2 * i + 1]! <= box[3]
      const expected = Array.from({ length: n }, (_, i) => i).filter(inside)
      expect(seen.filter(inside).sort((a, b) => a - b)).toEqual(expected)
      expect(seen.length).toBeLessThan(n) // a small box does not visit everything
    }
  })

  test('no points and one point are fine', () => {
    const none = bucketPoints(new Float64Array(0))
    let visits = 0
    forEachNear(none, [0, 0, 1, 1], () => visits++)
    expect(visits).toBe(0)
    const one = bucketPoints(Float64Array.of(104.05, 30.66))
    forEachNear(one, [104, 30.6, 104.1, 30.7], () => visits++)
    expect(visits).toBe(1)
  })
})

describe('counting points per cell of a grid over a box', () => {
  test('counts, flags and averages per cell, rows from the north, edge points in the last cell, outside points refused', () => {
    const grid = new GridCounter([0, 0, 4, 2], 4, 2)
    expect(grid.add(0.5, 1.5, true)).toBe(true) // north-west cell
    expect(grid.add(0.7, 1.9, false)).toBe(true)
    expect(grid.add(4, 0, false)).toBe(true) // the south-east corner joins the last cell
    expect(grid.add(4.01, 1, true)).toBe(false)
    expect(grid.cells()).toEqual([
      { col: 0, row: 0, count: 2, flagged: 1, lon: 0.6, lat: 1.7 },
      { col: 3, row: 1, count: 1, flagged: 0, lon: 4, lat: 0 },
    ])
  })
})
