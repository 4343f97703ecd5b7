import { describe, expect, test } from 'vitest'
import { buildLayerSpec, createLayerForm, listMissingFields, setFallback, setField, setMappedValue, type UploadHead } from './layer-form.ts'

const none = { zones: {}, streets: {}, lamps: {}, incidents: {} }

const lampLedger: UploadHead = {
  format: 'csv',
  prj: null,
  guesses: {
    fields: { ...none, lamps: { lon: '经度', lat: '纬度', id: '编号', status: '状态', height_m: '灯高' } },
    values: { 状态: { 正常: 'ok', 不亮: 'defective_lamp' } },
  },
}

const roads: UploadHead = {
  format: 'geojson',
  prj: null,
  guesses: { fields: { ...none, streets: { id: 'FID', name: 'ROADNAME', class: 'LEVEL' } }, values: {} },
}

describe('createLayerForm', () => {
  test('starts from the guessed columns and values, with no fallback and WGS84 for a file without a .prj', () => {
    const form = createLayerForm(lampLedger, 'lamps')
    expect(form.fields).toEqual({ lon: '经度', lat: '纬度', id: '编号', status: '状态', height_m: '灯高' })
    expect(form.mappings.status).toEqual({ values: { 正常: 'ok', 不亮: 'defective_lamp' }, fallback: '' })
    expect(form.crs).toBe('wgs84')
  })

  test('leaves the coordinate system to a file that carries its own', () => {
    expect(createLayerForm({ ...roads, prj: 'EPSG:4547' }, 'streets').crs).toBe('')
  })

  test('makes an OpenStreetMap file a streets layer with nothing to map, whatever layer was chosen', () => {
    const form = createLayerForm({ format: 'osm', prj: null, guesses: { fields: none, values: {} } }, 'lamps')
    expect(form).toMatchObject({ layer: 'streets', osm: true, fields: {} })
    expect(buildLayerSpec(form, 'city.osm.pbf')).toEqual({ layer: 'streets', file: 'city.osm.pbf' })
  })
})

describe('buildLayerSpec', () => {
  test('writes the profile entry the CLI reads, leaving out the defaults', () => {
    let form = createLayerForm(lampLedger, 'lamps')
    form = setFallback(form, 'status', 'ok')
    form = { ...form, crs: 'gcj02' }
    expect(buildLayerSpec(form, 'lamps-gcj02.csv')).toEqual({
      layer: 'lamps',
      file: 'lamps-gcj02.csv',
      crs: 'gcj02',
      lon: '经度',
      lat: '纬度',
      id: '编号',
      status: { field: '状态', values: { 正常: 'ok', 不亮: 'defective_lamp' }, default: 'ok' },
      height_m: '灯高',
    })
  })

  test('maps each value chosen and gives a date column its format', () => {
    let form = createLayerForm(roads, 'streets')
    for (const [theirs, ours] of [['1', 'arterial'], ['2', 'secondary'], ['3', 'branch']] as const) form = setMappedValue(form, 'class', theirs, ours)
    form = setFallback(form, 'class', 'alley')
    expect(buildLayerSpec(form, 'roads.geojson')).toEqual({
      layer: 'streets',
      file: 'roads.geojson',
      id: 'FID',
      name: 'ROADNAME',
      class: { field: 'LEVEL', values: { 1: 'arterial', 2: 'secondary', 3: 'branch' }, default: 'alley' },
    })
    const hotline = { ...createLayerForm(lampLedger, 'incidents'), fields: { id: 'CASE_ID', reported_at: 'OPEN_DT', category: 'TYPE' }, dateFormat: ' MM/dd/yyyy ' }
    expect(buildLayerSpec(hotline, 'hotline.csv')).toMatchObject({ reported_at: { field: 'OPEN_DT', format: 'MM/dd/yyyy' }, category: { field: 'TYPE', values: {} } })
  })

  test('spells out WGS84 when it overrides the file’s own .prj', () => {
    const form = { ...createLayerForm({ ...roads, prj: 'PROJCS["x"]' }, 'streets'), crs: 'wgs84' }
    expect(buildLayerSpec(form, 'roads.shp.zip')).toHaveProperty('crs', 'wgs84')
  })

  test('does not mutate the form it is given', () => {
    const form = createLayerForm(lampLedger, 'lamps')
    const before = JSON.stringify(form)
    buildLayerSpec(setMappedValue(form, 'status', '正常', ''), 'x.csv')
    expect(JSON.stringify(form)).toBe(before)
  })
})

describe('setField', () => {
  test('starts a mapped key over from the new column’s guesses, keeping its fallback', () => {
    const form = setFallback(createLayerForm(lampLedger, 'lamps'), 'status', 'ok')
    const moved = setField(form, 'status', '灯高', lampLedger)
    expect(moved.mappings.status).toEqual({ values: {}, fallback: 'ok' })
    expect(setField(moved, 'status', '状态', lampLedger).mappings.status?.values).toEqual({ 正常: 'ok', 不亮: 'defective_lamp' })
  })

  test('drops a key set to no column', () => {
    expect(setField(createLayerForm(lampLedger, 'lamps'), 'height_m', '', lampLedger).fields).not.toHaveProperty('height_m')
  })
})

describe('listMissingFields', () => {
  test('names the required keys without a column, in form order', () => {
    expect(listMissingFields(createLayerForm(roads, 'zones'))).toEqual(['id', 'name'])
    expect(listMissingFields(createLayerForm(lampLedger, 'lamps'))).toEqual([])
  })

  test('asks for the other coordinate when only one of lon and lat is chosen', () => {
    const form = setField(createLayerForm(lampLedger, 'lamps'), 'lat', '', lampLedger)
    expect(listMissingFields(form)).toEqual(['lat'])
  })
})
