// What the district holds, as /api/meta and /api/health report it: from the district model once it is built (live:
// a report counts at once), from the store until then — the same numbers either way.
import { describe, expect, test } from 'vitest'
import { DistrictModel } from '../../server/model/district-model.ts'
import { createApp } from '../../server/app.ts'
import { report } from '../store-contract/store-contract.ts'
import { createTestApp, signIn } from './helpers.ts'

const AT = new Date('2026-11-20T10:00:00+08:00')

describe('the counts /api/meta and /api/health report', () => {
  test('the built model counts what the store counts, and keeps counting as reports come in', async () => {
    const { store } = await createTestApp()
    const model = new DistrictModel(store)
    expect(model.counts()).toBeUndefined() // nothing built yet: the routes ask the store
    await model.warm()
    expect(model.counts()).toEqual((await store.info()).counts)

    const created = await store.createReport(report(90), { userId: null, username: 'patrol' }, AT)
    await model.changed({ kind: 'incidents', ids: [created.id] })
    const counts = (await store.info()).counts
    expect(model.counts()?.incidents).toBe(counts.incidents)
    expect(model.counts()).toEqual(counts)
    // a change to an incident already counted does not count it twice
    await model.changed({ kind: 'incidents', ids: [created.id] })
    expect(model.counts()).toEqual(counts)
    await store.close()
  })

  test('a warm server answers from its model what a cold one answers from the store, a new report included', async () => {
    const { app: cold, store } = await createTestApp()
    const warm = createApp({ store, warm: true })
    // tiles need the place, incident and lamp indexes: once both are answered the warm server's model is built
    const cookie = await signIn(warm, 'leader')
    for (const layer of ['incidents', 'lamps']) expect((await warm.request(`/api/tiles/${layer}/12/3231/1681.mvt`, { headers: { cookie } })).status).toBe(200)
    const posted = await warm.request('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: '0104', lon: 104.0585, lat: 30.668, description: '巷子很脏' }) })
    expect(posted.status).toBe(201)
    const fromStore = (await (await cold.request('/api/meta')).json()) as { counts: Record<string, number> }
    const fromModel = (await (await warm.request('/api/meta')).json()) as { counts: Record<string, number> }
    const health = (await (await warm.request('/api/health')).json()) as { counts: Record<string, number> }
    expect(fromStore.counts).toEqual((await store.info()).counts)
    expect(fromModel.counts).toEqual(fromStore.counts)
    expect(health.counts).toEqual(fromStore.counts)
    await store.close()
  })
})
