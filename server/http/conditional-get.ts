// Conditional GETs for the API (RFC 9110 §13): every successful GET carries an ETag — the route's own where it has
// one (tiles, issued briefings), else a digest of the body — and a request whose If-None-Match names it gets 304
// with no body. Live data is marked `private, no-cache`, so the browser keeps a copy but asks each time: a leader's
// dashboard polling an unchanged twelve-month layer downloads a few hundred bytes instead of megabytes. The digest's
// tag is weak (W/"…"): it stands for the content, whichever encoding carries it, so the gzipped 200 and the 304 after
// it name the same tag.
import type { MiddlewareHandler } from 'hono'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'

export function conditionalGet(): MiddlewareHandler {
  // A refreshed session cookie must survive a 304: the sliding session is renewed on whatever the request answers.
  const tagged = etag({ weak: true, retainedHeaders: [...RETAINED_304_HEADERS, 'set-cookie'] })
  return async function conditional(c, next) {
    await tagged(c, async () => {
      await next()
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.ok && !c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'private, no-cache')
    })
  }
}
