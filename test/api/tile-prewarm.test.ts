// The tiles made ahead at start: every unfiltered incident and lamp tile over the district at zooms 10–16,
// each then served as kept (not made again) and the same as one made on request.
import { describe, expect, test } from 'vitest'
import { tileBBox, tilesCovering } from '../../server/analysis/tile-geometry.ts'
import { DistrictModel } from '../../server/model/district-model.ts'
import { createTileMaker } from '../../server/routes/tiles.ts'
import { createTestApp } from './helpers.ts'

describe('tiles made ahead', () => {
  test('tilesCovering names exactly the tiles whose boxes meet the area', () => {
    const box: [number, number, number, number] = [104.03, 30.64, 104.07, 30.68]
    for (const z of [10, 13, 16]) {
      const tiles = tilesCovering(box, z)
      expect(tiles.length).toBeGreaterThan(0)
      for (const [x, y] of tiles) {
        const [w, s, e, n] = tileBBox(z, x, y)
        expect(w <= box[2] && e >= box[0] && s <= box[3] && n >= box[1]).toBe(true)
      }
      // one tile further out on any side no longer meets it
      const xs = tiles.map((t) => t[0])
      const ys = tiles.map((t) => t[1])
      const [w] = tileBBox(z, Math.max(...xs) + 1, ys[0]!)
      expect(w).toBeGreaterThan(box[2])
      const [, , , n] = tileBBox(z, xs[0]!, Math.max(...ys) + 1)
      expect(n).toBeLessThan(box[1])
      expect(tiles.length).toBe((Math.max(...xs) - Math.min(...xs) + 1) * (Math.max(...ys) - Math.min(...ys) + 1))
    }
  })

  test('makes every unfiltered incident and lamp tile of zooms 10–16 over the district, which are then served as kept', async () => {
    const { store } = await createTestApp()
    const model = new DistrictModel(store)
    const maker = createTileMaker({ store, model, clock: () => new Date('2026-11-01T00:00:00+08:00') })
    const { bounds } = await model.places()
    const expected = [10, 11, 12, 13, 14, 15, 16].reduce((n, z) => n + tilesCovering(bounds!, z).length, 0)
    expect(await maker.prewarm()).toBe(2 * expected)

    let made = 0
    const get = model.tiles.get.bind(model.tiles)
    model.tiles.get = (layer, key, make, area) => get(layer, key, async () => (made++, make()), area)
    const [x, y] = tilesCovering(bounds!, 12)[0]!
    const kept = await maker.tile('incidents', 12, x, y, {})
    await maker.tile('lamps', 14, ...tilesCovering(bounds!, 14).at(-1)!, {})
    expect(made).toBe(0)
    await maker.tile('lamps', 16, ...tilesCovering(bounds!, 16)[0]!, {})
    expect(made).toBe(0)
    await maker.tile('lamps', 17, ...tilesCovering(bounds!, 17)[0]!, {})
    await maker.tile('incidents', 16, ...tilesCovering(bounds!, 16)[0]!, { category: ['0118'] }) // filtered: not made ahead
    expect(made).toBe(2)

    // the same bytes as a tile made on request by a server that made nothing ahead
    const fresh = createTileMaker({ store, model: new DistrictModel(store), clock: () => new Date() })
    expect(Buffer.compare(Buffer.from((await fresh.tile('incidents', 12, x, y, {})).body), Buffer.from(kept.body))).toBe(0)
  })
})
