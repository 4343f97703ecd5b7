import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { limitBodySize } from './body-limit.ts'
import { onError } from './problem.ts'

const LIMIT = 1000

function createEchoApp() {
  const app = new Hono().use(limitBodySize(() => LIMIT)).post('/echo', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)))
  app.onError(onError)
  return app
}

/** A body that arrives in pieces, as a chunked upload does (no Content-Length). */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes
  return new ReadableStream({
    pull(controller) {
      const n = Math.min(256, left)
      left -= n
      if (n > 0) controller.enqueue(new Uint8Array(n))
      if (left === 0) controller.close()
    },
  })
}

describe('limitBodySize', () => {
  test('passes a body within the limit on to the handler whole', async () => {
    const res = await createEchoApp().request('/echo', { method: 'POST', body: streamOf(LIMIT), duplex: 'half' } as RequestInit)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(String(LIMIT))
  })

  test('refuses a chunked body that grows past the limit as 413 too-large', async () => {
    const res = await createEchoApp().request('/echo', { method: 'POST', body: streamOf(LIMIT + 1), duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { code: string }).code).toBe('too-large')
  })

  test('refuses by Content-Length alone, and a malformed Content-Length as 400', async () => {
    const app = createEchoApp()
    expect((await app.request('/echo', { method: 'POST', headers: { 'content-length': String(LIMIT + 1) }, body: 'x' })).status).toBe(413)
    expect((await app.request('/echo', { method: 'POST', headers: { 'content-length': '12abc' }, body: 'x' })).status).toBe(400)
  })

  test('a client that reads only after uploading still receives the 413 for an oversize upload', async () => {
    // Browsers read the answer once the upload is done; the Node server resets a connection whose body is left
    // unread for 500 ms. 3 MB at ~3 MB/s takes about a second, so a limit that answered without reading the body
    // would leave this client with a reset instead of a status line.
    const server = serve({ fetch: createEchoApp().fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const { port } = server.address() as AddressInfo
    try {
      const total = 3 * 1024 * 1024
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1')
        let received = ''
        socket.pause()
        socket.on('data', (d) => (received += d.toString()))
        socket.on('error', reject)
        socket.on('close', () => resolve(received))
        socket.write(`POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: ${total}\r\nConnection: close\r\n\r\n`)
        let sent = 0
        const timer = setInterval(() => {
          if (sent >= total) {
            clearInterval(timer)
            socket.resume()
            return
          }
          const n = Math.min(64 * 1024, total - sent)
          socket.write(new Uint8Array(n))
          sent += n
        }, 20)
      })
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large')
      expect(answer).toContain('"code":"too-large"')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }, 20_000)
})
