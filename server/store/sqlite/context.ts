// What every SQLite table module works through: the connection, row reads, the audit and case-event writers, and
// the write gate that keeps unrelated writes out of an open transaction.
import type Database from 'better-sqlite3'
import type { Actor } from '../../domain/roles.ts'
import type { Params, Row } from './sql.ts'

/**
 * Serialises explicit transactions (BEGIN IMMEDIATE … COMMIT) on the one connection. A transaction's work is async
 * (the use case awaits the store between statements), so while it is open another request's write could otherwise
 * run on the same connection and join it — and vanish with it on a rollback. Writes outside the transaction wait
 * here until it ends; reads do not wait (they may see the open transaction's rows, a moment before they commit).
 */
export class TransactionGate {
  private tail: Promise<void> = Promise.resolve()
  // Transactions queued or open. Counted from the moment one is asked for, not from its BEGIN: a write that looked
  // only for an open one could slip in between and then find itself inside it.
  private active = 0

  /** Whether a transaction is queued or open. */
  get busy(): boolean {
    return this.active > 0
  }

  /** Resolves once the transactions queued so far have ended. */
  settled(): Promise<void> {
    return this.tail
  }

  run<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
    this.active++
    const result = this.tail.then(async () => {
      try {
        db.exec('BEGIN IMMEDIATE')
        const value = await work()
        db.exec('COMMIT')
        return value
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      } finally {
        this.active--
      }
    })
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}

export class SqliteContext {
  constructor(
    readonly db: Database.Database,
    readonly gate: TransactionGate,
    readonly inTransaction = false,
  ) {}

  /** The same connection seen from inside an explicit transaction: its writes go straight in. */
  insideTransaction(): SqliteContext {
    return new SqliteContext(this.db, this.gate, true)
  }

  all(sql: string, params: Params = {}): Row[] {
    return this.db.prepare(sql).all(params) as Row[]
  }

  get(sql: string, params: Params = {}): Row | undefined {
    return this.db.prepare(sql).get(params) as Row | undefined
  }

  /** Runs a write atomically (a savepoint when inside a transaction), after any other open transaction ends. */
  async write<T>(fn: () => T): Promise<T> {
    // Checked again after every wait, and nothing awaits between the last check and the write itself.
    while (!this.inTransaction && this.gate.busy) await this.gate.settled()
    return this.db.transaction(fn)()
  }

  /** Appends an audit entry; call inside the write so the record and the change land together. */
  audit(actor: Actor, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor.userId, actor.username, action, entity, entityId, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after), actor.ip ?? null)
  }

  /** Appends a step to a case's timeline. */
  event(caseId: string, at: Date, action: string, from: string | null, to: string | null, actor: Actor, note: string | null, deadlineMs: number | null = null): void {
    this.db
      .prepare('INSERT INTO case_events (case_id, at, action, from_status, to_status, user_id, username, note, deadline_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, at.toISOString(), action, from, to, actor.userId, actor.username, note, deadlineMs)
  }
}

/**
 * Every row of `sql` (which takes the last key as its one `?` and ends in `ORDER BY <key> LIMIT <pageSize>`) as raw
 * arrays, page by page in key order, letting other requests run between pages: a megacity table takes seconds.
 * `keyAt` is the key's position in a row.
 */
export async function forEachRawPage(db: Database.Database, sql: string, pageSize: number, keyAt: number, visit: (row: unknown[]) => void): Promise<void> {
  const page = db.prepare(sql).raw()
  for (let after = -Infinity; ; ) {
    const rows = page.all(after) as unknown[][]
    for (const r of rows) visit(r)
    if (rows.length < pageSize) return
    after = Number(rows[rows.length - 1]![keyAt])
    await new Promise((resolve) => setImmediate(resolve))
  }
}
