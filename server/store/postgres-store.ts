// The store for deployments that outgrow one machine: PostgreSQL 15+ with PostGIS 3, selected by
// DATABASE_URL=postgres://…, shared by several server instances. Same interface and same records as the embedded
// store; the tables live in ./postgres/, one module per part of the record, as they do for SQLite.
import pg from 'pg'
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts'
import { accountCacheFor } from './postgres/account-cache.ts'
import { briefingTables } from './postgres/briefing-tables.ts'
import { accountTables } from './postgres/account-tables.ts'
import { caseTables } from './postgres/case-tables.ts'
import { PgContext } from './postgres/context.ts'
import { districtTables } from './postgres/district-tables.ts'
import { importTables } from './postgres/import-tables.ts'
import type { Store } from './store.ts'

// bigint (int8) columns hold epoch milliseconds and counts, all far below 2^53: read them as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

// Any fixed number: every instance takes this advisory lock while it migrates, so two starting at once do not both
// create the tables.
const MIGRATION_LOCK = 727_4831

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)')
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)))
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err })
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

/** Explains a failed connection in terms of what to check, keeping the driver's message. */
function describeConnectionError(url: string, err: unknown): Error {
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
  const message = err instanceof Error ? err.message : String(err)
  const hint = /postgis/i.test(message) ? ' (is PostGIS 3 installed on the server? Debian: apt-get install postgresql-15-postgis-3)' : ''
  return new Error(`cannot open the PostgreSQL store at ${safe}: ${message}${hint}`, { cause: err })
}

// The class gets its methods from the table modules (Object.assign below); this declaration tells the compiler so.
export interface PostgresStore extends Store {}

export interface PostgresStoreOptions {
  poolSize?: number
  /** Keep idle connections open (a long-running server) rather than closing them after 10 s. */
  keepConnections?: boolean
}

export class PostgresStore {
  readonly url: string
  readonly pool: pg.Pool
  /** Resolves once the schema is migrated; rejects with a readable reason when the database cannot be used. */
  readonly ready: Promise<void>

  /** Connects (lazily) to `url` and migrates; every method waits for the migration. */
  constructor(url: string, options?: PostgresStoreOptions)
  constructor(url: string, options: PostgresStoreOptions | undefined, context: PgContext)
  constructor(url: string, options: PostgresStoreOptions = {}, context?: PgContext) {
    let x = context
    if (!x) {
      // A server keeps its idle connections (pg-pool closes them after 10 s by default): a new one is a forked
      // server process that loads its catalogue on first use, 10–30 ms measured on the lamp repair that happened to
      // need it, and crews repairing every few seconds kept meeting one. Never more than `max` are open. Tools and
      // tests, which open stores and leave them, keep the default.
      const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, ...(options.keepConnections ? { idleTimeoutMillis: 0 } : {}) })
      // A dropped idle connection (server restart) must not crash the process; the next query reconnects.
      pool.on('error', () => undefined)
      const ready = migrate(pool).catch((err: unknown) => {
        throw describeConnectionError(url, err)
      })
      ready.catch(() => undefined) // reported to whoever awaits it, never as an unhandled rejection
      x = new PgContext(pool, pool, ready)
    }
    const ctx = x
    const accounts = accountCacheFor(url, ctx.pool)
    this.url = url
    this.pool = ctx.pool
    this.ready = ctx.ready
    Object.assign(this, districtTables(ctx), caseTables(ctx), accountTables(ctx, accounts), briefingTables(ctx), importTables(ctx), {
      transaction: <T>(work: (tx: Store) => Promise<T>): Promise<T> =>
        ctx.inTransaction ? work(this) : ctx.transaction((inside) => work(new PostgresStore(url, options, inside))),
      close: async (): Promise<void> => {
        if (ctx.inTransaction) return
        await ctx.ready.catch(() => undefined)
        await accounts.close()
        await ctx.pool.end()
      },
    } satisfies Pick<Store, 'transaction' | 'close'>)
  }

  /**
   * Opens the pool's connections now (the server calls this at start, with `keepConnections`), so no request waits
   * for a database server process to start and load what it needs on first use: the PostGIS library (a lamp's
   * status UPDATE recomputes its stored `shape`: 19 ms measured on the first in a process) and the catalogue of the
   * tables a repair writes.
   */
  async openConnections(): Promise<void> {
    await this.ready
    const clients = await Promise.all(Array.from({ length: this.pool.options.max }, () => this.pool.connect()))
    try {
      await Promise.all(clients.map(async (c) => (await c.query('SELECT postgis_lib_version()'), await c.query('SELECT 1 FROM lamps, lamp_status_history, audit_log LIMIT 0'))))
    } finally {
      for (const c of clients) c.release()
    }
  }

  /**
   * Runs `work` while holding a database-wide lock named `name`, so that of several instances starting together on
   * an empty database one seeds it while the others wait (and then find it seeded).
   */
  async exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    await this.ready
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name])
      try {
        return await work()
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
      }
    } finally {
      client.release()
    }
  }
}
