// JSON made where the data is: a worker serialises its (often megabytes of) GeoJSON to UTF-8 bytes and moves them to
// the main thread, which sends them unread — JSON.stringify of an H3 res-11 layer alone holds the event loop ~0.2 s,
// and copying the object graph between threads costs more than that.

declare const jsonOf: unique symbol

/** UTF-8 JSON text of a `T`. The type parameter is a phantom: it carries what the bytes decode to, for typed responses. */
export type JsonBytes<T> = Uint8Array<ArrayBuffer> & { readonly [jsonOf]?: T }

const encoder = new TextEncoder()

/** `value` as UTF-8 JSON bytes in a fresh buffer of their own (so it can be transferred). */
export function encodeJson<T>(value: T): JsonBytes<T> {
  return encoder.encode(JSON.stringify(value))
}

/** JSON text already made (it must be JSON of a `T`) as UTF-8 bytes in a fresh buffer of their own. */
export function encodeJsonText<T>(json: string): JsonBytes<T> {
  return encoder.encode(json)
}

/** UTF-8 JSON text of a `T` in consecutive chunks, to be sent one after another: joining megabytes costs a copy. */
export type JsonChunks<T> = readonly Uint8Array<ArrayBuffer>[] & { readonly [jsonOf]?: T }

/**
 * The JSON object `head` with one more member `key` whose value is already-encoded JSON, appended last:
 * `{...head, [key]: value}` without decoding or copying `value`. `head` must be a plain object.
 */
export function appendJsonMember<H extends object, K extends string, V>(head: H, key: K, value: JsonBytes<V>): JsonChunks<Omit<H, K> & { [k in K]: V }> {
  const text = JSON.stringify(head)
  if (!text.startsWith('{') || !text.endsWith('}')) throw new TypeError(`appendJsonMember: head must serialise to a JSON object, got ${text.slice(0, 40)}`)
  return [encoder.encode(`${text === '{}' ? '{' : `${text.slice(0, -1)},`}${JSON.stringify(key)}:`), value, encoder.encode('}')]
}
