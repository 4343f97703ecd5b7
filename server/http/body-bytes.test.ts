import { describe, expect, test } from 'vitest'
import { bodyChunks, byteLengthOf, responseOf } from './body-bytes.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('a response body read once, as its chunks', () => {
  test('a response made from chunks hands the same chunks back, unread, and still sends them in order', async () => {
    const chunks = [text('{"a":'), text('[1,2]'), text('}')]
    const res = responseOf(chunks, { status: 201, headers: new Headers({ 'content-type': 'application/json' }) })
    expect(await bodyChunks(res)).toBe(chunks)
    expect(byteLengthOf(chunks)).toBe(11)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.text()).toBe('{"a":[1,2]}')
  })

  test('any other response is read chunk by chunk, not joined', async () => {
    const parts = [text('one '), text('two')]
    const streamed = new Response(new ReadableStream({ start(c) { for (const p of parts) c.enqueue(p); c.close() } }))
    const read = await bodyChunks(streamed)
    expect(read).toHaveLength(2)
    expect(read[0]).toBe(parts[0]) // the very chunk, not a copy
    expect(new TextDecoder().decode(Buffer.concat(read))).toBe('one two')
    expect(await bodyChunks(new Response(null))).toEqual([])
  })
})
