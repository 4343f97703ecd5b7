// Accounts, sessions, the audit log and the bureau's rectification measures in PostgreSQL. Sessions live here, not
// in a process, so every instance behind the proxy knows every signed-in user.
import { randomUUID } from 'node:crypto'
import { measureId } from '../../kernel/record-ids.ts'
import type { MeasureArea, MeasureStatus } from '../../kernel/statuses.ts'
import type { Actor, AuditEntry, User } from '../../domain/roles.ts'
import type { Measure } from '../../domain/cases.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import type { AuditQuery, NewMeasure, NewUser, SessionRecord, Store, UserPatch } from '../store.ts'
import { toAudit, toSession, toUser } from '../record-rows.ts'
import { num, numOrNull, str, type Params, type Row } from '../row-values.ts'
import type { AccountCache } from './account-cache.ts'
import { where, type PgContext } from './context.ts'

type AccountTables = Pick<
  Store,
  | 'measures' | 'measure' | 'createMeasure' | 'updateMeasure' | 'users' | 'user' | 'credentials' | 'createUser' | 'updateUser' | 'createSession'
  | 'session' | 'touchSession' | 'deleteSession' | 'deleteExpiredSessions' | 'auditLog'
>

async function toMeasure(x: PgContext, r: Row): Promise<Measure> {
  const notes = await x.all('SELECT * FROM measure_notes WHERE measure_id = :id ORDER BY id', { id: r.id })
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
    notes: notes.map((n) => ({ at: str(n.at), username: str(n.username), note: str(n.note), progress: numOrNull(n.progress) })),
  }
}

export function accountTables(x: PgContext, cache: AccountCache): AccountTables {
  return {
    async measures(): Promise<Measure[]> {
      const rows = await x.all('SELECT * FROM measures ORDER BY deadline, id')
      return Promise.all(rows.map((r) => toMeasure(x, r)))
    },

    async measure(id: string): Promise<Measure | undefined> {
      const row = await x.get('SELECT * FROM measures WHERE id = :id', { id })
      return row && toMeasure(x, row)
    },

    async createMeasure(m: NewMeasure, actor: Actor, at: Date): Promise<Measure> {
      return x.write(async (w) => {
        // numbered by count, as in the embedded store: the lock keeps two instances from taking the same number
        await w.query('LOCK TABLE measures IN SHARE ROW EXCLUSIVE MODE')
        const id = measureId(num((await w.get('SELECT count(*) + 1 AS n FROM measures'))?.n))
        const iso = at.toISOString()
        const row = await w.get(
          `INSERT INTO measures (id, area, title, description, unit_id, person, deadline, status, progress, created_at, updated_at)
           VALUES (:id, :area, :title, :description, :unitId, :person, :deadline, 'planned', 0, :at, :at) RETURNING *`,
          { id, area: m.area, title: m.title, description: m.description, unitId: m.unitId, person: m.person, deadline: m.deadline, at: iso },
        )
        const created = await toMeasure(w, row as Row)
        await w.audit(actor, 'measure.create', 'measure', id, null, created)
        return created
      })
    },

    async updateMeasure(id: string, patch: Partial<NewMeasure> & { status?: MeasureStatus; progress?: number; note?: string }, actor: Actor, at: Date, expectedVersion?: number): Promise<Measure> {
      return x.write(async (w) => {
        const row = await w.get('SELECT * FROM measures WHERE id = :id FOR UPDATE', { id })
        if (!row) throw new NotFoundError(`measure ${id}`)
        const before = await toMeasure(w, row)
        if (expectedVersion !== undefined && expectedVersion !== before.version) throw new ConflictError(`measure ${id} is at version ${before.version}, not ${expectedVersion}; reload and try again`)
        const columns: Record<string, unknown> = { area: patch.area, title: patch.title, description: patch.description, unit_id: patch.unitId, person: patch.person, deadline: patch.deadline, status: patch.status, progress: patch.progress }
        const sets = Object.entries(columns).filter(([, v]) => v !== undefined)
        await w.run(`UPDATE measures SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id`, {
          id,
          updated_at: at.toISOString(),
          ...Object.fromEntries(sets),
        })
        if (patch.note) {
          await w.run('INSERT INTO measure_notes (measure_id, at, username, note, progress) VALUES (:id, :at, :username, :note, :progress)', {
            id,
            at: at.toISOString(),
            username: actor.username,
            note: patch.note,
            progress: patch.progress ?? null,
          })
        }
        const after = await toMeasure(w, (await w.get('SELECT * FROM measures WHERE id = :id', { id })) as Row)
        await w.audit(actor, 'measure.update', 'measure', id, { ...before, notes: undefined }, { ...after, notes: undefined, note: patch.note })
        return after
      })
    },

    async users(): Promise<User[]> {
      return (await x.all('SELECT * FROM users ORDER BY lower(username)')).map(toUser)
    },

    async user(id: string): Promise<User | undefined> {
      return cache.user(id, async () => {
        const row = await x.get('SELECT * FROM users WHERE id = :id', { id })
        return row && toUser(row)
      })
    },

    async credentials(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = await x.get('SELECT * FROM users WHERE lower(username) = lower(:username)', { username })
      return row && { user: toUser(row), passwordHash: str(row.password_hash) }
    },

    async createUser(u: NewUser, actor: Actor): Promise<User> {
      return x.write(async (w) => {
        if (await w.get('SELECT 1 AS x FROM users WHERE lower(username) = lower(:username)', { username: u.username })) {
          throw new ConflictError(`username "${u.username}" is taken`)
        }
        const id = randomUUID()
        let row: Row | undefined
        try {
          row = await w.get(
            `INSERT INTO users (id, username, display_name, password_hash, roles, zone_ids, unit_id, demo, created_at)
             VALUES (:id, :username, :displayName, :passwordHash, :roles, :zoneIds, :unitId, :demo, :at) RETURNING *`,
            { id, username: u.username, displayName: u.displayName, passwordHash: u.passwordHash, roles: JSON.stringify(u.roles), zoneIds: JSON.stringify(u.zoneIds ?? []), unitId: u.unitId ?? null, demo: u.demo ? 1 : 0, at: new Date().toISOString() },
          )
        } catch (err) {
          // another instance took the name between the check and the insert
          if ((err as { code?: string }).code === '23505') throw new ConflictError(`username "${u.username}" is taken`)
          throw err
        }
        const created = toUser(row as Row)
        await w.audit(actor, 'user.create', 'user', id, null, created)
        return created
      })
    },

    async updateUser(id: string, patch: UserPatch, actor: Actor): Promise<User> {
      const updated = await x.write(async (w) => {
        const row = await w.get('SELECT * FROM users WHERE id = :id FOR UPDATE', { id })
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
        if (sets.length > 0) await w.run(`UPDATE users SET ${sets.join(', ')} WHERE id = :id`, params)
        // Disabling an account or changing its password ends its sessions.
        if (patch.disabled === true || patch.passwordHash !== undefined) await w.run('DELETE FROM sessions WHERE user_id = :id', { id })
        const after = toUser((await w.get('SELECT * FROM users WHERE id = :id', { id })) as Row)
        await w.audit(actor, 'user.update', 'user', id, before, { ...after, ...(patch.passwordHash !== undefined ? { passwordChanged: true } : {}) })
        return after
      })
      await cache.changed()
      return updated
    },

    async createSession(session: SessionRecord, actor: Actor, replacedIdHash?: string): Promise<void> {
      await x.write(async (w) => {
        if (replacedIdHash) await w.run('DELETE FROM sessions WHERE id_hash = :replacedIdHash', { replacedIdHash })
        await w.run('INSERT INTO sessions (id_hash, user_id, created_ms, last_seen_ms, expires_ms) VALUES (:idHash, :userId, :createdMs, :lastSeenMs, :expiresMs)', { ...session })
        await w.audit(actor, 'session.create', 'user', session.userId, null, { expires_at: new Date(session.expiresMs).toISOString() })
      })
      if (replacedIdHash) await cache.changed()
    },

    async session(idHash: string): Promise<SessionRecord | undefined> {
      return cache.session(idHash, async () => {
        const row = await x.get('SELECT * FROM sessions WHERE id_hash = :idHash', { idHash })
        return row && toSession(row)
      })
    },

    async touchSession(idHash: string, lastSeenMs: number): Promise<void> {
      await x.run('UPDATE sessions SET last_seen_ms = :lastSeenMs WHERE id_hash = :idHash', { lastSeenMs, idHash })
      cache.touched(idHash, lastSeenMs)
    },

    async deleteSession(idHash: string, actor: Actor): Promise<void> {
      await x.write(async (w) => {
        const row = await w.get('DELETE FROM sessions WHERE id_hash = :idHash RETURNING user_id', { idHash })
        if (row) await w.audit(actor, 'session.delete', 'user', str(row.user_id), null, null)
      })
      await cache.changed()
    },

    async deleteExpiredSessions(nowMs: number, idleMs: number): Promise<number> {
      const deleted = await x.run('DELETE FROM sessions WHERE expires_ms <= :nowMs OR last_seen_ms + :idleMs <= :nowMs', { nowMs, idleMs })
      if (deleted > 0) await cache.changed()
      return deleted
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
      return (await x.all(`SELECT * FROM audit_log${where(clauses)} ORDER BY id DESC LIMIT :limit`, params)).map(toAudit)
    },
  }
}
