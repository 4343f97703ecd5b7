// A serving SQLite store checkpoints its WAL on a thread of its own: no commit copies pages back into the database
// file (that was the occasional slow write every request waited behind), the thread does, and when it stops the
// connection checkpoints as it writes again.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { SqliteStore } from '../../server/store/sqlite-store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-wal-'))
  dirs.push(dir)
  const path = join(dir, 'gridwatch.db')
  return { store: new SqliteStore(path), path }
}

/** 8 MB written in 64 commits: twice SQLite's own checkpoint threshold of 1,000 pages. */
function writeMegabytes(store: SqliteStore) {
  store.db.exec('CREATE TABLE filler (x BLOB)')
  const insert = store.db.prepare('INSERT INTO filler (x) VALUES (randomblob(4000))')
  for (let i = 0; i < 64; i++) store.db.transaction(() => { for (let j = 0; j < 32; j++) insert.run() })()
}

describe('background WAL checkpoints (SQLite)', () => {
  test('commits leave the WAL alone; the thread copies it into the database file', async () => {
    const { store, path } = fileStore()
    const checkpoints = store.checkpointInBackground()!
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    const before = statSync(path).size
    writeMegabytes(store)
    // nothing copied by the commits: the database file is as it was, the 8 MB are in the WAL
    expect(statSync(path).size).toBe(before)
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(8_000_000)
    const done = await checkpoints.now()
    expect(done.walFrames).toBeGreaterThan(2000)
    expect(done.copied).toBe(done.walFrames)
    expect(statSync(path).size).toBeGreaterThan(8_000_000)
    // the rows are all there, read through the serving connection
    expect(store.db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 64 * 32 })
    await store.close()
  })

  test('the thread also checkpoints by itself, on its timer', async () => {
    const { store, path } = fileStore()
    store.checkpointInBackground()
    const before = statSync(path).size
    writeMegabytes(store)
    const until = Date.now() + 10_000
    // a checkpoint copies page by page: wait for the whole WAL, not the first pages, to reach the file
    while (statSync(path).size <= 8_000_000 && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
    expect(statSync(path).size).toBeGreaterThan(before)
    expect(statSync(path).size).toBeGreaterThan(8_000_000)
    await store.close()
  })

  test('once the thread stops, the connection checkpoints as it writes again', async () => {
    const { store, path } = fileStore()
    const checkpoints = store.checkpointInBackground()!
    await checkpoints.stop()
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    await expect(checkpoints.now()).rejects.toThrow(/stopped/)
    const before = statSync(path).size
    writeMegabytes(store)
    expect(statSync(path).size).toBeGreaterThan(before)
    await store.close()
  })

  test('an in-memory store has no WAL to checkpoint', async () => {
    const store = new SqliteStore(':memory:')
    expect(store.checkpointInBackground()).toBeUndefined()
    await store.close()
  })
})
