// DEMONSTRATION DATA: street lamps. The OSM extract has none (geodata/README.md), so lamps are placed along
// every street at the spacing of its lighting class, then a seeded share is broken and a few stretches are
// left unlit on purpose, so that Gridwatch's dark-street analysis has something real to find:
//   · unlit alleys — whole alleys that never got lamps (the phase-2 retrofit's survey targets, docs/domain-notes.md §1);
//   · missing blocks — a few hundred metres of a longer branch road with no lamps;
//   · dark alleys — alleys where most lamps have been broken for months (the "many calls, no fix" story).

import { LAMP_STATUSES, type LampStatus } from '../../server/kernel/statuses.ts'
import type { BBox } from '../../server/kernel/geo.ts'
import type { Lamp, Street } from '../../server/kernel/records.ts'
import { DAY_MS, formatChinaDate, formatChinaTime, parseIsoMs } from './china-time.ts'
import { createBoundsProjection, isInBounds, roundLngLat } from './local-projection.ts'
import { locateAlong, measureCumulativeLengths } from './planar.ts'
import type { Random } from './prng.ts'

export type LampClassId = 'alley' | 'branch' | 'secondary' | 'arterial'

export interface LampClass {
  id: LampClassId
  highways: readonly string[] // OSM highway values in this class
  coverageRadiusM: number // docs/domain-notes.md §3 default: a centreline point farther than this from every working lamp is dark
  spacingM: number // target distance between lamps along the street
  heightM: number // mounting height
}

/**
 * Lighting classes (docs/domain-notes.md §3). Spacing is a little under 2 × coverage radius, so a street whose lamps all
 * work has no dark stretch, and stays within CJJ 45-2015's semi-cut-off limit S ≤ 3.5 H (6 m → 21 m,
 * 8 m → 28 m, 10 m → 35 m, 12 m → 42 m). Heights are typical Chinese practice for each road class.
 */
export const LAMP_CLASSES: readonly LampClass[] = [
  {
    id: 'alley',
    highways: ['footway', 'pedestrian', 'living_street', 'service', 'steps', 'path', 'cycleway', 'track', 'bridleway', 'corridor'],
    coverageRadiusM: 10,
    spacingM: 19,
    heightM: 6,
  },
  {
    id: 'branch',
    highways: ['residential', 'unclassified', 'tertiary', 'tertiary_link', 'road', 'busway'],
    coverageRadiusM: 15,
    spacingM: 28,
    heightM: 8,
  },
  { id: 'secondary', highways: ['secondary', 'secondary_link'], coverageRadiusM: 18, spacingM: 34, heightM: 10 },
  {
    id: 'arterial',
    highways: ['primary', 'primary_link', 'trunk', 'trunk_link', 'motorway', 'motorway_link'],
    coverageRadiusM: 18,
    spacingM: 34,
    heightM: 12,
  },
]

/** A street whose name ends like this is an alley (巷) whatever its highway tag: 烟袋巷, 宽巷子 … */
export const ALLEY_NAME_SUFFIXES: readonly string[] = ['巷', '巷子']

/** The lighting class of a street: alley by name first, then by highway value; unknown values → branch. */
export function classifyLampClass(street: Pick<Street, 'highway' | 'name'>, classes: readonly LampClass[] = LAMP_CLASSES): LampClass {
  const byId = (id: LampClassId): LampClass | undefined => classes.find((c) => c.id === id)
  const name = street.name
  if (name !== null && ALLEY_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    const alley = byId('alley')
    if (alley !== undefined) return alley
  }
  const found = classes.find((c) => c.highways.includes(street.highway)) ?? byId('branch') ?? classes[0]
  if (found === undefined) throw new Error('classifyLampClass: expected at least one lamp class')
  return found
}

export interface LampOptions {
  classes: readonly LampClass[]
  referenceDate: string // ISO 8601; the demo's "now": nothing happens after it
  windowDays: number // how far back lamp failures and repairs reach
  notWorkingFraction: number // share of all lamps not working, dark alleys included
  brokenStatusWeights: Readonly<Record<Exclude<LampStatus, 'ok'>, number>> // relative frequency of failure kinds
  unlitAlleyCount: number // alleys with no lamps at all
  unlitAlleyLengthM: readonly [number, number] // length range of alleys eligible to be unlit
  missingStretchCount: number // branch roads with a stretch of no lamps
  missingStretchLengthM: readonly [number, number] // length range of that stretch
  missingStretchMinStreetM: number // only streets at least this long lose a stretch
  darkAlleyCount: number // alleys where most lamps are broken
  darkAlleyBrokenFraction: number // share of a dark alley's lamps that are broken
  repairedInWindowFraction: number // share of working lamps repaired inside the window (they get closed outage cases)
  installedBetween: readonly [string, string] // ISO dates bounding street-lighting installation
  cityMaintainer: string // maintains secondary and arterial lamps
  localMaintainers: readonly string[] // maintain the other lamps, by zone (zone n → entry (n − 1) mod length)
}

export const defaultLampOptions: LampOptions = {
  classes: LAMP_CLASSES, // see the table
  referenceDate: '2026-10-31T23:59:59+08:00', // ISO 8601
  windowDays: 365, // days
  notWorkingFraction: 0.07, // 7 % of lamps, inside the 5–10 % the demo brief asks for
  brokenStatusWeights: { defective_lamp: 0.6, broken_lantern: 0.25, column_issue: 0.15 }, // relative weights
  unlitAlleyCount: 6, // alleys
  unlitAlleyLengthM: [60, 400], // metres
  missingStretchCount: 8, // streets
  missingStretchLengthM: [200, 400], // metres
  missingStretchMinStreetM: 500, // metres
  darkAlleyCount: 12, // alleys
  darkAlleyBrokenFraction: 0.75, // share of lamps
  repairedInWindowFraction: 0.03, // share of working lamps
  installedBetween: ['2005-01-01T00:00:00+08:00', '2023-12-31T23:59:59+08:00'], // ISO 8601
  cityMaintainer: '演示市路灯管理处', // demo unit name
  localMaintainers: ['演示照明维护一所', '演示照明维护二所', '演示照明维护三所'], // demo unit names
}

/** A stretch of a street deliberately left without lamps, in metres along the street from its first vertex. */
export interface MissingStretch {
  streetId: string
  fromM: number
  toM: number
}

export interface LampPlan {
  lamps: Lamp[]
  unlitStreetIds: string[] // alleys with no lamps at all
  missingStretches: MissingStretch[]
  darkAlleyStreetIds: string[] // alleys where most lamps are broken
}

/**
 * Efraimidis–Spirakis weighted sampling without replacement: the `count` items with the largest u^(1/w).
 * Deterministic for a given random stream; items with weight ≤ 0 are never chosen.
 */
function sampleWeighted<T>(items: readonly T[], weightOf: (item: T) => number, count: number, random: Random): T[] {
  return items
    .map((item) => {
      const w = weightOf(item)
      return { item, key: w > 0 ? Math.pow(random.next(), 1 / w) : -1 }
    })
    .filter((x) => x.key >= 0)
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((x) => x.item)
}

/**
 * Places demo lamps along `streets` (only positions inside `bounds`), ids 'L000001'… in street order.
 * Streets need `category` and `zoneId` set (commercial streets are never left unlit; zones pick the
 * maintainer). Empty streets or degenerate bounds → no lamps. Does not modify its input.
 */
export function generateLamps(
  streets: readonly Street[],
  bounds: BBox,
  random: Random,
  options: Partial<LampOptions> = {},
): LampPlan {
  const opts = { ...defaultLampOptions, ...options }
  const refMs = parseIsoMs(opts.referenceDate)
  const windowStartMs = refMs - opts.windowDays * DAY_MS
  const projection = createBoundsProjection(bounds)
  const pickRandom = random.fork('lamps/selection')
  const statusRandom = random.fork('lamps/status')
  const dateRandom = random.fork('lamps/dates')

  const drafts = streets.map((street) => {
    const line = street.coordinates.map((c) => projection.toXY(c))
    const cumulative = measureCumulativeLengths(line)
    return {
      street,
      lampClass: classifyLampClass(street, opts.classes),
      line,
      cumulative,
      lengthM: cumulative[cumulative.length - 1] ?? 0,
      inside: street.coordinates.length > 0 && street.coordinates.every((c) => isInBounds(c, bounds)),
    }
  })

  // Alleys eligible to be unlit or dark: wholly inside the district, not a showcase commercial street.
  // Named 巷 alleys are strongly preferred: they are the small streets residents complain about, while
  // unnamed service ways are mostly driveways and parking aisles.
  const alleyWeight = (d: (typeof drafts)[number]): number => {
    if (d.lampClass.id !== 'alley' || !d.inside || d.street.category === 'commercial') return 0
    const name = d.street.name
    return name === null ? 0.2 : name.includes('巷') ? 10 : 2
  }
  const [unlitMin, unlitMax] = opts.unlitAlleyLengthM
  const unlit = sampleWeighted(
    drafts,
    (d) => (d.lengthM >= unlitMin && d.lengthM <= unlitMax ? alleyWeight(d) : 0),
    opts.unlitAlleyCount,
    pickRandom,
  )
  const unlitIds = new Set(unlit.map((d) => d.street.id))
  // dark alleys need a few lamps to break: at least 3 spacings long
  const dark = sampleWeighted(
    drafts,
    (d) => (!unlitIds.has(d.street.id) && d.lengthM >= 3 * d.lampClass.spacingM ? alleyWeight(d) : 0),
    opts.darkAlleyCount,
    pickRandom,
  )
  const darkIds = new Set(dark.map((d) => d.street.id))
  const [stretchMin, stretchMax] = opts.missingStretchLengthM
  const stretchStreets = sampleWeighted(
    drafts,
    (d) => (d.lampClass.id === 'branch' && d.inside && d.street.category !== 'commercial' && d.lengthM >= opts.missingStretchMinStreetM ? 1 : 0),
    opts.missingStretchCount,
    pickRandom,
  )
  const missingStretches: MissingStretch[] = stretchStreets.map((d) => {
    const stretchM = Math.min(pickRandom.uniform(stretchMin, stretchMax), d.lengthM)
    const fromM = pickRandom.uniform(0, d.lengthM - stretchM)
    return { streetId: d.street.id, fromM: Math.round(fromM), toM: Math.round(fromM + stretchM) }
  })
  const stretchesByStreet = new Map(missingStretches.map((s) => [s.streetId, s]))

  interface LampDraft { lamp: Omit<Lamp, 'status' | 'statusChangedAt'>; installedMs: number; dark: boolean }
  const lampDrafts: LampDraft[] = []
  const installFrom = parseIsoMs(opts.installedBetween[0])
  const installTo = parseIsoMs(opts.installedBetween[1])
  for (const d of drafts) {
    if (unlitIds.has(d.street.id) || d.lengthM <= 0) continue
    // all lamps of a street went up in one project
    const installedMs = dateRandom.uniform(installFrom, installTo)
    const zoneNumber = Number(d.street.zoneId ?? '1')
    const maintainer =
      d.lampClass.id === 'secondary' || d.lampClass.id === 'arterial'
        ? opts.cityMaintainer
        : (opts.localMaintainers[(Math.max(zoneNumber, 1) - 1) % Math.max(opts.localMaintainers.length, 1)] ?? opts.cityMaintainer)
    // n lamps at the centres of n equal pieces: gaps ≤ spacingM, ends ≤ spacingM / 2 from a lamp
    const count = Math.ceil(d.lengthM / d.lampClass.spacingM)
    const stretch = stretchesByStreet.get(d.street.id)
    for (let i = 0; i < count; i++) {
      const alongM = ((i + 0.5) * d.lengthM) / count
      if (stretch !== undefined && alongM >= stretch.fromM && alongM <= stretch.toM) continue
      const coordinates = roundLngLat(projection.toLngLat(locateAlong(d.line, d.cumulative, alongM).point))
      if (!isInBounds(coordinates, bounds)) continue
      lampDrafts.push({
        lamp: {
          id: `L${String(lampDrafts.length + 1).padStart(6, '0')}`,
          coordinates,
          streetId: d.street.id,
          heightM: d.lampClass.heightM,
          maintainer,
          installedAt: formatChinaDate(installedMs),
        },
        installedMs,
        dark: darkIds.has(d.street.id),
      })
    }
  }

  // Which lamps are broken: most lamps of each dark alley, then a random share of the rest up to the target.
  const broken = new Set<number>()
  lampDrafts.forEach((ld, i) => {
    if (ld.dark && statusRandom.chance(opts.darkAlleyBrokenFraction)) broken.add(i)
  })
  const target = Math.round(opts.notWorkingFraction * lampDrafts.length)
  const healthy = lampDrafts.map((_, i) => i).filter((i) => !broken.has(i))
  for (const i of statusRandom.shuffle(healthy).slice(0, Math.max(0, target - broken.size))) broken.add(i)

  const failureKinds = LAMP_STATUSES.filter((s): s is Exclude<LampStatus, 'ok'> => s !== 'ok')
  const failureWeights = failureKinds.map((k) => opts.brokenStatusWeights[k])
  const lamps: Lamp[] = lampDrafts.map((ld, i) => {
    const floorMs = Math.max(ld.installedMs, windowStartMs)
    if (broken.has(i)) {
      // dark alleys broke long ago (first 60 % of the window); other failures are mostly recent
      // (exponential, mean 30 days), because routine outages are normally fixed within weeks
      const brokeMs = ld.dark
        ? dateRandom.uniform(windowStartMs, windowStartMs + 0.6 * opts.windowDays * DAY_MS)
        : refMs - dateRandom.exponential(30 * DAY_MS)
      return {
        ...ld.lamp,
        status: statusRandom.pickWeighted(failureKinds, failureWeights),
        statusChangedAt: formatChinaTime(Math.min(refMs, Math.max(brokeMs, floorMs))),
      }
    }
    // working: repaired inside the window (these get closed outage cases), earlier, or untouched since install
    const r = dateRandom.next()
    let changedMs = ld.installedMs
    if (r < opts.repairedInWindowFraction) changedMs = dateRandom.uniform(floorMs, refMs)
    else if (r < 0.25 && ld.installedMs < windowStartMs) changedMs = dateRandom.uniform(ld.installedMs, windowStartMs)
    return { ...ld.lamp, status: 'ok', statusChangedAt: formatChinaTime(changedMs) }
  })

  return {
    lamps,
    unlitStreetIds: unlit.map((d) => d.street.id),
    missingStretches,
    darkAlleyStreetIds: dark.map((d) => d.street.id),
  }
}
