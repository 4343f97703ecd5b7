// The embedded default store: SQLite through better-sqlite3 (synchronous, wrapped in the async Store interface),
// WAL journal, versioned migrations, R*Tree indexes for every bbox query.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
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
  LngLat,
  Street,
  StreetCategory,
  WaterFeature,
  Zone,
} from '../domain/types.ts'
import { randomUUID } from 'node:crypto'
import { LAMP_OUTAGE_CATEGORY } from '../domain/categories.ts'
import { OPEN_INCIDENT_STATUSES } from '../domain/types.ts'
import { ROLES, type Actor, type AuditEntry, type Role, type User } from '../domain/roles.ts'
import { ConflictError, NotFoundError } from './errors.ts'
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts'
import type {
  AuditQuery,
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

const toLamp = (r: Row): Lamp => ({
  id: str(r.id),
  coordinates: [num(r.lon), num(r.lat)],
  status: str(r.status) as LampStatus, // constrained by a CHECK in the schema
  streetId: str(r.street_id),
  heightM: num(r.height_m),
  maintainer: str(r.maintainer),
  installedAt: str(r.installed_at),
  statusChangedAt: str(r.status_changed_at),
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
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('foreign_keys = ON')
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

  async lamps(q: LampQuery): Promise<Lamp[]> {
    const params: Params = {}
    const sql = `SELECT l.* FROM lamps l${spatialJoin('lamps', 'l', q.bbox, params)}${where([inList('l.status', q.statuses, 's', params)])} ORDER BY l.rid`
    return this.all(sql, params).map(toLamp)
  }

  async lamp(id: string): Promise<Lamp | undefined> {
    const row = this.get('SELECT * FROM lamps WHERE id = :id', { id })
    return row && toLamp(row)
  }

  async lampsWithOpenOutage(): Promise<Set<string>> {
    const params: Params = { category: LAMP_OUTAGE_CATEGORY }
    const open = inList('status', OPEN_INCIDENT_STATUSES, 's', params)
    const rows = this.all(`SELECT DISTINCT lamp_id FROM incidents WHERE category = :category AND lamp_id IS NOT NULL AND ${open}`, params)
    return new Set(rows.map((r) => str(r.lamp_id)))
  }

  async updateLampStatus(id: string, status: LampStatus, actor: Actor, at: Date): Promise<{ lamp: Lamp; closedIncidentIds: string[] }> {
    return this.db.transaction(() => {
      const row = this.get('SELECT * FROM lamps WHERE id = :id', { id })
      if (!row) throw new NotFoundError(`lamp ${id}`)
      const before = toLamp(row)
      const iso = at.toISOString()
      if (before.status !== status) this.db.prepare('UPDATE lamps SET status = ?, status_changed_at = ? WHERE id = ?').run(status, iso, id)
      let closedIncidentIds: string[] = []
      if (status === 'ok') {
        const params: Params = { category: LAMP_OUTAGE_CATEGORY, lamp: id }
        const open = inList('status', OPEN_INCIDENT_STATUSES, 's', params)
        closedIncidentIds = this.all(`SELECT id FROM incidents WHERE category = :category AND lamp_id = :lamp AND ${open} ORDER BY rid`, params).map((r) => str(r.id))
        const close = this.db.prepare("UPDATE incidents SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?")
        for (const incidentId of closedIncidentIds) close.run(iso, iso, incidentId)
      }
      const lamp = toLamp(this.get('SELECT * FROM lamps WHERE id = :id', { id }) as Row)
      this.audit(actor, 'lamp.update', 'lamp', id, before, { ...lamp, closedIncidentIds })
      return { lamp, closedIncidentIds }
    })()
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
