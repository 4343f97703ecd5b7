// The one storage interface routes talk to. Async from day one so a PostgreSQL/PostGIS adapter can follow
// without touching routes; absence is `undefined`, boundary errors are typed (errors.ts).
import type { BBox } from '../kernel/geo.ts'
import type { Building, DemoDistrict, GridCell, Incident, Intersection, Lamp, LampStatusChange, StoredLamp, Street, WaterFeature, Zone } from '../kernel/records.ts'
import type { IncidentSource, IncidentStatus, LampStatus, StreetCategory } from '../kernel/statuses.ts'
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
  fromMs?: number // inclusive, epoch milliseconds
  toMs?: number // exclusive, epoch milliseconds
  limit: number // the caller's cap; `total` tells whether it cut
}

export interface Page<T> {
  items: T[]
  total: number // matches before the limit
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
  overdueAtMs?: number // only open cases whose deadline has passed at this instant
  escalated?: boolean
  fromMs?: number
  toMs?: number
  includeMerged?: boolean
  order?: 'urgency' | 'newest' // urgency (default): priority, then deadline; newest: reported time descending
  limit: number
  offset?: number
}

/** What a workflow step changes: the new stage, plus any bookkeeping fields. */
export interface CaseChange {
  action: CaseEvent['action']
  toStatus: string
  note: string | null
  set: Partial<Omit<CaseFields, 'version' | 'trackingNumber' | 'phone'>>
}

/** Escalation decided by the domain from a case's new report count, applied inside the merge transaction. */
export type EscalateFn = (current: Case, reportCount: number, nowMs: number) => { priority: 1 | 2 | 3; deadlineMs: number; escalated: boolean }

export interface NewMeasure {
  area: MeasureArea
  title: string
  description: string
  unitId: string
  person: string
  deadline: string
}

export interface Store {
  info(): Promise<StoreInfo>
  streets(q: StreetQuery): Promise<Street[]>
  street(id: string): Promise<Street | undefined>
  lamps(q: LampQuery): Promise<StoredLamp[]>
  lamp(id: string): Promise<StoredLamp | undefined>
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
  /** A new report as a case (status reported), or — with `repeatOf` — a merged repeat that adds to that open case's report count and may escalate it. */
  createReport(report: NewReport, actor: Actor, at: Date, merge?: { repeatOf: string; escalate: EscalateFn }): Promise<Case>
  /** Folds an existing case (still at `expectedVersion`) into another open case (staff). Throws ConflictError if either is not open or the version is stale. */
  mergeCase(id: string, intoId: string, expectedVersion: number, actor: Actor, at: Date, escalate: EscalateFn): Promise<Case>
  /** Applies a workflow step if the case is still at `expectedVersion`; otherwise ConflictError (no lost update). */
  transitionCase(id: string, expectedVersion: number, change: CaseChange, actor: Actor, at: Date): Promise<Case>
  rateCase(id: string, stars: number, comment: string | null, at: Date): Promise<Case>
  addPhoto(photo: CasePhoto, actor: Actor): Promise<void>
  photos(caseId: string): Promise<CasePhoto[]>
  photo(id: string): Promise<CasePhoto | undefined>
  measures(): Promise<Measure[]>
  measure(id: string): Promise<Measure | undefined>
  createMeasure(m: NewMeasure, actor: Actor, at: Date): Promise<Measure>
  updateMeasure(id: string, patch: Partial<NewMeasure> & { status?: MeasureStatus; progress?: number; note?: string }, actor: Actor, at: Date, expectedVersion?: number): Promise<Measure>
  /** Replaces the units and fills in the case columns of every incident (used when seeding). */
  seedCases(units: readonly ResponsibleUnit[], derive: (incident: Incident) => Partial<CaseFields> & { closedAt?: string | null }): Promise<void>

  /** Ids of lamps with an open outage report (category 0118): such a lamp does not count as working. */
  lampsWithOpenOutage(): Promise<Set<string>>
  /**
   * Sets a lamp's status if it is still at `expectedVersion` (else ConflictError), recording the change in its status
   * history. Marking it `ok` also closes its open outage reports — each with a timeline event and a version bump, in
   * the same transaction — so it counts as working at once. Throws NotFoundError for an unknown lamp. Audited.
   */
  updateLampStatus(id: string, status: LampStatus, expectedVersion: number, actor: Actor, at: Date): Promise<{ lamp: StoredLamp; closedIncidentIds: string[] }>
  /** A lamp's status changes, newest first. */
  lampHistory(id: string): Promise<LampStatusChange[]>
  incidents(q: IncidentQuery): Promise<Page<Incident>>
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
  close(): Promise<void>
}
