// The embedded default store: SQLite through better-sqlite3 (synchronous, wrapped in the async Store interface),
// WAL journal, versioned migrations, R*Tree indexes for every bbox query.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { Building, DemoDistrict, GridCell, Incident, Intersection, LampStatusChange, StoredLamp, Street, WaterFeature, Zone } from '../kernel/records.ts'
import type { IncidentSource, IncidentStatus, LampStatus, StreetCategory } from '../kernel/statuses.ts'
import { randomUUID } from 'node:crypto'
import { LAMP_OUTAGE_CATEGORY } from '../kernel/categories.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { OPEN_INCIDENT_STATUSES, PENDING_WORK_STATUSES } from '../kernel/statuses.ts'
import { ROLES, type Role } from '../kernel/permissions.ts'
import type { Actor, AuditEntry, User } from '../domain/roles.ts'
import { ConflictError, NotFoundError } from './errors.ts'
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts'
import { randomBytes } from 'node:crypto'
import type { ResponsibleUnit, UnitKind } from '../domain/case-routing.ts'
import type { Case, CaseEvent, CaseFields, CasePhoto, Measure, NewReport } from '../domain/cases.ts'
import type { MeasureArea, MeasureStatus } from '../kernel/statuses.ts'
import type { GuidancePoint, GuidancePointGeometry, StreetCategoryChange } from '../domain/guidance-points.ts'
import type { GuidanceStatus } from '../kernel/statuses.ts'
import type {
  AuditQuery,
  CaseChange,
  CaseQuery,
  EscalateFn,
  NewMeasure,
  GuidancePointPatch,
  NewGuidancePoint,
  IncidentQuery,
  LampQuery,
  NewUser,
  Page,
  SessionRecord,
  Store,
  StoreCounts,
  StoreInfo,
  StreetQuery,
  UserPatch,
} from './store.ts'

type Row = Record<string, unknown>
type Params = Record<string, unknown>

/** Bounding box of any nested coordinate array. */
function boundsOf(coords: unknown): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[]
      if (x === undefined || y === undefined) return
      if (x < b[0]) b[0] = x
      if (y < b[1]) b[1] = y
      if (x > b[2]) b[2] = x
      if (y > b[3]) b[3] = y
      return
    }
    for (const child of c) visit(child)
  }
  visit(coords)
  return b
}

const str = (v: unknown): string => String(v)
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number => Number(v)
const json = <T>(v: unknown): T => JSON.parse(String(v)) as T

/** `JOIN <table>_rtree` restricted to a bbox, or nothing when there is no bbox. */
function spatialJoin(table: string, alias: string, bbox: BBox | undefined, params: Params): string {
  if (!bbox) return ''
  ;[params.west, params.south, params.east, params.north] = bbox
  return ` JOIN ${table}_rtree r ON r.rid = ${alias}.rid AND r.min_x <= :east AND r.max_x >= :west AND r.min_y <= :north AND r.max_y >= :south`
}

function inList(column: string, values: readonly string[] | undefined, key: string, params: Params): string | undefined {
  if (!values) return undefined
  values.forEach((v, i) => (params[`${key}${i}`] = v))
  return values.length === 0 ? '0' : `${column} IN (${values.map((_, i) => `:${key}${i}`).join(', ')})`
}

const where = (clauses: (string | undefined)[]): string => {
  const kept = clauses.filter((c): c is string => c !== undefined)
  return kept.length > 0 ? ` WHERE ${kept.join(' AND ')}` : ''
}

const toStreet = (r: Row): Street => ({
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

const toLamp = (r: Row): StoredLamp => ({
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

const toIncident = (r: Row): Incident => ({
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

const toUser = (r: Row): User => ({
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

const toSession = (r: Row): SessionRecord => ({
  idHash: str(r.id_hash),
  userId: str(r.user_id),
  createdMs: num(r.created_ms),
  lastSeenMs: num(r.last_seen_ms),
  expiresMs: num(r.expires_ms),
})

const toAudit = (r: Row): AuditEntry => ({
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

const toPhoto = (r: Row): CasePhoto => ({
  id: str(r.id),
  caseId: str(r.case_id),
  stage: str(r.stage) as CasePhoto['stage'],
  contentType: str(r.content_type),
  bytes: num(r.bytes),
  uploadedAt: str(r.uploaded_at),
  uploadedBy: str(r.uploaded_by),
})

const toGuidancePoint = (r: Row): GuidancePoint => ({
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

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

const toCase = (r: Row): Case => ({
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

function caseColumnValues(set: Partial<CaseFields>): [string, unknown][] {
  return Object.entries(set)
    .filter(([key, value]) => value !== undefined && key in CASE_COLUMNS)
    .map(([key, value]) => [CASE_COLUMNS[key]!, typeof value === 'boolean' ? (value ? 1 : 0) : value])
}

// Tracking numbers: unguessable enough that status lookups cannot be enumerated; no 0/O/1/I to misread on a phone.
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export function newTrackingNumber(at: Date): string {
  const day = districtCalendar.dateOf(at.getTime()).slice(2).replace(/-/g, '')
  const bytes = randomBytes(6)
  return `GW${day}${[...bytes].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('')}`
}

const OPEN_CASE_SQL = `status IN (${OPEN_INCIDENT_STATUSES.map((s) => `'${s}'`).join(', ')})`

/** Resolves `file:relative/path.db`, `file:/abs.db`, a plain path, or `:memory:` to what better-sqlite3 opens. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  return url.startsWith('file:') ? url.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : url
}

export class SqliteStore implements Store {
  readonly db: Database.Database

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.db = new Database(path)
    // Settings and guarantees: docs/storage-durability.md. WAL: readers and the writer never block each other, and a
    // killed process loses nothing it committed (the test in test/durability/ kills the server mid-load to prove it).
    this.db.pragma('journal_mode = WAL')
    // FULL: fsync the WAL at every commit, so a report whose tracking number was handed out also survives an OS crash
    // or power loss. Left alone, better-sqlite3's build (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1) drops a WAL connection to
    // NORMAL, which can lose the last commits on power loss. FULL costs about 4 ms per report on an ordinary disk.
    this.db.pragma('synchronous = FULL')
    // better-sqlite3 already defaults to these two; stated so a change of driver or build cannot silently drop them.
    // foreign_keys: the schema's REFERENCES are enforced only when it is on, per connection.
    this.db.pragma('foreign_keys = ON')
    // busy_timeout: another connection (`npm run user`, a backup) may hold the write lock for a moment; wait up to 5 s
    // for it rather than fail at once with SQLITE_BUSY.
    this.db.pragma('busy_timeout = 5000')
    this.migrate()
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => num((r as Row).version)))
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue
      this.db.transaction(() => {
        this.db.exec(m.sql)
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
      })()
    }
  }

  private all(sql: string, params: Params = {}): Row[] {
    return this.db.prepare(sql).all(params) as Row[]
  }

  private get(sql: string, params: Params = {}): Row | undefined {
    return this.db.prepare(sql).get(params) as Row | undefined
  }

  async info(): Promise<StoreInfo> {
    const count = (table: string) => num(this.get(`SELECT count(*) AS n FROM ${table}`)?.n)
    const counts: StoreCounts = {
      streets: count('streets'),
      intersections: count('intersections'),
      buildings: count('buildings'),
      water: count('water'),
      zones: count('zones'),
      grid: count('grid_cells'),
      lamps: count('lamps'),
      incidents: count('incidents'),
    }
    const meta = (key: string) => this.get('SELECT value FROM meta WHERE key = :key', { key })?.value
    const bounds = meta('bounds')
    return {
      kind: 'sqlite',
      schemaVersion: num(this.get('SELECT max(version) AS v FROM schema_migrations')?.v),
      bounds: bounds === undefined ? undefined : json<BBox>(bounds),
      counts,
      demo: meta('demo') === 'true',
    }
  }

  async streets(q: StreetQuery): Promise<Street[]> {
    const params: Params = {}
    const sql = `SELECT s.* FROM streets s${spatialJoin('streets', 's', q.bbox, params)}${where([inList('s.category', q.categories, 'c', params)])} ORDER BY s.rid`
    return this.all(sql, params).map(toStreet)
  }

  async street(id: string): Promise<Street | undefined> {
    const row = this.get('SELECT * FROM streets WHERE id = :id', { id })
    return row && toStreet(row)
  }

  async lamps(q: LampQuery): Promise<StoredLamp[]> {
    const params: Params = {}
    const sql = `SELECT l.* FROM lamps l${spatialJoin('lamps', 'l', q.bbox, params)}${where([inList('l.status', q.statuses, 's', params)])} ORDER BY l.rid`
    return this.all(sql, params).map(toLamp)
  }

  async lamp(id: string): Promise<StoredLamp | undefined> {
    const row = this.get('SELECT * FROM lamps WHERE id = :id', { id })
    return row && toLamp(row)
  }

  async updateStreetCategory(ids: readonly string[], category: StreetCategory, reason: string, actor: Actor, at: Date): Promise<Street[]> {
    return this.db.transaction(() => {
      const iso = at.toISOString()
      const updated: Street[] = []
      for (const id of ids) {
        const row = this.get('SELECT * FROM streets WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`street ${id}`)
        const before = toStreet(row)
        if (before.category !== category) {
          this.db.prepare('UPDATE streets SET category = ? WHERE id = ?').run(category, id)
          this.db
            .prepare('INSERT INTO street_category_history (street_id, from_category, to_category, reason, user_id, username, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(id, before.category, category, reason, actor.userId, actor.username, iso)
          this.audit(actor, 'street.category', 'street', id, { category: before.category }, { category, reason })
        }
        updated.push({ ...before, category })
      }
      return updated
    })()
  }

  async streetCategoryHistory(streetId: string): Promise<StreetCategoryChange[]> {
    return this.all('SELECT * FROM street_category_history WHERE street_id = :streetId ORDER BY id DESC', { streetId }).map((r) => ({
      id: num(r.id),
      streetId: str(r.street_id),
      from: str(r.from_category) as StreetCategory,
      to: str(r.to_category) as StreetCategory,
      reason: str(r.reason),
      username: str(r.username),
      at: str(r.at),
    }))
  }

  async guidancePoints(q: { includeRetired?: boolean }): Promise<GuidancePoint[]> {
    const sql = q.includeRetired ? 'SELECT * FROM guidance_points ORDER BY rid' : "SELECT * FROM guidance_points WHERE status != 'retired' ORDER BY rid"
    return this.all(sql).map(toGuidancePoint)
  }

  async guidancePoint(id: string): Promise<GuidancePoint | undefined> {
    const row = this.get('SELECT * FROM guidance_points WHERE id = :id', { id })
    return row && toGuidancePoint(row)
  }

  async createGuidancePoint(p: NewGuidancePoint, actor: Actor, at: Date): Promise<GuidancePoint> {
    return this.db.transaction(() => {
      const next = num(this.get('SELECT coalesce(max(rid), 0) + 1 AS n FROM guidance_points')?.n)
      const id = `G${String(next).padStart(4, '0')}`
      const iso = at.toISOString()
      this.db
        .prepare(
          `INSERT INTO guidance_points (rid, id, name, geom, capacity, opening_hours, allowed_goods, unit, off_street, status, created_at, created_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
        )
        .run(next, id, p.name, JSON.stringify(p.geometry), p.capacity, p.openingHours, p.allowedGoods, p.unit, p.offStreet ? 1 : 0, iso, actor.username, iso)
      const created = toGuidancePoint(this.get('SELECT * FROM guidance_points WHERE id = :id', { id }) as Row)
      this.audit(actor, 'guidance-point.create', 'guidance-point', id, null, created)
      return created
    })()
  }

  async updateGuidancePoint(id: string, patch: GuidancePointPatch, actor: Actor, at: Date, expectedVersion?: number): Promise<GuidancePoint> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM guidance_points WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`guidance point ${id}`)
      const before = toGuidancePoint(row)
      if (expectedVersion !== undefined && expectedVersion !== before.version) {
        throw new ConflictError(`guidance point ${id} is at version ${before.version}, not ${expectedVersion}: someone else changed it; reload and try again`)
      }
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
      const sets = Object.entries(columns).filter(([, v]) => v !== undefined)
      const params: Params = { id, updated_at: at.toISOString(), ...Object.fromEntries(sets) }
      this.db
        .prepare(`UPDATE guidance_points SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id`)
        .run(params)
      const after = toGuidancePoint(this.get('SELECT * FROM guidance_points WHERE id = :id', { id }) as Row)
      this.audit(actor, 'guidance-point.update', 'guidance-point', id, before, after)
      return after
    })()
  }

  async units(): Promise<ResponsibleUnit[]> {
    return this.all('SELECT * FROM units ORDER BY id').map((r) => ({ id: str(r.id), name: str(r.name), nameEn: str(r.name_en), kind: str(r.kind) as UnitKind, zoneId: strOrNull(r.zone_id) }))
  }

  async cases(q: CaseQuery): Promise<Page<Case>> {
    const params: Params = { limit: q.limit, offset: q.offset ?? 0 }
    const clauses = [
      inList('status', q.statuses, 's', params),
      inList('category', q.categories, 'c', params),
      q.unitId === undefined ? undefined : ((params.unitId = q.unitId), 'unit_id = :unitId'),
      q.zoneId === undefined ? undefined : ((params.zoneId = q.zoneId), 'zone_id = :zoneId'),
      q.overdueAtMs === undefined ? undefined : ((params.now = q.overdueAtMs), `status IN (${PENDING_WORK_STATUSES.map((s) => `'${s}'`).join(', ')}) AND deadline_ms < :now`),
      q.escalated === undefined ? undefined : ((params.escalated = q.escalated ? 1 : 0), 'escalated = :escalated'),
      q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'reported_ms >= :fromMs'),
      q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'reported_ms < :toMs'),
      q.includeMerged || q.statuses?.includes('merged') ? undefined : "status != 'merged'",
    ]
    const { limit, offset, ...countParams } = params
    const total = num(this.get(`SELECT count(*) AS n FROM incidents${where(clauses)}`, countParams)?.n)
    const order = q.order === 'newest' ? 'reported_ms DESC, rid DESC' : 'priority DESC, deadline_ms, rid'
    const items = this.all(`SELECT * FROM incidents${where(clauses)} ORDER BY ${order} LIMIT :limit OFFSET :offset`, params).map(toCase)
    return { items, total }
  }

  async case(id: string): Promise<Case | undefined> {
    const row = this.get('SELECT * FROM incidents WHERE id = :id', { id })
    return row && toCase(row)
  }

  async caseByTracking(trackingNumber: string): Promise<Case | undefined> {
    const row = this.get('SELECT * FROM incidents WHERE tracking_number = :trackingNumber', { trackingNumber })
    return row && toCase(row)
  }

  async caseEvents(id: string): Promise<CaseEvent[]> {
    return this.all('SELECT * FROM case_events WHERE case_id = :id ORDER BY id', { id }).map((r) => ({
      id: num(r.id),
      caseId: str(r.case_id),
      at: str(r.at),
      action: str(r.action) as CaseEvent['action'],
      fromStatus: strOrNull(r.from_status),
      toStatus: strOrNull(r.to_status),
      username: str(r.username),
      note: strOrNull(r.note),
    }))
  }

  private event(caseId: string, at: Date, action: string, from: string | null, to: string | null, actor: Actor, note: string | null): void {
    this.db
      .prepare('INSERT INTO case_events (case_id, at, action, from_status, to_status, user_id, username, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, at.toISOString(), action, from, to, actor.userId, actor.username, note)
  }

  /** Folds one more report into open case `intoId` and escalates it as `escalate` decides. Inside a transaction. */
  private addRepeat(intoId: string, actor: Actor, at: Date, escalate: EscalateFn, note: string): Case {
    const row = this.get(`SELECT * FROM incidents WHERE id = :id AND ${OPEN_CASE_SQL}`, { id: intoId })
    if (!row) throw new ConflictError(`case ${intoId} is not open, so a repeat cannot be merged into it`)
    const original = toCase(row)
    const count = original.reportCount + 1
    const next = escalate(original, count, at.getTime())
    this.db
      .prepare('UPDATE incidents SET report_count = ?, priority = ?, deadline_ms = ?, escalated = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(count, next.priority, next.deadlineMs, next.escalated ? 1 : 0, at.toISOString(), intoId)
    this.event(intoId, at, 'merge', original.status, original.status, actor, note)
    if (next.escalated && !original.escalated) this.event(intoId, at, 'escalate', original.status, original.status, actor, `${count} reports`)
    return toCase(this.get('SELECT * FROM incidents WHERE id = :id', { id: intoId }) as Row)
  }

  async createReport(r: NewReport, actor: Actor, at: Date, merge?: { repeatOf: string; escalate: EscalateFn }): Promise<Case> {
    return this.db.transaction(() => {
      const rid = num(this.get('SELECT coalesce(max(rid), 0) + 1 AS n FROM incidents')?.n)
      const id = `I${String(rid).padStart(7, '0')}`
      const iso = at.toISOString()
      const status = merge ? 'merged' : 'reported'
      this.db
        .prepare(
          `INSERT INTO incidents (rid, id, category, status, source, lon, lat, reported_at, reported_ms, updated_at, closed_at, description,
             zone_id, street_id, lamp_id, tracking_number, unit_id, deadline_ms, phone, repeat_of)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(rid, id, r.category, status, r.source, r.coordinates[0], r.coordinates[1], iso, at.getTime(), iso, r.description, r.zoneId, r.streetId, r.lampId, newTrackingNumber(at), r.unitId, r.deadlineMs, r.phone, merge?.repeatOf ?? null)
      this.db.prepare('INSERT INTO incidents_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)').run(rid, r.coordinates[0], r.coordinates[0], r.coordinates[1], r.coordinates[1])
      this.event(id, at, 'report', null, status, actor, merge ? `repeat of ${merge.repeatOf}` : null)
      if (merge) this.addRepeat(merge.repeatOf, actor, at, merge.escalate, `repeat report ${id}`)
      const created = toCase(this.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
      this.audit(actor, 'case.report', 'case', id, null, { ...created, phone: created.phone === null ? null : '(recorded)' })
      return created
    })()
  }

  async mergeCase(id: string, intoId: string, expectedVersion: number, actor: Actor, at: Date, escalate: EscalateFn): Promise<Case> {
    return this.db.transaction(() => {
      if (id === intoId) throw new ConflictError('a case cannot be merged into itself')
      const row = this.get(`SELECT * FROM incidents WHERE id = :id AND ${OPEN_CASE_SQL}`, { id })
      if (!row) throw new ConflictError(`case ${id} is not open, so it cannot be merged`)
      const before = toCase(row)
      if (before.version !== expectedVersion) throw new ConflictError(`case ${id} is at version ${before.version}, not ${expectedVersion}: it changed since you loaded it`)
      const into = this.addRepeat(intoId, actor, at, escalate, `merged case ${id}`)
      this.db.prepare("UPDATE incidents SET status = 'merged', repeat_of = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(intoId, at.toISOString(), id)
      this.event(id, at, 'merge', before.status, 'merged', actor, `into ${intoId}`)
      this.audit(actor, 'case.merge', 'case', id, { status: before.status }, { status: 'merged', repeatOf: intoId })
      return into
    })()
  }

  async transitionCase(id: string, expectedVersion: number, change: CaseChange, actor: Actor, at: Date): Promise<Case> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM incidents WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`case ${id}`)
      const before = toCase(row)
      const iso = at.toISOString()
      const values = caseColumnValues(change.set)
      const params: Params = { id, expected: expectedVersion, status: change.toStatus, updated_at: iso, closed_at: change.toStatus === 'closed' ? iso : before.closedAt }
      values.forEach(([column, value]) => (params[column] = value))
      const sets = ['status = :status', 'updated_at = :updated_at', 'closed_at = :closed_at', 'version = version + 1', ...values.map(([column]) => `${column} = :${column}`)]
      const changed = this.db.prepare(`UPDATE incidents SET ${sets.join(', ')} WHERE id = :id AND version = :expected`).run(params).changes
      if (changed === 0) throw new ConflictError(`case ${id} is at version ${before.version}, not ${expectedVersion}: it changed since you loaded it; reload and try again`)
      this.event(id, at, change.action, before.status, change.toStatus, actor, change.note)
      const after = toCase(this.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
      this.audit(actor, `case.${change.action}`, 'case', id, { status: before.status, version: before.version }, { status: after.status, version: after.version, note: change.note, ...change.set })
      return after
    })()
  }

  async rateCase(id: string, stars: number, comment: string | null, at: Date): Promise<Case> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM incidents WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`case ${id}`)
      const before = toCase(row)
      if (before.status !== 'closed') throw new ConflictError('only a closed case can be rated')
      if (before.rating !== null) throw new ConflictError('this case has already been rated')
      this.db.prepare('UPDATE incidents SET rating = ?, rating_comment = ?, version = version + 1 WHERE id = ?').run(stars, comment, id)
      const actor = { userId: null, username: 'citizen' }
      this.event(id, at, 'rate', 'closed', 'closed', actor, `${stars}★`)
      this.audit(actor, 'case.rate', 'case', id, null, { rating: stars })
      return toCase(this.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
    })()
  }

  async addPhoto(p: CasePhoto, actor: Actor): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO photos (id, case_id, stage, content_type, bytes, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(p.id, p.caseId, p.stage, p.contentType, p.bytes, p.uploadedAt, p.uploadedBy)
      this.event(p.caseId, new Date(p.uploadedAt), 'photo', null, null, actor, p.stage)
      this.audit(actor, 'case.photo', 'case', p.caseId, null, { photo: p.id, stage: p.stage, bytes: p.bytes })
    })()
  }

  async photos(caseId: string): Promise<CasePhoto[]> {
    return this.all('SELECT * FROM photos WHERE case_id = :caseId ORDER BY uploaded_at, id', { caseId }).map(toPhoto)
  }

  async photo(id: string): Promise<CasePhoto | undefined> {
    const row = this.get('SELECT * FROM photos WHERE id = :id', { id })
    return row && toPhoto(row)
  }

  async measures(): Promise<Measure[]> {
    return this.all('SELECT * FROM measures ORDER BY deadline, id').map((r) => this.toMeasure(r))
  }

  async measure(id: string): Promise<Measure | undefined> {
    const row = this.get('SELECT * FROM measures WHERE id = :id', { id })
    return row && this.toMeasure(row)
  }

  private toMeasure(r: Row): Measure {
    return {
      id: str(r.id),
      area: str(r.area) as MeasureArea,
      title: str(r.title),
      description: str(r.description),
      unitId: str(r.unit_id),
      person: str(r.person),
      deadline: str(r.deadline),
      status: str(r.status) as MeasureStatus,
      progress: num(r.progress),
      createdAt: str(r.created_at),
      updatedAt: str(r.updated_at),
      version: num(r.version),
      notes: this.all('SELECT * FROM measure_notes WHERE measure_id = :id ORDER BY id', { id: r.id }).map((n) => ({ at: str(n.at), username: str(n.username), note: str(n.note), progress: numOrNull(n.progress) })),
    }
  }

  async createMeasure(m: NewMeasure, actor: Actor, at: Date): Promise<Measure> {
    return this.db.transaction(() => {
      const n = num(this.get('SELECT count(*) + 1 AS n FROM measures')?.n)
      const id = `M${String(n).padStart(3, '0')}`
      const iso = at.toISOString()
      this.db
        .prepare("INSERT INTO measures (id, area, title, description, unit_id, person, deadline, status, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?, ?)")
        .run(id, m.area, m.title, m.description, m.unitId, m.person, m.deadline, iso, iso)
      const created = this.toMeasure(this.get('SELECT * FROM measures WHERE id = :id', { id }) as Row)
      this.audit(actor, 'measure.create', 'measure', id, null, created)
      return created
    })()
  }

  async updateMeasure(id: string, patch: Partial<NewMeasure> & { status?: MeasureStatus; progress?: number; note?: string }, actor: Actor, at: Date, expectedVersion?: number): Promise<Measure> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM measures WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`measure ${id}`)
      const before = this.toMeasure(row)
      if (expectedVersion !== undefined && expectedVersion !== before.version) throw new ConflictError(`measure ${id} is at version ${before.version}, not ${expectedVersion}; reload and try again`)
      const columns: Record<string, unknown> = { area: patch.area, title: patch.title, description: patch.description, unit_id: patch.unitId, person: patch.person, deadline: patch.deadline, status: patch.status, progress: patch.progress }
      const sets = Object.entries(columns).filter(([, v]) => v !== undefined)
      this.db
        .prepare(`UPDATE measures SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id`)
        .run({ id, updated_at: at.toISOString(), ...Object.fromEntries(sets) })
      if (patch.note) this.db.prepare('INSERT INTO measure_notes (measure_id, at, username, note, progress) VALUES (?, ?, ?, ?, ?)').run(id, at.toISOString(), actor.username, patch.note, patch.progress ?? null)
      const after = this.toMeasure(this.get('SELECT * FROM measures WHERE id = :id', { id }) as Row)
      this.audit(actor, 'measure.update', 'measure', id, { ...before, notes: undefined }, { ...after, notes: undefined, note: patch.note })
      return after
    })()
  }

  async seedCases(units: readonly ResponsibleUnit[], derive: (incident: Incident) => Partial<CaseFields> & { closedAt?: string | null }): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM units')
      const unit = this.db.prepare('INSERT INTO units (id, name, name_en, kind, zone_id) VALUES (?, ?, ?, ?, ?)')
      for (const u of units) unit.run(u.id, u.name, u.nameEn, u.kind, u.zoneId)
      const rows = this.all('SELECT * FROM incidents ORDER BY rid')
      // Rows differ in which fields they set; prepare each distinct UPDATE once (a dozen shapes for 12k rows).
      const statements = new Map<string, Database.Statement>()
      for (const row of rows) {
        const incident = toIncident(row)
        const { closedAt, ...fields } = derive(incident)
        const values = caseColumnValues(fields)
        // The incident's closing time follows the case's when the derivation sets one.
        if (closedAt !== undefined) values.push(['closed_at', closedAt], ['updated_at', closedAt ?? incident.updatedAt])
        const params: Params = { id: incident.id, tracking: row.tracking_number ?? newTrackingNumber(new Date(Date.parse(incident.reportedAt))) }
        values.forEach(([column, value]) => (params[column] = value))
        const sql = `UPDATE incidents SET ${['tracking_number = :tracking', ...values.map(([c]) => `${c} = :${c}`)].join(', ')} WHERE id = :id`
        let statement = statements.get(sql)
        if (!statement) statements.set(sql, (statement = this.db.prepare(sql)))
        statement.run(params)
      }
    })()
  }

  async lampsWithOpenOutage(): Promise<Set<string>> {
    const params: Params = { category: LAMP_OUTAGE_CATEGORY }
    const open = inList('status', OPEN_INCIDENT_STATUSES, 's', params)
    const rows = this.all(`SELECT DISTINCT lamp_id FROM incidents WHERE category = :category AND lamp_id IS NOT NULL AND ${open}`, params)
    return new Set(rows.map((r) => str(r.lamp_id)))
  }

  async updateLampStatus(id: string, status: LampStatus, expectedVersion: number, actor: Actor, at: Date): Promise<{ lamp: StoredLamp; closedIncidentIds: string[] }> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM lamps WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`lamp ${id}`)
      const before = toLamp(row)
      if (before.version !== expectedVersion) {
        throw new ConflictError(`lamp ${id} is at version ${before.version}, not ${expectedVersion}: someone changed it since you loaded it; reload and try again`)
      }
      const iso = at.toISOString()
      this.db.prepare('UPDATE lamps SET status = ?, status_changed_at = ?, version = version + 1 WHERE id = ?').run(status, before.status !== status ? iso : before.statusChangedAt, id)
      let closedIncidentIds: string[] = []
      if (status === 'ok') {
        // A repaired lamp's outage cases are closed with it, each with its own timeline step and a new version, so
        // a dispatcher holding the old ETag gets 409 rather than overwriting the closure.
        const params: Params = { category: LAMP_OUTAGE_CATEGORY, lamp: id }
        const open = inList('status', OPEN_INCIDENT_STATUSES, 's', params)
        const openCases = this.all(`SELECT id, status FROM incidents WHERE category = :category AND lamp_id = :lamp AND ${open} ORDER BY rid`, params)
        closedIncidentIds = openCases.map((r) => str(r.id))
        const close = this.db.prepare("UPDATE incidents SET status = 'closed', closed_at = ?, closed_ms = ?, updated_at = ?, version = version + 1 WHERE id = ?")
        for (const r of openCases) {
          close.run(iso, at.getTime(), iso, str(r.id))
          this.event(str(r.id), at, 'lamp_repair', str(r.status), 'closed', actor, id)
        }
      }
      this.db
        .prepare('INSERT INTO lamp_status_history (lamp_id, at, from_status, to_status, user_id, username, closed_case_ids) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, iso, before.status, status, actor.userId, actor.username, JSON.stringify(closedIncidentIds))
      const lamp = toLamp(this.get('SELECT * FROM lamps WHERE id = :id', { id }) as Row)
      this.audit(actor, 'lamp.update', 'lamp', id, before, { ...lamp, closedIncidentIds })
      return { lamp, closedIncidentIds }
    })()
  }

  async lampHistory(id: string): Promise<LampStatusChange[]> {
    return this.all('SELECT * FROM lamp_status_history WHERE lamp_id = :id ORDER BY id DESC', { id }).map((r) => ({
      at: str(r.at),
      fromStatus: str(r.from_status) as LampStatus,
      toStatus: str(r.to_status) as LampStatus,
      userId: strOrNull(r.user_id),
      username: str(r.username),
      closedCaseIds: json<string[]>(str(r.closed_case_ids)),
    }))
  }

  async incidents(q: IncidentQuery): Promise<Page<Incident>> {
    const params: Params = { limit: q.limit }
    const from = `FROM incidents i${spatialJoin('incidents', 'i', q.bbox, params)}${where([
      inList('i.category', q.categories, 'c', params),
      inList('i.status', q.statuses, 's', params),
      inList('i.source', q.sources, 'src', params),
      q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'i.reported_ms >= :fromMs'),
      q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'i.reported_ms < :toMs'),
    ])}`
    const { limit, ...countParams } = params
    const total = num(this.get(`SELECT count(*) AS n ${from}`, countParams)?.n)
    const items = this.all(`SELECT i.* ${from} ORDER BY i.reported_ms, i.rid LIMIT :limit`, params).map(toIncident)
    return { items, total }
  }

  async incident(id: string): Promise<Incident | undefined> {
    const row = this.get('SELECT * FROM incidents WHERE id = :id', { id })
    return row && toIncident(row)
  }

  async zones(): Promise<Zone[]> {
    return this.all('SELECT * FROM zones ORDER BY id').map((r) => ({
      id: str(r.id),
      code: str(r.code),
      name: str(r.name),
      nameEn: str(r.name_en),
      coordinates: json<LngLat[][]>(r.geom),
    }))
  }

  async intersections(q: { bbox?: BBox }): Promise<Intersection[]> {
    const params: Params = {}
    return this.all(`SELECT x.* FROM intersections x${spatialJoin('intersections', 'x', q.bbox, params)} ORDER BY x.rid`, params).map((r) => ({
      id: str(r.id),
      osmId: num(r.osm_id),
      coordinates: [num(r.lon), num(r.lat)],
      streetIds: json<string[]>(r.street_ids),
      names: json<string[]>(r.names),
      degree: num(r.degree),
    }))
  }

  async gridCells(q: { bbox?: BBox }): Promise<GridCell[]> {
    const params: Params = {}
    return this.all(`SELECT g.* FROM grid_cells g${spatialJoin('grid_cells', 'g', q.bbox, params)} ORDER BY g.rid`, params).map((r) => ({
      code: str(r.code),
      zoneId: str(r.zone_id),
      community: str(r.community),
      coordinates: json<LngLat[][]>(r.geom),
    }))
  }

  async buildings(q: { bbox?: BBox }): Promise<Building[]> {
    const params: Params = {}
    return this.all(`SELECT b.* FROM buildings b${spatialJoin('buildings', 'b', q.bbox, params)} ORDER BY b.rid`, params).map((r) => ({
      id: str(r.id),
      osmId: num(r.osm_id),
      name: strOrNull(r.name),
      coordinates: json<LngLat[][]>(r.geom),
    }))
  }

  async water(q: { bbox?: BBox }): Promise<WaterFeature[]> {
    const params: Params = {}
    return this.all(`SELECT w.* FROM water w${spatialJoin('water', 'w', q.bbox, params)} ORDER BY w.rid`, params).map((r) => ({
      id: str(r.id),
      osmId: num(r.osm_id),
      name: strOrNull(r.name),
      kind: str(r.kind) === 'area' ? 'area' : 'line',
      coordinates: json<LngLat[][] | LngLat[]>(r.geom),
    }))
  }

  /** Appends an audit entry; call inside the write's transaction so the record and the change land together. */
  private audit(actor: Actor, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor.userId, actor.username, action, entity, entityId, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after), actor.ip ?? null)
  }

  async users(): Promise<User[]> {
    return this.all('SELECT * FROM users ORDER BY username').map(toUser)
  }

  async user(id: string): Promise<User | undefined> {
    const row = this.get('SELECT * FROM users WHERE id = :id', { id })
    return row && toUser(row)
  }

  async credentials(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = this.get('SELECT * FROM users WHERE username = :username', { username })
    return row && { user: toUser(row), passwordHash: str(row.password_hash) }
  }

  async createUser(u: NewUser, actor: Actor): Promise<User> {
    return this.db.transaction(() => {
      if (this.get('SELECT 1 AS x FROM users WHERE username = :username', { username: u.username })) {
        throw new ConflictError(`username "${u.username}" is taken`)
      }
      const id = randomUUID()
      this.db
        .prepare('INSERT INTO users (id, username, display_name, password_hash, roles, zone_ids, unit_id, demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, u.username, u.displayName, u.passwordHash, JSON.stringify(u.roles), JSON.stringify(u.zoneIds ?? []), u.unitId ?? null, u.demo ? 1 : 0, new Date().toISOString())
      const created = toUser(this.get('SELECT * FROM users WHERE id = :id', { id }) as Row)
      this.audit(actor, 'user.create', 'user', id, null, created)
      return created
    })()
  }

  async updateUser(id: string, patch: UserPatch, actor: Actor): Promise<User> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM users WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`user ${id}`)
      const before = toUser(row)
      const sets: string[] = []
      const params: Params = { id }
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = :${column}`)
        params[column] = value
      }
      if (patch.displayName !== undefined) set('display_name', patch.displayName)
      if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash)
      if (patch.roles !== undefined) set('roles', JSON.stringify(patch.roles))
      if (patch.zoneIds !== undefined) set('zone_ids', JSON.stringify(patch.zoneIds))
      if (patch.unitId !== undefined) set('unit_id', patch.unitId)
      if (patch.disabled !== undefined) set('disabled', patch.disabled ? 1 : 0)
      // A changed password stops being the documented demo password.
      if (patch.passwordHash !== undefined) set('demo', 0)
      if (sets.length > 0) this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = :id`).run(params)
      // Disabling an account or changing its password ends its sessions.
      if (patch.disabled === true || patch.passwordHash !== undefined) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id)
      const after = toUser(this.get('SELECT * FROM users WHERE id = :id', { id }) as Row)
      this.audit(actor, 'user.update', 'user', id, before, { ...after, ...(patch.passwordHash !== undefined ? { passwordChanged: true } : {}) })
      return after
    })()
  }

  async createSession(session: SessionRecord, actor: Actor, replacedIdHash?: string): Promise<void> {
    this.db.transaction(() => {
      if (replacedIdHash) this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(replacedIdHash)
      this.db
        .prepare('INSERT INTO sessions (id_hash, user_id, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)')
        .run(session.idHash, session.userId, session.createdMs, session.lastSeenMs, session.expiresMs)
      this.audit(actor, 'session.create', 'user', session.userId, null, { expires_at: new Date(session.expiresMs).toISOString() })
    })()
  }

  async session(idHash: string): Promise<SessionRecord | undefined> {
    const row = this.get('SELECT * FROM sessions WHERE id_hash = :idHash', { idHash })
    return row && toSession(row)
  }

  async touchSession(idHash: string, lastSeenMs: number): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?').run(lastSeenMs, idHash)
  }

  async deleteSession(idHash: string, actor: Actor): Promise<void> {
    this.db.transaction(() => {
      const row = this.get('SELECT * FROM sessions WHERE id_hash = :idHash', { idHash })
      if (!row) return
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash)
      this.audit(actor, 'session.delete', 'user', str(row.user_id), null, null)
    })()
  }

  async deleteExpiredSessions(nowMs: number, idleMs: number): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms + ? <= ?').run(nowMs, idleMs, nowMs).changes
  }

  async auditLog(q: AuditQuery): Promise<AuditEntry[]> {
    const params: Params = { limit: q.limit }
    const clauses = [
      q.entity === undefined ? undefined : ((params.entity = q.entity), 'entity = :entity'),
      q.entityId === undefined ? undefined : ((params.entityId = q.entityId), 'entity_id = :entityId'),
      q.beforeId === undefined ? undefined : ((params.beforeId = q.beforeId), 'id < :beforeId'),
    ]
    return this.all(`SELECT * FROM audit_log${where(clauses)} ORDER BY id DESC LIMIT :limit`, params).map(toAudit)
  }

  async seedDistrict(d: DemoDistrict, options: { demo: boolean }): Promise<void> {
    const db = this.db
    const indexed = (table: string, columns: string[]) => {
      const insert = db.prepare(`INSERT INTO ${table} (rid, ${columns.join(', ')}) VALUES (:rid, ${columns.map((c) => `:${c}`).join(', ')})`)
      const index = db.prepare(`INSERT INTO ${table}_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)`)
      return (rid: number, row: Params, coords: unknown) => {
        insert.run({ rid, ...row })
        const [w, s, e, n] = boundsOf(coords)
        index.run(rid, w, e, s, n)
      }
    }
    db.transaction(() => {
      for (const t of ['zones', 'streets', 'intersections', 'buildings', 'water', 'grid_cells', 'lamps', 'incidents']) {
        db.exec(`DELETE FROM ${t}`)
        if (t !== 'zones') db.exec(`DELETE FROM ${t}_rtree`)
      }
      const zone = db.prepare('INSERT INTO zones (id, code, name, name_en, geom) VALUES (:id, :code, :name, :name_en, :geom)')
      for (const z of d.zones) zone.run({ id: z.id, code: z.code, name: z.name, name_en: z.nameEn, geom: JSON.stringify(z.coordinates) })

      const street = indexed('streets', ['id', 'osm_id', 'name', 'name_en', 'highway', 'category', 'length_m', 'zone_id', 'geom'])
      d.streets.forEach((s, i) =>
        street(i + 1, { id: s.id, osm_id: s.osmId, name: s.name, name_en: s.nameEn, highway: s.highway, category: s.category, length_m: s.lengthM, zone_id: s.zoneId, geom: JSON.stringify(s.coordinates) }, s.coordinates),
      )
      const intersection = indexed('intersections', ['id', 'osm_id', 'lon', 'lat', 'street_ids', 'names', 'degree'])
      d.intersections.forEach((x, i) =>
        intersection(i + 1, { id: x.id, osm_id: x.osmId, lon: x.coordinates[0], lat: x.coordinates[1], street_ids: JSON.stringify(x.streetIds), names: JSON.stringify(x.names), degree: x.degree }, x.coordinates),
      )
      const building = indexed('buildings', ['id', 'osm_id', 'name', 'geom'])
      d.buildings.forEach((b, i) => building(i + 1, { id: b.id, osm_id: b.osmId, name: b.name, geom: JSON.stringify(b.coordinates) }, b.coordinates))
      const water = indexed('water', ['id', 'osm_id', 'name', 'kind', 'geom'])
      d.water.forEach((w, i) => water(i + 1, { id: w.id, osm_id: w.osmId, name: w.name, kind: w.kind, geom: JSON.stringify(w.coordinates) }, w.coordinates))
      const cell = indexed('grid_cells', ['code', 'zone_id', 'community', 'geom'])
      d.grid.forEach((g, i) => cell(i + 1, { code: g.code, zone_id: g.zoneId, community: g.community, geom: JSON.stringify(g.coordinates) }, g.coordinates))
      const lamp = indexed('lamps', ['id', 'lon', 'lat', 'status', 'street_id', 'height_m', 'maintainer', 'installed_at', 'status_changed_at'])
      d.lamps.forEach((l, i) =>
        lamp(i + 1, { id: l.id, lon: l.coordinates[0], lat: l.coordinates[1], status: l.status, street_id: l.streetId, height_m: l.heightM, maintainer: l.maintainer, installed_at: l.installedAt, status_changed_at: l.statusChangedAt }, l.coordinates),
      )
      const incident = indexed('incidents', ['id', 'category', 'status', 'source', 'lon', 'lat', 'reported_at', 'reported_ms', 'updated_at', 'closed_at', 'description', 'zone_id', 'street_id', 'lamp_id'])
      d.incidents.forEach((x, i) =>
        incident(
          i + 1,
          { id: x.id, category: x.category, status: x.status, source: x.source, lon: x.coordinates[0], lat: x.coordinates[1], reported_at: x.reportedAt, reported_ms: Date.parse(x.reportedAt), updated_at: x.updatedAt, closed_at: x.closedAt, description: x.description, zone_id: x.zoneId, street_id: x.streetId, lamp_id: x.lampId },
          x.coordinates,
        ),
      )
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      meta.run('bounds', JSON.stringify(d.bounds))
      meta.run('demo', String(options.demo))
      meta.run('seeded_at', new Date().toISOString())
    })()
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
