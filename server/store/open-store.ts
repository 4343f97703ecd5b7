// Picks the store adapter from DATABASE_URL: `file:` URLs and plain paths select the embedded SQLite store;
// `postgres://` is reserved for the PostGIS adapter, which is not built yet.
import type { Store } from './store.ts'
import { SqliteStore, sqlitePathFromUrl } from './sqlite-store.ts'

export const DEFAULT_DATABASE_URL = 'file:data/gridwatch.db'

export function openStore(databaseUrl: string = DEFAULT_DATABASE_URL): Store {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL names PostgreSQL, but the PostgreSQL/PostGIS adapter is not available in this version; use a file: URL')
  }
  return new SqliteStore(sqlitePathFromUrl(databaseUrl))
}
