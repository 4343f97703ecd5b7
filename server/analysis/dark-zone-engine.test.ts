import { describe, expect, it } from 'vitest'
import { at, createLamp, createStraightStreet, createStreet } from '../../test/fixtures/dark-zones/tiny-streets.ts'
import { createPrng, generateSyntheticCity } from '../../test/fixtures/dark-zones/synthetic-city.ts'
import type { LngLat } from '../kernel/geo.ts'
import { createDarkZoneEngine } from './dark-zone-engine.ts'
import { computeDarkZones } from './dark-zones.ts'

describe('createDarkZoneEngine', () => {
  const createCity = () => generateSyntheticCity({ seed: 11, segments: 250, lamps: 1100 })

  it('starts equal to a full computation', () => {
    const { streets, lamps } = createCity()
    expect(createDarkZoneEngine(streets, lamps).result()).toEqual(computeDarkZones(streets, lamps))
  })

  it('equals a full recompute after random sequences of lamp changes', () => {
    for (const seed of [1, 2, 3]) {
      const { streets, lamps, bounds } = createCity()
      const random = createPrng(seed)
      const current = new Map(lamps.map((l) => [l.id, { ...l }]))
      // A tiny unindexed-lamp budget, so that the sequence also rebuilds the lamp index a few times.
      const engine = createDarkZoneEngine(streets, lamps, { maxUnindexedLamps: 7 })
      const ids = () => [...current.keys()]
      let nextId = 1
      for (let step = 1; step <= 240; step++) {
        const roll = random()
        const id = ids()[Math.floor(random() * current.size)]!
        if (roll < 0.55) {
          const working = !current.get(id)!.working
          current.get(id)!.working = working
          engine.setLampWorking(id, working)
        } else if (roll < 0.75) {
          const old = current.get(id)!
          const moved = { ...old, coordinates: [old.coordinates[0] + (random() - 0.5) * 4e-4, old.coordinates[1] + (random() - 0.5) * 4e-4] as LngLat, working: random() < 0.8 }
          current.set(id, moved)
          engine.upsertLamp(moved)
        } else if (roll < 0.88) {
          const added = createLamp(`N${nextId++}`, [bounds[0] + random() * (bounds[2] - bounds[0]), bounds[1] + random() * (bounds[3] - bounds[1])], random() < 0.9)
          current.set(added.id, added)
          engine.upsertLamp(added)
        } else {
          current.delete(id)
          engine.removeLamp(id)
        }
        if (step % 8 === 0) {
          const full = computeDarkZones(streets, [...current.values()])
          expect(engine.result(), `seed ${seed} step ${step}`).toEqual(full)
          // what a lamp change answers with: the totals and some streets' lines, without the whole result
          expect(engine.totals()).toEqual(full.totals)
          const some = [...new Set(full.darkLines.map((l) => l.streetId))].filter(() => random() < 0.3)
          expect(engine.darkLinesOf([...some].reverse().concat('no-such-street'))).toEqual(full.darkLines.filter((l) => some.includes(l.streetId)))
          // and the lamps as it holds them: every one, with its state, moved and removed ones included
          expect(engine.lampCount).toBe(current.size)
          expect(new Map(engine.lampStates())).toEqual(new Map([...current.values()].map((l) => [l.id, l.working])))
          expect(engine.isLampWorking(id)).toBe(current.get(id)?.working)
        }
      }
    }
  })

  it('reports the streets a change touched and the change in dark length', () => {
    const streets = [createStraightStreet(), createStreet('w2', [at(0, 200), at(100, 200)])]
    const engine = createDarkZoneEngine(streets, [createLamp('L1', at(50), false)])
    const on = engine.setLampWorking('L1', true)!
    expect(on.streetIds).toEqual(['w1'])
    expect(on.darkLengthDeltaM).toBeCloseTo(-30, 6)
    expect(engine.setLampWorking('L1', true)).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
    expect(engine.setLampWorking('nope', true)).toBeUndefined()
    expect(engine.removeLamp('nope')).toBeUndefined()
    const moved = engine.upsertLamp(createLamp('L1', at(50, 200)))
    expect(moved.streetIds).toEqual(['w1', 'w2'])
    expect(moved.darkLengthDeltaM).toBeCloseTo(0, 5) // +30 m on w2, −30 m on w1, each rounded to the µm
    expect(engine.removeLamp('L1')!.darkLengthDeltaM).toBeCloseTo(30, 6)
    expect(engine.result().totals.darkLengthM).toBeCloseTo(200, 6)
  })

  it('answers bbox queries with the dark lines there', () => {
    const streets = [createStraightStreet(), createStreet('w2', [at(0, 200), at(100, 200)])]
    const engine = createDarkZoneEngine(streets, [createLamp('L1', at(50))])
    const [west, south] = at(-5, -5)
    const [east, north] = at(20, 5)
    const near = engine.darkZonesInBBox([west, south, east, north])
    expect(near.streets.map((s) => s.streetId)).toEqual(['w1'])
    expect(near.darkLines.map((l) => l.lengthM.toFixed(3))).toEqual(['35.000'])
    const all = engine.darkZonesInBBox([103, 30, 105, 31])
    expect(all.darkLines).toEqual(engine.result().darkLines)
    expect(engine.darkZonesInBBox([105, 30, 106, 31])).toEqual({ darkLines: [], streets: [] })
    expect(() => engine.darkZonesInBBox([105, 30, 104, 31])).toThrow(RangeError)
  })

  it('works on empty input', () => {
    const engine = createDarkZoneEngine([], [])
    expect(engine.result()).toEqual(computeDarkZones([], []))
    expect(engine.darkZonesInBBox([103, 30, 105, 31])).toEqual({ darkLines: [], streets: [] })
    expect(engine.upsertLamp(createLamp('L1', at(0)))).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
    expect(engine.setLampWorking('L1', false)).toEqual({ streetIds: [], darkLengthDeltaM: 0 })
  })

  it('rejects duplicate lamp ids and is not affected by later changes to its input', () => {
    expect(() => createDarkZoneEngine([createStraightStreet()], [createLamp('L1', at(0)), createLamp('L1', at(5))])).toThrow(/duplicate lamp id L1/)
    const coordinates = [at(0), at(100)]
    const street = createStreet('w1', coordinates)
    const lamp = createLamp('L1', at(50))
    const engine = createDarkZoneEngine([street], [lamp])
    const before = engine.result()
    coordinates[1] = at(500)
    lamp.working = false
    street.id = 'changed'
    expect(computeDarkZones([createStraightStreet()], [createLamp('L1', at(50))])).toEqual(before)
    expect(engine.result()).toEqual(before)
  })
})
