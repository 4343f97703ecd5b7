// Importing data nobody here wrote: a real OpenStreetMap extract of another city (Nanjing), the real Chengdu streets
// as a Shapefile in a projected CGCS2000 zone, and real street positions shifted into GCJ-02 — each through the
// same pipeline `npm run import` runs, into a fresh store, checked by what lands where.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { parseOsm } from '../../geodata/osm/parse-osm.ts'
import { createNearestStreetIndex } from '../../server/analysis/nearest-street.ts'
import { resolveProfile } from '../../server/import/load-profile.ts'
import { runImport } from '../../server/import/run-import.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const actor = { userId: null, username: 'import' }
const NOW = new Date('2026-12-05T12:00:00Z')

async function importInto(store: SqliteStore, profile: unknown, baseDir: string) {
  return runImport(store, resolveProfile(profile, baseDir), { actor, now: NOW })
}

describe('an OpenStreetMap extract of central Nanjing (新街口)', async () => {
  const store = new SqliteStore(':memory:')
  const report = await importInto(store, { district: { name: '新街口', time_zone: 'Asia/Shanghai' }, layers: [{ layer: 'streets', file: 'nanjing-xinjiekou-2021.osm' }] }, `${root}geodata/cities/nanjing`)
  const info = await store.info()

  test('brings in its streets, buildings, water and intersections, and nothing is rejected', () => {
    expect(report.rejected).toBe(0)
    expect(info.counts.streets).toBeGreaterThan(300)
    expect(info.counts.buildings).toBe(1270)
    expect(info.counts.water).toBe(9)
    expect(info.counts.intersections).toBeGreaterThan(100)
    expect(report.layers[0]?.stored?.inserted).toBe(info.counts.streets)
  })

  test('names come from the tags, and the district lies in Nanjing', async () => {
    const names = new Set((await store.streets({})).map((s) => s.name))
    for (const name of ['中山东路', '汉中路', '洪武北路']) expect(names.has(name)).toBe(true)
    const [w, s, e, n] = info.bounds ?? [0, 0, 0, 0]
    expect(w).toBeGreaterThan(118.6)
    expect(e).toBeLessThan(119)
    expect(s).toBeGreaterThan(31.8)
    expect(n).toBeLessThan(32.2)
  })

  test('is the bureau district, not the demo: units exist for routing, no zones, no grid', async () => {
    expect(info.demo).toBe(false)
    expect((await store.districtSettings())?.district.name).toBe('新街口')
    expect((await store.units()).map((u) => u.id).sort()).toEqual(['ENF', 'LGT', 'SAN'])
    expect(info.counts.grid).toBe(0)
  })
})

describe('the Chengdu streets as a zipped Shapefile in CGCS2000 / 3-degree GK CM 105E', async () => {
  const store = new SqliteStore(':memory:')
  const profile = {
    district: { name: '成都中心' },
    layers: [
      {
        layer: 'streets', file: 'chengdu-roads-cgcs2000-cm105.zip', id: 'OSM_ID', name: 'ROADNAME',
        class: { field: 'LEVEL', values: { '1': 'arterial', '2': 'secondary', '3': 'branch', '4': 'alley' } },
      },
    ],
  }
  const report = await importInto(store, profile, `${root}test/fixtures/import/real`)
  const osm = parseOsm(readFileSync(`${root}geodata/chengdu/chengdu-center-2018.osm`, 'utf8'))
  const osmById = new Map(osm.streets.map((s) => [s.id, s]))

  test('reads the projection from the .prj and brings every street in', () => {
    expect(report.layers[0]?.crs).toMatch(/4544|CM_105E/)
    expect(report.rejected).toBe(0)
    expect(report.layers[0]?.stored?.inserted).toBe(407)
  })

  test('each street lands on its OSM original: same vertices within a millimetre, same length', async () => {
    const streets = await store.streets({})
    for (const s of streets) {
      const original = osmById.get(s.id)
      expect(original, s.id).toBeDefined()
      expect(s.coordinates).toHaveLength(original!.coordinates.length)
      s.coordinates.forEach(([x, y], i) => {
        expect(Math.abs(x - original!.coordinates[i]![0]) * 96_000).toBeLessThan(0.001)
        expect(Math.abs(y - original!.coordinates[i]![1]) * 111_320).toBeLessThan(0.001)
      })
      expect(s.lengthM).toBeCloseTo(original!.lengthM, 2)
    }
  })

  test('keeps the class from LEVEL and the Chinese names from the UTF-8 DBF', async () => {
    const byId = new Map((await store.streets({})).map((s) => [s.id, s]))
    expect(byId.get('w25373389')?.name).toBe('人民中路一段')
    expect(byId.get('w25373389')?.highway).toBe('secondary')
  })
})

describe('street positions in GCJ-02 (a ledger digitised on a Chinese web map)', async () => {
  const dir = `${root}test/fixtures/import/real`
  const layers = (crs: string) => [
    { layer: 'streets', file: `${root}geodata/chengdu/chengdu-center-2018.osm` },
    { layer: 'lamps', file: 'chengdu-osm-vertices-gcj02.csv', id: 'id', lon: 'lng', lat: 'lat', crs },
  ]
  const onStreets = async (crs: string) => {
    const store = new SqliteStore(':memory:')
    await importInto(store, { district: { name: '成都中心' }, layers: layers(crs) }, dir)
    const index = createNearestStreetIndex(await store.streets({}))
    const distances = (await store.lamps({})).map((l) => index.nearest(l.coordinates, 2000)?.distanceM ?? Infinity).sort((a, b) => a - b)
    return distances[distances.length >> 1]!
  }

  test('declared gcj02, the points land on the OSM streets; taken as WGS84 they would not', async () => {
    expect(await onStreets('gcj02')).toBeLessThan(1)
    expect(await onStreets('wgs84')).toBeGreaterThan(20)
  })
})
