// DEMONSTRATION DATA: twelve months of incidents, placed where each kind of problem plausibly happens
// (docs/domain-notes.md §1), so the hotspot, KPI and dark-street views show the bureau's known problems:
//   · vending (0501, 0504, 0510) on commercial streets and around busy arterial junctions, barbecue in summer evenings;
//   · sanitation (0102, 0103, 0104) in alleys and small streets;
//   · illegal construction (0101) in residential blocks; stacking (0507) along regulated streets;
//   · lamp outages (0118) at broken lamps, several calls per lamp and many on dark alleys ("many calls, no fix"),
//     plus closed cases for lamps repaired during the year.
// Each incident runs a simulated case workflow (docs/domain-notes.md §2) up to the fixed reference date.

import { INCIDENT_SOURCES, type IncidentSource } from '../../server/kernel/statuses.ts'
import type { BBox, LngLat } from '../../server/kernel/geo.ts'
import type { Incident, Intersection, Lamp, Street } from '../../server/kernel/records.ts'
import { createWeightedSampler, simulateWorkflow, type Timeline } from './case-simulation.ts'
import { DAY_MS, HOUR_MS, findChinaDayStart, findChinaMonth, formatChinaTime, parseIsoMs } from './china-time.ts'
import { EVENING_HOURS, INCIDENT_RECIPES, LAMP_SOURCES, type IncidentRecipe } from './incident-recipes.ts'
import { classifyLampClass, type LampPlan } from './lamps.ts'
import { createBoundsProjection, isInBounds, roundLngLat, type XY } from './local-projection.ts'
import { locateAlong, measureCumulativeLengths } from './planar.ts'
import type { Random } from './prng.ts'
import { createStreetIndex } from './street-index.ts'

export interface IncidentOptions {
  recipes: readonly IncidentRecipe[]
  referenceDate: string // ISO 8601; the demo's "now": the window ends here
  windowDays: number // length of the window
  busyIntersectionCount: number // junctions that attract vending
  busyIntersectionSpreadM: number // standard deviation of vending around a busy junction
  troubleSpread: number // σ of the log-normal per-street multiplier that makes some streets hotspots
  rejectFraction: number // cases rejected at intake (not a case, duplicate)
  stallFraction: number // cases that stall at an open stage and become overdue
  brokenLampReportedFraction: number // broken lamps (outside dark alleys) somebody has called about
  repeatReportsMean: number // extra reports per reported broken lamp (Poisson mean)
  darkAlleyRepeatReportsMean: number // extra reports per broken lamp in a dark alley (Poisson mean, + 2)
  lampHandleHours: number // mean hours to fix a lamp once work starts
  unnamedStreet: string // used in descriptions when the street has no name
}

export const defaultIncidentOptions: IncidentOptions = {
  recipes: INCIDENT_RECIPES, // see the table
  referenceDate: '2026-10-31T23:59:59+08:00', // ISO 8601
  windowDays: 365, // days
  busyIntersectionCount: 40, // junctions
  busyIntersectionSpreadM: 35, // metres
  troubleSpread: 0.8, // natural-log units: the top streets get ~5× the median
  rejectFraction: 0.03, // share of cases
  stallFraction: 0.03, // share of cases
  brokenLampReportedFraction: 0.7, // share of broken lamps
  repeatReportsMean: 0.4, // reports
  darkAlleyRepeatReportsMean: 4, // reports
  lampHandleHours: 48, // hours
  unnamedStreet: '无名道路', // description text
}

/**
 * The junctions where vending concentrates: intersections inside `bounds` where a demonstration arterial or a
 * secondary road meets others, ranked by degree + 2 × the number of such major roads meeting there
 * (ties by id), top `count`. No intersections → [].
 */
export function findBusyIntersections(
  intersections: readonly Intersection[],
  streets: readonly Street[],
  bounds: BBox,
  count: number,
): Intersection[] {
  const major = new Set(
    streets.filter((s) => s.category === 'demonstration' || s.highway.startsWith('secondary')).map((s) => s.id),
  )
  return intersections
    .filter((i) => isInBounds(i.coordinates, bounds))
    .map((i) => ({ i, majors: i.streetIds.filter((id) => major.has(id)).length }))
    .filter((x) => x.majors > 0)
    .map((x) => ({ i: x.i, score: x.i.degree + 2 * x.majors }))
    .sort((a, b) => b.score - a.score || (a.i.id < b.i.id ? -1 : a.i.id > b.i.id ? 1 : 0))
    .slice(0, count)
    .map((x) => x.i)
}

/** Input layers for generateIncidents; streets need `category` set. */
export interface IncidentInput {
  bounds: BBox
  streets: readonly Street[]
  intersections: readonly Intersection[]
  lampPlan: LampPlan
  locateZoneId: (p: LngLat) => string | null
}

/**
 * Twelve months (by default) of demo incidents ending at `referenceDate`, ids 'I0000001'… in order of
 * reportedAt. Every incident lies inside `bounds`. No streets → no incidents. Does not modify its input.
 */
export function generateIncidents(input: IncidentInput, random: Random, options: Partial<IncidentOptions> = {}): Incident[] {
  const opts = { ...defaultIncidentOptions, ...options }
  const { bounds, streets, intersections, lampPlan, locateZoneId } = input
  if (streets.length === 0) return []
  const refMs = parseIsoMs(opts.referenceDate)
  const windowStartMs = refMs - opts.windowDays * DAY_MS
  const projection = createBoundsProjection(bounds)
  const [minX, minY] = projection.toXY([bounds[0], bounds[1]])
  const [maxX, maxY] = projection.toXY([bounds[2], bounds[3]])
  const insideXY = (p: XY): boolean => p[0] >= minX && p[0] <= maxX && p[1] >= minY && p[1] <= maxY

  const lines = streets.map((s) => s.coordinates.map((c) => projection.toXY(c)))
  const cumulatives = lines.map((line) => measureCumulativeLengths(line))
  const lengths = cumulatives.map((c) => c[c.length - 1] ?? 0)
  const classes = streets.map((s) => classifyLampClass(s).id)
  const streetIndex = createStreetIndex(lines)
  const busy = findBusyIntersections(intersections, streets, bounds, opts.busyIntersectionCount)
  const busyXY = busy.map((i) => projection.toXY(i.coordinates))
  const pickBusy = createWeightedSampler(busy.map((i) => i.degree))

  interface Draft {
    category: string
    source: IncidentSource
    xy: XY | null // null: use `lngLat` as is (lamp positions)
    lngLat: LngLat | null
    streetId: string | null
    reportedMs: number
    timeline: Timeline
    description: string
    lampId: string | null
  }
  const drafts: Draft[] = []
  const namesById = new Map(streets.map((s) => [s.id, s.name]))
  const nameOf = (streetId: string | null): string => (streetId === null ? null : namesById.get(streetId)) ?? opts.unnamedStreet

  // --- event categories ---------------------------------------------------------------------------
  for (const recipe of opts.recipes) {
    const r = random.fork(`incidents/${recipe.code}`)
    const trouble = streets.map(() => Math.exp(r.normal(0, opts.troubleSpread)))
    const pickCommercial = createWeightedSampler(
      streets.map((s, i) => (s.category === 'commercial' ? (lengths[i] ?? 0) * (trouble[i] ?? 1) : 0)),
    )
    const pickStreet = createWeightedSampler(
      streets.map(
        (s, i) => (lengths[i] ?? 0) * recipe.streetWeights[s.category] * recipe.classWeights[classes[i] ?? 'branch'] * (trouble[i] ?? 1),
      ),
    )
    const monthMax = Math.max(...recipe.monthWeights)
    const pickHour = createWeightedSampler(recipe.hourWeights)
    const sourceKinds = INCIDENT_SOURCES.filter((s) => recipe.sources[s] > 0)
    const sourceWeights = sourceKinds.map((s) => recipe.sources[s])

    const placeAlong = (streetIdx: number): XY | null => {
      const line = lines[streetIdx]
      const cumulative = cumulatives[streetIdx]
      if (line === undefined || cumulative === undefined || line.length < 2) return null
      const { point, direction } = locateAlong(line, cumulative, r.uniform(0, lengths[streetIdx] ?? 0))
      const side = r.normal(0, recipe.offsetM)
      // sideways = the segment direction turned 90° left
      return [point[0] - direction[1] * side, point[1] + direction[0] * side]
    }

    const placeOne = (): XY | null => {
      const u = r.next()
      const { commercialStreets, busyIntersections } = recipe.shares
      if (u < commercialStreets) {
        const i = pickCommercial(r)
        if (i >= 0) return placeAlong(i)
      } else if (u < commercialStreets + busyIntersections) {
        const b = busyXY[pickBusy(r)]
        if (b !== undefined) {
          return [b[0] + r.normal(0, opts.busyIntersectionSpreadM), b[1] + r.normal(0, opts.busyIntersectionSpreadM)]
        }
      }
      const i = pickStreet(r)
      return i >= 0 ? placeAlong(i) : null
    }

    for (let k = 0; k < recipe.count; k++) {
      // streets reach past the bounds, so retry a few times for a point inside; give up quietly after 20
      let xy: XY | null = null
      for (let attempt = 0; attempt < 20 && xy === null; attempt++) {
        const candidate = placeOne()
        if (candidate !== null && insideXY(candidate)) xy = candidate
      }
      if (xy === null) continue

      // a day, accepted with probability ∝ its month's weight, then an hour from the hour profile
      let dayStartMs = windowStartMs
      for (let attempt = 0; attempt < 100; attempt++) {
        dayStartMs = findChinaDayStart(windowStartMs + DAY_MS + r.int(0, opts.windowDays - 1) * DAY_MS)
        if (r.next() * monthMax <= (recipe.monthWeights[findChinaMonth(dayStartMs)] ?? 0)) break
      }
      const reportedMs = Math.min(refMs, dayStartMs + Math.max(0, pickHour(r)) * HOUR_MS + r.uniform(0, HOUR_MS))

      const nearest = streetIndex.findNearest(xy)
      const streetId = nearest === undefined ? null : (streets[nearest.lineIndex]?.id ?? null)
      const stalled = r.chance(opts.stallFraction)
      drafts.push({
        category: recipe.code,
        source: r.pickWeighted(sourceKinds, sourceWeights),
        xy,
        lngLat: null,
        streetId,
        reportedMs,
        timeline: simulateWorkflow(reportedMs, recipe.handleHours, refMs, r, {
          reject: r.chance(opts.rejectFraction),
          stallAt: stalled ? r.pick(['accepted', 'dispatched', 'in_handling', 'handled'] as const) : null,
        }),
        description: r.pick(recipe.descriptions).replace('{street}', nameOf(streetId)),
        lampId: null,
      })
    }
  }

  // --- lamp outages (0118) --------------------------------------------------------------------------
  const lr = random.fork('incidents/0118')
  const darkStreets = new Set(lampPlan.darkAlleyStreetIds)
  const pickEvening = createWeightedSampler(EVENING_HOURS)
  const lampSourceKinds = INCIDENT_SOURCES.filter((s) => LAMP_SOURCES[s] > 0)
  const lampSourceWeights = lampSourceKinds.map((s) => LAMP_SOURCES[s])
  // an outage is noticed at night: move a time to a sampled hour (evening-heavy) of the same day, never
  // before `notBeforeMs` (the failure) nor after `refMs`
  const toEvening = (ms: number, notBeforeMs: number): number =>
    Math.min(refMs, Math.max(notBeforeMs, findChinaDayStart(ms) + Math.max(0, pickEvening(lr)) * HOUR_MS + lr.uniform(0, HOUR_MS)))
  const pushOutage = (lamp: Lamp, reportedMs: number, timeline: Timeline, description: string): void => {
    drafts.push({
      category: '0118',
      source: lr.pickWeighted(lampSourceKinds, lampSourceWeights),
      xy: null,
      lngLat: lamp.coordinates,
      streetId: lamp.streetId,
      reportedMs,
      timeline,
      description,
      lampId: lamp.id,
    })
  }

  for (const lamp of lampPlan.lamps) {
    const changedMs = parseIsoMs(lamp.statusChangedAt)
    const streetName = nameOf(lamp.streetId)
    if (lamp.status !== 'ok') {
      const dark = darkStreets.has(lamp.streetId)
      if (!dark && !lr.chance(opts.brokenLampReportedFraction)) continue
      // first call a day or two after the failure (longer in a dark alley, where people have given up)
      const notBeforeMs = changedMs + 10 * 60_000
      const firstMs = toEvening(changedMs + lr.exponential((dark ? 3 : 1.5) * DAY_MS), notBeforeMs)
      if (firstMs >= refMs || firstMs < windowStartMs) continue
      const repeats = dark ? 2 + lr.poisson(opts.darkAlleyRepeatReportsMean) : lr.poisson(opts.repeatReportsMean)
      const times = [firstMs, ...Array.from({ length: repeats }, () => toEvening(lr.uniform(firstMs, refMs), notBeforeMs))].sort((a, b) => a - b)
      times.forEach((reportedMs, k) => {
        const latest = k === times.length - 1
        // the latest call is still open (the lamp is still out); earlier calls were closed without a lasting
        // fix or rejected as duplicates — in a dark alley that is the "many calls, no fix" pattern
        const timeline = latest
          ? simulateWorkflow(reportedMs, opts.lampHandleHours, refMs, lr, {
              reject: false,
              stallAt: lr.pick(['reported', 'accepted', 'dispatched', 'in_handling'] as const),
            })
          : simulateWorkflow(reportedMs, opts.lampHandleHours, refMs, lr, { reject: lr.chance(0.3), stallAt: null })
        const description =
          k === 0
            ? `${streetName}${lamp.id}号路灯不亮`
            : dark
              ? `${streetName}多盏路灯长期不亮，夜间漆黑，已多次反映`
              : `${streetName}${lamp.id}号路灯仍不亮，再次报修`
        pushOutage(lamp, reportedMs, timeline, description)
      })
    } else if (changedMs >= windowStartMs && changedMs <= refMs && lamp.statusChangedAt.slice(0, 10) !== lamp.installedAt) {
      // repaired during the window: its case closed when the lamp came back (statusChangedAt), so no open
      // case points at a working lamp; the stages are laid out backwards from the repair
      const closedMs = changedMs
      const handledMs = closedMs - 30 * 60_000 - lr.exponential(8 * HOUR_MS)
      const startedMs = handledMs - 10 * 60_000 - lr.exponential(opts.lampHandleHours * HOUR_MS)
      const reportedMs = startedMs - 20 * 60_000 - lr.exponential(4 * HOUR_MS)
      if (reportedMs < windowStartMs) continue
      const timeline: Timeline = { status: 'closed', updatedMs: closedMs, closedMs }
      pushOutage(lamp, reportedMs, timeline, `${streetName}${lamp.id}号路灯不亮`)
      for (let k = lr.poisson(opts.repeatReportsMean); k > 0; k--) {
        pushOutage(lamp, lr.uniform(reportedMs, handledMs), timeline, `${streetName}${lamp.id}号路灯仍不亮，再次报修`)
      }
    }
  }

  // --- ids in time order ----------------------------------------------------------------------------
  const order = drafts.map((_, i) => i).sort((a, b) => (drafts[a]?.reportedMs ?? 0) - (drafts[b]?.reportedMs ?? 0) || a - b)
  return order.map((draftIndex, n): Incident => {
    const d = drafts[draftIndex] as Draft
    const coordinates = d.lngLat ?? roundLngLat(projection.toLngLat(d.xy ?? [0, 0]))
    return {
      id: `I${String(n + 1).padStart(7, '0')}`,
      category: d.category,
      status: d.timeline.status,
      source: d.source,
      coordinates,
      reportedAt: formatChinaTime(d.reportedMs),
      updatedAt: formatChinaTime(d.timeline.updatedMs),
      closedAt: d.timeline.closedMs === null ? null : formatChinaTime(d.timeline.closedMs),
      description: d.description,
      zoneId: locateZoneId(coordinates),
      streetId: d.streetId,
      lampId: d.lampId,
    }
  })
}
