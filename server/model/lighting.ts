// The live dark-zone analysis: built from the stored streets, lamps and open outage reports, then kept current
// lamp by lamp (each change recomputes only the segments within that lamp's reach).
import { DEFAULT_COVERAGE_RADIUS_M } from '../analysis/coverage-radius.ts'
import { classOfHighway, type StreetClass } from '../kernel/street-classes.ts'
import { createDarkZoneEngine, type DarkZoneEngine, type DarkZoneEngineOptions } from '../analysis/dark-zone-engine.ts'
import type { DarkLine, LightingTotals } from '../analysis/dark-zones.ts'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../analysis/local-metric.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { StoredLamp } from '../kernel/records.ts'
import { darkZoneLamp, darkZoneStreet, isLampWorking, openOutageLampIds } from '../domain/lighting-inputs.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { LAMP_STATUSES, OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import { bbox, lineString } from '@turf/turf'
import type { LampPoints } from '../store/lamp-points.ts'
import type { Store } from '../store/store.ts'

export interface Lighting {
  engine: DarkZoneEngine
  working: ReadonlyMap<string, boolean> // lamp id → lit: the engine's own state, read through
  zoneNames: Map<string, { name: string; nameEn: string }>
}

/**
 * The engine's lamp states as a read-only map. A map of its own (a million entries at megacity size) was one more
 * big table for every full garbage collection to visit, kept in step with the engine by hand.
 */
class EngineLampStates implements ReadonlyMap<string, boolean> {
  constructor(private readonly engine: DarkZoneEngine) {}
  get(id: string): boolean | undefined {
    return this.engine.isLampWorking(id)
  }
  has(id: string): boolean {
    return this.engine.isLampWorking(id) !== undefined
  }
  get size(): number {
    return this.engine.lampCount
  }
  entries(): MapIterator<[string, boolean]> {
    return this.engine.lampStates()
  }
  *keys(): MapIterator<string> {
    for (const [id] of this.engine.lampStates()) yield id
  }
  *values(): MapIterator<boolean> {
    for (const [, working] of this.engine.lampStates()) yield working
  }
  forEach(visit: (working: boolean, id: string, map: ReadonlyMap<string, boolean>) => void): void {
    for (const [id, working] of this.engine.lampStates()) visit(working, id, this)
  }
  [Symbol.iterator](): MapIterator<[string, boolean]> {
    return this.engine.lampStates()
  }
}

/** What a lamp change did to the dark zones: every dark stretch now on the streets it touched, and the new totals. */
export interface LightingDiff {
  streetIds: string[]
  darkLines: DarkLine[]
  totals: LightingTotals
  /**
   * Where the dark zones may have changed: around each lamp as far as any lamp reaches (a stretch it lit or left
   * dark), and the whole of every dark line now on the touched streets (a line that grew or merged changes its
   * length everywhere it is drawn). Undefined when no lamp was found.
   */
  area: BBox | undefined
}

/**
 * The district profile's lighting norms as radii per highway value: a class's coverage radius, else half its lamp
 * spacing (a lamp lights half the way to each neighbour), for every highway value of that class.
 */
export function coverageFromSettings(lighting: unknown): Record<string, number> {
  if (typeof lighting !== 'object' || lighting === null) return {}
  const { coverage_radius_m: radius = {}, lamp_spacing_m: spacing = {} } = lighting as { coverage_radius_m?: Partial<Record<StreetClass, number>>; lamp_spacing_m?: Partial<Record<StreetClass, number>> }
  const out: Record<string, number> = {}
  for (const highway of Object.keys(DEFAULT_COVERAGE_RADIUS_M)) {
    const streetClass = classOfHighway(highway)
    const r = radius[streetClass] ?? (spacing[streetClass] !== undefined ? spacing[streetClass] / 2 : undefined)
    if (r !== undefined) out[highway] = r
  }
  return out
}

/** Lamps with an open outage report: read from the store, decided by the domain. */
async function openOutages(store: Store, lampIds?: string[]): Promise<Set<string>> {
  const reports = await store.incidents({ categories: [LAMP_OUTAGE_CATEGORY], statuses: [...OPEN_INCIDENT_STATUSES], lampIds, limit: 'all' })
  return openOutageLampIds(reports.items)
}

/** `readLamps`: how the lamp ledger is read (the district model shares the ids among its readers). */
export async function buildLighting(store: Store, options: DarkZoneEngineOptions, readLamps: () => Promise<LampPoints> = () => store.lampPoints()): Promise<Lighting> {
  const [streets, lamps, outages, zones, settings] = await Promise.all([store.streets({}), readLamps(), openOutages(store), store.zones(), store.districtSettings()])
  const inputs = lamps.ids.map((id, i) => darkZoneLamp({ id, coordinates: [lamps.positions[2 * i]!, lamps.positions[2 * i + 1]!], status: LAMP_STATUSES[lamps.status[i]!]! }, outages))
  const fromProfile = coverageFromSettings(settings?.lighting)
  const engine = createDarkZoneEngine(streets.map(darkZoneStreet), inputs, { ...options, radiusByHighwayM: { ...fromProfile, ...options.radiusByHighwayM } })
  return {
    engine,
    working: new EngineLampStates(engine),
    zoneNames: new Map(zones.map((z) => [z.id, { name: z.name, nameEn: z.nameEn }])),
  }
}

/**
 * Updates the analysis for these lamps as just written or read from the store. Which of them an open outage report
 * names is `reportedOut` when the write read it, else the reports of those `ok` are read again (a lamp not `ok` is
 * dark whatever its reports say). The streets touched are those the engine reports changed — or, when the analysis
 * was `justBuilt` from the store (so it already shows the change and the engine sees none), every street within a
 * lamp's reach, so a client holding dark zones from before still gets the current ones.
 */
export async function refreshLamps(lighting: Lighting, store: Store, lamps: readonly StoredLamp[], justBuilt: boolean, reportedOut?: ReadonlySet<string>): Promise<LightingDiff> {
  const { engine } = lighting
  const ok = lamps.filter((l) => l.status === 'ok').map((l) => l.id)
  const outages = reportedOut ?? (ok.length === 0 ? new Set<string>() : await openOutages(store, ok))
  const reachM = Math.max(engine.radiusTable.fallbackM, ...Object.values(engine.radiusTable.byHighwayM))
  const touched = new Set<string>()
  const boxes: BBox[] = []
  for (const lamp of lamps) {
    const { id } = lamp
    boxes.push(boxAround(lamp.coordinates, reachM))
    const change = engine.setLampWorking(id, isLampWorking(lamp, outages))
    const streetIds = justBuilt ? engine.darkZonesInBBox(boxAround(lamp.coordinates, reachM)).streets.map((s) => s.streetId) : (change?.streetIds ?? [])
    for (const streetId of streetIds) touched.add(streetId)
  }
  const darkLines = engine.darkLinesOf([...touched])
  for (const line of darkLines) boxes.push(bbox(lineString(line.coordinates)) as BBox)
  const area = boxes.length === 0 ? undefined : boxes.reduce((a, b): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])])
  return { streetIds: [...touched], darkLines, totals: engine.totals(), area }
}

function boxAround([lng, lat]: LngLat, metres: number): BBox {
  const dLat = metres / METERS_PER_DEGREE
  const dLng = metres / computeMetersPerDegreeLng(lat)
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat]
}
