// The background WAL checkpointer's thread (wal-checkpoints.ts starts it): a second connection to the same file
// that copies the WAL back into the database every `intervalMs`, PASSIVE — never waiting for the server's readers
// or its writer — and says how far it got. Plain JavaScript: the thread needs nothing but better-sqlite3, and
// starting it with the TypeScript loader would cost more than the work it does.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { path, intervalMs } = workerData
const db = new Database(path)
db.pragma('busy_timeout = 0') // PASSIVE never waits; an open that finds the file busy reports it and tries next time
// `id`: the request this answers (0 for the timer's)
const checkpoint = (id = 0) => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ kind: 'checkpoint', id, walFrames: row.log, copied: row.checkpointed })
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', id, message: String(err?.message ?? err) })
  }
}
const timer = setInterval(checkpoint, intervalMs)
parentPort.on('message', (m) => {
  if (typeof m === 'number') checkpoint(m)
  if (m === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.close()
  }
})
parentPort.postMessage({ kind: 'ready' })
