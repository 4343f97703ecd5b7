// Every request resolves its session cookie to a session and a user: two queries per request, which under load
// queue on the pool and on a database server that may share the machine's cores (tiles p99 154 ms measured, against
// 21 ms on SQLite). Sessions and accounts change rarely (sign-in, sign-out, an administrator's edit), so each
// instance keeps the ones it resolved for a few seconds. Any write to them clears this instance's copy at once and
// tells the other instances through a notification channel of their own, so a sign-out on one instance ends the
// session on the others within milliseconds; a missed notification (listener connection lost) is bounded by the
// lifetime, and the feed clears everything when it reconnects. Until the listener is in place nothing is cached.
import type pg from 'pg'
import type { User } from '../../domain/roles.ts'
import type { SessionRecord } from '../store.ts'
import { PostgresChangeFeed } from './change-feed.ts'

const CHANNEL = 'gridwatch_accounts'
// Long enough to spare the database under a burst of tile requests, short enough that a lost notification is harmless.
const LIFETIME_MS = 5_000
// A bound on memory: past it the copy starts again (each entry is a few hundred bytes).
const MAX_ENTRIES = 20_000

interface Kept<T> {
  value: T
  at: number
}

type AccountChange = { kind: 'accounts' }

export class AccountCache {
  private readonly sessions = new Map<string, Kept<SessionRecord>>()
  private readonly users = new Map<string, Kept<User>>()
  private readonly feed: PostgresChangeFeed<AccountChange>
  private listening = false
  private starting: Promise<void> | undefined
  // Bumped by every clear: a read that began before a write must not put its (older) answer back afterwards.
  private generation = 0

  constructor(url: string, pool: pg.Pool) {
    this.feed = new PostgresChangeFeed<AccountChange>(url, pool, { kind: 'accounts' }, CHANNEL, false)
    this.feed.subscribe(() => this.clear())
  }

  async session(idHash: string, load: () => Promise<SessionRecord | undefined>): Promise<SessionRecord | undefined> {
    return this.read(this.sessions, idHash, load)
  }

  async user(id: string, load: () => Promise<User | undefined>): Promise<User | undefined> {
    return this.read(this.users, id, load)
  }

  /** A session's last-seen time moved: keep the copy in step, or the next request would touch it again. */
  touched(idHash: string, lastSeenMs: number): void {
    const kept = this.sessions.get(idHash)
    if (kept) kept.value = { ...kept.value, lastSeenMs }
  }

  /** Sessions or accounts were written: forget them here now, and on every other instance. */
  async changed(): Promise<void> {
    this.clear()
    if (this.listening) await this.feed.publish({ kind: 'accounts' })
  }

  async close(): Promise<void> {
    this.listening = false
    await this.feed.close()
  }

  private clear(): void {
    this.generation++
    this.sessions.clear()
    this.users.clear()
  }

  private async read<T>(map: Map<string, Kept<T>>, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    this.listen()
    const now = Date.now()
    const kept = map.get(key)
    if (kept && now - kept.at < LIFETIME_MS) return kept.value
    const generation = this.generation
    const value = await load()
    // Unknown tokens are not kept: a client guessing them must not fill the memory.
    if (value !== undefined && this.listening && generation === this.generation) {
      if (map.size >= MAX_ENTRIES) map.clear()
      map.set(key, { value, at: now })
    }
    return value
  }

  private listen(): void {
    this.starting ??= this.feed.start().then(
      () => void (this.listening = true),
      () => undefined, // no listener, no copies: every read goes to the database, as before
    )
  }
}

// One copy per connection pool: a store and the stores of its transactions share it.
const caches = new WeakMap<pg.Pool, AccountCache>()

export function accountCacheFor(url: string, pool: pg.Pool): AccountCache {
  let cache = caches.get(pool)
  if (!cache) caches.set(pool, (cache = new AccountCache(url, pool)))
  return cache
}
