// A response body read once by the middlewares that need it whole (the conditional GET hashes it, compression
// gzips it), as the chunks it was made of. Each read of a Response copies: cloning it to hash a copy, then reading
// it again to compress, made four copies of a 6.3 MB hotspot layer per request at megacity size — buffers V8 counts
// as external memory, whose growth starts full garbage collections of the server's heap; reading it whole still
// joined its chunks (the layer's head, its features, the closing brace) into a fifth. The chunks read are kept with
// the Response made from them, so the next middleware takes them as they are.
export type BodyChunks = readonly Uint8Array<ArrayBuffer>[]

const readBodies = new WeakMap<Response, BodyChunks>()

/** The body of `res` as chunks: those it was made from when `responseOf` made it, else read (which consumes it). */
export async function bodyChunks(res: Response): Promise<BodyChunks> {
  const kept = readBodies.get(res)
  if (kept) return kept
  if (!res.body) return []
  const chunks: Uint8Array<ArrayBuffer>[] = []
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return chunks
    chunks.push(value as Uint8Array<ArrayBuffer>)
  }
}

export const byteLengthOf = (chunks: BodyChunks): number => chunks.reduce((n, c) => n + c.byteLength, 0)

/** A response sending `chunks` one after another with the status and headers of `like`; `bodyChunks` knows them. */
export function responseOf(chunks: BodyChunks, like: { status: number; statusText?: string; headers: Headers }): Response {
  // One chunk goes as it is: under the Node server the global Response keeps the bytes and writes them straight to
  // the socket (a Response of the web platform would copy them, but only tests run the app on that one).
  const body =
    chunks.length === 1
      ? chunks[0]!
      : new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk)
            controller.close()
          },
        })
  const res = new Response(body, { status: like.status, statusText: like.statusText, headers: like.headers })
  readBodies.set(res, chunks)
  return res
}
