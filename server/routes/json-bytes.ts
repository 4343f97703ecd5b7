// Responses whose JSON was serialised elsewhere (an analysis worker), typed as if they came from c.json so the web
// client's AppType still sees their shape.
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { JsonBytes, JsonChunks } from '../workers/json-bytes.ts'

/** A 200 application/json response with `body` as is; chunks are streamed one after another, never joined. */
export function respondJsonBytes<T>(c: Context, body: JsonBytes<T> | JsonChunks<T>): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const data =
    body instanceof Uint8Array
      ? body
      : new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of body) controller.enqueue(chunk)
            controller.close()
          },
        })
  // c.body, not new Response: it keeps headers the middleware set on the context (a refreshed session cookie).
  const res: Response = c.body(data, 200, { 'content-type': 'application/json' })
  // The bytes are JSON.stringify of a T (encodeJson's contract): what c.json would have sent, so type it the same.
  return res as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}
