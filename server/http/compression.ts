// Gzip for responses a client accepts it for. Why not hono/compress: it pipes the body through CompressionStream at
// zlib's level 6, and for a megacity's twelve-month hotspot layer (6.3 MB) that was 56 ms a request against 29 ms
// for zlib at level 4 on libuv's thread pool (`npm run bench -- compression`), 10 % larger output. The JSON bodies
// here are made whole in memory anyway (JsonBytes), so the body is read as its chunks and those are gzipped as one
// stream (body-bytes.ts): no copy of the layer is made to compress it.
import { finished } from 'node:stream/promises'
import { createGzip, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { parseAccept } from 'hono/utils/accept'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { byteLengthOf, bodyChunks, responseOf, type BodyChunks } from './body-bytes.ts'

/** The chunks gzipped as one stream, on the thread pool, without joining them first. */
async function gzipChunks(chunks: BodyChunks): Promise<Uint8Array<ArrayBuffer>[]> {
  const gzip = createGzip({ level: GZIP_LEVEL })
  const out: Uint8Array<ArrayBuffer>[] = []
  gzip.on('data', (chunk: Buffer) => out.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) as Uint8Array<ArrayBuffer>))
  for (const chunk of chunks) gzip.write(chunk)
  gzip.end()
  await finished(gzip)
  return out
}

// Level 4: within ~10 % of level 6's size on GeoJSON, in about half the time (measured with zlib.gzipSync on 6.5 MB
// of hotspot-layer JSON: 883 KB in 39 ms against 781 KB in 76 ms). Smaller bodies than MIN_BYTES are sent as they
// are: gzip's header and the work cost more than they save.
const GZIP_LEVEL = 4
const MIN_BYTES = 1024
// Below this a body is compressed at once on the event loop: 0.07 ms for 2 KB, 0.23 ms for 64 KB here, against
// 0.17–0.40 ms through the thread pool on an idle loop — and on a busy one the answer waits its turn behind whatever
// the loop has queued (a crew's lamp repair answer is a few KB).
const SYNC_BELOW_BYTES = 64 * 1024

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i

/** Does the Accept-Encoding header accept gzip (explicitly or by `*`, with q > 0)? */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  const accepts = parseAccept(header)
  const q = accepts.find((a) => a.type.toLowerCase() === 'gzip')?.q ?? accepts.find((a) => a.type === '*')?.q ?? 0
  return q > 0
}

/**
 * Gzips compressible responses (JSON, GeoJSON, CSV, text, SVG) of 1 KB or more for clients that accept it. Leaves
 * alone what is already encoded (the tiles are stored gzipped), partial and HEAD responses, and `no-transform`.
 * A strong ETag becomes weak for a client that accepts gzip: the bytes differ from the identity representation's.
 */
export function compression(): MiddlewareHandler {
  return async function compress(c, next) {
    await next()
    const res = c.res
    const type = res.headers.get('content-type')
    if (!res.body || res.status === 206 || c.req.method === 'HEAD' || res.headers.has('content-encoding') || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return
    if (NO_TRANSFORM.test(res.headers.get('cache-control') ?? '')) return
    const declared = res.headers.get('content-length')
    if (declared !== null && Number(declared) < MIN_BYTES) return
    const vary = res.headers.get('vary')
    if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    if (!acceptsGzip(c.req.header('accept-encoding'))) return
    const body = await bodyChunks(res)
    const length = byteLengthOf(body)
    const headers = new Headers(res.headers)
    let sent = body
    if (length >= MIN_BYTES) {
      sent = length < SYNC_BELOW_BYTES ? [new Uint8Array(gzipSync(Buffer.concat(body), { level: GZIP_LEVEL }))] : await gzipChunks(body)
      headers.set('content-encoding', 'gzip')
      headers.set('content-length', String(byteLengthOf(sent)))
    }
    // Weak whether or not this one was worth compressing, so a client sees one form of a record's version tag
    // (a case's "3" comes back as W/"3" from every read and write; If-Match takes either).
    const etag = headers.get('etag')
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`)
    // Cleared first: assigning over a response makes Hono copy the old one's headers onto the new (a second
    // Set-Cookie, the identity Content-Length).
    c.res = undefined
    c.res = responseOf(sent, { status: res.status, statusText: res.statusText, headers })
  }
}
