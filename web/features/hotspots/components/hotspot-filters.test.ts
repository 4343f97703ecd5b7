import { describe, expect, test } from 'vitest'
import {
  DEFAULT_HOTSPOT_FILTERS,
  buildHotspotsQuery,
  buildIntersectionsQuery,
  buildTrendsQuery,
  toggleCategory,
} from './hotspot-filters.ts'

const period = { from: '2026-08-29', to: '2026-11-27', lastDay: '2026-11-26' }

describe('buildHotspotsQuery', () => {
  test('leaves the category out for every category, and says fdr and cell size explicitly', () => {
    expect(buildHotspotsQuery(DEFAULT_HOTSPOT_FILTERS, period)).toEqual({ from: '2026-08-29', to: '2026-11-27', cell: 'h3-10', fdr: 'true' })
  })

  test('asks the same query whatever order the categories were ticked in', () => {
    const ab = buildHotspotsQuery({ ...DEFAULT_HOTSPOT_FILTERS, categories: ['0504', '0501'] }, period)
    const ba = buildHotspotsQuery({ ...DEFAULT_HOTSPOT_FILTERS, categories: ['0501', '0504', '0501'] }, period)
    expect(ab).toEqual(ba)
    expect(ab.category).toBe('0501,0504')
  })

  test('sends no fdr switch to the comparison, which the server would refuse', () => {
    expect(buildTrendsQuery({ ...DEFAULT_HOTSPOT_FILTERS, fdr: false }, period)).not.toHaveProperty('fdr')
  })
})

describe('buildIntersectionsQuery', () => {
  test('ranks crossings by the street-vending categories for the same period', () => {
    expect(buildIntersectionsQuery(period, 10)).toEqual({ category: '0501,0504,0510', from: '2026-08-29', to: '2026-11-27', limit: '10' })
  })
})

describe('toggleCategory', () => {
  test('adds a category that is not picked and removes one that is, without mutating its input', () => {
    const picked = ['0501']
    expect(toggleCategory(picked, '0504')).toEqual(['0501', '0504'])
    expect(toggleCategory(picked, '0501')).toEqual([])
    expect(picked).toEqual(['0501'])
  })
})
