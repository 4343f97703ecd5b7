// The district model's lamp updates: a write hands over the lamp as it left it and whether an outage report names it
// (no second read), and two changes to one lamp that finish out of order leave the newer one showing.
import { describe, expect, test } from 'vitest'
import { DistrictModel } from '../../server/model/district-model.ts'
import { createTestApp } from './helpers.ts'

const CREW = { userId: null, username: 'crew' }
const AT = new Date('2026-11-15T10:00:00+08:00')
const around = ([lng, lat]: [number, number]): [number, number, number, number] => [lng - 1e-4, lat - 1e-4, lng + 1e-4, lat + 1e-4]

describe('the district model and lamp changes', () => {
  test('a lamp handed over by its write shows at once, and an older version of it arriving later does not undo it', async () => {
    const { store } = await createTestApp()
    const model = new DistrictModel(store)
    const lighting = await model.lighting()
    const index = await model.lamps()
    const before = (await store.lamps({})).find((l) => l.status === 'ok' && lighting.working.get(l.id))!
    const { lamp: broken } = await store.updateLampStatus(before, 'defective_lamp', CREW, AT, [])
    const { lamp: mended } = await store.updateLampStatus(broken, 'ok', CREW, AT, [])

    // the newer write lands first, then the older one's update finishes
    await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [mended], reportedOut: new Set() })
    expect(lighting.working.get(before.id)).toBe(true)
    const stale = await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [broken], reportedOut: new Set() })
    expect(lighting.working.get(before.id)).toBe(true)
    expect(index.pointsIn(around(before.coordinates), ['defective_lamp'], 1e6)?.some((p) => p.id === before.id)).toBe(false)
    expect(stale?.streetIds).toEqual([])

    // and the same lamp broken again (a newer version) shows dark
    const { lamp: again } = await store.updateLampStatus(mended, 'column_issue', CREW, AT, [])
    const diff = await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [again], reportedOut: new Set() })
    expect(lighting.working.get(before.id)).toBe(false)
    expect(index.pointsIn(around(before.coordinates), ['column_issue'], 1e6)?.some((p) => p.id === before.id)).toBe(true)
    expect(diff?.totals).toEqual(lighting.engine.totals())
    await store.close()
  })

  test('a write that says an outage report names its lamp leaves the lamp dark, and the model reads nothing more', async () => {
    const { store } = await createTestApp()
    let reads = 0
    // the store as the model sees it, counting the reads a lamp change could make
    const counted = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if (key === 'incidents' || key === 'lamp') return (...args: unknown[]) => (reads++, (value as (...a: unknown[]) => unknown).apply(target, args))
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const model = new DistrictModel(counted)
    const lighting = await model.lighting()
    const lamp = (await store.lamps({})).find((l) => l.status === 'ok' && lighting.working.get(l.id))!
    reads = 0
    const { lamp: written } = await store.updateLampStatus(lamp, 'ok', CREW, AT, [])
    await model.changed({ kind: 'lamps', lampIds: [lamp.id] }, { lamps: [written], reportedOut: new Set([lamp.id]) })
    expect(lighting.working.get(lamp.id)).toBe(false)
    const { lamp: cleared } = await store.updateLampStatus(written, 'ok', CREW, AT, [])
    await model.changed({ kind: 'lamps', lampIds: [lamp.id] }, { lamps: [cleared], reportedOut: new Set() })
    expect(lighting.working.get(lamp.id)).toBe(true)
    expect(reads).toBe(0)
    // without the write's word the model reads the lamp and its reports
    await model.changed({ kind: 'lamps', lampIds: [lamp.id] })
    expect(reads).toBeGreaterThan(0)
    await store.close()
  })
})
