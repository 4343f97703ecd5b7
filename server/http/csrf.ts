// CSRF protection for cookie-authenticated writes. SameSite=Lax already stops cross-site POSTs carrying the cookie
// in current browsers; this also refuses any unsafe request a browser marks as cross-origin, by Fetch Metadata
// (Sec-Fetch-Site) or, for older browsers, by an Origin that is not this server's. Non-browser clients (no such
// headers) pass: they cannot be driven by another site.
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'
import { ProblemError } from '../kernel/problems.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function csrfGuard(allowedOrigins: readonly string[] = []) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const own = new URL(c.req.url).origin
      const originOk = origin === undefined || origin === own || allowedOrigins.includes(origin)
      const siteOk = site === undefined || site === 'same-origin' || site === 'none' || (origin !== undefined && allowedOrigins.includes(origin))
      if (!siteOk || !originOk) {
        throw new ProblemError(403, 'csrf', `cross-origin ${c.req.method} refused (origin ${origin ?? 'none'}, sec-fetch-site ${site ?? 'none'})`)
      }
    }
    await next()
  })
}
