import { describe, expect, test } from 'vitest'
import { createRandom } from './prng.ts'

const draw = (seed: number, n = 5): number[] => {
  const r = createRandom(seed)
  return Array.from({ length: n }, () => r.next())
}

describe('createRandom', () => {
  test('repeats the same stream for the same seed', () => {
    expect(draw(20181107)).toEqual(draw(20181107))
  })

  test('gives unrelated streams for neighbouring seeds', () => {
    expect(draw(1)).not.toEqual(draw(2))
    expect(draw(1)[0]).not.toBeCloseTo(draw(2)[0] ?? 0, 3)
  })

  test('stays in [0, 1) with a mean near 1/2', () => {
    const values = draw(42, 20_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1)
  })

  test('derives forks from the seed and label, not from draws already made', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    b.next()
    b.next()
    expect(a.fork('lamps').next()).toBe(b.fork('lamps').next())
    expect(a.fork('lamps').next()).not.toBe(a.fork('incidents').next())
  })

  test('includes both ends in int and never leaves the range', () => {
    const r = createRandom(3)
    const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 3)))
    expect([...seen].sort()).toEqual([1, 2, 3])
  })

  test('never picks an item of zero weight', () => {
    const r = createRandom(5)
    for (let i = 0; i < 500; i++) expect(r.pickWeighted(['a', 'b', 'c'], [1, 0, 2])).not.toBe('b')
  })

  test('throws for an empty pick or no positive weight, which are caller bugs', () => {
    const r = createRandom(5)
    expect(() => r.pick([])).toThrow(/non-empty/)
    expect(() => r.pickWeighted(['a'], [0])).toThrow(/positive/)
    expect(() => createRandom(Number.NaN)).toThrow(/finite/)
  })

  test('draws normal, exponential and Poisson values with the asked-for means', () => {
    const r = createRandom(11)
    const n = 20_000
    const normals = Array.from({ length: n }, () => r.normal(10, 2))
    const mean = normals.reduce((s, v) => s + v, 0) / n
    const sd = Math.sqrt(normals.reduce((s, v) => s + (v - mean) ** 2, 0) / n)
    expect(mean).toBeCloseTo(10, 1)
    expect(sd).toBeCloseTo(2, 1)
    expect(Array.from({ length: n }, () => r.exponential(3)).reduce((s, v) => s + v, 0) / n).toBeCloseTo(3, 0)
    expect(Array.from({ length: n }, () => r.poisson(4)).reduce((s, v) => s + v, 0) / n).toBeCloseTo(4, 0)
    expect(r.poisson(0)).toBe(0)
  })

  test('shuffles a copy and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8]
    const shuffled = createRandom(9).shuffle(input)
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect([...shuffled].sort()).toEqual(input)
    expect(createRandom(9).shuffle([])).toEqual([])
  })
})
