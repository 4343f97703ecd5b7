// Conditional GETs for the API (RFC 9110 §13): a successful GET without an ETag of the route's own gets a weak digest
// of its body as one, and a request whose If-None-Match names it gets 304 with no body. Live data is marked
// `private, no-cache`, so the browser keeps a copy but asks each time: a leader's dashboard polling an unchanged
// twelve-month layer downloads a few hundred bytes instead of megabytes. The tag is weak (W/"…"): it stands for
// the content, whichever encoding carries it, so the gzipped 200 and the 304 after it name the same tag.
//
// A route's own ETag is left alone, and so is If-None-Match against it: a case's or a lamp's "3" is its version for
// If-Match, not a tag of the whole answer (a case's timeline and photos change without a new version), so only the
// routes whose tag is a hash of the content — tiles, issued briefings — answer 304 themselves.
import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { bodyChunks, responseOf } from './body-bytes.ts'

// What a 304 keeps of the 200 it stands for (RFC 9110 §15.4.5), and a renewed session cookie.
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'set-cookie']

const matches = (ifNoneMatch: string | undefined, tag: string) => {
  const opaque = tag.replace(/^W\//, '')
  return ifNoneMatch?.match(/"[^"]*"/g)?.some((t) => t === opaque) ?? false // weak comparison (§8.8.3.2)
}

export function conditionalGet(): MiddlewareHandler {
  return async function conditional(c, next) {
    await next()
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !c.res.ok || c.res.status === 206) return
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'private, no-cache')
    if (c.res.headers.has('etag') || !c.res.body) return
    const res = c.res
    const body = await bodyChunks(res)
    const hash = createHash('sha1')
    for (const chunk of body) hash.update(chunk)
    const tag = `W/"${hash.digest('hex')}"`
    if (!matches(c.req.header('if-none-match'), tag)) {
      const headers = new Headers(res.headers)
      headers.set('etag', tag)
      c.res = undefined // cleared first: assigning over a response makes Hono copy its headers onto the new one
      c.res = responseOf(body, { status: res.status, statusText: res.statusText, headers })
      return
    }
    const headers = new Headers()
    for (const name of KEPT_ON_304) for (const value of name === 'set-cookie' ? res.headers.getSetCookie() : [res.headers.get(name)]) if (value !== null) headers.append(name, value)
    headers.set('etag', tag)
    c.res = undefined
    c.res = new Response(null, { status: 304, headers })
  }
}
