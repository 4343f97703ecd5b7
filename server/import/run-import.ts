// An import run: every layer of a profile checked first (each file read once, every row either mapped or listed
// with its reason), then — unless it is a dry run, or strict and something was rejected — stored one transaction
// per layer (each file read a second time, the listed rows skipped), then the derived layers rebuilt. Zones go
// first, then streets, lamps and incidents, whatever order the profile lists them in: each later layer is placed
// against the earlier ones (a street's zone, a lamp's street, a case's zone, street, lamp and unit).
import KDBush from 'kdbush'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../analysis/local-metric.ts'
import { createNearestStreetIndex } from '../analysis/nearest-street.ts'
import { buildResponsibleUnits, routeCase, type ResponsibleUnit } from '../domain/case-routing.ts'
import { computeDeadlineMs } from '../domain/case-deadlines.ts'
import { insideDistrict, DISTRICT_MARGIN_M } from '../domain/district-bounds.ts'
import type { Actor } from '../domain/roles.ts'
import { createCalendar } from '../kernel/calendar.ts'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { Building, Intersection, Lamp, Street, WaterFeature, Zone } from '../kernel/records.ts'
import type { DistrictSettingsRecord, ImportedIncident, ImportTotals, Store } from '../store/store.ts'
import { createCoordinateConverter, type CoordinateConverter } from './crs/converter.ts'
import { boxOf, buildStreet, createZoneLocator, findIntersections, generateGrid, unionBox, type StreetCategoryRule } from './derive-district.ts'
import { findFarRows } from './far-rows.ts'
import type { ResolvedLayer, ResolvedProfile } from './load-profile.ts'
import { mapIncident, mapLamp, mapStreet, mapZone, pointOf, type IncidentDraft, type LampDraft, type MapContext, type Mapped, type RowProblem } from './map-records.ts'
import { readText } from './field-values.ts'
import { readOsmFile } from './osm/read-osm-file.ts'
import type { LayerName } from './profile.ts'
import { openSource } from './read/open-source.ts'
import { createRejectSink, type RejectedRow, type RejectSink } from './rejects.ts'
import type { OpenedSource, SourceRecord } from './source-record.ts'

/** Rows per store call inside a layer's transaction: large enough to amortise the call, small enough to stay lean. */
const BATCH = 5_000
/** A lamp's street is the nearest within this; farther, the lamp stands on no mapped street. */
const LAMP_STREET_M = 50
/** A case's street is the nearest within this, as for a citizen's report. */
const CASE_STREET_M = 100
/** An outage case names the nearest lamp this close (a caller stands under the pole they report). */
const CASE_LAMP_M = 30
const PROGRESS_EVERY = 10_000

export interface ImportProgress {
  layer: LayerName
  file: string
  phase: 'checking' | 'storing' | 'deriving'
  rows: number
}

export interface LayerSummary {
  layer: LayerName
  file: string
  crs: string
  read: number
  accepted: number
  rejected: number
  stored: ImportTotals | null
  reasons: Record<string, number>
}

export interface ImportReport {
  dryRun: boolean
  strict: boolean
  stored: boolean
  layers: LayerSummary[]
  imported: number
  rejected: number
  warnings: string[]
  /** The first rejected rows, in layer and row order (all of them are in the rejects file when one was asked for). */
  rejects: RejectedRow[]
  bounds: BBox | undefined
}

export interface ImportOptions {
  actor: Actor
  dryRun?: boolean
  strict?: boolean
  now?: Date
  rejectsFile?: string
  onProgress?: (progress: ImportProgress) => void
}

const LAYER_ORDER: readonly LayerName[] = ['zones', 'streets', 'lamps', 'incidents']

const isOsmFile = (path: string) => /\.osm(\.pbf)?$/i.test(path)

/** A growable list of points and row numbers: two million rows in 48 MB of typed arrays. */
class PointList {
  points = new Float64Array(2 * 1024)
  rows = new Int32Array(1024)
  count = 0
  push(n: number, [lon, lat]: LngLat): void {
    if (this.count === this.rows.length) {
      const points = new Float64Array(this.points.length * 2)
      points.set(this.points)
      this.points = points
      const rows = new Int32Array(this.rows.length * 2)
      rows.set(this.rows)
      this.rows = rows
    }
    this.points[2 * this.count] = lon
    this.points[2 * this.count + 1] = lat
    this.rows[this.count] = n
    this.count++
  }
  box(): BBox | undefined {
    if (this.count === 0) return undefined
    const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
    for (let i = 0; i < this.count; i++) {
      const x = this.points[2 * i] ?? 0
      const y = this.points[2 * i + 1] ?? 0
      if (x < b[0]) b[0] = x
      if (y < b[1]) b[1] = y
      if (x > b[2]) b[2] = x
      if (y > b[3]) b[3] = y
    }
    return b
  }
}

/** What checking a layer leaves for storing it. */
interface CheckedLayer {
  layer: ResolvedLayer
  summary: LayerSummary
  rejectedRows: Set<number>
  converter: CoordinateConverter | null
  source: OpenedSource | null
  zones?: Zone[]
  streets?: Street[]
  osm?: { intersections: Intersection[]; buildings: Building[]; water: WaterFeature[] }
  box: BBox | undefined
  /** Checked while it is stored, in one pass (an empty table, neither strict nor dry): see streamStore. */
  deferred?: { districtBox: BBox | undefined }
}

export async function runImport(store: Store, resolved: ResolvedProfile, options: ImportOptions): Promise<ImportReport> {
  const { profile } = resolved
  const now = options.now ?? new Date()
  const timeZone = profile.district.time_zone
  const calendar = createCalendar(timeZone)
  const progress = options.onProgress ?? (() => {})
  const sink: RejectSink = createRejectSink(options.rejectsFile)
  const warnings: string[] = []
  const rule: StreetCategoryRule = { default: profile.street_categories?.default ?? 'regulated', by_class: profile.street_categories?.by_class ?? {} }
  const ordered = [...resolved.layers].sort((a, b) => LAYER_ORDER.indexOf(a.spec.layer) - LAYER_ORDER.indexOf(b.spec.layer))

  // Where the district is, for "outside the district": the profile's bounds, else the zones', else the streets'
  // (an earlier import's count too), else nothing is outside.
  let districtBox: BBox | undefined = profile.district.bounds
  const existing = await store.info()
  const dryRun = options.dryRun ?? false
  const strict = options.strict ?? false
  const checked: CheckedLayer[] = []
  try {
    for (const layer of ordered) {
      if (!districtBox && (layer.spec.layer === 'lamps' || layer.spec.layer === 'incidents')) {
        districtBox = checked.map((c) => (c.layer.spec.layer === 'zones' || c.layer.spec.layer === 'streets' ? c.box : undefined)).reduce(unionBox, undefined)
        if (!districtBox && (existing.counts.zones > 0 || existing.counts.streets > 0)) districtBox = existing.bounds
      }
      const kind = layer.spec.layer
      const oneOfItsKind = ordered.filter((l) => l.spec.layer === kind).length === 1
      if (!dryRun && !strict && oneOfItsKind && (kind === 'lamps' || kind === 'incidents') && existing.counts[kind] === 0) {
        // A first load of a big table: read once, checking and storing together (the file is opened now, so one
        // that cannot be read still stops the import before anything is stored)
        const source = await openSource(layer.path, { ...(layer.spec.sheet ? { sheet: layer.spec.sheet } : {}), ...(layer.spec.encoding ? { encoding: layer.spec.encoding } : {}) })
        const converter = createCoordinateConverter(layer.spec.crs, source.prj)
        checked.push({
          layer, source, converter, rejectedRows: new Set(), box: undefined, deferred: { districtBox },
          summary: { layer: kind, file: layer.spec.file, crs: converter.name, read: 0, accepted: 0, rejected: 0, stored: null, reasons: {} },
        })
        continue
      }
      const result = await checkLayer(layer, { converterFor: (source) => createCoordinateConverter(layer.spec.crs, source?.prj ?? null), timeZone, nowMs: now.getTime(), categories: resolved.categories, districtBox, rule, progress })
      checked.push(result.checked)
      result.rejects.sort((a, b) => a.n - b.n)
      for (const r of result.rejects) sink.add(r)
    }
  } catch (error) {
    await sink.close()
    throw error
  }

  const report = (stored: boolean, bounds: BBox | undefined): ImportReport => ({
    dryRun, strict, stored, layers: checked.map((c) => c.summary), imported: stored ? checked.reduce((sum, c) => sum + c.summary.accepted, 0) : 0,
    rejected: checked.reduce((sum, c) => sum + c.summary.rejected, 0), warnings, rejects: sink.sample, bounds,
  })
  if (dryRun || (strict && checked.some((c) => c.summary.rejected > 0))) {
    await sink.close()
    return report(false, undefined)
  }

  // Storing. The settings first: from now on this store is the bureau's district, never re-seeded with the demo.
  const settings: DistrictSettingsRecord = {
    district: { ...profile.district, time_zone: timeZone, language: profile.district.language },
    lighting: profile.lighting ?? {},
    street_categories: rule,
    categories: profile.categories,
  }
  await store.saveDistrictSettings(settings, options.actor)
  const at = now

  for (const c of checked.filter((x) => x.layer.spec.layer === 'zones')) {
    c.summary.stored = await store.transaction((tx) => tx.upsertZones(c.zones ?? [], options.actor))
  }
  const zones = await store.zones()
  const zoneAt = createZoneLocator(zones)
  const units = buildResponsibleUnits(zones)
  let derived: Parameters<Store['replaceDerivedLayers']>[0] = {}
  if (checked.some((c) => c.layer.spec.layer === 'zones')) derived = { ...derived, grid: generateGrid(zones), units }
  else if ((await store.units()).length === 0) derived = { ...derived, units }

  const importedStreets: Street[] = []
  for (const c of checked.filter((x) => x.layer.spec.layer === 'streets')) {
    const streets = (c.streets ?? []).map((s) => ({ ...s, zoneId: zoneOfStreet(s, zoneAt) }))
    importedStreets.push(...streets)
    c.summary.stored = await store.transaction(async (tx) => {
      const totals: ImportTotals = { inserted: 0, updated: 0, unchanged: 0 }
      for (let i = 0; i < streets.length; i += BATCH) {
        add(totals, await tx.upsertStreets(streets.slice(i, i + BATCH), options.actor, at))
        progress({ layer: 'streets', file: c.layer.spec.file, phase: 'storing', rows: Math.min(i + BATCH, streets.length) })
      }
      return totals
    })
    if (c.osm) derived = { ...derived, buildings: c.osm.buildings, water: c.osm.water }
  }
  if (importedStreets.length > 0) {
    const osmIntersections = checked.flatMap((c) => c.osm?.intersections ?? [])
    const gisStreets = checked.filter((c) => c.layer.spec.layer === 'streets' && !c.osm).flatMap((c) => c.streets ?? [])
    derived = { ...derived, intersections: [...osmIntersections, ...findIntersections(gisStreets)] }
  }

  // Lamps are placed on the streets now stored (this import's and any earlier one's).
  const storedStreets = checked.some((c) => c.layer.spec.layer === 'lamps' || c.layer.spec.layer === 'incidents') ? await store.streets({}) : []
  const nearestStreet = createNearestStreetIndex(storedStreets)
  for (const c of checked.filter((x) => x.layer.spec.layer === 'lamps')) {
    const spec = c.layer.spec
    if (spec.layer !== 'lamps' || !c.source || !c.converter) continue
    const cx: MapContext = { converter: c.converter, timeZone, nowMs: now.getTime(), categories: resolved.categories }
    const iso = calendar.isoInstant(now)
    const lampRow = (l: LampDraft): Lamp => ({ id: l.id, coordinates: l.coordinates, status: l.status, streetId: nearestStreet.nearest(l.coordinates, LAMP_STREET_M)?.id ?? '', heightM: l.heightM, maintainer: l.maintainer, installedAt: l.installedAt, statusChangedAt: iso })
    const upsert = (tx: Store, batch: Lamp[]) => tx.upsertLamps(batch, options.actor, at)
    c.summary.stored = c.deferred
      ? await streamStore(store, c, { map: (r) => mapLamp(r, spec, cx), idOf: (l) => l.id, pointOf: (l) => l.coordinates, build: lampRow, upsert, table: 'lamps' }, sink, progress)
      : await storeRecords(store, c, (r) => {
          const mapped = mapLamp(r, spec, cx)
          return mapped.ok ? lampRow(mapped.row) : undefined
        }, upsert, progress)
  }

  const incidentLayers = checked.filter((x) => x.layer.spec.layer === 'incidents')
  if (incidentLayers.length > 0) {
    const lamps = await store.lamps({})
    const lampIndex = lamps.length > 0 ? new KDBush(lamps.length) : undefined
    if (lampIndex) {
      for (const l of lamps) lampIndex.add(l.coordinates[0], l.coordinates[1])
      lampIndex.finish()
    }
    const lampIds = lamps.map((l) => l.id)
    const lampPoints = lamps.map((l) => l.coordinates)
    lamps.length = 0
    const nearestLamp = (p: LngLat): string | null => {
      if (!lampIndex) return null
      const kx = computeMetersPerDegreeLng(p[1])
      let best: { i: number; d: number } | undefined
      for (const i of lampIndex.range(p[0] - CASE_LAMP_M / kx, p[1] - CASE_LAMP_M / METERS_PER_DEGREE, p[0] + CASE_LAMP_M / kx, p[1] + CASE_LAMP_M / METERS_PER_DEGREE)) {
        const q = lampPoints[i] as LngLat
        const d = Math.hypot((q[0] - p[0]) * kx, (q[1] - p[1]) * METERS_PER_DEGREE)
        if (d <= CASE_LAMP_M && (!best || d < best.d)) best = { i, d }
      }
      return best ? (lampIds[best.i] ?? null) : null
    }
    const ownLimits = new Map(profile.categories.map((c) => [c.code, c]))
    const allUnits = derived.units ?? (await store.units())
    for (const c of incidentLayers) {
      const spec = c.layer.spec
      if (spec.layer !== 'incidents' || !c.source || !c.converter) continue
      const cx: MapContext = { converter: c.converter, timeZone, nowMs: now.getTime(), categories: resolved.categories }
      const incidentRow = (x: IncidentDraft): ImportedIncident => {
        const zoneId = zoneAt(x.coordinates)?.id ?? null
        const own = ownLimits.get(x.category)
        const unitId = routeOwn(own?.unit, allUnits, zoneId) ?? (allUnits.length > 0 ? safeRoute(x.category, zoneId, allUnits) : null)
        const deadlineMs = own?.time_limit_hours !== undefined ? x.reportedMs + own.time_limit_hours * 3_600_000 : computeDeadlineMs({ category: x.category, reportedMs: x.reportedMs, dispatchedMs: null, approvedExtensions: 0 })
        return {
          sourceId: x.sourceId, category: x.category, status: x.status, source: x.source, coordinates: x.coordinates,
          reportedAt: calendar.isoInstant(x.reportedMs), closedAt: x.closedMs === null ? null : calendar.isoInstant(x.closedMs),
          reportedMs: x.reportedMs, closedMs: x.closedMs,
          description: x.description, zoneId, streetId: nearestStreet.nearest(x.coordinates, CASE_STREET_M)?.id ?? null,
          lampId: x.category === LAMP_OUTAGE_CATEGORY ? nearestLamp(x.coordinates) : null, unitId, deadlineMs,
        }
      }
      const upsert = (tx: Store, batch: ImportedIncident[]) => tx.upsertIncidents(batch, options.actor, at)
      c.summary.stored = c.deferred
        ? await streamStore(store, c, { map: (r) => mapIncident(r, spec, cx), idOf: (x) => x.sourceId, pointOf: (x) => x.coordinates, build: incidentRow, upsert, table: 'incidents' }, sink, progress)
        : await storeRecords(store, c, (r) => {
            const mapped = mapIncident(r, spec, cx)
            return mapped.ok ? incidentRow(mapped.row) : undefined
          }, upsert, progress)
    }
  }

  // The district's bounds: everything it now holds.
  const after = await store.info()
  const boxes = [after.counts.zones > 0 ? boxOf(zones.flatMap((z) => z.coordinates[0] ?? [])) : undefined, ...checked.map((c) => c.box)]
  const bounds = after.bounds && !existing.demo ? boxes.reduce(unionBox, after.bounds) : boxes.reduce(unionBox, undefined)
  progress({ layer: ordered[ordered.length - 1]?.spec.layer ?? 'zones', file: '', phase: 'deriving', rows: 0 })
  await store.replaceDerivedLayers({ ...derived, ...(bounds ? { bounds } : {}) })
  if (existing.demo) warnings.push('the store held the demo district: its rows stay until the database is replaced; import into a new DATABASE_URL for a clean district')
  await sink.close()
  return report(true, bounds)
}

function add(totals: ImportTotals, more: ImportTotals): void {
  totals.inserted += more.inserted
  totals.updated += more.updated
  totals.unchanged += more.unchanged
}

function zoneOfStreet(s: Street, zoneAt: (p: LngLat) => Zone | undefined): string | null {
  const mid = s.coordinates[Math.floor(s.coordinates.length / 2)]
  return mid ? (zoneAt(mid)?.id ?? null) : null
}

/** A profile category's own unit: a unit id, or a unit kind (a sub-district office by zone). */
function routeOwn(unit: string | undefined, units: readonly ResponsibleUnit[], zoneId: string | null): string | null {
  if (!unit) return null
  if (units.some((u) => u.id === unit)) return unit
  const kind = units.filter((u) => u.kind === unit)
  return (kind.find((u) => u.zoneId === zoneId) ?? kind[0])?.id ?? null
}

function safeRoute(category: string, zoneId: string | null, units: readonly ResponsibleUnit[]): string | null {
  try {
    return routeCase({ category, zoneId }, units)
  } catch {
    return null // no unit of the kind this category needs: the case waits for the dispatcher to choose
  }
}

/** Second pass over a point layer: every row not listed is mapped again and stored in one transaction. */
async function storeRecords<T>(
  store: Store,
  c: CheckedLayer,
  build: (record: SourceRecord) => T | undefined,
  upsert: (tx: Store, batch: T[]) => Promise<ImportTotals>,
  progress: (p: ImportProgress) => void,
): Promise<ImportTotals> {
  const source = c.source as OpenedSource
  const table = c.summary.layer === 'lamps' ? 'lamps' : 'incidents'
  return store.transaction(async (tx) => {
    await tx.beginBulkLoad(table)
    const totals: ImportTotals = { inserted: 0, updated: 0, unchanged: 0 }
    let batch: T[] = []
    let rows = 0
    for await (const record of source.records()) {
      rows++
      if (rows % PROGRESS_EVERY === 0) progress({ layer: c.summary.layer, file: c.summary.file, phase: 'storing', rows })
      if (c.rejectedRows.has(record.n)) continue
      const row = build(record)
      if (row === undefined) continue // cannot happen: the check pass listed it
      batch.push(row)
      if (batch.length >= BATCH) {
        add(totals, await upsert(tx, batch))
        batch = []
      }
    }
    if (batch.length > 0) add(totals, await upsert(tx, batch))
    progress({ layer: c.summary.layer, file: c.summary.file, phase: 'storing', rows })
    await tx.endBulkLoad(table)
    return totals
  })
}

interface StreamPlan<D, T> {
  map: (record: SourceRecord) => Mapped<D>
  idOf: (draft: D) => string
  pointOf: (draft: D) => LngLat
  build: (draft: D) => T
  upsert: (tx: Store, batch: T[]) => Promise<ImportTotals>
  table: 'lamps' | 'incidents'
}

/**
 * One pass for a first load: each record is checked and, if good, stored in the same read, inside the layer's one
 * transaction. Rows far from every other row can only be known at the end: they are taken out again before the
 * transaction commits (they were new rows, so nothing else changes). Reading a two-million-row file once instead of
 * twice is a third of the import's time.
 */
async function streamStore<D, T>(store: Store, c: CheckedLayer, plan: StreamPlan<D, T>, sink: RejectSink, progress: (p: ImportProgress) => void): Promise<ImportTotals> {
  const { summary } = c
  const source = c.source as OpenedSource
  const districtBox = c.deferred?.districtBox
  const rejects: RejectedRow[] = []
  const reject = (n: number, id: string, p: RowProblem) => {
    rejects.push({ file: summary.file, layer: summary.layer, n, id, field: p.field, reason: p.reason, value: p.value })
    const key = p.reason.replace(/[:(].*$/, '').trim()
    summary.reasons[key] = (summary.reasons[key] ?? 0) + 1
  }
  const spec = c.layer.spec
  const idField = 'id' in spec && spec.id ? spec.id : 'id'
  const pointField = 'lon' in spec && spec.lon ? spec.lon : 'geometry'
  const totals = await store.transaction(async (tx) => {
    await tx.beginBulkLoad(plan.table)
    const totals: ImportTotals = { inserted: 0, updated: 0, unchanged: 0 }
    const seen = new Map<string, number>()
    const points = new PointList()
    let batch: T[] = []
    for await (const record of source.records()) {
      summary.read++
      if (summary.read % PROGRESS_EVERY === 0) progress({ layer: summary.layer, file: summary.file, phase: 'storing', rows: summary.read })
      const mapped = plan.map(record)
      if (!mapped.ok) {
        reject(record.n, spec.layer !== 'streets' || spec.id ? readText(record.fields[idField]) : '', mapped.problem)
        continue
      }
      const id = plan.idOf(mapped.row)
      const first = seen.get(id)
      if (first !== undefined) {
        reject(record.n, id, { field: idField, reason: `duplicate id (first at row ${first})`, value: id })
        continue
      }
      seen.set(id, record.n)
      const at = plan.pointOf(mapped.row)
      if (districtBox && !insideDistrict(districtBox, at, DISTRICT_MARGIN_M)) {
        reject(record.n, id, { field: pointField, reason: 'outside the district', value: `${at[0]}, ${at[1]}` })
        continue
      }
      points.push(record.n, at)
      batch.push(plan.build(mapped.row))
      if (batch.length >= BATCH) {
        add(totals, await plan.upsert(tx, batch))
        batch = []
      }
    }
    if (batch.length > 0) add(totals, await plan.upsert(tx, batch))
    // indexes back first: the rows to take out are found by id
    await tx.endBulkLoad(plan.table)
    const far = findFarRows(points.points, points.count)
    if (far.size > 0) {
      const farRows = new Map([...far].map((i) => [points.rows[i] ?? -1, i]))
      const ids: string[] = []
      for (const [id, n] of seen) {
        const i = farRows.get(n)
        if (i === undefined) continue
        ids.push(id)
        reject(n, id, { field: pointField, reason: 'far from every other row', value: `${points.points[2 * i]}, ${points.points[2 * i + 1]}` })
      }
      await tx.deleteImportedRows(plan.table, ids)
      totals.inserted -= ids.length
    }
    c.box = points.box()
    return totals
  })
  rejects.sort((a, b) => a.n - b.n)
  for (const r of rejects) sink.add(r)
  summary.rejected = rejects.length
  summary.accepted = summary.read - summary.rejected
  progress({ layer: summary.layer, file: summary.file, phase: 'storing', rows: summary.read })
  return totals
}

interface CheckContext {
  converterFor: (source: OpenedSource | null) => CoordinateConverter
  timeZone: string
  nowMs: number
  categories: ReadonlySet<string>
  districtBox: BBox | undefined
  rule: StreetCategoryRule
  progress: (p: ImportProgress) => void
}

/** First pass over one layer: map every record, list every row that cannot come in, with its reason. */
async function checkLayer(layer: ResolvedLayer, k: CheckContext): Promise<{ checked: CheckedLayer; rejects: RejectedRow[] }> {
  const spec = layer.spec
  const summary: LayerSummary = { layer: spec.layer, file: spec.file, crs: 'wgs84', read: 0, accepted: 0, rejected: 0, stored: null, reasons: {} }
  const rejects: RejectedRow[] = []
  const rejectedRows = new Set<number>()
  const reject = (n: number, id: string, p: RowProblem) => {
    rejects.push({ file: spec.file, layer: spec.layer, n, id, field: p.field, reason: p.reason, value: p.value })
    rejectedRows.add(n)
    const key = p.reason.replace(/[:(].*$/, '').trim()
    summary.reasons[key] = (summary.reasons[key] ?? 0) + 1
  }
  const outside = (p: LngLat | undefined) => k.districtBox !== undefined && p !== undefined && !insideDistrict(k.districtBox, p, DISTRICT_MARGIN_M)

  if (spec.layer === 'streets' && isOsmFile(layer.path)) {
    const osm = await readOsmFile(layer.path, { onProgress: (p) => k.progress({ layer: 'streets', file: spec.file, phase: 'checking', rows: p.count }) })
    const streets: Street[] = []
    for (const s of osm.streets) {
      summary.read++
      const street = buildStreet({ id: s.id, name: s.name, nameEn: s.nameEn, highway: s.highway, category: null, coordinates: s.coordinates }, k.rule, () => undefined)
      if (k.districtBox && s.coordinates.every((p) => outside(p))) {
        reject(summary.read, s.id, { field: 'geometry', reason: 'outside the district', value: '' })
        continue
      }
      streets.push({ ...street, osmId: s.osmId, lengthM: s.lengthM })
    }
    summary.accepted = streets.length
    summary.rejected = rejectedRows.size
    const box = streets.length > 0 ? boxOf(streets.flatMap((s) => s.coordinates)) : undefined
    return { checked: { layer, summary, rejectedRows, converter: null, source: null, streets, osm: { intersections: osm.intersections, buildings: osm.buildings, water: osm.water }, box }, rejects }
  }

  const source = await openSource(layer.path, { ...(spec.sheet ? { sheet: spec.sheet } : {}), ...(spec.encoding ? { encoding: spec.encoding } : {}) })
  const converter = k.converterFor(source)
  summary.crs = converter.name
  const cx: MapContext = { converter, timeZone: k.timeZone, nowMs: k.nowMs, categories: k.categories }
  const seen = new Map<string, number>() // id → first row
  const points = new PointList()
  const zones: Zone[] = []
  const streets: Street[] = []
  for await (const record of source.records()) {
    summary.read++
    if (summary.read % PROGRESS_EVERY === 0) k.progress({ layer: spec.layer, file: spec.file, phase: 'checking', rows: summary.read })
    let mapped: Mapped<{ id: string; at: LngLat | undefined; keep?: () => void }>
    switch (spec.layer) {
      case 'zones': {
        const m = mapZone(record, spec, cx)
        mapped = m.ok ? { ok: true, row: { id: m.row.id, at: pointOf(m.row.coordinates), keep: () => zones.push(m.row) } } : m
        break
      }
      case 'streets': {
        const m = mapStreet(record, spec, cx)
        mapped = m.ok
          ? {
              ok: true,
              row: {
                id: m.row.id,
                at: pointOf(m.row.coordinates),
                keep: () =>
                  // A multi-part line becomes one street per part: a street record is one line
                  m.row.coordinates.forEach((line, i) =>
                    streets.push(buildStreet({ id: m.row.coordinates.length === 1 ? m.row.id : `${m.row.id}#${i + 1}`, name: m.row.name, nameEn: m.row.nameEn, highway: m.row.streetClass, category: m.row.category, coordinates: line }, k.rule, () => undefined)),
                  ),
              },
            }
          : m
        break
      }
      case 'lamps': {
        const m = mapLamp(record, spec, cx)
        mapped = m.ok ? { ok: true, row: { id: m.row.id, at: m.row.coordinates } } : m
        break
      }
      case 'incidents': {
        const m = mapIncident(record, spec, cx)
        mapped = m.ok ? { ok: true, row: { id: m.row.sourceId, at: m.row.coordinates } } : m
        break
      }
    }
    const idField = 'id' in spec && spec.id ? spec.id : 'id'
    if (!mapped.ok) {
      reject(record.n, spec.id ? String(record.fields[spec.id] ?? '') : '', mapped.problem)
      continue
    }
    const { id, at, keep } = mapped.row
    const first = seen.get(id)
    if (first !== undefined) {
      reject(record.n, id, { field: idField, reason: `duplicate id (first at row ${first})`, value: id })
      continue
    }
    seen.set(id, record.n)
    if (spec.layer !== 'zones' && outside(at)) {
      reject(record.n, id, { field: 'lon' in spec && spec.lon ? spec.lon : 'geometry', reason: 'outside the district', value: at ? `${at[0]}, ${at[1]}` : '' })
      continue
    }
    if (at) points.push(record.n, at)
    keep?.()
  }
  // Point rows far from every other row, now that all of them are known (zones and streets are few and long: the
  // district box is their check)
  if (spec.layer === 'lamps' || spec.layer === 'incidents') {
    const far = findFarRows(points.points, points.count)
    const farRows = new Map([...far].map((i) => [points.rows[i] ?? -1, i]))
    const idOf = new Map<number, string>()
    if (farRows.size > 0) for (const [id, n] of seen) if (farRows.has(n)) idOf.set(n, id)
    for (const [n, i] of farRows) {
      reject(n, idOf.get(n) ?? '', { field: 'lon' in spec && spec.lon ? spec.lon : 'geometry', reason: 'far from every other row', value: `${points.points[2 * i]}, ${points.points[2 * i + 1]}` })
    }
  }
  summary.rejected = rejectedRows.size
  summary.accepted = summary.read - summary.rejected
  k.progress({ layer: spec.layer, file: spec.file, phase: 'checking', rows: summary.read })
  const box = spec.layer === 'zones' && zones.length > 0 ? boxOf(zones.flatMap((z) => z.coordinates[0] ?? [])) : points.box()
  return {
    checked: { layer, summary, rejectedRows, converter, source, zones, streets, box },
    rejects,
  }
}
