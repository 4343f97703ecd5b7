// Accounts, sessions, the audit log and the bureau's rectification measures in SQLite.
import { randomUUID } from 'node:crypto'
import { measureId } from '../../kernel/record-ids.ts'
import type { MeasureArea, MeasureStatus } from '../../kernel/statuses.ts'
import type { Actor, AuditEntry, User } from '../../domain/roles.ts'
import type { Measure } from '../../domain/cases.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import type { AuditQuery, NewMeasure, NewUser, SessionRecord, Store, UserPatch } from '../store.ts'
import type { SqliteContext } from './context.ts'
import { toAudit, toSession, toUser } from '../record-rows.ts'
import { num, numOrNull, str, where, type Params, type Row } from './sql.ts'

type AccountTables = Pick<
  Store,
  | 'measures' | 'measure' | 'createMeasure' | 'updateMeasure' | 'users' | 'user' | 'credentials' | 'createUser' | 'updateUser' | 'createSession'
  | 'session' | 'touchSession' | 'deleteSession' | 'deleteExpiredSessions' | 'auditLog'
>

function toMeasure(x: SqliteContext, r: Row): Measure {
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
    notes: x.all('SELECT * FROM measure_notes WHERE measure_id = :id ORDER BY id', { id: r.id }).map((n) => ({ at: str(n.at), username: str(n.username), note: str(n.note), progress: numOrNull(n.progress) })),
  }
}

export function accountTables(x: SqliteContext): AccountTables {
  return {
    async measures(): Promise<Measure[]> {
      return x.all('SELECT * FROM measures ORDER BY deadline, id').map((r) => toMeasure(x, r))
    },

    async measure(id: string): Promise<Measure | undefined> {
      const row = x.get('SELECT * FROM measures WHERE id = :id', { id })
      return row && toMeasure(x, row)
    },

    async createMeasure(m: NewMeasure, actor: Actor, at: Date): Promise<Measure> {
      return x.write(() => {
        const n = num(x.get('SELECT count(*) + 1 AS n FROM measures')?.n)
        const id = measureId(n)
        const iso = at.toISOString()
        x.db
          .prepare("INSERT INTO measures (id, area, title, description, unit_id, person, deadline, status, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?, ?)")
          .run(id, m.area, m.title, m.description, m.unitId, m.person, m.deadline, iso, iso)
        const created = toMeasure(x, x.get('SELECT * FROM measures WHERE id = :id', { id }) as Row)
        x.audit(actor, 'measure.create', 'measure', id, null, created)
        return created
      })
    },

    async updateMeasure(id: string, patch: Partial<NewMeasure> & { status?: MeasureStatus; progress?: number; note?: string }, actor: Actor, at: Date, expectedVersion?: number): Promise<Measure> {
      return x.write(() => {
        const row = x.get('SELECT * FROM measures WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`measure ${id}`)
        const before = toMeasure(x, row)
        if (expectedVersion !== undefined && expectedVersion !== before.version) throw new ConflictError(`measure ${id} is at version ${before.version}, not ${expectedVersion}; reload and try again`)
        const columns: Record<string, unknown> = { area: patch.area, title: patch.title, description: patch.description, unit_id: patch.unitId, person: patch.person, deadline: patch.deadline, status: patch.status, progress: patch.progress }
        const sets = Object.entries(columns).filter(([, v]) => v !== undefined)
        x.db
          .prepare(`UPDATE measures SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id`)
          .run({ id, updated_at: at.toISOString(), ...Object.fromEntries(sets) })
        if (patch.note) x.db.prepare('INSERT INTO measure_notes (measure_id, at, username, note, progress) VALUES (?, ?, ?, ?, ?)').run(id, at.toISOString(), actor.username, patch.note, patch.progress ?? null)
        const after = toMeasure(x, x.get('SELECT * FROM measures WHERE id = :id', { id }) as Row)
        x.audit(actor, 'measure.update', 'measure', id, { ...before, notes: undefined }, { ...after, notes: undefined, note: patch.note })
        return after
      })
    },

    async users(): Promise<User[]> {
      return x.all('SELECT * FROM users ORDER BY username').map(toUser)
    },

    async user(id: string): Promise<User | undefined> {
      const row = x.get('SELECT * FROM users WHERE id = :id', { id })
      return row && toUser(row)
    },

    async credentials(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = x.get('SELECT * FROM users WHERE username = :username', { username })
      return row && { user: toUser(row), passwordHash: str(row.password_hash) }
    },

    async createUser(u: NewUser, actor: Actor): Promise<User> {
      return x.write(() => {
        if (x.get('SELECT 1 AS x FROM users WHERE username = :username', { username: u.username })) {
          throw new ConflictError(`username "${u.username}" is taken`)
        }
        const id = randomUUID()
        x.db
          .prepare('INSERT INTO users (id, username, display_name, password_hash, roles, zone_ids, unit_id, demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, u.username, u.displayName, u.passwordHash, JSON.stringify(u.roles), JSON.stringify(u.zoneIds ?? []), u.unitId ?? null, u.demo ? 1 : 0, new Date().toISOString())
        const created = toUser(x.get('SELECT * FROM users WHERE id = :id', { id }) as Row)
        x.audit(actor, 'user.create', 'user', id, null, created)
        return created
      })
    },

    async updateUser(id: string, patch: UserPatch, actor: Actor): Promise<User> {
      return x.write(() => {
        const row = x.get('SELECT * FROM users WHERE id = :id', { id })
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
        if (sets.length > 0) x.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = :id`).run(params)
        // Disabling an account or changing its password ends its sessions.
        if (patch.disabled === true || patch.passwordHash !== undefined) x.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id)
        const after = toUser(x.get('SELECT * FROM users WHERE id = :id', { id }) as Row)
        x.audit(actor, 'user.update', 'user', id, before, { ...after, ...(patch.passwordHash !== undefined ? { passwordChanged: true } : {}) })
        return after
      })
    },

    async createSession(session: SessionRecord, actor: Actor, replacedIdHash?: string): Promise<void> {
      await x.write(() => {
        if (replacedIdHash) x.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(replacedIdHash)
        x.db
          .prepare('INSERT INTO sessions (id_hash, user_id, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)')
          .run(session.idHash, session.userId, session.createdMs, session.lastSeenMs, session.expiresMs)
        x.audit(actor, 'session.create', 'user', session.userId, null, { expires_at: new Date(session.expiresMs).toISOString() })
      })
    },

    async session(idHash: string): Promise<SessionRecord | undefined> {
      const row = x.get('SELECT * FROM sessions WHERE id_hash = :idHash', { idHash })
      return row && toSession(row)
    },

    async touchSession(idHash: string, lastSeenMs: number): Promise<void> {
      await x.write(() => x.db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?').run(lastSeenMs, idHash))
    },

    async deleteSession(idHash: string, actor: Actor): Promise<void> {
      await x.write(() => {
        const row = x.get('SELECT * FROM sessions WHERE id_hash = :idHash', { idHash })
        if (!row) return
        x.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash)
        x.audit(actor, 'session.delete', 'user', str(row.user_id), null, null)
      })
    },

    async deleteExpiredSessions(nowMs: number, idleMs: number): Promise<number> {
      return x.write(() => x.db.prepare('DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms + ? <= ?').run(nowMs, idleMs, nowMs).changes)
    },

    async auditLog(q: AuditQuery): Promise<AuditEntry[]> {
      const params: Params = { limit: q.limit }
      const clauses = [
        q.entity === undefined ? undefined : ((params.entity = q.entity), 'entity = :entity'),
        q.entityId === undefined ? undefined : ((params.entityId = q.entityId), 'entity_id = :entityId'),
        q.username === undefined ? undefined : ((params.username = q.username), 'username = :username'),
        q.fromAt === undefined ? undefined : ((params.fromAt = q.fromAt), 'at >= :fromAt'),
        q.toAt === undefined ? undefined : ((params.toAt = q.toAt), 'at < :toAt'),
        q.beforeId === undefined ? undefined : ((params.beforeId = q.beforeId), 'id < :beforeId'),
      ]
      return x.all(`SELECT * FROM audit_log${where(clauses)} ORDER BY id DESC LIMIT :limit`, params).map(toAudit)
    },
  }
}
