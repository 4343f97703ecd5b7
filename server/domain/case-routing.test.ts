import { describe, expect, test } from 'vitest'
import { DEFAULT_CATEGORY_ROUTING, type ResponsibleUnit, UNIT_KINDS, type UnitKind, buildResponsibleUnits, findUnitKind, routeCase } from './case-routing.ts'
import { INCIDENT_CATEGORY_CODES } from '../kernel/categories.ts'

const createZones = () => [
  { id: '001', name: '演示街道一', nameEn: 'Demo Sub-district 1' },
  { id: '002', name: '演示街道二', nameEn: 'Demo Sub-district 2' },
]

describe('buildResponsibleUnits', () => {
  test('builds one sub-district office per zone plus the three city-wide units', () => {
    expect(buildResponsibleUnits(createZones())).toEqual([
      { id: 'SD001', name: '演示街道一办事处', nameEn: 'Demo Sub-district 1 Office', kind: 'subdistrict', zoneId: '001' },
      { id: 'SD002', name: '演示街道二办事处', nameEn: 'Demo Sub-district 2 Office', kind: 'subdistrict', zoneId: '002' },
      { id: 'SAN', name: '环卫处', nameEn: 'Sanitation Department', kind: 'sanitation', zoneId: null },
      { id: 'ENF', name: '城管执法大队', nameEn: 'Urban Management Enforcement Squad', kind: 'enforcement', zoneId: null },
      { id: 'LGT', name: '路灯管理所', nameEn: 'Street Lighting Maintenance Office', kind: 'lighting', zoneId: null },
    ])
  })

  test('builds only the city-wide units when there are no zones', () => {
    expect(buildResponsibleUnits([]).map((u) => u.id)).toEqual(['SAN', 'ENF', 'LGT'])
  })

  test('covers every unit kind', () => {
    expect(new Set(buildResponsibleUnits(createZones()).map((u) => u.kind))).toEqual(new Set(UNIT_KINDS))
  })

  test('refuses duplicate zone ids', () => {
    expect(() => buildResponsibleUnits([...createZones(), { id: '001', name: 'x', nameEn: 'x' }])).toThrow(/'001' twice/)
  })

  test('does not mutate its input', () => {
    const zones = createZones()
    const before = structuredClone(zones)
    buildResponsibleUnits(zones)
    expect(zones).toEqual(before)
  })
})

describe('routeCase', () => {
  const units = buildResponsibleUnits(createZones())

  test.each<[string, string, UnitKind, string]>([
    ['0118', 'lamp outage', 'lighting', 'LGT'],
    ['0102', 'exposed garbage', 'sanitation', 'SAN'],
    ['0103', 'accumulated garbage', 'sanitation', 'SAN'],
    ['0104', 'dirty road', 'subdistrict', 'SD002'],
    ['0501', 'street vending', 'enforcement', 'ENF'],
    ['0504', 'shop spill-over', 'enforcement', 'ENF'],
    ['0510', 'barbecue', 'enforcement', 'ENF'],
    ['0101', 'illegal construction', 'enforcement', 'ENF'],
    ['0507', 'stacking', 'subdistrict', 'SD002'],
  ])('routes %s (%s) to the %s unit', (category, _name, kind, unitId) => {
    expect(findUnitKind(category)).toBe(kind)
    expect(routeCase({ category, zoneId: '002' }, units)).toBe(unitId)
  })

  test('routes every category of the taxonomy by the default table', () => {
    expect(Object.keys(DEFAULT_CATEGORY_ROUTING).sort()).toEqual([...INCIDENT_CATEGORY_CODES].sort())
  })

  test('routes a sub-district case to the office of its own zone', () => {
    expect(routeCase({ category: '0104', zoneId: '001' }, units)).toBe('SD001')
    expect(routeCase({ category: '0104', zoneId: '002' }, units)).toBe('SD002')
  })

  test('routes city-wide categories the same whatever the zone, even outside every zone', () => {
    expect(routeCase({ category: '0102', zoneId: '001' }, units)).toBe('SAN')
    expect(routeCase({ category: '0102', zoneId: null }, units)).toBe('SAN')
    expect(routeCase({ category: '0118', zoneId: null }, units)).toBe('LGT')
  })

  test('falls back to the enforcement squad for a sub-district case outside every zone', () => {
    expect(routeCase({ category: '0507', zoneId: null }, units)).toBe('ENF')
  })

  test('falls back to the enforcement squad for a zone without an office', () => {
    expect(routeCase({ category: '0104', zoneId: '099' }, units)).toBe('ENF')
  })

  test('routes unknown categories to the sub-district office, including prototype names', () => {
    expect(routeCase({ category: '9999', zoneId: '001' }, units)).toBe('SD001')
    expect(routeCase({ category: 'constructor', zoneId: '001' }, units)).toBe('SD001')
    expect(routeCase({ category: '__proto__', zoneId: null }, units)).toBe('ENF')
  })

  test('follows a configured table, e.g. a local 占道经营 class and stacking given to enforcement', () => {
    const routing = { ...DEFAULT_CATEGORY_ROUTING, '0507': 'enforcement', '0599': 'enforcement' } as const
    expect(routeCase({ category: '0507', zoneId: '001' }, units, routing)).toBe('ENF')
    expect(routeCase({ category: '0599', zoneId: '001' }, units, routing)).toBe('ENF')
    expect(routeCase({ category: '0118', zoneId: '001' }, units, routing)).toBe('LGT')
  })

  test('throws when no unit of the needed kind is given (a caller bug)', () => {
    const noLighting: ResponsibleUnit[] = units.filter((u) => u.kind !== 'lighting')
    expect(() => routeCase({ category: '0118', zoneId: '001' }, noLighting)).toThrow(/kind 'lighting'/)
    const officesOnly = units.filter((u) => u.kind === 'subdistrict')
    expect(routeCase({ category: '0104', zoneId: '001' }, officesOnly)).toBe('SD001')
    expect(() => routeCase({ category: '0104', zoneId: null }, officesOnly)).toThrow(/kind 'enforcement'/)
    expect(() => routeCase({ category: '0104', zoneId: '001' }, [])).toThrow(/none is among the 0 units/)
  })

  test('does not mutate its input', () => {
    const copy = structuredClone(units)
    const routing = { ...DEFAULT_CATEGORY_ROUTING }
    routeCase({ category: '0104', zoneId: '001' }, copy, routing)
    expect(copy).toEqual(units)
    expect(routing).toEqual(DEFAULT_CATEGORY_ROUTING)
  })
})
