// A row far from every other row — a point in another city, a lon/lat typed into the wrong column — is listed, not
// stored, whether the layer is checked before it is stored (a re-import) or in the same pass (a first load).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { findFarRows } from '../../server/import/far-rows.ts'
import { resolveProfile } from '../../server/import/load-profile.ts'
import { runImport } from '../../server/import/run-import.ts'
import type { Store } from '../../server/store/store.ts'
import { openTestStore } from '../api/helpers.ts'

const actor = { userId: null, username: 'import' }

function writeLedger(dir: string) {
  const rows = ['id,lon,lat']
  for (let i = 0; i < 40; i++) rows.push(`L${i},${(104.06 + (i % 8) * 0.001).toFixed(4)},${(30.66 + Math.floor(i / 8) * 0.001).toFixed(4)}`)
  rows.push('BEIJING,116.3912,39.9067') // a lamp of another city's ledger
  rows.push('SWAPPED,30.6612,104.0611') // lat and lon swapped: off the map's sense, 8,000 km away
  writeFileSync(join(dir, 'lamps.csv'), rows.join('\n') + '\n')
}

const profile = { district: { name: 'x' }, layers: [{ layer: 'lamps', file: 'lamps.csv', id: 'id', lon: 'lon', lat: 'lat' }] }

describe('rows far from every other row', () => {
  test('are found from the points alone: a city of rows and two strays', () => {
    const points = new Float64Array([...Array.from({ length: 40 }, (_, i) => [104.06 + (i % 8) * 0.001, 30.66 + Math.floor(i / 8) * 0.001]).flat(), 116.39, 39.9])
    expect([...findFarRows(points, 41)]).toEqual([40])
    expect(findFarRows(points.slice(0, 2 * 10), 10).size).toBe(0) // too few rows to say where the city is
  })

  test('are listed and not stored on a first load (one pass) and on a re-import (two passes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-far-'))
    writeLedger(dir)
    const store = await openTestStore()
    for (const pass of ['first', 'again']) {
      const report = await runImport(store, resolveProfile(profile, dir), { actor, now: new Date('2026-12-05T00:00:00Z') })
      expect(report.rejects.map((r) => [r.n, r.id, r.reason]), pass).toEqual([
        [42, 'BEIJING', 'far from every other row'],
        [43, 'SWAPPED', 'coordinate out of range for wgs84'],
      ])
      expect((await store.info()).counts.lamps, pass).toBe(40)
      expect(await store.lamp('BEIJING')).toBeUndefined()
    }
    // its connections closed, so the test worker can exit at once
    await store.close()
  })
})
