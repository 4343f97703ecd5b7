// A response body read once by the middlewares that need it whole (the conditional GET hashes it, compression
// gzips it). Each read of a Response copies: cloning it to hash a copy, then reading it again to compress, made
// four copies of a 6.3 MB hotspot layer per request at megacity size — buffers V8 counts as external memory, every
// 64 MB of which starts a full garbage collection of the server's ~300 MB heap (~0.5 s of marking on the event
// loop). The bytes read are kept with the Response made from them, so the next middleware takes them as they are.
const readBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>()

/** The whole body of `res`: the bytes it was made from when `responseOf` made it, else read (which consumes it). */
export async function bodyBytes(res: Response): Promise<Uint8Array<ArrayBuffer>> {
  return readBodies.get(res) ?? new Uint8Array(await res.arrayBuffer())
}

/** A response sending `bytes` with the status and headers of `like`, and `bodyBytes` knows them. */
export function responseOf(bytes: Uint8Array<ArrayBuffer>, like: { status: number; statusText?: string; headers: Headers }): Response {
  // Under the Node server the global Response keeps the bytes as they are and writes them straight to the socket
  // (a Response of the web platform would copy them, but only tests run the app on that one).
  const res = new Response(bytes, { status: like.status, statusText: like.statusText, headers: like.headers })
  readBodies.set(res, bytes)
  return res
}
