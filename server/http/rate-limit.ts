// Fixed-window rate limits kept in memory (one process serves a bureau). Over the limit: 429 with Retry-After.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'
import { ProblemError } from './problem.ts'

export interface RateLimitOptions {
  windowMs: number // length of one counting window
  max: number // requests allowed per key per window
  key: (c: Context<AppEnv>) => string | Promise<string>
  clock: () => Date
}

export class RateLimitError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', `too many requests; try again in ${retryAfterSeconds} s`, undefined, { 'retry-after': String(retryAfterSeconds) })
  }
}

export function rateLimit(options: RateLimitOptions) {
  const windows = new Map<string, { startMs: number; count: number }>()
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = options.clock().getTime()
    const key = await options.key(c)
    let w = windows.get(key)
    if (!w || now - w.startMs >= options.windowMs) {
      w = { startMs: now, count: 0 }
      windows.set(key, w)
      // Forget finished windows so the map stays as small as the set of active clients.
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.startMs >= options.windowMs) windows.delete(k)
    }
    w.count += 1
    if (w.count > options.max) throw new RateLimitError(Math.max(1, Math.ceil((w.startMs + options.windowMs - now) / 1000)))
    await next()
  })
}
