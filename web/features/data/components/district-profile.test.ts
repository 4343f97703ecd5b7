import { describe, expect, test } from 'vitest'
import { buildDistrictProfile, EMPTY_DISTRICT, listImportBlockers } from './district-profile.ts'

describe('buildDistrictProfile', () => {
  test('trims the names, leaves out an empty English name and defaults the time zone', () => {
    const layers = [{ layer: 'zones', file: 'zones.geojson', id: 'CODE', name: 'NAME' }]
    expect(buildDistrictProfile({ name: ' 测试片区 ', nameEn: ' ', timeZone: '' }, layers)).toEqual({
      district: { name: '测试片区', time_zone: 'Asia/Shanghai' },
      layers,
    })
  })
})

describe('listImportBlockers', () => {
  test('asks for a layer and a district name before an import can start', () => {
    expect(listImportBlockers(EMPTY_DISTRICT, 0)).toEqual(['noLayers', 'noDistrictName'])
    expect(listImportBlockers({ ...EMPTY_DISTRICT, name: '测试片区' }, 2)).toEqual([])
  })
})
