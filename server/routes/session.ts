// Sign-in, the current user, sign-out. The session id is rotated at every sign-in.
import { Hono } from 'hono'
import { z } from 'zod'
import { randomBytes } from 'node:crypto'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import { newSessionToken, type SessionPolicy } from '../auth/session-tokens.ts'
import type { User } from '../domain/roles.ts'
import { actorOf, clearSessionCookie, clientIp, setSessionCookie, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { ProblemError } from '../http/problem.ts'
import { rateLimit } from '../http/rate-limit.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'

const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
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
  signInLimit: { windowMs: number; max: number } // attempts per client address and username
}

export const sessionRoutes = (store: Store, o: SessionRouteOptions) =>
  new Hono<AppEnv>()
    .post(
      '/session',
      rateLimit({
        ...o.signInLimit,
        clock: o.clock,
        key: async (c) => {
          // Read a clone so the validator still sees the body.
          const body: unknown = await c.req.raw.clone().json().catch(() => ({}))
          const username = typeof body === 'object' && body !== null && 'username' in body ? String(body.username).toLowerCase() : ''
          return `${clientIp(c)}|${username}`
        },
      }),
      validate('json', signInBody),
      async (c) => {
        const { username, password } = c.req.valid('json')
        const found = await store.credentials(username)
        const ok = await verifyPassword(found?.passwordHash ?? (await getDummyHash()), password)
        if (!found || !ok || found.user.disabled) throw new ProblemError(401, 'invalid-credentials', 'wrong username or password')
        const now = o.clock().getTime()
        const { token, idHash } = newSessionToken()
        await store.createSession(
          { idHash, userId: found.user.id, createdMs: now, lastSeenMs: now, expiresMs: now + o.policy.absoluteMs },
          { userId: found.user.id, username: found.user.username, ip: clientIp(c) },
          c.get('sessionIdHash'),
        )
        setSessionCookie(c, token, o.policy.absoluteMs)
        return c.json({ user: userJson(found.user), roles: found.user.roles })
      },
    )
    .get('/session', async (c) => {
      const user = signedInUser(c)
      return c.json({ user: userJson(user), roles: user.roles })
    })
    .delete('/session', async (c) => {
      const idHash = c.get('sessionIdHash')
      if (idHash) await store.deleteSession(idHash, actorOf(c))
      clearSessionCookie(c)
      return c.body(null, 204)
    })
