// One source record → one of our rows, or the reason it cannot be one. Pure: the same record always maps the same
// way, so the importer can read a file twice (check, then store) and skip exactly the rows it listed.
import type { Position } from 'geojson'
import { DateTime } from 'luxon'
import type { LngLat } from '../kernel/geo.ts'
import type { IncidentSource, IncidentStatus, LampStatus, StreetCategory } from '../kernel/statuses.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES } from '../kernel/statuses.ts'
import { isStreetClass, STREET_CLASSES, type StreetClass } from '../kernel/street-classes.ts'
import type { CoordinateConverter } from './crs/converter.ts'
import { isBlank, mapValue, readInstant, readNumber, readText, type Read } from './field-values.ts'
import type { IncidentsLayerSpec, LampsLayerSpec, StreetsLayerSpec, ZonesLayerSpec } from './profile.ts'
import type { SourceRecord } from './source-record.ts'

/** Why a row was not imported: the field it failed on and a reason a person can act on. */
export interface RowProblem {
  field: string
  reason: string
  value: string
}

export type Mapped<T> = { ok: true; row: T } | { ok: false; problem: RowProblem }

export interface ZoneDraft {
  id: string
  code: string
  name: string
  nameEn: string
  coordinates: LngLat[][]
}

export interface StreetDraft {
  id: string
  name: string | null
  nameEn: string | null
  streetClass: StreetClass
  category: StreetCategory | null // null: the district's rule decides
  coordinates: LngLat[][] // one line per part
}

export interface LampDraft {
  id: string
  coordinates: LngLat
  status: LampStatus
  heightM: number
  maintainer: string
  installedAt: string
}

export interface IncidentDraft {
  sourceId: string
  coordinates: LngLat
  category: string
  status: IncidentStatus
  source: IncidentSource
  reportedMs: number
  closedMs: number | null
  description: string
}

export interface MapContext {
  converter: CoordinateConverter
  timeZone: string
  nowMs: number
  /** Category codes the district knows: the national table plus the profile's own. */
  categories: ReadonlySet<string>
}

const LAMP_STATUS_SET: ReadonlySet<string> = new Set(LAMP_STATUSES)
const INCIDENT_STATUS_SET: ReadonlySet<string> = new Set(INCIDENT_STATUSES)
const CLASS_SET: ReadonlySet<string> = new Set(STREET_CLASSES)

const problem = <T>(field: string, reason: string, value: unknown = ''): Mapped<T> => ({ ok: false, problem: { field, reason, value: readText(value).slice(0, 200) } })

function requireId(record: SourceRecord, field: string): Read<string> {
  const id = readText(record.fields[field])
  if (id === '') return { ok: false, reason: 'missing id' }
  if (id.length > 100) return { ok: false, reason: 'id longer than 100 characters' }
  return { ok: true, value: id }
}

/** Whether a source point is a placeholder: (0, 0), or the same tiny value in both, as blank-filled exports write. */
const isPlaceholder = (x: number, y: number) => Math.abs(x) < 1e-9 && Math.abs(y) < 1e-9

/** A point from lon/lat columns or a Point geometry, converted to WGS84. */
export function readPoint(record: SourceRecord, spec: { lon?: string | undefined; lat?: string | undefined }, converter: CoordinateConverter): Mapped<LngLat> {
  let x: number
  let y: number
  if (spec.lon !== undefined || spec.lat !== undefined) {
    const lonField = spec.lon ?? 'lon'
    const latField = spec.lat ?? 'lat'
    const lonCell = record.fields[lonField]
    const latCell = record.fields[latField]
    if (isBlank(lonCell)) return problem(lonField, 'missing coordinate', lonCell)
    if (isBlank(latCell)) return problem(latField, 'missing coordinate', latCell)
    const lon = readNumber(lonCell)
    if (!lon.ok) return problem(lonField, 'non-numeric coordinate', lonCell)
    const lat = readNumber(latCell)
    if (!lat.ok) return problem(latField, 'non-numeric coordinate', latCell)
    x = lon.value
    y = lat.value
  } else {
    const g = record.geometry
    if (!g) return problem('geometry', 'missing coordinate: no geometry and no lon/lat fields named')
    const position = g.type === 'Point' ? g.coordinates : g.type === 'MultiPoint' && g.coordinates.length === 1 ? g.coordinates[0] : undefined
    if (!position) return problem('geometry', `invalid geometry: expected a Point, got ${g.type}`)
    const [gx, gy] = position
    if (typeof gx !== 'number' || typeof gy !== 'number' || !Number.isFinite(gx) || !Number.isFinite(gy)) return problem('geometry', 'invalid geometry: non-finite coordinates')
    x = gx
    y = gy
  }
  if (isPlaceholder(x, y)) return problem(spec.lon ?? 'geometry', 'placeholder coordinate: 0, 0', `${x}, ${y}`)
  const converted = converter.toWgs84(x, y)
  if (!converted || converted[0] < -180 || converted[0] > 180 || converted[1] < -90 || converted[1] > 90) {
    return problem(spec.lon ?? 'geometry', `coordinate out of range for ${converter.name}`, `${x}, ${y}`)
  }
  return { ok: true, row: converted }
}

function convertLine(line: Position[], converter: CoordinateConverter): LngLat[] | null {
  const out: LngLat[] = []
  for (const p of line) {
    const [x, y] = p
    if (typeof x !== 'number' || typeof y !== 'number') return null
    const c = converter.toWgs84(x, y)
    if (!c || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) return null
    const last = out[out.length - 1]
    if (!last || last[0] !== c[0] || last[1] !== c[1]) out.push(c) // repeated vertices add nothing
  }
  return out
}

export function mapZone(record: SourceRecord, spec: ZonesLayerSpec, cx: MapContext): Mapped<ZoneDraft> {
  const id = requireId(record, spec.id)
  if (!id.ok) return problem(spec.id, id.reason, record.fields[spec.id])
  const name = readText(record.fields[spec.name])
  if (name === '') return problem(spec.name, 'missing name')
  const g = record.geometry
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return problem('geometry', `invalid geometry: expected a Polygon or MultiPolygon, got ${g?.type ?? 'none'}`)
  // A zone is one outline: of a MultiPolygon's parts the one with the most vertices (the mainland, not its islets)
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const main = polygons.reduce((best, p) => ((p[0]?.length ?? 0) > (best[0]?.length ?? 0) ? p : best), polygons[0] ?? [])
  const rings: LngLat[][] = []
  for (const ring of main) {
    const converted = convertLine(ring, cx.converter)
    if (!converted) return problem('geometry', 'invalid geometry: a vertex cannot be converted')
    const first = converted[0]
    if (first && (converted[converted.length - 1]?.[0] !== first[0] || converted[converted.length - 1]?.[1] !== first[1])) converted.push(first)
    if (converted.length < 4) return problem('geometry', 'invalid geometry: a ring with fewer than 3 distinct points')
    rings.push(converted)
  }
  if (rings.length === 0) return problem('geometry', 'invalid geometry: an empty polygon')
  const code = spec.code ? readText(record.fields[spec.code]) || id.value : id.value
  const nameEn = spec.name_en ? readText(record.fields[spec.name_en]) || name : name
  return { ok: true, row: { id: id.value, code, name, nameEn, coordinates: rings } }
}

export function mapStreet(record: SourceRecord, spec: StreetsLayerSpec, cx: MapContext): Mapped<StreetDraft> {
  const idField = spec.id ?? 'id'
  const id = spec.id ? requireId(record, spec.id) : ({ ok: true, value: String(record.n) } as const)
  if (!id.ok) return problem(idField, id.reason, record.fields[idField])
  const g = record.geometry
  if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) return problem('geometry', `invalid geometry: expected a LineString or MultiLineString, got ${g?.type ?? 'none'}`)
  const parts: LngLat[][] = []
  for (const line of g.type === 'LineString' ? [g.coordinates] : g.coordinates) {
    const converted = convertLine(line, cx.converter)
    if (!converted) return problem('geometry', 'invalid geometry: a vertex cannot be converted')
    if (converted.length >= 2) parts.push(converted)
  }
  if (parts.length === 0) return problem('geometry', 'invalid geometry: a line needs two distinct points')
  let streetClass: StreetClass = 'branch'
  if (spec.class) {
    const read = mapValue(record.fields[spec.class.field], spec.class, CLASS_SET)
    if (!read.ok) return problem(spec.class.field, `unknown class: ${read.reason}`, record.fields[spec.class.field])
    if (!isStreetClass(read.value)) return problem(spec.class.field, `unknown class ${JSON.stringify(read.value)}`, read.value)
    streetClass = read.value
  }
  let category: StreetCategory | null = null
  if (spec.category) {
    const read = mapValue(record.fields[spec.category.field], spec.category, new Set(['demonstration', 'regulated', 'commercial']))
    if (!read.ok) return problem(spec.category.field, `unknown category: ${read.reason}`, record.fields[spec.category.field])
    category = read.value
  }
  const name = spec.name ? readText(record.fields[spec.name]) || null : null
  const nameEn = spec.name_en ? readText(record.fields[spec.name_en]) || null : null
  return { ok: true, row: { id: id.value, name, nameEn, streetClass, category, coordinates: parts } }
}

export function mapLamp(record: SourceRecord, spec: LampsLayerSpec, cx: MapContext): Mapped<LampDraft> {
  const id = requireId(record, spec.id)
  if (!id.ok) return problem(spec.id, id.reason, record.fields[spec.id])
  const at = readPoint(record, spec, cx.converter)
  if (!at.ok) return at
  let status: LampStatus = 'ok'
  if (spec.status) {
    const read = mapValue(record.fields[spec.status.field], spec.status, LAMP_STATUS_SET)
    if (!read.ok) return problem(spec.status.field, `unknown status: ${read.reason}`, record.fields[spec.status.field])
    status = read.value
  }
  let heightM = 0
  if (spec.height_m && !isBlank(record.fields[spec.height_m])) {
    const h = readNumber(record.fields[spec.height_m])
    if (!h.ok || h.value < 0 || h.value > 100) return problem(spec.height_m, 'height is not a number of metres 0–100', record.fields[spec.height_m])
    heightM = h.value
  }
  let installedAt = ''
  if (spec.installed_at && !isBlank(record.fields[spec.installed_at.field])) {
    const d = readInstant(record.fields[spec.installed_at.field], { format: spec.installed_at.format, timeZone: cx.timeZone, nowMs: cx.nowMs })
    if (!d.ok) return problem(spec.installed_at.field, d.reason, record.fields[spec.installed_at.field])
    installedAt = DateTime.fromMillis(d.value, { zone: cx.timeZone }).toISODate() ?? '' // the district's calendar day
  }
  const maintainer = spec.maintainer ? readText(record.fields[spec.maintainer]) : ''
  return { ok: true, row: { id: id.value, coordinates: at.row, status, heightM, maintainer, installedAt } }
}

export function mapIncident(record: SourceRecord, spec: IncidentsLayerSpec, cx: MapContext): Mapped<IncidentDraft> {
  const id = requireId(record, spec.id)
  if (!id.ok) return problem(spec.id, id.reason, record.fields[spec.id])
  const at = readPoint(record, spec, cx.converter)
  if (!at.ok) return at
  const reported = readInstant(record.fields[spec.reported_at.field], { format: spec.reported_at.format, timeZone: cx.timeZone, nowMs: cx.nowMs })
  if (!reported.ok) return problem(spec.reported_at.field, reported.reason, record.fields[spec.reported_at.field])
  const category = mapValue(record.fields[spec.category.field], spec.category, cx.categories)
  if (!category.ok) return problem(spec.category.field, `unknown category: ${category.reason}`, record.fields[spec.category.field])
  if (!cx.categories.has(category.value)) return problem(spec.category.field, `unknown category code ${JSON.stringify(category.value)}`, category.value)
  // Without a status column a history is taken as done: thousands of old complaints must not flood today's queues
  let status: IncidentStatus = 'closed'
  if (spec.status) {
    const read = mapValue(record.fields[spec.status.field], spec.status, INCIDENT_STATUS_SET)
    if (!read.ok) return problem(spec.status.field, `unknown status: ${read.reason}`, record.fields[spec.status.field])
    status = read.value
  }
  let closedMs: number | null = null
  if (spec.closed_at && !isBlank(record.fields[spec.closed_at.field])) {
    const closed = readInstant(record.fields[spec.closed_at.field], { format: spec.closed_at.format, timeZone: cx.timeZone, nowMs: cx.nowMs })
    if (!closed.ok) return problem(spec.closed_at.field, closed.reason, record.fields[spec.closed_at.field])
    if (closed.value < reported.value) return problem(spec.closed_at.field, 'implausible date: closed before it was reported', record.fields[spec.closed_at.field])
    closedMs = closed.value
  }
  const description = spec.description ? readText(record.fields[spec.description]).slice(0, 2000) : ''
  return { ok: true, row: { sourceId: id.value, coordinates: at.row, category: category.value, status, source: spec.source ?? 'hotline', reportedMs: reported.value, closedMs, description } }
}

/** A representative point of any mapped row, for the district and outlier checks. */
export function pointOf(coordinates: LngLat | LngLat[][]): LngLat | undefined {
  if (typeof coordinates[0] === 'number') return coordinates as LngLat
  const line = (coordinates as LngLat[][])[0]
  return line?.[Math.floor(line.length / 2)]
}

