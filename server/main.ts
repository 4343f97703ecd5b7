// Node entry: open the store named by DATABASE_URL, seed a fresh one with the demo district, serve API and web app.
// Nothing imports this file.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createApp } from './app.ts'
import { ensureSeeded } from './seed.ts'
import { DEFAULT_DATABASE_URL, openStore } from './store/open-store.ts'

const port = Number(process.env.PORT ?? 8787)
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
const webRoot = fileURLToPath(new URL('../dist/web/', import.meta.url))

const store = openStore(databaseUrl)
await ensureSeeded(store, (line) => console.log(`[gridwatch] ${line}`))

const app = createApp({ store })
if (existsSync(webRoot)) {
  // Hashed assets are immutable; index.html must be revalidated so a rebuild shows at once.
  app.use('/assets/*', serveStatic({ root: webRoot, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }))
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
  void store.close().finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
