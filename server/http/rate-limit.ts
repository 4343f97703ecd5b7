// Fixed-window rate limits. Over the limit: 429 with Retry-After. One instance keeps its windows in memory
// (WindowCounter); several instances on one PostgreSQL database share theirs through it
// (store/postgres/rate-windows.ts), so a client cannot multiply its allowance by the number of instances.
//
// Keys are hashed before they are stored, so a key costs the same few bytes whatever a client sends, and the
// store is bounded: past `maxKeys` live keys the oldest window is forgotten first. An attacker who could flood the
// store with fresh keys would only forget other clients' counts, never grow the process; every key a limiter sees is
// built from input already validated and normalised by the caller, so padding a value cannot make a new key.
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'
import { ProblemError } from '../kernel/problems.ts'

export interface WindowLimit {
  windowMs: number // length of one counting window
  max: number // events allowed per key per window
}

export class RateLimitError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', `too many requests; try again in ${retryAfterSeconds} s`, undefined, { 'retry-after': String(retryAfterSeconds) })
  }
}

// 10,000 live windows × ~100 bytes: about a megabyte at most, whatever the traffic.
const DEFAULT_MAX_KEYS = 10_000

const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22)

/** Counts events per key in fixed windows, in bounded memory. */
export class WindowCounter {
  private readonly windows = new Map<string, { startMs: number; count: number }>()

  constructor(
    private readonly limit: WindowLimit,
    private readonly clock: () => Date,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  /** Seconds until `key` may act again, or 0 when it is under its limit. Counts nothing. */
  retryAfter(key: string): number {
    const w = this.live(digest(key), this.clock().getTime())
    return w && w.count >= this.limit.max ? this.secondsLeft(w.startMs) : 0
  }

  /** Counts one event for `key`; returns the seconds to wait when this event is over the limit, else 0. */
  hit(key: string): number {
    const now = this.clock().getTime()
    const k = digest(key)
    let w = this.live(k, now)
    if (!w) {
      w = { startMs: now, count: 0 }
      this.remember(k, w, now)
    }
    w.count += 1
    return w.count > this.limit.max ? this.secondsLeft(w.startMs) : 0
  }

  get size(): number {
    return this.windows.size
  }

  private live(k: string, now: number) {
    const w = this.windows.get(k)
    return w && now - w.startMs < this.limit.windowMs ? w : undefined
  }

  private remember(k: string, w: { startMs: number; count: number }, now: number): void {
    this.windows.delete(k) // re-inserted last: the Map's order is the windows' age
    if (this.windows.size >= this.maxKeys) {
      for (const [key, v] of this.windows) if (now - v.startMs >= this.limit.windowMs) this.windows.delete(key)
      // Still full of live windows: forget the oldest ones.
      for (const key of this.windows.keys()) {
        if (this.windows.size < this.maxKeys) break
        this.windows.delete(key)
      }
    }
    this.windows.set(k, w)
  }

  private secondsLeft(startMs: number): number {
    return Math.max(1, Math.ceil((startMs + this.limit.windowMs - this.clock().getTime()) / 1000))
  }
}

/** A limiter's windows wherever they are kept; both methods answer in seconds, as WindowCounter's do. */
export interface RateCounter {
  retryAfter(key: string): Promise<number>
  hit(key: string): Promise<number>
}

/** Makes the counter for one limiter: `scope` keeps limiters that share a store apart. */
export type RateCounterFactory = (scope: string, limit: WindowLimit, clock: () => Date) => RateCounter

/** Windows in this process's memory: right for a single instance. */
export const memoryRateCounters: RateCounterFactory = (_scope, limit, clock) => {
  const counter = new WindowCounter(limit, clock)
  return { retryAfter: async (key) => counter.retryAfter(key), hit: async (key) => counter.hit(key) }
}

/** Windows kept outside the process (a database several instances share), keyed by whatever the caller sends. */
export interface SharedWindows {
  peek(key: string): Promise<{ startMs: number; count: number } | undefined>
  hit(key: string, nowMs: number, windowMs: number): Promise<{ startMs: number; count: number }>
}

/** Counters over shared windows: the same arithmetic as WindowCounter, with keys hashed and scoped. */
export function sharedRateCounters(windows: SharedWindows): RateCounterFactory {
  return (scope, limit, clock) => {
    const secondsLeft = (startMs: number) => Math.max(1, Math.ceil((startMs + limit.windowMs - clock().getTime()) / 1000))
    const keyOf = (key: string) => `${scope}|${digest(key)}`
    return {
      async retryAfter(key) {
        const w = await windows.peek(keyOf(key))
        return w && clock().getTime() - w.startMs < limit.windowMs && w.count >= limit.max ? secondsLeft(w.startMs) : 0
      },
      async hit(key) {
        const w = await windows.hit(keyOf(key), clock().getTime(), limit.windowMs)
        return w.count > limit.max ? secondsLeft(w.startMs) : 0
      },
    }
  }
}

export interface RateLimitOptions extends WindowLimit {
  key: (c: Context<AppEnv>) => string
  clock: () => Date
  scope: string
  counters: RateCounterFactory
}

/** Every request counts: for public endpoints, keyed by client address. */
export function rateLimit(options: RateLimitOptions) {
  const counter = options.counters(options.scope, options, options.clock)
  return createMiddleware<AppEnv>(async (c, next) => {
    const wait = await counter.hit(options.key(c))
    if (wait > 0) throw new RateLimitError(wait)
    await next()
  })
}
