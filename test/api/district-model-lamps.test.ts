// The district model's lamp updates: a write hands over the lamp as it left it (no second read), and two changes
// to one lamp that finish out of order leave the newer one showing.
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
    const broken = await store.updateLampStatus(before, 'defective_lamp', CREW, AT, [])
    const mended = await store.updateLampStatus(broken, 'ok', CREW, AT, [])

    // the newer write lands first, then the older one's update finishes
    await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [mended] })
    expect(lighting.working.get(before.id)).toBe(true)
    const stale = await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [broken] })
    expect(lighting.working.get(before.id)).toBe(true)
    expect(index.pointsIn(around(before.coordinates), ['defective_lamp'], 1e6)?.some((p) => p.id === before.id)).toBe(false)
    expect(stale?.streetIds).toEqual([])

    // and the same lamp broken again (a newer version) shows dark
    const again = await store.updateLampStatus(mended, 'column_issue', CREW, AT, [])
    const diff = await model.changed({ kind: 'lamps', lampIds: [before.id] }, { lamps: [again] })
    expect(lighting.working.get(before.id)).toBe(false)
    expect(index.pointsIn(around(before.coordinates), ['column_issue'], 1e6)?.some((p) => p.id === before.id)).toBe(true)
    expect(diff?.totals).toEqual(lighting.engine.totals())
    await store.close()
  })
})
