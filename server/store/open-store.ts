// Picks the store adapter from DATABASE_URL: `file:` URLs and plain paths select the embedded SQLite store,
// `postgres://` (or `postgresql://`) the PostgreSQL/PostGIS store that several instances can share (`options` are
// for it alone).
import { PostgresStore, type PostgresStoreOptions } from './postgres-store.ts'
import type { Store } from './store.ts'
import { SqliteStore, sqlitePathFromUrl } from './sqlite-store.ts'

export const DEFAULT_DATABASE_URL = 'file:data/gridwatch.db'

export const isPostgresUrl = (databaseUrl: string): boolean => /^postgres(ql)?:\/\//.test(databaseUrl)

export function openStore(databaseUrl: string = DEFAULT_DATABASE_URL, options: PostgresStoreOptions = {}): Store {
  if (isPostgresUrl(databaseUrl)) return new PostgresStore(databaseUrl, options)
  return new SqliteStore(sqlitePathFromUrl(databaseUrl))
}
