// The one storage interface: records in, records out, and a transaction to group writes. It holds no business rule
// — which cases a repair closes, how tracking numbers look, what may be rated are domain decisions the use cases
// make — so a PostgreSQL/PostGIS adapter implements storage only. Absence is `undefined`; boundary errors are
// typed (errors.ts); every write records its audit entry in the same transaction. The contract suite in
// test/store-contract/ states what any adapter must do.
import type { BBox } from '../kernel/geo.ts'
import type { IncidentColumns } from '../kernel/incident-columns.ts'
import type { Building, DemoDistrict, GridCell, Incident, Intersection, Lamp, LampStatusChange, StoredLamp, Street, WaterFeature, Zone } from '../kernel/records.ts'
import type { IncidentSource, IncidentStatus, LampStatus, StreetCategory } from '../kernel/statuses.ts'
import type { LampPoints } from './lamp-points.ts'
import type { Actor, AuditEntry, User } from '../domain/roles.ts'
import type { Role } from '../kernel/permissions.ts'
import type { Case, CaseEvent, CaseFields, CasePhoto, Measure, NewReport } from '../domain/cases.ts'
import type { MeasureArea, MeasureStatus } from '../kernel/statuses.ts'
import type { ResponsibleUnit } from '../domain/case-routing.ts'
import type { GuidancePoint, GuidancePointGeometry, StreetCategoryChange } from '../domain/guidance-points.ts'
import type { GuidanceStatus } from '../kernel/statuses.ts'

export interface StreetQuery {
  bbox?: BBox
  categories?: StreetCategory[]
}

export interface LampQuery {
  bbox?: BBox
  statuses?: LampStatus[]
}

export interface IncidentQuery {
  bbox?: BBox
  categories?: string[]
  statuses?: IncidentStatus[]
  sources?: IncidentSource[]
  lampIds?: string[]
  fromMs?: number // inclusive, epoch milliseconds
  toMs?: number // exclusive, epoch milliseconds
  limit: Limit
}

/** How many rows a query returns: at most this many (`total` tells whether it cut), or every match. */
export type Limit = number | 'all'

export interface Page<T> {
  items: T[]
  total: number // matches before the limit
}

/** A lamp status change as stored: the lamp, and whether an open outage report names it after the change. */
export interface LampWritten {
  lamp: StoredLamp
  reportedOut: boolean
}

export interface StoreCounts {
  streets: number
  intersections: number
  buildings: number
  water: number
  zones: number
  grid: number
  lamps: number
  incidents: number
}

export type StoreSummary = Omit<StoreInfo, 'counts'>

export interface StoreInfo {
  kind: 'sqlite' | 'postgres'
  schemaVersion: number
  bounds: BBox | undefined // undefined while the store is empty
  counts: StoreCounts
  demo: boolean // seeded with the generated demo district
}

export interface NewUser {
  username: string
  displayName: string
  passwordHash: string
  roles: Role[]
  zoneIds?: string[]
  unitId?: string | null
  demo?: boolean
}

export interface UserPatch {
  displayName?: string
  passwordHash?: string
  roles?: Role[]
  zoneIds?: string[]
  unitId?: string | null
  disabled?: boolean
}

export interface SessionRecord {
  idHash: string
  userId: string
  createdMs: number
  lastSeenMs: number
  expiresMs: number // absolute expiry
}

export interface AuditQuery {
  entity?: string
  entityId?: string
  /** Only what this account did. */
  username?: string
  /** Entries at or after `fromAt` and before `toAt` (ISO 8601 instants, as entries are stamped). */
  fromAt?: string
  toAt?: string
  limit: number
  beforeId?: number // paging: entries older than this id
}

export interface NewGuidancePoint {
  name: string
  geometry: GuidancePointGeometry
  capacity: number
  openingHours: string
  allowedGoods: string
  unit: string
  offStreet: boolean
}

export type GuidancePointPatch = Partial<NewGuidancePoint> & { status?: GuidanceStatus }

export interface CaseQuery {
  statuses?: string[]
  unitId?: string
  zoneId?: string
  categories?: string[]
  deadlineBeforeMs?: number // only cases whose deadline is before this instant
  escalated?: boolean
  fromMs?: number
  toMs?: number
  includeMerged?: boolean
  order?: 'urgency' | 'newest' // urgency (default): priority, then deadline; newest: reported time descending
  limit: Limit
  offset?: number
}

/** What the KPIs read of each case reported in a period: thirteen fields, not the whole row. */
/** What a workflow step changes: the new stage, plus any bookkeeping fields. */
export interface CaseChange {
  action: CaseEvent['action']
  toStatus: string
  note: string | null
  set: Partial<Omit<CaseFields, 'version' | 'trackingNumber' | 'phone'>>
}


export interface NewMeasure {
  area: MeasureArea
  title: string
  description: string
  unitId: string
  person: string
  deadline: string
}

/** How an import batch landed. */
export interface ImportTotals {
  inserted: number
  updated: number
  unchanged: number
}

/** An incident from a city's complaint history, keyed by the source system's own id. */
export interface ImportedIncident extends Omit<Incident, 'id' | 'updatedAt'> {
  sourceId: string
  reportedMs: number // the same instant as reportedAt, so a million rows need not parse it back
  closedMs: number | null
  unitId: string | null
  deadlineMs: number
}

/** The district profile's settings as stored (the profile minus its layers), read by the server at start. */
export type DistrictSettingsRecord = Record<string, unknown> & { district: { name: string; name_en?: string | undefined; time_zone: string; language: string; bounds?: BBox | undefined } }

/** A briefing (通报) as stored: a draft holds the facts it was drafted from; an issued one also its PDF, never changed. */
export interface BriefingRecord {
  id: string
  kind: 'week' | 'month' | 'custom'
  fromMs: number
  toMs: number
  zoneId: string | null
  lang: 'zh' | 'en'
  status: 'draft' | 'issued'
  title: string
  createdBy: string // username, or "schedule" for the weekly draft
  createdAt: string // ISO instant
  issuedBy: string | null // username
  issuedByName: string | null // the issuer's display name, as printed
  issuedAt: string | null
  number: number | null // 期号: the n-th briefing issued in the district's year
  sha256: string | null // of the issued PDF
  bytes: number | null
  scheduleKey: string | null // the weekly draft's, e.g. "week:2026-11-29T16:00:00.000Z"
}

export interface NewBriefing {
  kind: BriefingRecord['kind']
  fromMs: number
  toMs: number
  zoneId: string | null
  lang: BriefingRecord['lang']
  title: string
  facts: unknown // JSON: what the PDF is drawn from
  /** The scheduled weekly draft's key: at most one briefing per key, whichever instance makes it first. */
  scheduleKey?: string
}

export interface BriefingIssue {
  number: number // 期号, unique within `year`
  year: string // the district's calendar year the number counts in
  pdf: Uint8Array
  sha256: string
  issuedByName: string
  at: Date
}

export interface Store {
  /**
   * Runs `work` as one transaction: everything it writes through `tx` commits together, or nothing does when it
   * throws. Inside, use only `tx` (the outer store would wait for the transaction to end). Nested calls join the
   * open transaction.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>
  info(): Promise<StoreInfo>
  /** What `info` says but the counts, which on PostgreSQL cost a `count(*)` over every table (~0.5 s at megacity size). */
  summary(): Promise<StoreSummary>
  streets(q: StreetQuery): Promise<Street[]>
  street(id: string): Promise<Street | undefined>
  lamps(q: LampQuery): Promise<StoredLamp[]>
  lamp(id: string): Promise<StoredLamp | undefined>
  /** Every lamp's id, position and status, lean (no record per lamp): what the place index and the lighting analysis are built from. */
  lampPoints(): Promise<LampPoints>
  /** Sets the category of these streets, recording history and audit per street. Throws NotFoundError for an unknown id. */
  updateStreetCategory(ids: readonly string[], category: StreetCategory, reason: string, actor: Actor, at: Date): Promise<Street[]>
  /** Newest first. */
  streetCategoryHistory(streetId: string): Promise<StreetCategoryChange[]>
  guidancePoints(q: { includeRetired?: boolean }): Promise<GuidancePoint[]>
  guidancePoint(id: string): Promise<GuidancePoint | undefined>
  createGuidancePoint(point: NewGuidancePoint, actor: Actor, at: Date): Promise<GuidancePoint>
  /** Throws NotFoundError, or ConflictError when `expectedVersion` is given and stale. */
  updateGuidancePoint(id: string, patch: GuidancePointPatch, actor: Actor, at: Date, expectedVersion?: number): Promise<GuidancePoint>
  // Cases: incidents seen through the workflow.
  units(): Promise<ResponsibleUnit[]>
  cases(q: CaseQuery): Promise<Page<Case>>
  case(id: string): Promise<Case | undefined>
  caseByTracking(trackingNumber: string): Promise<Case | undefined>
  caseEvents(id: string): Promise<CaseEvent[]>
  /** Stores a new report as a case with the next incident id, its 'report' timeline step and an audit entry. */
  createReport(report: NewReport, actor: Actor, at: Date): Promise<Case>
  /** Applies a change if the case is still at `expectedVersion` (else ConflictError: no lost update); NotFoundError for an unknown case. */
  transitionCase(id: string, expectedVersion: number, change: CaseChange, actor: Actor, at: Date): Promise<Case>
  /** Appends a step to a case's timeline without changing the case. */
  addCaseEvent(caseId: string, at: Date, action: CaseEvent['action'], fromStatus: string | null, toStatus: string | null, actor: Actor, note: string | null): Promise<void>
  /** Records a citizen's rating (a version bump, a 'rate' step and an audit entry); NotFoundError for an unknown case. */
  rateCase(id: string, stars: number, comment: string | null, at: Date): Promise<Case>
  addPhoto(photo: CasePhoto, actor: Actor): Promise<void>
  photos(caseId: string): Promise<CasePhoto[]>
  photo(id: string): Promise<CasePhoto | undefined>
  // Briefings (通报). Issued ones are immutable (the database refuses to change them).
  /** Creates a draft; with a scheduleKey already used, returns the briefing made under it (created: false). */
  createBriefing(b: NewBriefing, actor: Actor): Promise<{ briefing: BriefingRecord; created: boolean }>
  briefings(): Promise<BriefingRecord[]>
  briefing(id: string): Promise<(BriefingRecord & { facts: unknown }) | undefined>
  /** Issues a draft with its PDF. ConflictError when it is no longer a draft or the number was taken meanwhile. */
  issueBriefing(id: string, issue: BriefingIssue, actor: Actor): Promise<BriefingRecord>
  briefingPdf(id: string): Promise<Uint8Array | undefined>

  measures(): Promise<Measure[]>
  measure(id: string): Promise<Measure | undefined>
  createMeasure(m: NewMeasure, actor: Actor, at: Date): Promise<Measure>
  updateMeasure(id: string, patch: Partial<NewMeasure> & { status?: MeasureStatus; progress?: number; note?: string }, actor: Actor, at: Date, expectedVersion?: number): Promise<Measure>
  /** Replaces the units and fills in the case columns (tracking number included) of every incident (used when seeding). */
  seedCases(units: readonly ResponsibleUnit[], derive: (incident: Incident) => Partial<CaseFields> & { trackingNumber: string; closedAt?: string | null }): Promise<void>

  /**
   * Sets the status of `lamp` — as the caller read it — if it is still at that version (else ConflictError),
   * recording the change — and the cases it closed, if any — in its status history. NotFoundError for a lamp not
   * stored. Audited. Passing the lamp read spares PostgreSQL a second read under lock: the change is one statement.
   * Answers the lamp as written and whether an open outage report still names it, read by the same statement: with
   * the status, what decides whether the lamp is lit, so the lighting is brought up to date without another read.
   */
  updateLampStatus(lamp: StoredLamp, status: LampStatus, actor: Actor, at: Date, closedCaseIds: readonly string[]): Promise<LampWritten>
  /** A lamp's status changes, newest first. */
  lampHistory(id: string): Promise<LampStatusChange[]>
  /** Every lamp's status changes in [fromMs, toMs), oldest first. */
  lampChangesBetween(fromMs: number, toMs: number): Promise<LampStatusChange[]>
  incidents(q: IncidentQuery): Promise<Page<Incident>>
  /**
   * Every incident's position, time, category, source and case facts as columns, sorted by (reported time, rid) —
   * or only the incidents `ids` names: what the in-memory incident index is built and kept up to date from.
   */
  incidentColumns(q?: { ids?: readonly string[] }): Promise<IncidentColumns>
  incident(id: string): Promise<Incident | undefined>
  zones(): Promise<Zone[]>
  intersections(q: { bbox?: BBox }): Promise<Intersection[]>
  gridCells(q: { bbox?: BBox }): Promise<GridCell[]>
  buildings(q: { bbox?: BBox }): Promise<Building[]>
  water(q: { bbox?: BBox }): Promise<WaterFeature[]>
  // Accounts and sessions. Every write takes the actor and records an audit entry in the same transaction.
  users(): Promise<User[]>
  user(id: string): Promise<User | undefined>
  /** The user and its password hash, for sign-in only. */
  credentials(username: string): Promise<{ user: User; passwordHash: string } | undefined>
  /** Throws ConflictError when the username is taken. */
  createUser(user: NewUser, actor: Actor): Promise<User>
  /** Throws NotFoundError for an unknown id. */
  updateUser(id: string, patch: UserPatch, actor: Actor): Promise<User>
  /** Replaces `replacedIdHash` (if any) with the new session: rotation at sign-in. */
  createSession(session: SessionRecord, actor: Actor, replacedIdHash?: string): Promise<void>
  session(idHash: string): Promise<SessionRecord | undefined>
  touchSession(idHash: string, lastSeenMs: number): Promise<void>
  deleteSession(idHash: string, actor: Actor): Promise<void>
  deleteExpiredSessions(nowMs: number, idleMs: number): Promise<number>
  auditLog(q: AuditQuery): Promise<AuditEntry[]>

  /** Replaces all district data in one transaction (used to seed a fresh database). */
  seedDistrict(district: DemoDistrict, options: { demo: boolean }): Promise<void>

  // A city's own data (npm run import): rows keyed by their source ids, so importing again updates, never duplicates.
  /** Upserts zones by id; changed ones are audited. */
  upsertZones(zones: readonly Zone[], actor: Actor): Promise<ImportTotals>
  /** Upserts streets by id; a changed category goes into the street's category history, any change into the audit. */
  upsertStreets(streets: readonly Street[], actor: Actor, at: Date): Promise<ImportTotals>
  /** Upserts lamps by id; a changed status is a status change in the lamp's history (version bumped), audited. */
  upsertLamps(lamps: readonly Lamp[], actor: Actor, at: Date): Promise<ImportTotals>
  /** Upserts incidents by source id (new ones get the next incident id); a changed stage adds an 'import' step to the case's timeline. */
  upsertIncidents(incidents: readonly ImportedIncident[], actor: Actor, at: Date): Promise<ImportTotals>
  /**
   * Within an import's transaction: when `table` is empty, prepares it for a bulk load (an adapter may set indexes
   * aside and skip lookups: every row is new); endBulkLoad restores it. No-op on a table that holds rows.
   */
  beginBulkLoad(table: 'lamps' | 'incidents'): Promise<void>
  endBulkLoad(table: 'lamps' | 'incidents'): Promise<void>
  /** Removes rows this import has just added (lamps by id, incidents by source id), with their index entries. */
  deleteImportedRows(table: 'lamps' | 'incidents', ids: readonly string[]): Promise<void>
  /** Replaces each given derived layer whole (the ones not given stay), and the district's bounds. */
  replaceDerivedLayers(layers: { intersections?: readonly Intersection[]; grid?: readonly GridCell[]; buildings?: readonly Building[]; water?: readonly WaterFeature[]; units?: readonly ResponsibleUnit[]; bounds?: BBox }): Promise<void>
  /** The district's settings from its profile; undefined for the demo district or a store never imported into. */
  districtSettings(): Promise<DistrictSettingsRecord | undefined>
  /** Stores the district's settings (audited) and marks the store as the bureau's own data, not the demo. */
  saveDistrictSettings(settings: DistrictSettingsRecord, actor: Actor): Promise<void>
  close(): Promise<void>
}
