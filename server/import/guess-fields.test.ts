import { describe, expect, test } from 'vitest'
import { guessFieldMapping, guessLayerKind, guessValueMapping } from './guess-fields.ts'

describe('guessFieldMapping', () => {
  test('maps a 12345 hotline export by its English column names', () => {
    expect(guessFieldMapping(['CASE_ID', 'OPEN_DT', 'TYPE', 'STATUS', 'LONGITUDE', 'LATITUDE', 'TITLE'], 'incidents')).toEqual({
      lon: 'LONGITUDE',
      lat: 'LATITUDE',
      id: 'CASE_ID',
      reported_at: 'OPEN_DT',
      category: 'TYPE',
      status: 'STATUS',
      description: 'TITLE',
    })
  })

  test('maps a lamp ledger by its Chinese column names', () => {
    expect(guessFieldMapping(['编号', '经度', '纬度', '状态', '灯高'], 'lamps')).toEqual({ id: '编号', lon: '经度', lat: '纬度', status: '状态', height_m: '灯高' })
  })

  test('knows the short and GIS spellings of coordinates', () => {
    expect(guessFieldMapping(['lng', 'lat', 'fid'], 'lamps')).toMatchObject({ lon: 'lng', lat: 'lat', id: 'fid' })
    expect(guessFieldMapping(['OBJECTID', 'POINT_X', 'POINT_Y'], 'lamps')).toMatchObject({ lon: 'POINT_X', lat: 'POINT_Y', id: 'OBJECTID' })
    expect(guessFieldMapping(['Long', 'Lat'], 'incidents')).toMatchObject({ lon: 'Long', lat: 'Lat' })
  })

  test('finds a CJK role word inside a longer header', () => {
    expect(guessFieldMapping(['工单编号', '事件上报时间', '问题类型', 'X坐标', 'Y坐标'], 'incidents')).toMatchObject({
      id: '工单编号',
      reported_at: '事件上报时间',
      category: '问题类型',
      lon: 'X坐标',
      lat: 'Y坐标',
    })
  })

  test('gives each column to one role only, and the whole name before a partial one', () => {
    const guess = guessFieldMapping(['CODE', 'NAME', 'NAME_EN'], 'zones')
    expect(guess).toEqual({ id: 'CODE', name: 'NAME', name_en: 'NAME_EN' })
    expect(guessFieldMapping(['FID', 'ROADNAME', 'LEVEL'], 'streets')).toEqual({ id: 'FID', name: 'ROADNAME', class: 'LEVEL' })
    expect(guessFieldMapping(['名称', '道路等级'], 'streets')).toEqual({ name: '名称', class: '道路等级' })
  })

  test('leaves out roles no column fits, and guesses nothing for no columns', () => {
    expect(guessFieldMapping(['foo', 'bar'], 'incidents')).toEqual({})
    expect(guessFieldMapping([], 'lamps')).toEqual({})
  })

  test('does not mutate the names it is given', () => {
    const names = ['LONGITUDE', 'LATITUDE']
    guessFieldMapping(names, 'lamps')
    expect(names).toEqual(['LONGITUDE', 'LATITUDE'])
  })
})

describe('guessLayerKind', () => {
  test('takes polygons for zones and lines for streets', () => {
    expect(guessLayerKind(['CODE', 'NAME'], 'Polygon')).toBe('zones')
    expect(guessLayerKind(['CODE'], 'MultiPolygon')).toBe('zones')
    expect(guessLayerKind(['FID'], 'LineString')).toBe('streets')
    expect(guessLayerKind([], null, 'city.osm.pbf')).toBe('streets')
  })

  test('tells incidents from lamps by a report date or category column', () => {
    expect(guessLayerKind(['CASE_ID', 'OPEN_DT', 'LONGITUDE', 'LATITUDE'], null)).toBe('incidents')
    expect(guessLayerKind(['编号', '经度', '纬度', '灯高'], null)).toBe('lamps')
    expect(guessLayerKind(['id'], 'Point')).toBe('lamps')
  })

  test('lets the file name decide for a point file whose columns say neither', () => {
    expect(guessLayerKind(['id', 'x', 'y'], null, '12345-hotline.csv')).toBe('incidents')
    expect(guessLayerKind(['id', 'x', 'y', 'type'], null, '路灯台账.csv')).toBe('lamps')
  })

  test('says nothing for a table without coordinates', () => {
    expect(guessLayerKind(['a', 'b'], null)).toBeUndefined()
    expect(guessLayerKind([], null)).toBeUndefined()
  })
})

describe('guessValueMapping', () => {
  test('recognises lamp statuses in Chinese and English, and not 不亮 as 亮', () => {
    expect(guessValueMapping('lampStatus', ['正常', '不亮', 'broken', '灯杆倾斜', '???'])).toEqual({ 正常: 'ok', 不亮: 'defective_lamp', broken: 'defective_lamp', 灯杆倾斜: 'column_issue' })
  })

  test('recognises open and closed cases', () => {
    expect(guessValueMapping('incidentStatus', ['Open', 'Closed', '已结案', '处理中'])).toEqual({ Open: 'reported', Closed: 'closed', 已结案: 'closed', 处理中: 'in_handling' })
  })

  test('recognises road classes by name but not bare numbers', () => {
    expect(guessValueMapping('class', ['主干路', 'secondary', '支路', '1'])).toEqual({ 主干路: 'arterial', secondary: 'secondary', 支路: 'branch' })
    expect(guessValueMapping('class', [])).toEqual({})
  })
})
