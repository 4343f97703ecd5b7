// The embedded default store: SQLite through better-sqlite3 (synchronous, wrapped in the async Store interface),
// WAL journal, versioned migrations, R*Tree indexes for every bbox query. The tables live in ./sqlite/, one module
// per part of the record; this file opens the connection and puts them together.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts'
import { briefingTables } from './sqlite/briefing-tables.ts'
import { accountTables } from './sqlite/account-tables.ts'
import { caseTables } from './sqlite/case-tables.ts'
import { SqliteContext, TransactionGate } from './sqlite/context.ts'
import { districtTables } from './sqlite/district-tables.ts'
import { importTables } from './sqlite/import-tables.ts'
import { num, type Row } from './sqlite/sql.ts'
import type { Store } from './store.ts'
import { checkpointInBackground, type BackgroundCheckpoints } from './sqlite/wal-checkpoints.ts'

/** Resolves `file:relative/path.db`, `file:/abs.db`, a plain path, or `:memory:` to what better-sqlite3 opens. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  return url.startsWith('file:') ? url.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : url
}

function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  // Settings and guarantees: docs/storage-durability.md. WAL: readers and the writer never block each other, and a
  // killed process loses nothing it committed (the test in test/durability/ kills the server mid-load to prove it).
  db.pragma('journal_mode = WAL')
  // FULL: fsync the WAL at every commit, so a report whose tracking number was handed out also survives an OS crash
  // or power loss. Left alone, better-sqlite3's build (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1) drops a WAL connection to
  // NORMAL, which can lose the last commits on power loss. FULL costs about 4 ms per report on an ordinary disk.
  db.pragma('synchronous = FULL')
  // better-sqlite3 already defaults to these two; stated so a change of driver or build cannot silently drop them.
  // foreign_keys: the schema's REFERENCES are enforced only when it is on, per connection.
  db.pragma('foreign_keys = ON')
  // busy_timeout: another connection (`npm run user`, a backup) may hold the write lock for a moment; wait up to 5 s
  // for it rather than fail at once with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').all().map((r) => num((r as Row).version)))
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
    })()
  }
}

// The class gets its methods from the table modules (Object.assign below); this declaration tells the compiler so.
export interface SqliteStore extends Store {}

export class SqliteStore {
  readonly db: Database.Database
  readonly path: string
  private checkpoints: BackgroundCheckpoints | undefined

  /**
   * A serving store (the server calls this at start): WAL checkpoints move from the commits that cross SQLite's
   * threshold to a thread of their own (sqlite/wal-checkpoints.ts). Undefined for a database without a WAL file.
   */
  checkpointInBackground(): BackgroundCheckpoints | undefined {
    if (this.path === ':memory:' || this.db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined
    this.checkpoints ??= checkpointInBackground(this.db, this.path)
    return this.checkpoints
  }

  /** Opens (creating and migrating as needed) the database at `path`, or an in-memory one for ':memory:'. */
  constructor(path: string)
  constructor(path: string, context?: SqliteContext)
  constructor(path: string, context?: SqliteContext) {
    const x = context ?? new SqliteContext(openDatabase(path), new TransactionGate())
    this.db = x.db
    this.path = path
    Object.assign(this, districtTables(x), caseTables(x), accountTables(x), briefingTables(x), importTables(x), {
      transaction: <T>(work: (tx: Store) => Promise<T>): Promise<T> =>
        x.inTransaction ? work(this) : x.gate.run(x.db, () => work(new SqliteStore(path, x.insideTransaction()))),
      close: async (): Promise<void> => {
        while (x.gate.busy) await x.gate.settled()
        await this.checkpoints?.stop()
        x.db.close()
      },
    } satisfies Pick<Store, 'transaction' | 'close'>)
  }
}
