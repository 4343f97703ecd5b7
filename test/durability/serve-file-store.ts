// Child process of the kill -9 durability test: the real app over the SQLite file named by DATABASE_URL, on a
// loopback port the OS picks, printing `listening <port>` once it answers. It differs from server/main.ts only where
// the test needs it to: no seeding (the test seeds a small district first) and a public report limit high enough
// for one client to drive a write load. The test ends it with SIGKILL, so there is deliberately no clean shutdown.
import { serve } from '@hono/node-server'
import { createApp } from '../../server/app.ts'
import { openStore } from '../../server/store/open-store.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'

const databaseUrl = process.env.DATABASE_URL
const photoDir = process.env.PHOTO_DIR
if (!databaseUrl || !photoDir) throw new Error('DATABASE_URL and PHOTO_DIR must name the database file and a photo folder')

const store = openStore(databaseUrl)
// as the server runs it: checkpoints on their own thread, so a kill can fall in the middle of one
if (store instanceof SqliteStore) store.checkpointInBackground()
const app = createApp({
  store,
  photoDir,
  publicReportLimit: { windowMs: 60_000, max: 1_000_000 },
})
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (address) => console.log(`listening ${address.port}`))

// Stop by ourselves if the test runner goes away without killing us: its end of stdin closes, or a minute passes.
process.stdin.on('end', () => process.exit(1)).resume()
setTimeout(() => process.exit(1), 60_000)
