// Coverage radius of a working lamp per OSM highway class: a centreline point farther than the radius from every
// working lamp is dark. Defaults are docs/domain-notes.md §3's engineering choice, radius ≈ S_max / 2 after CJJ 45-2015's
// spacing limits; a deployment overrides any class or the fallback.

/** The radius table actually used for an analysis: metres per highway value, plus the radius for any other value. */
export interface CoverageRadiusTable {
  byHighwayM: Record<string, number>
  fallbackM: number
}

export interface CoverageRadiusOptions {
  radiusByHighwayM?: Readonly<Record<string, number>> // metres per OSM highway value, merged over the defaults
  fallbackRadiusM?: number // metres, for highway values not in the table
}

const ALLEY_LANE_M = 10 // 巷: footway, pedestrian, living_street, service and other paths
const BRANCH_ROAD_M = 15 // 支路: residential, unclassified, tertiary
const MAJOR_ROAD_M = 18 // secondary and above

/** docs/domain-notes.md §3 defaults, in metres. */
export const DEFAULT_COVERAGE_RADIUS_M: Readonly<Record<string, number>> = Object.freeze({
  footway: ALLEY_LANE_M,
  pedestrian: ALLEY_LANE_M,
  living_street: ALLEY_LANE_M,
  service: ALLEY_LANE_M,
  path: ALLEY_LANE_M,
  steps: ALLEY_LANE_M,
  cycleway: ALLEY_LANE_M,
  track: ALLEY_LANE_M,
  residential: BRANCH_ROAD_M,
  unclassified: BRANCH_ROAD_M,
  tertiary: BRANCH_ROAD_M,
  tertiary_link: BRANCH_ROAD_M,
  secondary: MAJOR_ROAD_M,
  secondary_link: MAJOR_ROAD_M,
  primary: MAJOR_ROAD_M,
  primary_link: MAJOR_ROAD_M,
  trunk: MAJOR_ROAD_M,
  trunk_link: MAJOR_ROAD_M,
  motorway: MAJOR_ROAD_M,
  motorway_link: MAJOR_ROAD_M,
  // the street classes an imported road network states instead of OSM tags
  alley: ALLEY_LANE_M,
  branch: BRANCH_ROAD_M,
  arterial: MAJOR_ROAD_M,
})

/** Metres, for highway values the table does not name (road, busway, bridleway, corridor …): a branch road's. */
export const DEFAULT_FALLBACK_RADIUS_M = BRANCH_ROAD_M

function checkRadius(what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number of metres ≥ 0, got ${String(value)}`)
  }
  return value
}

/**
 * The effective radius table: `options` merged over the defaults, in metres. No options → a copy of the defaults.
 * Throws a RangeError for a radius that is negative or not a finite number.
 */
export function resolveCoverageRadiusTable(options: CoverageRadiusOptions = {}): CoverageRadiusTable {
  const overrides = Object.entries(options.radiusByHighwayM ?? {}).map(
    ([highway, radius]) => [highway, checkRadius(`radiusByHighwayM.${highway}`, radius)] as const,
  )
  // fromEntries defines own data properties, so even a key like '__proto__' stays an ordinary entry.
  const byHighwayM: Record<string, number> = Object.fromEntries([...Object.entries(DEFAULT_COVERAGE_RADIUS_M), ...overrides])
  const fallbackM = checkRadius('fallbackRadiusM', options.fallbackRadiusM ?? DEFAULT_FALLBACK_RADIUS_M)
  return { byHighwayM, fallbackM }
}

/** The radius in metres for one highway value; the fallback for values the table does not name. */
export function findCoverageRadius(table: CoverageRadiusTable, highway: string): number {
  // Own keys only: a highway value such as 'constructor' must not find Object.prototype's members.
  return Object.hasOwn(table.byHighwayM, highway) ? (table.byHighwayM[highway] ?? table.fallbackM) : table.fallbackM
}
