// What every PostgreSQL table module works through: named parameters over `pg`'s positional ones, row reads,
// atomic writes (a transaction of their own, or a savepoint inside the caller's), and the audit and case-event
// writers. Unlike the embedded store there is no write gate: each transaction has a connection of its own, so a
// write from outside never joins (nor waits for) another request's open transaction — PostgreSQL's row locks and
// the optimistic versions settle who wins.
import type pg from 'pg'
import type { Actor } from '../../domain/roles.ts'
import type { Params, Row } from '../row-values.ts'

/** A pool, or one of its connections while a transaction is open on it. */
export type Queryable = pg.Pool | pg.PoolClient

// `:name` → `$n`, leaving `::type` casts and quoted text alone. Compiled once per distinct SQL text.
const compiled = new Map<string, { text: string; names: string[] }>()
function compile(sql: string): { text: string; names: string[] } {
  let hit = compiled.get(sql)
  if (hit) return hit
  const names: string[] = []
  const text = sql.replace(/'(?:[^']|'')*'|::|:([A-Za-z_][A-Za-z0-9_]*)/g, (match, name: string | undefined) => {
    if (name === undefined) return match
    let i = names.indexOf(name)
    if (i < 0) i = names.push(name) - 1
    return `$${i + 1}`
  })
  hit = { text, names }
  if (compiled.size < 5_000) compiled.set(sql, hit)
  return hit
}

// PostgreSQL text cannot hold U+0000 (SQLite can). Intake already drops control characters, so only a direct or
// imported write can carry one; it is dropped here rather than failing the whole write or import.
const withoutNul = (v: unknown): unknown => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v)
const nulFree = (_key: string, v: unknown): unknown => withoutNul(v)

export class PgContext {
  private savepoints = 0

  constructor(
    readonly db: Queryable,
    readonly pool: pg.Pool,
    /** Migrations done: every statement waits for it, so a store can be used the moment it is constructed. */
    readonly ready: Promise<void>,
    readonly inTransaction = false,
  ) {}

  /** Runs `sql` with named parameters (`:name`); undefined values are sent as NULL. */
  async query(sql: string, params: Params = {}): Promise<pg.QueryResult<Row>> {
    await this.ready
    const { text, names } = compile(sql)
    return this.db.query<Row>(text, names.map((n) => withoutNul(params[n] ?? null)))
  }

  async all(sql: string, params: Params = {}): Promise<Row[]> {
    return (await this.query(sql, params)).rows
  }

  /** Rows as arrays in column order: no object per row, for reads of many thousands. */
  async allArrays(sql: string, params: Params = {}): Promise<unknown[][]> {
    await this.ready
    const { text, names } = compile(sql)
    return (await this.db.query<unknown[]>({ text, values: names.map((n) => withoutNul(params[n] ?? null)), rowMode: 'array' })).rows
  }

  async get(sql: string, params: Params = {}): Promise<Row | undefined> {
    return (await this.query(sql, params)).rows[0]
  }

  /** Rows changed by a write. */
  async run(sql: string, params: Params = {}): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0
  }

  /**
   * Runs `fn` atomically: in a transaction on a connection of its own, or — inside an open transaction — under a
   * savepoint, so a write that fails undoes only itself and the caller decides about the rest.
   */
  async write<T>(fn: (x: PgContext) => Promise<T>): Promise<T> {
    await this.ready
    if (this.inTransaction) {
      const name = `gw_write_${++this.savepoints}`
      await this.db.query(`SAVEPOINT ${name}`)
      try {
        const value = await fn(this)
        await this.db.query(`RELEASE SAVEPOINT ${name}`)
        return value
      } catch (err) {
        await this.db.query(`ROLLBACK TO SAVEPOINT ${name}`)
        throw err
      }
    }
    return this.transaction(fn)
  }

  /** A transaction on a connection taken from the pool for its duration; `fn` must use the context it is given. */
  async transaction<T>(fn: (x: PgContext) => Promise<T>): Promise<T> {
    await this.ready
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const value = await fn(new PgContext(client, this.pool, this.ready, true))
      await client.query('COMMIT')
      return value
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  /** Appends an audit entry; call inside the write so the record and the change land together. */
  async audit(actor: Actor, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): Promise<void> {
    await this.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${AUDIT_VALUES})`, auditParams(actor, action, entity, entityId, before, after))
  }

  /** Appends a step to a case's timeline. */
  async event(caseId: string, at: Date, action: string, from: string | null, to: string | null, actor: Actor, note: string | null, deadlineMs: number | null = null): Promise<void> {
    await this.query(
      'INSERT INTO case_events (case_id, at, action, from_status, to_status, user_id, username, note, deadline_ms) VALUES (:caseId, :at, :action, :from, :to, :userId, :username, :note, :deadlineMs)',
      { caseId, at: at.toISOString(), action, from, to, userId: actor.userId, username: actor.username, note, deadlineMs },
    )
  }

  /** Inserts rows in batches through json_populate_recordset: one statement per few thousand rows, not one per row. */
  async insertMany(table: string, columns: readonly string[], rows: readonly Params[], batch = 5_000): Promise<void> {
    const list = columns.join(', ')
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch)
      await this.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, :rows::json)`, { rows: JSON.stringify(slice, nulFree) })
    }
  }

  /** Moves a table's id sequence past its largest rid, after rows were inserted with explicit rids. */
  async resetRidSequence(table: string): Promise<void> {
    await this.query(`SELECT setval(pg_get_serial_sequence('${table}', 'rid'), coalesce((SELECT max(rid) FROM ${table}), 0) + 1, false)`)
  }
}

/** `<alias>.shape && envelope` for a bbox (the GiST index answers it), or undefined when there is none. */
export function bboxClause(alias: string, bbox: readonly [number, number, number, number] | undefined, params: Params): string | undefined {
  if (!bbox) return undefined
  ;[params.west, params.south, params.east, params.north] = bbox
  return `${alias}.shape && ST_MakeEnvelope(:west, :south, :east, :north, 4326)`
}

/** `column = ANY(:key)` for a list ('false' for an empty one), or undefined when there is no list. */
export function anyOf(column: string, values: readonly string[] | undefined, key: string, params: Params): string | undefined {
  if (!values) return undefined
  if (values.length === 0) return 'false'
  params[key] = values
  return `${column} = ANY(:${key}::text[])`
}

export const where = (clauses: (string | undefined)[]): string => {
  const kept = clauses.filter((c): c is string => c !== undefined)
  return kept.length > 0 ? ` WHERE ${kept.join(' AND ')}` : ''
}

/**
 * The audit entry's INSERT, one row for each row of `source` (a CTE of the same statement: the entry is written only
 * if the change was), with its parameters named as `auditParams` gives them (`audit_`-prefixed names).
 */
export const auditInsertFor = (source: string) => `INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT ${AUDIT_VALUES} FROM ${source}`

const AUDIT_COLUMNS = 'at, user_id, username, action, entity, entity_id, before, after, ip'
const AUDIT_VALUES = ':audit_at, :audit_user_id, :audit_username, :audit_action, :audit_entity, :audit_entity_id, :audit_before, :audit_after, :audit_ip'

/** The parameters of AUDIT_INSERT, for a statement that writes the entry together with its change. */
export function auditParams(actor: Actor, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): Params {
  return {
    audit_at: new Date().toISOString(),
    audit_user_id: actor.userId,
    audit_username: actor.username,
    audit_action: action,
    audit_entity: entity,
    audit_entity_id: entityId,
    audit_before: before === undefined ? null : JSON.stringify(before),
    audit_after: after === undefined ? null : JSON.stringify(after),
    audit_ip: actor.ip ?? null,
  }
}
