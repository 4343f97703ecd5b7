// Node entry: open the store named by DATABASE_URL, seed a fresh one with the demo district (unless
// GRIDWATCH_SEED=none: a bureau starting from scratch imports its own through the Data view), serve API and web app.
// Nothing imports this file.
import { parseWeeklySchedule } from './briefing/weekly-schedule.ts'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createApp } from './app.ts'
import { createAnalysisPool } from './workers/analysis-pool.ts'
import { trustedProxyHops } from './http/auth.ts'
import { ensureDemoAccounts, findActiveDemoAccounts } from './demo-accounts.ts'
import { ensureSeeded } from './seed.ts'
import { applyDistrictSettings } from './district-settings.ts'
import { DEFAULT_DATABASE_URL, isPostgresUrl, openStore } from './store/open-store.ts'
import { PostgresChangeFeed } from './store/postgres/change-feed.ts'
import { postgresRateWindows } from './store/postgres/rate-windows.ts'
import { sharedRateCounters } from './http/rate-limit.ts'
import type { DistrictChange } from './model/district-model.ts'
import { PostgresStore } from './store/postgres-store.ts'
import { SqliteStore, sqlitePathFromUrl } from './store/sqlite-store.ts'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const port = Number(process.env.PORT ?? 8787)
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
const webRoot = fileURLToPath(new URL('../dist/web/', import.meta.url))

trustedProxyHops() // a malformed TRUST_PROXY stops the start here rather than at the first request
const mode = process.env.GRIDWATCH_MODE === 'production' ? 'production' : 'demo'

const store = openStore(databaseUrl, { keepConnections: true })
// Several instances may share a PostgreSQL database: one at a time seeds it and creates the demo accounts.
const startOnce = <T>(work: () => Promise<T>) => (store instanceof PostgresStore ? store.exclusively('gridwatch-startup', work) : work())
await startOnce(async () => {
  const stored = await applyDistrictSettings(store)
  if (stored) console.log(`[gridwatch] district: ${stored.district.name} (${stored.district.time_zone})`)
  else if (process.env.GRIDWATCH_SEED === 'none') console.log('[gridwatch] GRIDWATCH_SEED=none: no demo district; import one in the Data view (数据导入)')
  else await ensureSeeded(store, (line) => console.log(`[gridwatch] ${line}`))
  if (mode === 'production') {
    // A documented password on a production system is an open door: refuse to serve until the accounts are gone.
    const demoUsers = await findActiveDemoAccounts(store)
    if (demoUsers.length > 0) {
      console.error(
        `[gridwatch] GRIDWATCH_MODE=production refuses to start: demo accounts with the documented password exist ` +
          `(${demoUsers.map((u) => u.username).join(', ')}). Disable them or change their passwords, or use a fresh database.`,
      )
      process.exit(1)
    }
    if ((await store.users()).length === 0) console.warn('[gridwatch] no accounts yet: create the first admin with `npm run user -- add --role admin --name <name>`')
  } else {
    const created = await ensureDemoAccounts(store)
    if (created.length > 0) console.log(`[gridwatch] demo mode: created demo accounts ${created.join(', ')} (password: gridwatch-demo)`)
  }
})

// Photos sit beside the database file unless PHOTO_DIR says otherwise; on PostgreSQL in ./data/ — and where several
// instances serve, PHOTO_DIR (and DATA_DIR) must be a folder they all mount (README: several instances).
const dbPath = isPostgresUrl(databaseUrl) ? 'data/postgres' : sqlitePathFromUrl(databaseUrl)
const photoDir = process.env.PHOTO_DIR ?? (dbPath === ':memory:' ? join(tmpdir(), 'gridwatch-photos') : join(dirname(dbPath), 'photos'))

// Uploads, import runs and saved import profiles sit beside the database file too.
const dataDir = process.env.DATA_DIR ?? (dbPath === ':memory:' ? undefined : dirname(dbPath))

if (store instanceof PostgresStore) await store.openConnections()
if (store instanceof SqliteStore) store.checkpointInBackground()

// Several instances on one PostgreSQL database tell each other about their writes and share rate-limit windows.
let changeFeed: PostgresChangeFeed<DistrictChange> | undefined
if (store instanceof PostgresStore) {
  changeFeed = new PostgresChangeFeed<DistrictChange>(store.url, store.pool, { kind: 'district' })
  await changeFeed.start()
}
const sharing = store instanceof PostgresStore && changeFeed ? { changeFeed, rateCounters: sharedRateCounters(postgresRateWindows(store.pool)) } : {}

const analysisPool = createAnalysisPool()
const app = createApp({ store, mode, photoDir, dataDir, analysisPool, ...sharing, warm: true, briefingSchedule: parseWeeklySchedule(process.env.GRIDWATCH_BRIEFING_SCHEDULE), allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean) })
if (existsSync(webRoot)) {
  // Hashed assets are immutable; index.html must be revalidated so a rebuild shows at once.
  app.use('/assets/*', serveStatic({ root: webRoot, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }))
  // The citizens' mobile report page is its own small app (web/report/), served at /report/.
  app.get('/report', (c) => c.redirect('/report/'))
  app.use('*', serveStatic({ root: webRoot }))
  app.get('*', serveStatic({ root: webRoot, path: 'index.html' }))
} else {
  console.warn(`[gridwatch] no web build at ${webRoot}; run \`npm run build\` (npm start does this for you)`)
}

const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (address) => {
  console.log(`[gridwatch] listening on http://localhost:${address.port}  (database: ${databaseUrl})`)
})

const shutdown = () => {
  server.close()
  void Promise.allSettled([analysisPool.close(), changeFeed?.close(), store.close()]).finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
