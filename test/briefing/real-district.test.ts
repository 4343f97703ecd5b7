// A briefing for a district nobody here made: central Nanjing's OpenStreetMap streets imported as a bureau would
// (no zones, lamps or reports yet). The briefing is drafted and issued all the same, says the period has no data,
// names the district on its cover, and its map is drawn from Nanjing's streets.
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { ensureDemoAccounts } from '../../server/demo-accounts.ts'
import { applyDistrictSettings } from '../../server/district-settings.ts'
import { resolveProfile } from '../../server/import/load-profile.ts'
import { runImport } from '../../server/import/run-import.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import { signIn } from '../api/helpers.ts'
import { allLines } from './pdf-text.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('a briefing for an imported Nanjing district', () => {
  test('is drafted, says there is no data yet, and names the district', async () => {
    const store = new SqliteStore(':memory:')
    const profile = { district: { name: '新街口', name_en: 'Xinjiekou', time_zone: 'Asia/Shanghai' }, layers: [{ layer: 'streets', file: 'nanjing-xinjiekou-2021.osm' }] }
    const report = await runImport(store, resolveProfile(profile, `${root}geodata/cities/nanjing`), { actor: { userId: null, username: 'import' }, now: new Date('2026-12-05T12:00:00Z') })
    expect(report.rejected).toBe(0)
    await applyDistrictSettings(store)
    await ensureDemoAccounts(store)
    const app = createApp({ store, clock: () => new Date('2026-12-07T09:00:00+08:00') })
    const leader = await signIn(app, 'leader')
    const res = await app.request('/api/briefings', { method: 'POST', headers: { cookie: leader, 'content-type': 'application/json' }, body: JSON.stringify({ from: '2026-11-30', to: '2026-12-07' }) })
    expect(res.status).toBe(201)
    const { pdf_url, id } = (await res.json()) as { pdf_url: string; id: string }
    const pdf = new Uint8Array(await (await app.request(pdf_url, { headers: { cookie: leader } })).arrayBuffer())
    const lines = await allLines(pdf)
    expect(lines).toContain('新街口 · 2026年第49周')
    expect(lines.some((l) => l.includes('本期没有上报数据'))).toBe(true)
    expect(lines.some((l) => l.includes('尚未导入路灯台账'))).toBe(true) // no lamps imported: not "everything dark"
    expect(lines.some((l) => l.startsWith('道路亮灯率 | 0.0%'))).toBe(false)
    // the map's box is the district's, in Nanjing
    const facts = ((await (await app.request(`/api/briefings/${id}`, { headers: { cookie: leader } })).json()) as { facts: { map: { bbox: number[] } } }).facts
    expect(facts.map.bbox[0]).toBeGreaterThan(118.6)
    expect(facts.map.bbox[3]).toBeLessThan(32.2)
    expect((await app.request(`/api/briefings/${id}/issue`, { method: 'POST', headers: { cookie: leader } })).status).toBe(200)
    await store.close()
  }, 60_000)
})
