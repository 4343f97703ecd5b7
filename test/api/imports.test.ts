// The Data view's API: uploads, previews with guesses and the GCJ-02 warning, import runs with their report and
// rejects, saved profiles, and who may use any of it. Each test starts from an empty store (GRIDWATCH_SEED=none),
// as a bureau importing its own district does.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { ensureDemoAccounts } from '../../server/demo-accounts.ts'
import type { Store } from '../../server/store/store.ts'
import { expectProblemResponse, openTestStore, signIn, type TestApp } from './helpers.ts'

const SMALL = join(import.meta.dirname, '../fixtures/import/small')

/** An app on an empty store with the demo accounts, keeping its uploads in a folder of its own. */
async function createEmptyApp(options: { holdRuns?: Promise<void> } = {}) {
  let store = await openTestStore()
  await ensureDemoAccounts(store)
  const hold = options.holdRuns
  // A run starts by reading the store's info: held there, it stays "running" for as long as the test needs,
  // however fast the adapter would otherwise finish it.
  if (hold) {
    const info = store.info.bind(store)
    store = Object.assign(Object.create(store) as Store, { info: async () => (await hold, info()) })
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gridwatch-test-data-'))
  const app = createApp({ store, dataDir, photoDir: mkdtempSync(join(tmpdir(), 'gridwatch-test-photos-')) })
  return { app, store, dataDir, admin: await signIn(app, 'admin') }
}

interface UploadJson {
  upload_id: string
  name: string
  format: string
  field_names: string[]
  sample: Record<string, string>[]
  prj: string | null
  geometry_type: string | null
  distinct_values: Record<string, { value: string; count: number }[]>
  guesses: { layer: string | null; fields: Record<string, Record<string, string>>; values: Record<string, Record<string, string>> }
}

interface PreviewJson {
  crs: string
  read: number
  accepted: number
  rows: { row: number; ok: boolean; id: string; fields: Record<string, string>; problem: { field: string; reason: string } | null }[]
  features: { type: string; features: { geometry: { type: string; coordinates: unknown } }[] }
  gcj_warning: boolean
}

interface RunJson {
  state: 'running' | 'done' | 'failed'
  progress: { fraction: number }
  report: {
    dry_run: boolean
    stored: boolean
    imported: number
    rejected: number
    layers: { layer: string; file: string; read: number; accepted: number; rejected: number; stored: { inserted: number } | null }[]
    rejects: { row: number; reason: string }[]
  } | null
  error: string | null
}

async function upload(app: TestApp, cookie: string, name: string, body: Uint8Array<ArrayBuffer> | string = new Uint8Array(readFileSync(join(SMALL, name)))) {
  return app.request(`/api/imports/uploads?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body })
}

async function uploadId(app: TestApp, cookie: string, name: string, body?: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const res = await upload(app, cookie, name, body)
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as UploadJson).upload_id
}

const postJson = (app: TestApp, cookie: string, path: string, body: unknown, method = 'POST') =>
  app.request(path, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })

// The small district's mapping, as test/fixtures/import/small/profile.json has it (file values filled per test).
const ZONES = { layer: 'zones', id: 'CODE', name: 'NAME', name_en: 'NAME_EN' }
const STREETS = { layer: 'streets', id: 'FID', name: 'ROADNAME', class: { field: 'LEVEL', values: { '1': 'arterial', '2': 'secondary', '3': 'branch' }, default: 'alley' } }
const LAMPS = { layer: 'lamps', lon: '经度', lat: '纬度', crs: 'gcj02', id: '编号', height_m: '灯高', status: { field: '状态', values: { 正常: 'ok', 不亮: 'defective_lamp' }, default: 'ok' } }
const INCIDENTS = {
  layer: 'incidents', lon: 'LONGITUDE', lat: 'LATITUDE', id: 'CASE_ID', reported_at: { field: 'OPEN_DT', format: 'MM/dd/yyyy hh:mm:ss a' }, description: 'TITLE',
  category: { field: 'TYPE', values: { 'Street Light Outages': '0118', 'Street Vending': '0501', Garbage: '0102' }, default: '0104' },
  status: { field: 'STATUS', values: { Open: 'reported', Closed: 'closed' } },
}
const DISTRICT = { name: '测试片区', name_en: 'Test Ward', time_zone: 'Asia/Shanghai' }

async function startRun(app: TestApp, cookie: string, layers: unknown[], options: { dry_run?: boolean; strict?: boolean } = {}) {
  return postJson(app, cookie, '/api/imports/runs', { profile: { district: DISTRICT, layers }, ...options })
}

async function pollRun(app: TestApp, cookie: string, runId: string): Promise<RunJson> {
  for (let i = 0; i < 600; i++) {
    const res = await app.request(`/api/imports/runs/${runId}`, { headers: { cookie } })
    expect(res.status).toBe(200)
    const run = (await res.json()) as RunJson
    if (run.state !== 'running') return run
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the run did not end in 30 s')
}

async function runToEnd(app: TestApp, cookie: string, layers: unknown[], options: { dry_run?: boolean; strict?: boolean } = {}) {
  const res = await startRun(app, cookie, layers, options)
  expect(res.status).toBe(202)
  const { run_id } = (await res.json()) as { run_id: string }
  return { runId: run_id, run: await pollRun(app, cookie, run_id) }
}

describe('POST /api/imports/uploads', () => {
  test('answers a CSV with its columns, first rows, few-valued columns and guessed mapping', async () => {
    const { app, admin } = await createEmptyApp()
    const res = await upload(app, admin, 'hotline.csv')
    expect(res.status).toBe(201)
    const body = (await res.json()) as UploadJson
    expect(body).toMatchObject({ name: 'hotline.csv', format: 'csv', prj: null, geometry_type: null })
    expect(body.upload_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.field_names).toEqual(['CASE_ID', 'OPEN_DT', 'TYPE', 'STATUS', 'LONGITUDE', 'LATITUDE', 'TITLE'])
    expect(body.sample).toHaveLength(20)
    expect(body.sample[0]).toMatchObject({ CASE_ID: 'HL000001', TYPE: 'Garbage' })
    expect(body.guesses.layer).toBe('incidents')
    expect(body.guesses.fields.incidents).toMatchObject({ lon: 'LONGITUDE', lat: 'LATITUDE', id: 'CASE_ID', reported_at: 'OPEN_DT', category: 'TYPE', status: 'STATUS', description: 'TITLE' })
    expect(body.distinct_values.TYPE?.map((d) => d.value)).toEqual(expect.arrayContaining(['Garbage', 'Street Vending', 'Street Light Outages']))
    expect(body.distinct_values.CASE_ID).toBeUndefined() // an id column is no vocabulary
    expect(body.guesses.values.STATUS).toEqual({ Open: 'reported', Closed: 'closed' })
  })

  test('guesses zones from polygons and lamps from a Chinese ledger', async () => {
    const { app, admin } = await createEmptyApp()
    const zones = (await (await upload(app, admin, 'zones.geojson')).json()) as UploadJson
    expect(zones).toMatchObject({ format: 'geojson', geometry_type: 'Polygon', guesses: { layer: 'zones' } })
    expect(zones.guesses.fields.zones).toEqual({ id: 'CODE', name: 'NAME', name_en: 'NAME_EN' })
    const lamps = (await (await upload(app, admin, 'lamps-gcj02.csv')).json()) as UploadJson
    expect(lamps.guesses.layer).toBe('lamps')
    expect(lamps.guesses.fields.lamps).toEqual({ lon: '经度', lat: '纬度', id: '编号', status: '状态', height_m: '灯高' })
    expect(lamps.guesses.values['状态']).toMatchObject({ 正常: 'ok', 不亮: 'defective_lamp' })
  })

  test('answers an OpenStreetMap file as format osm, with nothing to map', async () => {
    const { app, admin } = await createEmptyApp()
    const res = await upload(app, admin, 'city.osm', '<?xml version="1.0"?><osm version="0.6"></osm>')
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ format: 'osm', field_names: [], sample: [], guesses: { layer: 'streets' } })
  })

  test('refuses a file no reader can open (422), one without a name (400), another media type (415) and an empty body (400)', async () => {
    const { app, admin } = await createEmptyApp()
    const xls = await expectProblemResponse(await upload(app, admin, 'old.xls', 'not really a workbook'), 422, 'unreadable-file')
    expect(xls.detail).toMatch(/xlsx/)
    await expectProblemResponse(await app.request('/api/imports/uploads', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/octet-stream' }, body: 'a' }), 400, 'invalid-query')
    await expectProblemResponse(await app.request('/api/imports/uploads?name=a.csv', { method: 'POST', headers: { cookie: admin, 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' }), 415, 'unsupported-media-type')
    await expectProblemResponse(await upload(app, admin, 'empty.csv', ''), 400, 'invalid-body')
  })

  test('refuses a body declared larger than 500 MB before reading it', async () => {
    const { app, admin } = await createEmptyApp()
    const res = await app.request('/api/imports/uploads?name=huge.csv', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/octet-stream', 'content-length': String(501 * 1024 * 1024) }, body: 'a,b\n' })
    await expectProblemResponse(res, 413, 'too-large')
  })
})

describe('POST /api/imports/preview', () => {
  test('maps the first rows and draws them in WGS84', async () => {
    const { app, admin } = await createEmptyApp()
    const id = await uploadId(app, admin, 'zones.geojson')
    const res = await postJson(app, admin, '/api/imports/preview', { upload_id: id, layer: ZONES })
    expect(res.status).toBe(200)
    const body = (await res.json()) as PreviewJson
    expect(body).toMatchObject({ crs: 'wgs84', read: 2, accepted: 2, gcj_warning: false })
    expect(body.rows.map((r) => [r.id, r.ok])).toEqual([['510104901', true], ['510104902', true]])
    expect(body.features.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Polygon'])
  })

  test('lists each row it cannot map with its reason', async () => {
    const { app, admin } = await createEmptyApp()
    const id = await uploadId(app, admin, 'hotline.csv')
    // no category mapping or default: every value is unknown
    const res = await postJson(app, admin, '/api/imports/preview', { upload_id: id, layer: { ...INCIDENTS, category: { field: 'TYPE' } } })
    const body = (await res.json()) as PreviewJson
    expect(body.accepted).toBe(0)
    expect(body.rows).toHaveLength(200)
    expect(body.rows[0]?.problem).toMatchObject({ field: 'TYPE', reason: expect.stringMatching(/unknown category/) })
    expect(body.features.features).toEqual([])
  })

  test('warns when points declared WGS84 lie where GCJ-02 points would against the imported streets', async () => {
    const { app, admin } = await createEmptyApp()
    const roads = await uploadId(app, admin, 'roads.geojson')
    const zones = await uploadId(app, admin, 'zones.geojson')
    const { run } = await runToEnd(app, admin, [{ ...ZONES, file: zones }, { ...STREETS, file: roads }])
    expect(run.state).toBe('done')
    const lamps = await uploadId(app, admin, 'lamps-gcj02.csv')
    const asWgs84 = (await (await postJson(app, admin, '/api/imports/preview', { upload_id: lamps, layer: { ...LAMPS, crs: 'wgs84' } })).json()) as PreviewJson
    expect(asWgs84.gcj_warning).toBe(true)
    expect(asWgs84.features.features.length).toBeGreaterThan(1000)
    const asGcj = (await (await postJson(app, admin, '/api/imports/preview', { upload_id: lamps, layer: LAMPS })).json()) as PreviewJson
    expect(asGcj).toMatchObject({ crs: 'gcj02', gcj_warning: false })
  })

  test('does not warn when there are no streets to compare with', async () => {
    const { app, admin } = await createEmptyApp()
    const lamps = await uploadId(app, admin, 'lamps-gcj02.csv')
    const body = (await (await postJson(app, admin, '/api/imports/preview', { upload_id: lamps, layer: { ...LAMPS, crs: 'wgs84' } })).json()) as PreviewJson
    expect(body.gcj_warning).toBe(false)
    expect(body.accepted).toBeGreaterThan(0)
  })

  test('refuses a layer missing a required key, an unknown upload and an unknown coordinate system', async () => {
    const { app, admin } = await createEmptyApp()
    const id = await uploadId(app, admin, 'zones.geojson')
    const missing = await expectProblemResponse(await postJson(app, admin, '/api/imports/preview', { upload_id: id, layer: { layer: 'zones', name: 'NAME' } }), 400, 'invalid-body')
    expect(missing.errors?.map((e) => e.path)).toContain('layer.id')
    await expectProblemResponse(await postJson(app, admin, '/api/imports/preview', { layer: ZONES }), 400, 'invalid-body')
    await expectProblemResponse(await postJson(app, admin, '/api/imports/preview', { upload_id: '00000000-0000-4000-8000-000000000000', layer: ZONES }), 404, 'not-found')
    await expectProblemResponse(await postJson(app, admin, '/api/imports/preview', { upload_id: id, layer: { ...ZONES, crs: 'EPSG:1' } }), 422, 'unknown-crs')
  })
})

describe('import runs', () => {
  test('imports the small district as the CLI does and tells the live model at once', async () => {
    const { app, admin } = await createEmptyApp()
    const files = await Promise.all(['zones.geojson', 'roads.geojson', 'lamps-gcj02.csv', 'hotline.csv'].map((f) => uploadId(app, admin, f)))
    const [zones, roads, lamps, hotline] = files
    const { runId, run } = await runToEnd(app, admin, [{ ...INCIDENTS, file: hotline }, { ...LAMPS, file: lamps }, { ...STREETS, file: roads }, { ...ZONES, file: zones }])
    expect(run.state).toBe('done')
    expect(run.progress.fraction).toBe(1)
    expect(run.report).toMatchObject({ dry_run: false, stored: true, imported: 2 + 369 + 3434 + 1200, rejected: 0 })
    expect(run.report?.layers.map((l) => [l.layer, l.file, l.read, l.accepted, l.rejected, l.stored?.inserted])).toEqual([
      ['zones', 'zones.geojson', 2, 2, 0, 2],
      ['streets', 'roads.geojson', 369, 369, 0, 369],
      ['lamps', 'lamps-gcj02.csv', 3434, 3434, 0, 3434],
      ['incidents', 'hotline.csv', 1200, 1200, 0, 1200],
    ])
    // the map and analyses show the new district without a restart
    const meta = (await (await app.request('/api/meta')).json()) as { district: { name: string }; counts: { lamps: number } }
    expect(meta.district.name).toBe('测试片区')
    expect(meta.counts.lamps).toBe(3434)
    const crew = await signIn(app, 'crew')
    const coverage = (await (await app.request('/api/coverage', { headers: { cookie: crew } })).json()) as { lamps: number; dark_length_m: number; total_length_m: number }
    expect(coverage.lamps).toBe(3434)
    expect(coverage.dark_length_m).toBeGreaterThan(0)
    expect(coverage.dark_length_m).toBeLessThan(coverage.total_length_m)
    // nothing rejected: the rejects file is its header alone
    const rejects = await app.request(`/api/imports/runs/${runId}/rejects.csv`, { headers: { cookie: admin } })
    expect(rejects.status).toBe(200)
    expect(rejects.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = new Uint8Array(await rejects.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // a BOM, so Excel reads the Chinese as UTF-8
    expect(new TextDecoder().decode(bytes).trim()).toBe('file,layer,row,id,field,reason,value')
  })

  test('a dry run checks every row and stores nothing', async () => {
    const { app, admin, store } = await createEmptyApp()
    const zones = await uploadId(app, admin, 'zones.geojson')
    const { run } = await runToEnd(app, admin, [{ ...ZONES, file: zones }], { dry_run: true })
    expect(run.report).toMatchObject({ dry_run: true, stored: false, imported: 0 })
    expect(run.report?.layers[0]).toMatchObject({ read: 2, accepted: 2, stored: null })
    expect((await store.info()).counts.zones).toBe(0)
  })

  test('lists the rows it did not take in the report and the rejects CSV', async () => {
    const { app, admin } = await createEmptyApp()
    const csv = '编号,经度,纬度\nA1,104.06,30.66\nA2,,30.66\nA3,104.0601,30.6601\nA4,abc,30.66\n'
    const lamps = await uploadId(app, admin, 'ledger.csv', csv)
    const { runId, run } = await runToEnd(app, admin, [{ layer: 'lamps', file: lamps, id: '编号', lon: '经度', lat: '纬度' }])
    expect(run.report).toMatchObject({ stored: true, imported: 2, rejected: 2 })
    expect(run.report?.rejects.map((r) => [r.row, r.reason])).toEqual([[3, 'missing coordinate'], [5, 'non-numeric coordinate']])
    const text = await (await app.request(`/api/imports/runs/${runId}/rejects.csv`, { headers: { cookie: admin } })).text()
    expect(text.trim().split('\n')).toEqual(['file,layer,row,id,field,reason,value', 'ledger.csv,lamps,3,A2,经度,missing coordinate,', 'ledger.csv,lamps,5,A4,经度,non-numeric coordinate,abc'])
  })

  test('runs one import at a time: a second start while one is going is 409', async () => {
    let release!: () => void
    const { app, admin } = await createEmptyApp({ holdRuns: new Promise<void>((resolve) => (release = resolve)) })
    const hotline = await uploadId(app, admin, 'hotline.csv')
    const first = await startRun(app, admin, [{ ...INCIDENTS, file: hotline }], { dry_run: true })
    expect(first.status).toBe(202)
    await expectProblemResponse(await startRun(app, admin, [{ ...INCIDENTS, file: hotline }], { dry_run: true }), 409, 'import-running')
    release()
    const { run_id } = (await first.json()) as { run_id: string }
    expect((await pollRun(app, admin, run_id)).state).toBe('done')
    expect((await startRun(app, admin, [{ ...INCIDENTS, file: hotline }], { dry_run: true })).status).toBe(202)
  })

  test('refuses a profile with a wrong key, a file that is no upload id, and an unknown run', async () => {
    const { app, admin } = await createEmptyApp()
    const wrong = await expectProblemResponse(await postJson(app, admin, '/api/imports/runs', { profile: { district: {}, layers: [] } }), 400, 'invalid-profile')
    expect(wrong.errors?.map((e) => e.path)).toContain('profile.district.name')
    await expectProblemResponse(await startRun(app, admin, []), 400, 'invalid-profile')
    const notId = await expectProblemResponse(await startRun(app, admin, [{ ...ZONES, file: '/etc/passwd' }]), 400, 'invalid-profile')
    expect(notId.detail).toMatch(/upload id/)
    await expectProblemResponse(await startRun(app, admin, [{ ...ZONES, file: '00000000-0000-4000-8000-000000000000' }]), 404, 'not-found')
    await expectProblemResponse(await postJson(app, admin, '/api/imports/runs', { profile: { district: DISTRICT }, verbose: true }), 400, 'invalid-body')
    await expectProblemResponse(await app.request('/api/imports/runs/00000000-0000-4000-8000-000000000000', { headers: { cookie: admin } }), 404, 'not-found')
    await expectProblemResponse(await app.request('/api/imports/runs/not-a-uuid', { headers: { cookie: admin } }), 400, 'invalid-param')
  })
})

describe('saved profiles', () => {
  test('saves a profile by name, lists it and gives it back as a JSON download', async () => {
    const { app, admin } = await createEmptyApp()
    const profile = { district: DISTRICT, layers: [{ ...ZONES, file: 'zones.geojson' }] }
    const put = await postJson(app, admin, `/api/imports/profiles/${encodeURIComponent('测试片区 2026')}`, profile, 'PUT')
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({ name: '测试片区 2026', created: true })
    const again = await postJson(app, admin, `/api/imports/profiles/${encodeURIComponent('测试片区 2026')}`, profile, 'PUT')
    expect(await again.json()).toEqual({ name: '测试片区 2026', created: false })
    const list = (await (await app.request('/api/imports/profiles', { headers: { cookie: admin } })).json()) as { name: string }[]
    expect(list.map((p) => p.name)).toEqual(['测试片区 2026'])
    const one = await app.request(`/api/imports/profiles/${encodeURIComponent('测试片区 2026')}`, { headers: { cookie: admin } })
    expect(one.status).toBe(200)
    expect(one.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/)
    expect(await one.json()).toEqual(profile)
  })

  test('refuses a profile the schema does not take, a bad name and an unknown one', async () => {
    const { app, admin } = await createEmptyApp()
    const bad = await expectProblemResponse(await postJson(app, admin, '/api/imports/profiles/x', { district: DISTRICT, layers: [{ layer: 'lamps', file: 'a.csv' }] }, 'PUT'), 400, 'invalid-profile')
    expect(bad.errors?.map((e) => e.path)).toContain('body.layers.0.id')
    await expectProblemResponse(await postJson(app, admin, `/api/imports/profiles/${encodeURIComponent('../etc')}`, { district: DISTRICT }, 'PUT'), 400, 'invalid-param')
    await expectProblemResponse(await app.request('/api/imports/profiles/nothing', { headers: { cookie: admin } }), 404, 'not-found')
  })
})

describe('access', () => {
  test('every import route is for administrators only: 401 signed out, 403 for other roles', async () => {
    const { app } = await createEmptyApp()
    const leader = await signIn(app, 'leader')
    const runId = '00000000-0000-4000-8000-000000000000'
    const calls: [string, string][] = [
      ['POST', '/api/imports/uploads?name=a.csv'],
      ['POST', '/api/imports/preview'],
      ['POST', '/api/imports/runs'],
      ['GET', `/api/imports/runs/${runId}`],
      ['GET', `/api/imports/runs/${runId}/rejects.csv`],
      ['GET', '/api/imports/profiles'],
      ['GET', '/api/imports/profiles/x'],
      ['PUT', '/api/imports/profiles/x'],
    ]
    for (const [method, path] of calls) {
      await expectProblemResponse(await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? null : '{}' }), 401, 'unauthenticated')
      await expectProblemResponse(await app.request(path, { method, headers: { cookie: leader, 'content-type': 'application/json' }, body: method === 'GET' ? null : '{}' }), 403, 'forbidden')
    }
  })
})
