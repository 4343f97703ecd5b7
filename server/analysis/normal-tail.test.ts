import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalCdf, normalUpperTail, twoSidedPValue } from './normal-tail.ts'

// R 4.2's pnorm (Cody's algorithm in nmath/pnorm.c), written by test/fixtures/hotspots/make-reference.R.
const reference = readFileSync(new URL('../../test/fixtures/hotspots/out/pnorm.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number))

const relativeError = (actual: number, expected: number) => (expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected))

describe('normalUpperTail', () => {
  it('matches R pnorm to 1e-12 relative from z = 0 to 37.5, far tails included', () => {
    expect(reference.length).toBeGreaterThan(20)
    for (const [z, p, upper, lower] of reference) {
      expect(relativeError(twoSidedPValue(z!), p!), `p at z=${z}`).toBeLessThan(1e-12)
      expect(relativeError(twoSidedPValue(-z!), p!), `p at z=-${z}`).toBeLessThan(1e-12)
      expect(relativeError(normalUpperTail(z!), upper!), `Q at z=${z}`).toBeLessThan(1e-12)
      expect(relativeError(normalCdf(-z!), lower!), `Φ at z=-${z}`).toBeLessThan(1e-12)
    }
  })

  it('gives the textbook critical values of the bins', () => {
    expect(twoSidedPValue(1.6448536269514722)).toBeCloseTo(0.1, 14)
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 14)
    expect(twoSidedPValue(2.5758293035489004)).toBeCloseTo(0.01, 14)
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15)
  })

  it('is symmetric and complementary: Φ(x) + Φ(−x) = 1', () => {
    for (const x of [0.01, 0.3, 0.67, 0.675, 1.5, 3, 5.65, 5.66, 9]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15)
      expect(normalUpperTail(x)).toBe(normalCdf(-x))
    }
  })

  it('underflows to 0 beyond z ≈ 37.5 and stays in [0, 1]', () => {
    expect(twoSidedPValue(40)).toBe(0)
    expect(twoSidedPValue(Infinity)).toBe(0)
    expect(twoSidedPValue(0)).toBe(1)
    expect(normalCdf(-Infinity)).toBe(0)
    expect(normalCdf(Infinity)).toBe(1)
  })

  it('returns NaN for NaN', () => {
    expect(twoSidedPValue(Number.NaN)).toBeNaN()
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})
