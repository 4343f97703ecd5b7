// The whole demo district from one OSM extract and one seed: the real OSM layers (streets, intersections,
// buildings, water) plus the generated DEMONSTRATION DATA (zones, unit grid, street categories, lamps,
// incidents). Same XML + same options → byte-identical output (see hashDemoDistrict).

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { DemoDistrict } from '../../server/kernel/records.ts'
import { parseOsm, type OsmParseStats, type ParseOsmOptions } from '../osm/parse-osm.ts'
import { categorizeStreets, STREET_CATEGORY_RULES, type StreetCategoryRule } from './categorize-streets.ts'
import { findBusyIntersections, generateIncidents, defaultIncidentOptions, type IncidentOptions } from './incidents.ts'
import { generateLamps, type LampOptions, type MissingStretch } from './lamps.ts'
import { createRandom } from './prng.ts'
import { assignStreetZones, generateUnitGrid, generateZones, locateZoneId, type GridOptions, type ZoneOptions } from './zones.ts'

/** The default seed: an arbitrary fixed constant (a date in the extract's year), not the clock. */
export const DEFAULT_SEED = 20181107

/** The demo's "now": incidents cover the 12 months before it. Fixed so output never depends on the clock. */
export const DEMO_REFERENCE_DATE = '2026-10-31T23:59:59+08:00'

/** The bundled OSM extract, resolved next to this module so it works from any working directory. */
export const CHENGDU_OSM_URL = new URL('../chengdu/chengdu-center-2018.osm', import.meta.url)

export interface DemoOptions {
  seed: number // any finite number; one seed drives every generator
  referenceDate: string // ISO 8601 with offset; passed to lamps and incidents unless they override it
  parse: Partial<ParseOsmOptions>
  streetCategoryRules: readonly StreetCategoryRule[]
  zones: Partial<ZoneOptions>
  grid: Partial<GridOptions>
  lamps: Partial<LampOptions>
  incidents: Partial<IncidentOptions>
}

export const defaultDemoOptions: DemoOptions = {
  seed: DEFAULT_SEED, // see DEFAULT_SEED
  referenceDate: DEMO_REFERENCE_DATE, // ISO 8601
  parse: {}, // parse-osm defaults
  streetCategoryRules: STREET_CATEGORY_RULES, // categorize-streets table
  zones: {}, // zones.ts defaults: 10 zones, county 510104
  grid: {}, // zones.ts defaults: 100 m cells, 900 m community blocks
  lamps: {}, // lamps.ts defaults
  incidents: {}, // incidents.ts defaults
}

/** What the generator decided besides the layers, for the CLI and for tests. */
export interface DemoStats {
  seed: number
  referenceDate: string
  parse: OsmParseStats
  parseWarnings: string[]
  unlitStreetIds: string[] // alleys with no lamps at all
  missingStretches: MissingStretch[] // stretches of streets with no lamps
  darkAlleyStreetIds: string[] // alleys where most lamps are broken
  busyIntersectionIds: string[] // junctions that attract vending
}

/** The demo district and the generator's notes. Empty OSM → empty layers (zones and grid follow the bounds). */
export function generateDemoDistrictWithStats(
  osmXml: string,
  options: Partial<DemoOptions> = {},
): { district: DemoDistrict; stats: DemoStats } {
  const opts = { ...defaultDemoOptions, ...options }
  const parsed = parseOsm(osmXml, opts.parse)
  const { bounds } = parsed
  const random = createRandom(opts.seed)

  const zonePlan = generateZones(bounds, random.fork('zones'), opts.zones)
  const streets = assignStreetZones(categorizeStreets(parsed.streets, opts.streetCategoryRules), zonePlan)
  const grid = generateUnitGrid(bounds, zonePlan, opts.grid)
  const lampPlan = generateLamps(streets, bounds, random.fork('lamps'), { referenceDate: opts.referenceDate, ...opts.lamps })
  const incidentOptions = { referenceDate: opts.referenceDate, ...opts.incidents }
  const incidents = generateIncidents(
    {
      bounds,
      streets,
      intersections: parsed.intersections,
      lampPlan,
      locateZoneId: (p) => locateZoneId(zonePlan, p),
    },
    random.fork('incidents'),
    incidentOptions,
  )
  const busy = findBusyIntersections(
    parsed.intersections,
    streets,
    bounds,
    incidentOptions.busyIntersectionCount ?? defaultIncidentOptions.busyIntersectionCount,
  )

  return {
    district: {
      bounds,
      streets,
      intersections: parsed.intersections,
      buildings: parsed.buildings,
      water: parsed.water,
      zones: zonePlan.zones,
      grid,
      lamps: lampPlan.lamps,
      incidents,
    },
    stats: {
      seed: opts.seed,
      referenceDate: opts.referenceDate,
      parse: parsed.stats,
      parseWarnings: parsed.warnings,
      unlitStreetIds: lampPlan.unlitStreetIds,
      missingStretches: lampPlan.missingStretches,
      darkAlleyStreetIds: lampPlan.darkAlleyStreetIds,
      busyIntersectionIds: busy.map((i) => i.id),
    },
  }
}

/** The demo district for an OSM XML document and options (default seed DEFAULT_SEED). */
export function generateDemoDistrict(osmXml: string, options: Partial<DemoOptions> = {}): DemoDistrict {
  return generateDemoDistrictWithStats(osmXml, options).district
}

/** Reads the bundled OSM extract (geodata/chengdu/chengdu-center-2018.osm). */
export function readChengduOsm(): string {
  return readFileSync(CHENGDU_OSM_URL, 'utf8')
}

/** The demo district of the bundled Chengdu extract (synchronous file read, then generateDemoDistrict). */
export function loadDemoDistrict(options: Partial<DemoOptions> = {}): DemoDistrict {
  return generateDemoDistrict(readChengduOsm(), options)
}

/** Writes JSON with object keys sorted at every level, so equal data always gives equal text. */
function writeCanonicalJson(value: unknown, write: (chunk: string) => void): void {
  if (Array.isArray(value)) {
    write('[')
    value.forEach((item, i) => {
      if (i > 0) write(',')
      writeCanonicalJson(item, write)
    })
    write(']')
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    write('{')
    entries.forEach(([k, v], i) => {
      if (i > 0) write(',')
      write(JSON.stringify(k))
      write(':')
      writeCanonicalJson(v, write)
    })
    write('}')
  } else {
    write(JSON.stringify(value) ?? 'null')
  }
}

/** sha256 (hex) of the district's canonical JSON (keys sorted): equal districts ⇔ equal hashes. */
export function hashDemoDistrict(district: DemoDistrict): string {
  const hash = createHash('sha256')
  const chunks: string[] = []
  writeCanonicalJson(district, (chunk) => {
    chunks.push(chunk)
    if (chunks.length >= 4096) hash.update(chunks.splice(0).join(''))
  })
  hash.update(chunks.join(''))
  return hash.digest('hex')
}
