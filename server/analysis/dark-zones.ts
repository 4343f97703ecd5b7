// Dark zones (亮灯死角, the dark blind spots the phase-2 lighting retrofit surveys): the stretches of each street's
// centreline farther than the coverage radius from every working lamp (docs/domain-notes.md §3). Exact, not sampled:
// per segment, each lamp's circle cuts a parametric interval out of the segment, and the dark part is the complement
// of the intervals' union (dark-zones-kernel.ts). This file computes it once; dark-zone-engine.ts keeps it up to
// date as lamps change.
//
// Decisions, so that callers can rely on them:
// - A working lamp lights every street within the radius, not only the street it stands on: a lamp at a corner
//   lights the crossing street too, which is physically right.
// - The radius is the lit street's class radius (coverage-radius.ts), whichever street the lamp belongs to.
// - Lengths are measured in a local equirectangular frame per segment (local-metric.ts: error < 0.003 % for city
//   segments up to 69° latitude) on turf's sphere, and summed in whole micrometres (exact, order-independent), so
//   a street's `lengthM` here may differ from `Street.lengthM` in the last digits.
// - A street or zone with zero length has litShare 1: nothing there is dark.
// - Antimeridian-crossing geometry is not supported (a city dashboard never meets it).

import { resolveCoverageRadiusTable, type CoverageRadiusOptions } from './coverage-radius.ts'
import { buildStreetModel, indexWorkingLamps, type DarkZoneLamp, type DarkZoneStreet } from './dark-zone-inputs.ts'
import {
  describeStreet,
  readStreetLabels,
  summarizeTotals,
  summarizeZones,
  traceDarkLines,
  type DarkLine,
  type DarkZoneResult,
  type StreetLighting,
} from './dark-zone-results.ts'
import { computeAllSegments, createDarkIntervalStore } from './dark-zones-kernel.ts'

export type { DarkZoneLamp, DarkZoneStreet } from './dark-zone-inputs.ts'
export type { DarkLine, DarkZoneResult, LightingTotals, StreetLighting, ZoneLighting } from './dark-zone-results.ts'
export type { CoverageRadiusTable } from './coverage-radius.ts'
// Until server/model/ imports the engine from dark-zone-engine.ts.

export type DarkZoneOptions = CoverageRadiusOptions

/**
 * Dark stretches of every street: the parts of its centreline farther than its class's coverage radius (metres)
 * from every working lamp, with per-street, per-zone and total lengths in metres. Empty input → no dark lines, no
 * streets, zero lengths, litShare 1. Does not modify its input. Throws a TypeError for a coordinate that is not a
 * finite [lng, lat], an Error for a duplicate street id, a RangeError for a bad radius option.
 */
export function computeDarkZones(
  streets: readonly DarkZoneStreet[],
  lamps: readonly DarkZoneLamp[],
  options: DarkZoneOptions = {},
): DarkZoneResult {
  const radiusTable = resolveCoverageRadiusTable(options)
  const labels = readStreetLabels(streets)
  const model = buildStreetModel(streets, radiusTable)
  const lampSource = indexWorkingLamps(lamps)
  const store = createDarkIntervalStore(model.vertexCount, model.vertexCount)
  const streetDarkUm = computeAllSegments(model, lampSource, store)

  const streetLighting = new Array<StreetLighting>(model.streetCount)
  const darkLines: DarkLine[] = []
  for (let s = 0; s < model.streetCount; s++) {
    const darkUm = streetDarkUm[s]!
    streetLighting[s] = describeStreet(model, labels, s, darkUm)
    if (darkUm > 0) traceDarkLines(model, store, labels, s, darkLines)
  }
  return {
    radiusTable,
    darkLines,
    streets: streetLighting,
    zones: summarizeZones(labels, model, streetDarkUm),
    totals: summarizeTotals(model, streetDarkUm),
  }
}
