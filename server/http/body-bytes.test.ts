import { describe, expect, test } from 'vitest'
import { bodyBytes, responseOf } from './body-bytes.ts'

describe('a response body read once', () => {
  test('a response made from bytes hands the same bytes back, unread; any other is read', async () => {
    const bytes = new TextEncoder().encode('{"a":1}')
    const res = responseOf(bytes, { status: 201, headers: new Headers({ 'content-type': 'application/json' }) })
    expect(await bodyBytes(res)).toBe(bytes)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.text()).toBe('{"a":1}') // and it still sends them
    const other = new Response('plain')
    expect(new TextDecoder().decode(await bodyBytes(other))).toBe('plain')
  })
})
