// The facts a briefing is drawn from, gathered directly (no HTTP): a hotspot analysis that cannot run does not stop
// the briefing, and the repairs of a period count the dark length they lit.
import { describe, expect, test } from 'vitest'
import { loadDemoDistrict } from '../../geodata/demo/generate-demo.ts'
import { gatherBriefingFacts } from '../../server/briefing/briefing-facts.ts'
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { DistrictModel } from '../../server/model/district-model.ts'
import type { AnalysisPool } from '../../server/workers/analysis-pool.ts'
import { createTestApp } from '../api/helpers.ts'

const NOW = new Date('2026-12-07T09:30:00+08:00')

describe('briefing facts', async () => {
  const { store } = await createTestApp({ district: loadDemoDistrict({ referenceDate: districtCalendar.isoInstant(NOW) }), clock: () => NOW })
  const ctx = { store, model: new DistrictModel(store), clock: () => NOW }
  const period = { fromMs: Date.parse('2026-11-01T00:00:00+08:00'), toMs: Date.parse('2026-12-01T00:00:00+08:00'), zoneId: null }

  test('a hotspot analysis that cannot run leaves the section saying why, and the rest of the briefing stands', async () => {
    const busy = { run: async () => Promise.reject(new Error('the analysis capacity is busy')) } as unknown as AnalysisPool
    const facts = await gatherBriefingFacts(ctx, busy, period)
    expect(facts.hotspots).toMatchObject({ status: 'unavailable', reason: 'the analysis capacity is busy' })
    expect(facts.hotspots.incidents).toBeGreaterThan(1000)
    expect(facts.league.length).toBeGreaterThan(5)
    expect(facts.totals.current.cases).toBeGreaterThan(100)
  })

  test('lamps repaired in the period, and still working, light the dark length the briefing credits them with', async () => {
    const { engine, working } = await ctx.model.lighting()
    const broken = [...working].filter(([, w]) => !w).map(([id]) => id).slice(0, 40)
    expect(broken.length).toBe(40)
    const darkBefore = engine.result().totals.darkLengthM
    // repaired through the store (the history a crew's PATCH writes) and in the live engine, on 15 November
    for (const id of broken) {
      const lamp = (await store.lamp(id))!
      await store.updateLampStatus(lamp, 'ok', { userId: null, username: 'crew' }, new Date('2026-11-15T10:00:00+08:00'), [])
      engine.setLampWorking(id, true)
      expect(working.get(id)).toBe(true) // the states read through the engine
    }
    const lit = darkBefore - engine.result().totals.darkLengthM
    expect(lit).toBeGreaterThan(0)
    const pool = { run: async () => ({ refusal: { code: 'zero-variance', message: 'not needed here' } }) } as unknown as AnalysisPool
    const facts = await gatherBriefingFacts(ctx, pool, period)
    expect(facts.lighting.repaired_lamps).toBeGreaterThanOrEqual(40)
    expect(facts.lighting.repaired_dark_length_m).toBeGreaterThanOrEqual(Math.round(lit * 10) / 10 - 0.1)
    // and the engine is as it was: the lamps were switched off only while the length was measured
    expect(engine.result().totals.darkLengthM).toBeCloseTo(darkBefore - lit, 6)
  })
})
