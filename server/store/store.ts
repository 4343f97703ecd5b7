// The one storage interface routes talk to. Async from day one so a PostgreSQL/PostGIS adapter can follow
// without touching routes; absence is `undefined`, boundary errors are typed (errors.ts).
import type {
  BBox,
  Building,
  DemoDistrict,
  GridCell,
  Incident,
  IncidentSource,
  IncidentStatus,
  Intersection,
  Lamp,
  LampStatus,
  Street,
  StreetCategory,
  WaterFeature,
  Zone,
} from '../domain/types.ts'
import type { Actor, AuditEntry, Role, User } from '../domain/roles.ts'

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

export interface Store {
  info(): Promise<StoreInfo>
  streets(q: StreetQuery): Promise<Street[]>
  street(id: string): Promise<Street | undefined>
  lamps(q: LampQuery): Promise<Lamp[]>
  lamp(id: string): Promise<Lamp | undefined>
  /** Ids of lamps with an open outage report (category 0118): such a lamp does not count as working. */
  lampsWithOpenOutage(): Promise<Set<string>>
  /**
   * Sets a lamp's status. Marking it `ok` also closes its open outage reports, so it counts as working at once.
   * Throws NotFoundError for an unknown lamp. Audited.
   */
  updateLampStatus(id: string, status: LampStatus, actor: Actor, at: Date): Promise<{ lamp: Lamp; closedIncidentIds: string[] }>
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
