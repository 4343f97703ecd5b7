import { describe, expect, test } from 'vitest'
import type { LngLat } from '../kernel/geo.ts'
import { createPlaceSearch, type SearchIntersection, type SearchStreet } from './place-search.ts'

const street = (id: string, name: string | null, coordinates: LngLat[], nameEn: string | null = null): SearchStreet => ({ id, name, nameEn, lengthM: 100 * coordinates.length, coordinates })
const STREETS: SearchStreet[] = [
  street('w1', '人民南路', [[104.06, 30.64], [104.06, 30.65]], 'Renmin South Road'),
  street('w2', '人民南路', [[104.06, 30.65], [104.06, 30.66], [104.06, 30.67]], 'Renmin South Road'),
  street('w3', '人民路', [[104.07, 30.64], [104.08, 30.64]]),
  street('w4', '和平路', [[104.05, 30.65], [104.07, 30.65]]),
  street('w5', '锦里古街', [[104.05, 30.66], [104.07, 30.66]], 'Jinli Ancient Street'),
  street('w6', null, [[104.0, 30.6], [104.01, 30.6]]),
  street('w7', '新华大道', [[104.08, 30.66], [104.09, 30.66]], 'Xinhua Avenue'),
]
const junction = (id: string, names: string[], at: LngLat, degree = 4): SearchIntersection => ({ id, names, coordinates: at, degree })
const JUNCTIONS: SearchIntersection[] = [
  junction('n1', ['人民南路', '和平路'], [104.06, 30.65]),
  junction('n2', ['人民南路', '锦里古街'], [104.06, 30.66]),
  junction('n3', ['人民南路', '锦里古街'], [104.0601, 30.6601], 3), // the other carriageway: same names
  junction('n4', ['人民路'], [104.07, 30.64]), // one named street: not a junction of two names
]
const places = createPlaceSearch(STREETS, JUNCTIONS)

describe('finding a place by name', () => {
  test('a street is one place however many ways it has, exact match first, then longer streets', () => {
    const hits = places.search('人民南路', 10)
    expect(hits[0]).toMatchObject({ kind: 'street', name: '人民南路', streetIds: ['w1', 'w2'], lengthM: 500 })
    expect(hits[0]!.kind === 'street' && hits[0]!.bbox).toEqual([104.06, 30.64, 104.06, 30.67])
    expect(places.search('人民', 10).map((h) => h.name)).toEqual(['人民南路', '人民路'])
    expect(places.search('人民路', 10).map((h) => h.name)).toEqual(['人民路'])
  })

  test('English names and their case, spacing and full-width forms match too', () => {
    expect(places.search('jinli', 5).map((h) => h.name)).toEqual(['锦里古街'])
    expect(places.search('ＸＩＮＨＵＡ', 5).map((h) => h.name)).toEqual(['新华大道'])
    expect(places.search(' 锦 里 ', 5).map((h) => h.name)).toEqual(['锦里古街'])
  })

  test('"A × B" and its everyday spellings find the junction, each name set once', () => {
    for (const q of ['人民南路 × 锦里', '人民南路x锦里'.replace('x', ' x '), '锦里古街/人民南路', '人民南路和锦里古街', '人民南路与锦里交叉口', '人民南路，锦里']) {
      const hits = places.search(q, 5)
      expect(hits, q).toHaveLength(1)
      expect(hits[0], q).toMatchObject({ kind: 'intersection', id: 'n2', name: '人民南路 × 锦里古街', center: [104.06, 30.66] })
    }
  })

  test('a name holding 和 or 与 is a street, not a junction, unless both halves meet', () => {
    expect(places.search('和平路', 5).map((h) => h.name)).toEqual(['和平路'])
    expect(places.search('和平路与人民南路', 5)).toMatchObject([{ kind: 'intersection', id: 'n1' }])
    expect(places.search('新华大道 × 和平路', 5)).toEqual([])
  })

  test('nothing to look for finds nothing; a limit is kept', () => {
    expect(places.search('  ', 5)).toEqual([])
    expect(places.search('不存在的街', 5)).toEqual([])
    expect(places.search('路', 2)).toHaveLength(2)
  })
})
