// Rate-limit windows in PostgreSQL, shared by every instance on the database: one upsert per counted event, the
// same fixed-window arithmetic as the in-memory WindowCounter. Keys are hashed as there, so a window costs a few
// bytes whatever a client sends; windows older than a day are swept now and then.
import type pg from 'pg'
import { digest, type RateCounterFactory } from '../../http/rate-limit.ts'

const SWEEP_EVERY_HITS = 1_000
const SWEEP_AGE_MS = 86_400_000

export function postgresRateCounters(pool: pg.Pool): RateCounterFactory {
  let hits = 0
  return (scope, limit, clock) => {
    const secondsLeft = (startMs: number) => Math.max(1, Math.ceil((startMs + limit.windowMs - clock().getTime()) / 1000))
    return {
      async retryAfter(key) {
        const now = clock().getTime()
        const row = (await pool.query<{ start_ms: number; count: number }>('SELECT start_ms, count FROM rate_windows WHERE key = $1', [`${scope}|${digest(key)}`])).rows[0]
        return row && now - Number(row.start_ms) < limit.windowMs && row.count >= limit.max ? secondsLeft(Number(row.start_ms)) : 0
      },
      async hit(key) {
        const now = clock().getTime()
        // A window that has run out starts again at this event; otherwise the event adds to it. One statement, so
        // two instances counting the same client at once both count.
        const row = (
          await pool.query<{ start_ms: number; count: number }>(
            `INSERT INTO rate_windows AS w (key, start_ms, count) VALUES ($1, $2, 1)
             ON CONFLICT (key) DO UPDATE SET
               start_ms = CASE WHEN w.start_ms <= $2 - $3 THEN $2 ELSE w.start_ms END,
               count = CASE WHEN w.start_ms <= $2 - $3 THEN 1 ELSE w.count + 1 END
             RETURNING start_ms, count`,
            [`${scope}|${digest(key)}`, now, limit.windowMs],
          )
        ).rows[0]
        if (++hits % SWEEP_EVERY_HITS === 0) void pool.query('DELETE FROM rate_windows WHERE start_ms < $1', [now - SWEEP_AGE_MS]).catch(() => undefined)
        return row && row.count > limit.max ? secondsLeft(Number(row.start_ms)) : 0
      },
    }
  }
}
