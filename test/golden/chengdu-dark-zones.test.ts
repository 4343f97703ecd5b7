// Golden scenario: dark zones of the Chengdu demo district (real OSM streets, generated lamps, default seed and
// reference date). A change to the engine, the radius table or the demo generator shows up as a reviewed diff of
// test/fixtures/dark-zones/out/chengdu-demo.json (refresh with `vitest -u`).
import { describe, expect, test } from 'vitest'
import { loadDemoDistrict } from '../../geodata/demo/generate-demo.ts'
import { computeDarkZones } from '../../server/analysis/dark-zones.ts'
import { darkZoneLamp, darkZoneStreet, isLampWorking, openOutageLampIds } from '../../server/domain/lighting-inputs.ts'

describe('Chengdu demo district dark zones', () => {
  test('matches the reviewed golden summary', async () => {
    const d = loadDemoDistrict()
    const openOutages = openOutageLampIds(d.incidents)
    const result = computeDarkZones(
      d.streets.map(darkZoneStreet),
      d.lamps.map((l) => darkZoneLamp(l, openOutages)),
    )
    const round = (x: number) => Math.round(x * 10) / 10
    const longest = [...result.darkLines].sort((a, b) => b.lengthM - a.lengthM || a.streetId.localeCompare(b.streetId)).slice(0, 15)
    const summary = {
      streets: result.streets.length,
      lamps: d.lamps.length,
      working_lamps: d.lamps.filter((l) => isLampWorking(l, openOutages)).length,
      total_length_m: round(result.totals.totalLengthM),
      dark_length_m: round(result.totals.darkLengthM),
      lit_share: Math.round(result.totals.litShare * 10_000) / 10_000,
      dark_stretches: result.darkLines.length,
      dark_stretches_over_50_m: result.darkLines.filter((l) => l.lengthM > 50).length,
      by_zone: result.zones.map((z) => ({ zone: z.zoneId, length_m: round(z.lengthM), dark_m: round(z.darkLengthM) })),
      longest: longest.map((l) => ({ street: l.streetId, name: l.name, highway: l.highway, length_m: round(l.lengthM) })),
    }
    // Plausibility that does not depend on the golden file: most of the district is lit, and the generator's
    // whole unlit alleys are among the dark stretches.
    expect(summary.lit_share).toBeGreaterThan(0.7)
    expect(summary.lit_share).toBeLessThan(1)
    expect(summary.dark_stretches_over_50_m).toBeGreaterThan(0)
    await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot('../fixtures/dark-zones/out/chengdu-demo.json')
  }, 60_000)
})
