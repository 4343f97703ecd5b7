// WAL checkpoints off the request path. By default SQLite checkpoints inside the commit that takes the WAL past
// 1,000 pages: that write copies the pages back into the database file and fsyncs it, 3–10 ms and now and then
// hundreds of milliseconds, on the event loop every request shares (the slow hundredth of lamp repairs at megacity
// size). A serving store turns that off and leaves the copying to a thread with its own connection, PASSIVE: it
// never blocks the writer or a reader, and an acknowledged write is durable in the fsynced WAL either way. Should
// the thread die, the connection goes back to checkpointing itself, so the WAL never grows without bound.
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** How often the thread checkpoints: the WAL holds about what a second of writes adds between two. */
const DEFAULT_INTERVAL_MS = 1000
/** SQLite's own threshold, restored if the thread is lost. */
const AUTOCHECKPOINT_PAGES = 1000

export interface CheckpointReport {
  /** Frames in the WAL, and how many of them are now in the database file. */
  walFrames: number
  copied: number
}

export interface BackgroundCheckpoints {
  /** Checkpoints now (rather than at the next tick) and resolves with what that did: for tests and a clean stop. */
  now(): Promise<CheckpointReport>
  /** Stops the thread; the connection checkpoints itself again. */
  stop(): Promise<void>
}

export function checkpointInBackground(db: Database.Database, path: string, intervalMs = DEFAULT_INTERVAL_MS): BackgroundCheckpoints {
  db.pragma('wal_autocheckpoint = 0')
  // a WAL that a burst (an import) grew is cut back to this size once checkpointed, rather than kept at its peak
  db.pragma('journal_size_limit = 67108864')
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), { workerData: { path, intervalMs } })
  worker.unref() // a server exits when it is done; the thread never holds it up
  const waiting = new Map<number, { resolve: (r: CheckpointReport) => void; reject: (e: Error) => void }>()
  let asked = 0
  let stopped = false
  const fallBack = (why: string) => {
    if (stopped) return
    stopped = true
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    console.error(`[gridwatch] the background WAL checkpointer stopped (${why}); the server checkpoints as it writes again`)
    for (const { reject } of waiting.values()) reject(new Error(`the background WAL checkpointer stopped (${why})`))
    waiting.clear()
  }
  worker.on('message', (m: { kind: string; id: number; walFrames?: number; copied?: number; message?: string }) => {
    const asker = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.kind === 'checkpoint') asker?.resolve({ walFrames: m.walFrames!, copied: m.copied! })
    if (m.kind === 'failed') {
      if (asker) asker.reject(new Error(m.message))
      else console.error(`[gridwatch] a background WAL checkpoint failed: ${m.message}`)
    }
  })
  worker.on('error', (err) => fallBack(err.message))
  worker.on('exit', (code) => fallBack(`exit ${code}`))
  return {
    now() {
      return new Promise((resolve, reject) => {
        if (stopped) return reject(new Error('the background WAL checkpointer is stopped'))
        const id = ++asked
        waiting.set(id, { resolve, reject })
        worker.postMessage(id)
      })
    },
    async stop() {
      if (stopped) return
      stopped = true
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('stop')
      await exited
      if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    },
  }
}
