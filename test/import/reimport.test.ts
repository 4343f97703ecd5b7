// Importing again is an update, never a duplicate: the small test district imported twice keeps its counts; a
// changed lamp status, street class or case stage comes in as an update with its history; a lamp ledger in Excel
// (the form ledgers live in) imports the same as its CSV.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { resolveProfile } from '../../server/import/load-profile.ts'
import { runImport } from '../../server/import/run-import.ts'
import type { Store } from '../../server/store/store.ts'
import { openTestStore } from '../api/helpers.ts'

const small = fileURLToPath(new URL('../fixtures/import/small/', import.meta.url))
const actor = { userId: null, username: 'import' }
const NOW = new Date('2026-12-05T12:00:00Z')
const profileJson = () => JSON.parse(readFileSync(join(small, 'profile.json'), 'utf8')) as { layers: Record<string, unknown>[] }

async function importDir(store: Store, dir: string, profile = profileJson()) {
  return runImport(store, resolveProfile(profile, dir), { actor, now: NOW })
}

describe('the small district imported twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-reimport-'))
  cpSync(small, dir, { recursive: true })
  const store = await openTestStore()
  const first = await importDir(store, dir)
  const countsAfterFirst = (await store.info()).counts

  test('the first import stores every row of every layer', () => {
    expect(first.layers.map((l) => [l.layer, l.stored?.inserted])).toEqual([['zones', 2], ['streets', 369], ['lamps', 3434], ['incidents', 1200]])
    expect(first.rejected).toBe(0)
    expect(countsAfterFirst.grid).toBeGreaterThan(500) // 100 m cells over two zones of ~2.9 × 2.8 km
  })

  test('the same files again change nothing', async () => {
    const again = await importDir(store, dir)
    expect(again.layers.map((l) => l.stored)).toEqual(again.layers.map(() => ({ inserted: 0, updated: 0, unchanged: expect.any(Number) as number })))
    expect((await store.info()).counts).toEqual(countsAfterFirst)
  })

  test('a changed lamp status, street class and case stage come in as updates with history', async () => {
    const lamps = readFileSync(join(dir, 'lamps-gcj02.csv'), 'utf8').split('\n')
    const lampLine = lamps[1]!
    const lampId = lampLine.split(',')[0]!
    const wasOk = lampLine.includes(',正常,')
    lamps[1] = wasOk ? lampLine.replace(',正常,', ',不亮,') : lampLine.replace(',不亮,', ',正常,')
    writeFileSync(join(dir, 'lamps-gcj02.csv'), lamps.join('\n'))
    const roads = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')) as { features: { properties: { FID: number; LEVEL: number } }[] }
    const road = roads.features.find((f) => f.properties.LEVEL === 3)!
    road.properties.LEVEL = 1 // a branch road upgraded to an arterial: by the profile's rule, a demonstration street
    writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads))
    const calls = readFileSync(join(dir, 'hotline.csv'), 'utf8').split('\n')
    const openIndex = calls.findIndex((line) => line.includes(',Open,'))
    const callId = calls[openIndex]!.split(',')[0]!
    calls[openIndex] = calls[openIndex]!.replace(',Open,', ',Closed,')
    writeFileSync(join(dir, 'hotline.csv'), calls.join('\n'))

    const third = await importDir(store, dir)
    expect(third.layers.map((l) => [l.layer, l.stored?.inserted, l.stored?.updated])).toEqual([['zones', 0, 0], ['streets', 0, 1], ['lamps', 0, 1], ['incidents', 0, 1]])
    expect((await store.info()).counts).toEqual(countsAfterFirst)

    const lamp = await store.lamp(lampId)
    expect(lamp?.status).toBe(wasOk ? 'defective_lamp' : 'ok')
    expect(lamp?.version).toBe(2)
    expect((await store.lampHistory(lampId))[0]).toMatchObject({ fromStatus: wasOk ? 'ok' : 'defective_lamp', toStatus: lamp?.status, username: 'import' })

    const street = await store.street(String(road.properties.FID))
    expect(street?.highway).toBe('arterial')
    expect(street?.category).toBe('demonstration')
    expect((await store.streetCategoryHistory(street!.id))[0]).toMatchObject({ from: 'regulated', to: 'demonstration', reason: 'import', username: 'import' })

    const found = (await store.cases({ limit: 'all', includeMerged: true })).items.find((c) => c.trackingNumber === callId)
    expect(found?.status).toBe('closed')
    const events = await store.caseEvents(found!.id)
    expect(events.at(-1)).toMatchObject({ action: 'import', fromStatus: 'reported', toStatus: 'closed' })
  })
})

describe('a lamp ledger in Excel', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-xlsx-'))
  cpSync(small, dir, { recursive: true })
  // The CSV ledger written as a workbook with a title sheet first and the ledger on a named sheet, dates as dates
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('说明').addRow(['路灯台账，2026 年'])
  const sheet = workbook.addWorksheet('台账')
  const [header, ...rows] = readFileSync(join(small, 'lamps-gcj02.csv'), 'utf8').trim().split('\n')
  sheet.addRow([...header!.split(','), '安装日期'])
  for (const line of rows) {
    const [id, lon, lat, status, height] = line.split(',')
    sheet.addRow([id, Number(lon), Number(lat), status, Number(height), new Date(Date.UTC(2019, 4, 20))])
  }
  await workbook.xlsx.writeFile(join(dir, 'ledger.xlsx'))
  const profile = profileJson()
  profile.layers = profile.layers.map((l) => (l.layer === 'lamps' ? { ...l, file: 'ledger.xlsx', sheet: '台账', installed_at: '安装日期' } : l))
  const store = await openTestStore()
  const report = await importDir(store, dir, profile)

  test('imports every lamp, numbers and dates as Excel typed them', async () => {
    const lamps = report.layers.find((l) => l.layer === 'lamps')
    expect(lamps).toMatchObject({ read: 3434, accepted: 3434, rejected: 0 })
    const lamp = await store.lamp('LD00001')
    expect(lamp?.installedAt).toBe('2019-05-20')
    expect(lamp?.heightM).toBeGreaterThan(0)
    // the same ledger as CSV puts the lamp in the same place
    const csvStore = await openTestStore()
    await importDir(csvStore, small)
    expect((await csvStore.lamp('LD00001'))?.coordinates).toEqual(lamp?.coordinates)
  })
})
