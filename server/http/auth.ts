// Sessions from the cookie, and per-route authorisation: `requireUser()`, `requirePermission(...)`.
// 401 when nobody is signed in, 403 when the signed-in user lacks the role; both problem+json via onError.
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { getConnInfo } from '@hono/node-server/conninfo'
import { isIP } from 'node:net'
import { hashSessionToken, type SessionPolicy } from '../auth/session-tokens.ts'
import type { Actor, User } from '../domain/roles.ts'
import { may, PERMISSIONS, type Permission } from '../kernel/permissions.ts'
import type { Store } from '../store/store.ts'
import type { AppEnv } from './env.ts'
import { ProblemError } from '../kernel/problems.ts'
import { recordGuard } from './openapi-guards.ts'

export const SESSION_COOKIE = 'gw_session'

// Writing last_seen on every request would turn reads into writes; a minute's resolution is enough for idle expiry.
const TOUCH_EVERY_MS = 60_000

/**
 * How many reverse proxies in front of us append to X-Forwarded-For: `TRUST_PROXY=N` (unset or 0: none, the socket's
 * address is the client). Each trusted proxy appends the address it saw, so the client is the N-th entry from the
 * RIGHT; everything left of it was written by the client and proves nothing.
 */
export function trustedProxyHops(env: string | undefined = process.env.TRUST_PROXY): number {
  if (env === undefined || env === '' || env === 'false') return 0
  if (env === 'true') return 1
  const n = Number(env)
  if (!/^\d{1,2}$/.test(env) || n > 16) throw new Error(`TRUST_PROXY must be the number of trusted proxy hops (0–16), not "${env}"`)
  return n
}

/** The value the N-th trusted hop wrote into a comma-separated forwarding header, or undefined without one. */
export function forwardedHop(header: string | undefined, hops: number): string | undefined {
  if (!header || hops === 0) return undefined
  const entries = header.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
  if (entries.length === 0) return undefined
  return entries[Math.max(0, entries.length - hops)]
}

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || forwardedHop(c.req.header('x-forwarded-proto'), trustedProxyHops()) === 'https'
}

export function setSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/', maxAge: Math.floor(maxAgeMs / 1000) })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
}

/** The client's address: the socket's, or the one the trusted proxies recorded (TRUST_PROXY=N). */
export function clientIp(c: Context): string {
  const forwarded = forwardedHop(c.req.header('x-forwarded-for'), trustedProxyHops())
  // A proxy writes an address; anything else in that slot is not one and is not believed.
  if (forwarded && isIP(forwarded.replace(/^\[|\]$/g, '')) !== 0) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

export function actorOf(c: Context<AppEnv>): Actor {
  const user = c.get('user')
  return user ? { userId: user.id, username: user.username, ip: clientIp(c) } : { userId: null, username: 'anonymous', ip: clientIp(c) }
}

/** Resolves the session cookie to a user; expired, unknown or disabled sessions are dropped and the cookie cleared. */
export function sessionMiddleware(store: Store, clock: () => Date, policy: SessionPolicy): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', undefined)
    c.set('sessionIdHash', undefined)
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const idHash = hashSessionToken(token)
      const session = await store.session(idHash)
      const now = clock().getTime()
      const live = session !== undefined && now < session.expiresMs && now < session.lastSeenMs + policy.idleMs
      const user = live ? await store.user(session.userId) : undefined
      if (session && user && !user.disabled) {
        c.set('user', user)
        c.set('sessionIdHash', idHash)
        if (now - session.lastSeenMs >= TOUCH_EVERY_MS) await store.touchSession(idHash, now)
      } else {
        clearSessionCookie(c)
      }
    }
    await next()
  })
}

export function signedInUser(c: Context<AppEnv>): User {
  const user = c.get('user')
  if (!user) throw new ProblemError(401, 'unauthenticated', 'sign in first (POST /api/session)')
  return user
}

/** Any signed-in user. */
export const requireUser = (): MiddlewareHandler<AppEnv> =>
  recordGuard(
    {},
    createMiddleware<AppEnv>(async (c, next) => {
      signedInUser(c)
      await next()
    }),
  )

/** A signed-in user holding the permission (the kernel's table says by which roles). */
export const requirePermission = (permission: Permission): MiddlewareHandler<AppEnv> =>
  recordGuard({ permission }, createMiddleware<AppEnv>(async (c, next) => {
    const user = signedInUser(c)
    if (!may(user.roles, permission)) {
      const roles = PERMISSIONS[permission]
      throw new ProblemError(403, 'forbidden', `this needs one of the roles ${roles.join(', ')}; you have ${user.roles.join(', ') || 'none'}`)
    }
    await next()
  }))

