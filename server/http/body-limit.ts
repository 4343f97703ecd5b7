// Request body size limits. A body that declares its length is judged by Content-Length before any of it is
// buffered; a chunked one is counted as it streams. Either way a refused body is read to its end and thrown away
// (up to a bound) before the 413 goes out, so the client gets to read it.
import type { Context, MiddlewareHandler } from 'hono'
import { ProblemError } from '../kernel/problems.ts'

// Why read a body only to discard it: browsers read the answer only once their upload is done, and the Node server
// gives an unread body 500 ms before it resets the connection, so on a phone's uplink a 6 MB photo over the limit
// ended as a broken upload instead of a 413. Beyond this many bytes the client is not a browser sending a photo, and
// the connection is not worth keeping.
const MAX_DISCARD_BYTES = 32 * 1024 * 1024

/** Reads and drops what is left of a stream, stopping once more than `budget` bytes have gone by. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let seen = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      seen += value.length
      if (seen > budget) {
        await reader.cancel()
        return
      }
    }
  } catch {
    // The client went away mid-body: nobody is left to answer, and the 413 is thrown anyway.
  }
}

/** Refuses bodies larger than `maxBytesOf(c)` with 413 `too-large`; a malformed Content-Length is 400. */
export function limitBodySize(maxBytesOf: (c: Context) => number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body
    if (!body) return next()
    const maxBytes = maxBytesOf(c)
    const refuse = (size: string) => new ProblemError(413, 'too-large', `request body ${size} exceeds the limit of ${maxBytes} bytes`)
    const declared = c.req.header('content-length')
    // With Transfer-Encoding, Content-Length means nothing (RFC 9112 §6.3): count the bytes instead.
    if (declared !== undefined && !c.req.raw.headers.has('transfer-encoding')) {
      if (!/^\d{1,15}$/.test(declared.trim())) throw new ProblemError(400, 'invalid-header', 'Content-Length must be a number of bytes')
      const length = Number(declared)
      if (length <= maxBytes) return next() // the HTTP parser holds the body to exactly this length
      if (length <= MAX_DISCARD_BYTES) await discard(body.getReader(), MAX_DISCARD_BYTES)
      throw refuse(`of ${length} bytes`)
    }
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > maxBytes) {
        await discard(reader, MAX_DISCARD_BYTES - size)
        throw refuse(`of more than ${maxBytes} bytes`)
      }
      chunks.push(value)
    }
    const whole = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      whole.set(chunk, offset)
      offset += chunk.length
    }
    c.req.raw = new Request(c.req.raw, { body: whole })
    return next()
  }
}
