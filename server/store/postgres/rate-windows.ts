// Rate-limit windows in PostgreSQL, shared by every instance on the database: one upsert per counted event (the
// fixed-window arithmetic of http/rate-limit.ts runs in the statement, so two instances counting the same client at
// once both count). Windows older than a day are swept now and then.
import type pg from 'pg'

const SWEEP_EVERY_HITS = 1_000
const SWEEP_AGE_MS = 86_400_000

export interface StoredWindow {
  startMs: number
  count: number
}

export function postgresRateWindows(pool: pg.Pool) {
  let hits = 0
  return {
    async peek(key: string): Promise<StoredWindow | undefined> {
      const row = (await pool.query<{ start_ms: number; count: number }>('SELECT start_ms, count FROM rate_windows WHERE key = $1', [key])).rows[0]
      return row && { startMs: Number(row.start_ms), count: Number(row.count) }
    },
    /** Counts one event: a window that has run out starts again at `nowMs`, otherwise the event adds to it. */
    async hit(key: string, nowMs: number, windowMs: number): Promise<StoredWindow> {
      const row = (
        await pool.query<{ start_ms: number; count: number }>(
          `INSERT INTO rate_windows AS w (key, start_ms, count) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             start_ms = CASE WHEN w.start_ms <= $2 - $3 THEN $2 ELSE w.start_ms END,
             count = CASE WHEN w.start_ms <= $2 - $3 THEN 1 ELSE w.count + 1 END
           RETURNING start_ms, count`,
          [key, nowMs, windowMs],
        )
      ).rows[0]
      if (++hits % SWEEP_EVERY_HITS === 0) void pool.query('DELETE FROM rate_windows WHERE start_ms < $1', [nowMs - SWEEP_AGE_MS]).catch(() => undefined)
      return { startMs: Number(row?.start_ms ?? nowMs), count: Number(row?.count ?? 1) }
    },
  }
}
