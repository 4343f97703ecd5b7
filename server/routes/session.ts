// Sign-in, the current user, sign-out. The session id is rotated at every sign-in.
import { Hono } from 'hono'
import { z } from 'zod'
import { randomBytes } from 'node:crypto'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import { newSessionToken, type SessionPolicy } from '../auth/session-tokens.ts'
import type { User } from '../domain/roles.ts'
import { actorOf, clearSessionCookie, clientIp, setSessionCookie, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { ProblemError } from '../kernel/problems.ts'
import { RateLimitError, type RateCounterFactory } from '../http/rate-limit.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'

// The username is normalised before anything else sees it — NFKC folds full-width and compatibility forms, and
// surrounding whitespace goes — so " rlvictim", "rlvictim\t" and "ｒｌｖｉｃｔｉｍ" are one name to the limiter and to
// the account lookup alike; a padded name can neither earn fresh guesses nor reach the account by another key.
export const normaliseUsername = (raw: string) => raw.normalize('NFKC').trim()

const signInBody = z.strictObject({
  username: z.string().max(256).transform(normaliseUsername).pipe(z.string().min(1).max(64)),
  password: z.string().min(1).max(256),
})

export const userJson = (u: User) => ({
  id: u.id,
  username: u.username,
  display_name: u.displayName,
  roles: u.roles,
  zone_ids: u.zoneIds,
  unit_id: u.unitId,
  demo: u.demo,
  disabled: u.disabled,
  created_at: u.createdAt,
})

// A hash of a random password nobody knows, so signing in as an unknown user costs as much time as a wrong password
// (no username probing by timing). Made once, on first use.
let dummyHash: Promise<string> | undefined
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))

export interface SessionRouteOptions {
  clock: () => Date
  policy: SessionPolicy
  signInLimit: { windowMs: number; max: number } // failed attempts per client address and username
  counters: RateCounterFactory // where the failure windows are kept (shared by instances on PostgreSQL)
}

// One address may fail this many times per window across all usernames: enough for an office of typists behind
// one NAT, too few to spray a password over the user list.
const FAILURES_PER_ADDRESS_FACTOR = 10
// Expired sessions are swept at sign-in, at most this often: one indexed DELETE, no timer to manage.
const SWEEP_EVERY_MS = 60_000

export const sessionRoutes = (store: Store, o: SessionRouteOptions) => {
  // Only failures count: an office signing in correctly many times from one address is never locked out.
  const failuresPerName = o.counters('sign-in-name', o.signInLimit, o.clock)
  const failuresPerAddress = o.counters('sign-in-address', { windowMs: o.signInLimit.windowMs, max: o.signInLimit.max * FAILURES_PER_ADDRESS_FACTOR }, o.clock)
  let lastSweepMs = 0

  return new Hono<AppEnv>()
    .post('/session', validate('json', signInBody), async (c) => {
      const { username, password } = c.req.valid('json')
      const ip = clientIp(c)
      const nameKey = `${ip}|${username.toLowerCase()}`
      const wait = Math.max(await failuresPerName.retryAfter(nameKey), await failuresPerAddress.retryAfter(ip))
      if (wait > 0) throw new RateLimitError(wait)
      const found = await store.credentials(username)
      const ok = await verifyPassword(found?.passwordHash ?? (await getDummyHash()), password)
      if (!found || !ok || found.user.disabled) {
        await failuresPerName.hit(nameKey)
        await failuresPerAddress.hit(ip)
        throw new ProblemError(401, 'invalid-credentials', 'wrong username or password')
      }
      const now = o.clock().getTime()
      if (now - lastSweepMs >= SWEEP_EVERY_MS) {
        lastSweepMs = now
        await store.deleteExpiredSessions(now, o.policy.idleMs)
      }
      const { token, idHash } = newSessionToken()
      await store.createSession(
        { idHash, userId: found.user.id, createdMs: now, lastSeenMs: now, expiresMs: now + o.policy.absoluteMs },
        { userId: found.user.id, username: found.user.username, ip },
        c.get('sessionIdHash'),
      )
      setSessionCookie(c, token, o.policy.absoluteMs)
      return c.json({ user: userJson(found.user), roles: found.user.roles })
    })
    // 401 for nobody signed in, as every staff route answers; the web app asks with ?visitor=ok, where a visitor is
    // an answer (user null) rather than a failure, so a public page load logs no error in the browser's console
    .get('/session', validate('query', z.strictObject({ visitor: z.literal('ok').optional() })), async (c) => {
      if (!c.get('user') && c.req.valid('query').visitor === 'ok') return c.json({ user: null, roles: [] as string[] })
      const user = signedInUser(c)
      return c.json({ user: userJson(user), roles: user.roles })
    })
    .delete('/session', async (c) => {
      const idHash = c.get('sessionIdHash')
      if (idHash) await store.deleteSession(idHash, actorOf(c))
      clearSessionCookie(c)
      return c.body(null, 204)
    })
}
