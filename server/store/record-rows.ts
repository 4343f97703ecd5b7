// Rows ↔ records: how each table's columns read back as the kernel's and the domain's record types. Both adapters
// keep the same column names and encodings (geometry as RFC 7946 coordinate JSON text, flags as 0/1), so both read
// through these.
import type { LngLat } from '../kernel/geo.ts'
import type { Building, GridCell, Incident, Intersection, LampStatusChange, StoredLamp, Street, WaterFeature, Zone } from '../kernel/records.ts'
import type { GuidanceStatus, IncidentSource, IncidentStatus, LampStatus, StreetCategory } from '../kernel/statuses.ts'
import { ROLES, type Role } from '../kernel/permissions.ts'
import type { AuditEntry, User } from '../domain/roles.ts'
import type { Case, CaseEvent, CaseFields, CasePhoto } from '../domain/cases.ts'
import type { GuidancePoint, GuidancePointGeometry, StreetCategoryChange } from '../domain/guidance-points.ts'
import type { BriefingRecord, GuidancePointPatch, SessionRecord } from './store.ts'
import { json, num, numOrNull, str, strOrNull, type Row } from './row-values.ts'

export const toStreet = (r: Row): Street => ({
  id: str(r.id),
  osmId: num(r.osm_id),
  name: strOrNull(r.name),
  nameEn: strOrNull(r.name_en),
  highway: str(r.highway),
  lengthM: num(r.length_m),
  coordinates: json<LngLat[]>(r.geom),
  category: str(r.category) as StreetCategory, // constrained by a CHECK in the schema
  zoneId: strOrNull(r.zone_id),
})

export const toLamp = (r: Row): StoredLamp => ({
  id: str(r.id),
  coordinates: [num(r.lon), num(r.lat)],
  status: str(r.status) as LampStatus, // constrained by a CHECK in the schema
  streetId: str(r.street_id),
  heightM: num(r.height_m),
  maintainer: str(r.maintainer),
  installedAt: str(r.installed_at),
  statusChangedAt: str(r.status_changed_at),
  version: num(r.version ?? 1),
})

export const toIncident = (r: Row): Incident => ({
  id: str(r.id),
  category: str(r.category),
  status: str(r.status) as IncidentStatus, // written only through validated domain values
  source: str(r.source) as IncidentSource,
  coordinates: [num(r.lon), num(r.lat)],
  reportedAt: str(r.reported_at),
  updatedAt: str(r.updated_at),
  closedAt: strOrNull(r.closed_at),
  description: str(r.description),
  zoneId: strOrNull(r.zone_id),
  streetId: strOrNull(r.street_id),
  lampId: strOrNull(r.lamp_id),
})

export const toUser = (r: Row): User => ({
  id: str(r.id),
  username: str(r.username),
  displayName: str(r.display_name),
  roles: json<string[]>(r.roles).filter((x): x is Role => (ROLES as readonly string[]).includes(x)),
  zoneIds: json<string[]>(r.zone_ids),
  unitId: strOrNull(r.unit_id),
  demo: num(r.demo) === 1,
  disabled: num(r.disabled) === 1,
  createdAt: str(r.created_at),
})

export const toSession = (r: Row): SessionRecord => ({
  idHash: str(r.id_hash),
  userId: str(r.user_id),
  createdMs: num(r.created_ms),
  lastSeenMs: num(r.last_seen_ms),
  expiresMs: num(r.expires_ms),
})

export const toAudit = (r: Row): AuditEntry => ({
  id: num(r.id),
  at: str(r.at),
  userId: strOrNull(r.user_id),
  username: str(r.username),
  action: str(r.action),
  entity: str(r.entity),
  entityId: strOrNull(r.entity_id),
  before: r.before === null ? null : json<unknown>(r.before),
  after: r.after === null ? null : json<unknown>(r.after),
  ip: strOrNull(r.ip),
})

export const toPhoto = (r: Row): CasePhoto => ({
  id: str(r.id),
  caseId: str(r.case_id),
  stage: str(r.stage) as CasePhoto['stage'],
  contentType: str(r.content_type),
  bytes: num(r.bytes),
  uploadedAt: str(r.uploaded_at),
  uploadedBy: str(r.uploaded_by),
})

export const toGuidancePoint = (r: Row): GuidancePoint => ({
  id: str(r.id),
  name: str(r.name),
  geometry: json<GuidancePointGeometry>(r.geom),
  capacity: num(r.capacity),
  openingHours: str(r.opening_hours),
  allowedGoods: str(r.allowed_goods),
  unit: str(r.unit),
  offStreet: num(r.off_street) === 1,
  status: str(r.status) as GuidanceStatus, // constrained by a CHECK in the schema
  createdAt: str(r.created_at),
  createdBy: str(r.created_by),
  updatedAt: str(r.updated_at),
  version: num(r.version),
})

export const toCase = (r: Row): Case => ({
  ...toIncident(r),
  trackingNumber: str(r.tracking_number),
  unitId: strOrNull(r.unit_id),
  priority: (num(r.priority) === 3 ? 3 : num(r.priority) === 2 ? 2 : 1),
  reportCount: num(r.report_count),
  reworkCount: num(r.rework_count),
  extensionCount: num(r.extension_count),
  extensionRequested: num(r.extension_requested) === 1,
  escalated: num(r.escalated) === 1,
  version: num(r.version),
  repeatOf: strOrNull(r.repeat_of),
  deadlineMs: num(r.deadline_ms),
  acceptedMs: numOrNull(r.accepted_ms),
  dispatchedMs: numOrNull(r.dispatched_ms),
  firstHandledMs: numOrNull(r.first_handled_ms),
  closedMs: numOrNull(r.closed_ms),
  result: strOrNull(r.result),
  rating: numOrNull(r.rating),
  ratingComment: strOrNull(r.rating_comment),
  phone: strOrNull(r.phone),
})

// Case fields ↔ columns, for writes that set any subset of them.
const CASE_COLUMNS: Readonly<Record<string, string>> = {
  trackingNumber: 'tracking_number',
  unitId: 'unit_id',
  priority: 'priority',
  reportCount: 'report_count',
  reworkCount: 'rework_count',
  extensionCount: 'extension_count',
  extensionRequested: 'extension_requested',
  escalated: 'escalated',
  repeatOf: 'repeat_of',
  deadlineMs: 'deadline_ms',
  acceptedMs: 'accepted_ms',
  dispatchedMs: 'dispatched_ms',
  firstHandledMs: 'first_handled_ms',
  closedMs: 'closed_ms',
  result: 'result',
  rating: 'rating',
  ratingComment: 'rating_comment',
}

export function caseColumnValues(set: Partial<CaseFields>): [string, unknown][] {
  return Object.entries(set)
    .filter(([key, value]) => value !== undefined && key in CASE_COLUMNS)
    .map(([key, value]) => [CASE_COLUMNS[key]!, typeof value === 'boolean' ? (value ? 1 : 0) : value])
}


/** A case's KPI facts from a row read as an array, in the column order of CASE_FACTS_SQL. */

export const toCategoryChange = (r: Row): StreetCategoryChange => ({
  id: num(r.id),
  streetId: str(r.street_id),
  from: str(r.from_category) as StreetCategory,
  to: str(r.to_category) as StreetCategory,
  reason: str(r.reason),
  username: str(r.username),
  at: str(r.at),
})

export const toZone = (r: Row): Zone => ({
  id: str(r.id),
  code: str(r.code),
  name: str(r.name),
  nameEn: str(r.name_en),
  coordinates: json<LngLat[][]>(r.geom),
})

export const toIntersection = (r: Row): Intersection => ({
  id: str(r.id),
  osmId: num(r.osm_id),
  coordinates: [num(r.lon), num(r.lat)],
  streetIds: json<string[]>(r.street_ids),
  names: json<string[]>(r.names),
  degree: num(r.degree),
})

export const toUnitCell = (r: Row): GridCell => ({
  code: str(r.code),
  zoneId: str(r.zone_id),
  community: str(r.community),
  coordinates: json<LngLat[][]>(r.geom),
})

export const toBuilding = (r: Row): Building => ({
  id: str(r.id),
  osmId: num(r.osm_id),
  name: strOrNull(r.name),
  coordinates: json<LngLat[][]>(r.geom),
})

export const toWater = (r: Row): WaterFeature => ({
  id: str(r.id),
  osmId: num(r.osm_id),
  name: strOrNull(r.name),
  kind: str(r.kind) === 'area' ? 'area' : 'line',
  coordinates: json<LngLat[][] | LngLat[]>(r.geom),
})

export const toLampChange = (r: Row): LampStatusChange => ({
  lampId: str(r.lamp_id),
  at: str(r.at),
  fromStatus: str(r.from_status) as LampStatus,
  toStatus: str(r.to_status) as LampStatus,
  userId: strOrNull(r.user_id),
  username: str(r.username),
  closedCaseIds: json<string[]>(str(r.closed_case_ids)),
})

export const toCaseEvent = (r: Row): CaseEvent => ({
  id: num(r.id),
  caseId: str(r.case_id),
  at: str(r.at),
  action: str(r.action) as CaseEvent['action'],
  fromStatus: strOrNull(r.from_status),
  toStatus: strOrNull(r.to_status),
  username: str(r.username),
  note: strOrNull(r.note),
  deadlineMs: numOrNull(r.deadline_ms),
})

/** The deadline a step sets, when it moves it (dispatch, an approved extension, an escalation); else null. */
export const movedDeadline = (before: { deadlineMs: number }, change: { set: { deadlineMs?: number } }): number | null =>
  change.set.deadlineMs !== undefined && change.set.deadlineMs !== before.deadlineMs ? change.set.deadlineMs : null

/** The columns a guidance-point patch sets, as [column, value] pairs (fields it leaves out are not among them). */
export function guidancePointColumns(patch: GuidancePointPatch): [string, unknown][] {
  const columns: Record<string, unknown> = {
    name: patch.name,
    geom: patch.geometry === undefined ? undefined : JSON.stringify(patch.geometry),
    capacity: patch.capacity,
    opening_hours: patch.openingHours,
    allowed_goods: patch.allowedGoods,
    unit: patch.unit,
    off_street: patch.offStreet === undefined ? undefined : patch.offStreet ? 1 : 0,
    status: patch.status,
  }
  return Object.entries(columns).filter(([, v]) => v !== undefined)
}

/** The columns, in the order `IncidentColumnsBuilder.push` (server/kernel/incident-columns.ts) takes them. */
export const INCIDENT_COLUMNS_SQL =
  'i.rid, i.reported_ms, i.version, i.lon, i.lat, i.category, i.source, i.status, i.unit_id, i.zone_id, i.dispatched_ms, i.first_handled_ms, i.closed_ms, i.deadline_ms, i.rework_count, i.extension_count, i.rating, i.id'

/** A briefing row without its facts and PDF (the list reads many; those two are read one at a time). */
export const toBriefing = (r: Row): BriefingRecord => ({
  id: str(r.id),
  kind: str(r.kind) as BriefingRecord['kind'],
  fromMs: num(r.from_ms),
  toMs: num(r.to_ms),
  zoneId: strOrNull(r.zone_id),
  lang: str(r.lang) as BriefingRecord['lang'],
  status: str(r.status) as BriefingRecord['status'],
  title: str(r.title),
  createdBy: str(r.created_by),
  createdAt: str(r.created_at),
  issuedBy: strOrNull(r.issued_by),
  issuedByName: strOrNull(r.issued_by_name),
  issuedAt: strOrNull(r.issued_at),
  number: numOrNull(r.number),
  sha256: strOrNull(r.sha256),
  bytes: numOrNull(r.bytes),
  scheduleKey: strOrNull(r.schedule_key),
})

/** The columns a briefing list reads: everything but the facts and the PDF (its size instead). */
export const BRIEFING_COLUMNS = 'id, kind, from_ms, to_ms, zone_id, lang, status, title, created_by, created_at, issued_by, issued_by_name, issued_at, number, sha256, length(pdf) AS bytes, schedule_key'
