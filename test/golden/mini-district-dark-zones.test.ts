// Golden scenario: dark zones of a synthetic mini-district (test/fixtures/dark-zones/in/), drawn for a GeoJSON viewer.
// A change to the engine or the radius table shows up as a reviewed diff of test/fixtures/dark-zones/out/ (refresh
// with `vitest -u`).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createDarkZoneEngine } from '../../server/analysis/dark-zone-engine.ts'
import { computeDarkZones } from '../../server/analysis/dark-zones.ts'
import type { LngLat } from '../../server/kernel/geo.ts'

describe('golden: synthetic mini-district', () => {
  const lngLat = z.tuple([z.number(), z.number()])
  const fixture = z
    .object({
      streets: z.array(z.object({ id: z.string(), name: z.string().nullable(), highway: z.string(), zoneId: z.string().nullable(), coordinates: z.array(lngLat) })),
      lamps: z.array(z.object({ id: z.string(), coordinates: lngLat, working: z.boolean() })),
    })
    .parse(JSON.parse(readFileSync(new URL('../fixtures/dark-zones/in/mini-district.json', import.meta.url), 'utf8')))

  const round = (value: number, digits: number): number => Number(value.toFixed(digits))
  const roundPoint = ([lng, lat]: LngLat): LngLat => [round(lng, 7), round(lat, 7)]
  /** One feature per line, so that a change shows as a readable diff. */
  const stringifyCollection = (features: readonly unknown[]): string =>
    `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`

  it('matches the golden dark zones, drawn over the streets and lamps', async () => {
    const result = computeDarkZones(fixture.streets, fixture.lamps)
    expect(createDarkZoneEngine(fixture.streets, fixture.lamps).result()).toEqual(result)
    expect(result.darkLines.length).toBeGreaterThan(20)

    const streetFeatures = fixture.streets.map((street, i) => {
      const lighting = result.streets[i]!
      return {
        type: 'Feature',
        properties: {
          kind: 'street',
          id: street.id,
          name: street.name,
          highway: street.highway,
          radiusM: lighting.radiusM,
          lengthM: round(lighting.lengthM, 3),
          darkLengthM: round(lighting.darkLengthM, 3),
          litShare: round(lighting.litShare, 4),
          stroke: '#9e9e9e',
          'stroke-width': 2,
        },
        geometry: { type: 'LineString', coordinates: street.coordinates },
      }
    })
    const darkFeatures = result.darkLines.map((line) => ({
      type: 'Feature',
      properties: { kind: 'dark', streetId: line.streetId, name: line.name, highway: line.highway, lengthM: round(line.lengthM, 3), stroke: '#d50000', 'stroke-width': 5 },
      geometry: { type: 'LineString', coordinates: line.coordinates.map(roundPoint) },
    }))
    const lampFeatures = fixture.lamps.map((lamp) => ({
      type: 'Feature',
      properties: { kind: 'lamp', id: lamp.id, working: lamp.working, 'marker-color': lamp.working ? '#ffc400' : '#212121', 'marker-size': 'small' },
      geometry: { type: 'Point', coordinates: lamp.coordinates },
    }))
    await expect(stringifyCollection([...streetFeatures, ...darkFeatures, ...lampFeatures])).toMatchFileSnapshot(
      '../fixtures/dark-zones/out/mini-district.geojson',
    )

    const stats = {
      radiusTable: result.radiusTable,
      totals: { totalLengthM: round(result.totals.totalLengthM, 3), darkLengthM: round(result.totals.darkLengthM, 3), litShare: round(result.totals.litShare, 4) },
      zones: result.zones.map((z) => ({ ...z, lengthM: round(z.lengthM, 3), darkLengthM: round(z.darkLengthM, 3), litShare: round(z.litShare, 4) })),
      darkLineCount: result.darkLines.length,
    }
    await expect(`${JSON.stringify(stats, null, 2)}\n`).toMatchFileSnapshot('../fixtures/dark-zones/out/mini-district.stats.json')
  })
})
