import { describe, expect, test } from 'vitest'
import type { Street } from '../../server/kernel/records.ts'
import { parseOsm } from '../osm/parse-osm.ts'
import { categorizeStreet, categorizeStreets, STREET_CATEGORY_RULES, type StreetCategoryRule } from './categorize-streets.ts'
import { readChengduOsm } from './generate-demo.ts'

const createStreet = (highway: string, name: string | null, id = 'w1'): Street => ({
  id,
  osmId: Number(id.slice(1)),
  name,
  nameEn: null,
  highway,
  lengthM: 100,
  coordinates: [[104, 30], [104.001, 30]],
  category: 'regulated',
  zoneId: null,
})

describe('categorizeStreet', () => {
  test('makes pedestrian and living streets commercial', () => {
    expect(categorizeStreet(createStreet('pedestrian', null))).toBe('commercial')
    expect(categorizeStreet(createStreet('living_street', '某某街'))).toBe('commercial')
  })

  test('makes known shopping streets commercial by name substring, whatever their highway', () => {
    expect(categorizeStreet(createStreet('primary', '春熙路东段'))).toBe('commercial')
    expect(categorizeStreet(createStreet('residential', '井巷子'))).toBe('commercial')
  })

  test('makes motorways, trunks, primaries and their links demonstration streets', () => {
    for (const highway of ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link']) {
      expect(categorizeStreet(createStreet(highway, '人民南路'))).toBe('demonstration')
    }
  })

  test('makes everything else regulated', () => {
    for (const highway of ['secondary', 'tertiary', 'residential', 'service', 'footway', 'unknown_value']) {
      expect(categorizeStreet(createStreet(highway, null))).toBe('regulated')
    }
  })

  test('does not treat the ordinary roads named 锦里… as shopping streets', () => {
    expect(categorizeStreet(createStreet('secondary', '锦里中路'))).toBe('regulated')
  })

  test('follows a caller-supplied rule table and fallback', () => {
    const rules: StreetCategoryRule[] = [{ category: 'demonstration', nameIncludes: ['大道'], reason: 'test' }]
    expect(categorizeStreet(createStreet('residential', '蜀都大道'), rules)).toBe('demonstration')
    expect(categorizeStreet(createStreet('pedestrian', null), rules, 'commercial')).toBe('commercial')
  })
})

describe('categorizeStreets', () => {
  test('returns new streets and does not mutate its input', () => {
    const input = [createStreet('pedestrian', null, 'w1'), createStreet('trunk', null, 'w2')]
    const before = structuredClone(input)
    const out = categorizeStreets(input)
    expect(out.map((s) => s.category)).toEqual(['commercial', 'demonstration'])
    expect(input).toEqual(before)
  })

  test('returns nothing for no streets', () => {
    expect(categorizeStreets([])).toEqual([])
  })

  test('every name in the shopping-street rule that exists in the Chengdu extract matches a real street', () => {
    const streets = categorizeStreets(parseOsm(readChengduOsm()).streets)
    const nameRule = STREET_CATEGORY_RULES.find((r) => r.nameIncludes !== undefined)
    for (const name of ['春熙路', '宽巷子', '窄巷子', '井巷子']) {
      expect(nameRule?.nameIncludes).toContain(name)
      const matched = streets.filter((s) => s.name?.includes(name))
      expect(matched.length, name).toBeGreaterThan(0)
      expect(matched.every((s) => s.category === 'commercial'), name).toBe(true)
    }
  })
})
