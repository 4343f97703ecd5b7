import { describe, expect, it } from 'vitest'
import { DEFAULT_FALLBACK_RADIUS_M, findCoverageRadius, resolveCoverageRadiusTable, type CoverageRadiusOptions } from './coverage-radius.ts'

describe('resolveCoverageRadiusTable', () => {
  it('uses docs/domain-notes.md §3 defaults per highway class', () => {
    const table = resolveCoverageRadiusTable()
    for (const highway of ['footway', 'pedestrian', 'living_street', 'service', 'path', 'steps', 'cycleway', 'track']) {
      expect(findCoverageRadius(table, highway)).toBe(10)
    }
    for (const highway of ['residential', 'unclassified', 'tertiary', 'tertiary_link']) {
      expect(findCoverageRadius(table, highway)).toBe(15)
    }
    for (const highway of ['secondary', 'secondary_link', 'primary', 'primary_link', 'trunk', 'trunk_link', 'motorway', 'motorway_link']) {
      expect(findCoverageRadius(table, highway)).toBe(18)
    }
  })

  it('falls back to 15 m for an unknown class, including names of Object.prototype members', () => {
    const table = resolveCoverageRadiusTable()
    expect(table.fallbackM).toBe(DEFAULT_FALLBACK_RADIUS_M)
    expect(findCoverageRadius(table, 'busway')).toBe(15)
    expect(findCoverageRadius(table, 'constructor')).toBe(15)
    expect(findCoverageRadius(table, '__proto__')).toBe(15)
  })

  it('merges overrides over the defaults and reports the table actually used', () => {
    const table = resolveCoverageRadiusTable({ radiusByHighwayM: { footway: 6, road: 12 }, fallbackRadiusM: 20 })
    expect(findCoverageRadius(table, 'footway')).toBe(6)
    expect(findCoverageRadius(table, 'road')).toBe(12)
    expect(findCoverageRadius(table, 'primary')).toBe(18)
    expect(findCoverageRadius(table, 'busway')).toBe(20)
    expect(table.byHighwayM).toMatchObject({ footway: 6, road: 12, primary: 18 })
    expect(JSON.parse(JSON.stringify(table))).toEqual(table)
  })

  it('keeps a __proto__ override as an ordinary entry', () => {
    const options: CoverageRadiusOptions = JSON.parse('{"radiusByHighwayM":{"__proto__":7}}')
    const table = resolveCoverageRadiusTable(options)
    expect(findCoverageRadius(table, '__proto__')).toBe(7)
    expect(Object.getPrototypeOf(table.byHighwayM)).toBe(Object.prototype)
  })

  it('rejects a negative or non-finite radius', () => {
    expect(() => resolveCoverageRadiusTable({ radiusByHighwayM: { footway: -1 } })).toThrow(RangeError)
    expect(() => resolveCoverageRadiusTable({ radiusByHighwayM: { footway: Number.NaN } })).toThrow(/footway/)
    expect(() => resolveCoverageRadiusTable({ fallbackRadiusM: Number.POSITIVE_INFINITY })).toThrow(/fallbackRadiusM/)
  })

  it('does not let one table change the defaults of the next', () => {
    const table = resolveCoverageRadiusTable()
    table.byHighwayM.footway = 99
    expect(findCoverageRadius(resolveCoverageRadiusTable(), 'footway')).toBe(10)
  })
})
